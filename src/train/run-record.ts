/**
 * Provenance for run.json: the git commit and dirty flag, data file hashes (sha256 + DVC md5),
 * package versions. Every number in a run record can be traced back to a commit and to data bytes.
 */
import { execFile } from 'node:child_process';
import { relative, sep } from 'node:path';
import { hashFile } from '../table/index.ts';

export interface GitInfo {
  commit: string | null;
  dirty: boolean | null;
  branch: string | null;
}

function git(args: string[], cwd: string): Promise<string | null> {
  return new Promise((done) => {
    execFile('git', args, { cwd, timeout: 10_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => done(error ? null : stdout));
  });
}

/** `git rev-parse HEAD` and `git status --porcelain` in `cwd`; nulls outside a repository. */
export async function gitInfo(cwd: string): Promise<GitInfo> {
  const commit = (await git(['rev-parse', 'HEAD'], cwd))?.trim() || null;
  if (!commit) return { commit: null, dirty: null, branch: null };
  const status = await git(['status', '--porcelain', '--untracked-files=no'], cwd);
  const branch = (await git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd))?.trim() || null;
  return { commit, dirty: status === null ? null : status.trim().length > 0, branch: branch === 'HEAD' ? null : branch };
}

export interface DataFileRecord {
  /** Path relative to the working directory (POSIX separators) when inside it, else absolute. */
  path: string;
  sha256: string;
  /** DVC-compatible md5. */
  md5: string;
  bytes: number;
}

/** Hashes data files for the run record. */
export async function dataFileRecords(paths: string[], cwd: string): Promise<DataFileRecord[]> {
  const out: DataFileRecord[] = [];
  for (const path of paths) {
    const h = await hashFile(path);
    out.push({ path: displayPath(path, cwd), sha256: h.sha256, md5: h.md5, bytes: h.bytes });
  }
  return out;
}

/** A path relative to `cwd` when it lies inside it (POSIX separators), else unchanged. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : path;
}
