/**
 * The model's identity: sha256 over the sorted list of its files' sha256 and relative paths
 * (the text `sha256sum` would print, paths sorted bytewise). It depends only on file contents and
 * names — not on mtimes, permissions, the order a file system lists them in, or the tarball.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { ModelFileEntry } from './metadata.ts';

/** sha256 (hex) and size of one file, streamed. */
export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Lists a model directory's regular files (posix relative paths, sorted bytewise). */
export async function listModelFiles(dir: string): Promise<string[]> {
  let info;
  try {
    info = await lstat(dir);
  } catch {
    throw new InputError('model directory not found', { file: dir });
  }
  if (!info.isDirectory()) throw new InputError('model path is not a directory', { file: dir });
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const relPath = rel ? posix.join(rel, e.name) : e.name;
      if (e.isDirectory()) await walk(relPath);
      else if (e.isFile()) out.push(relPath);
      // Symlinks and special files are refused: their targets are outside what we hash and ship.
      else throw new InputError('model directories may hold only regular files and directories', { file: join(dir, relPath) });
    }
  }
  await walk('');
  if (out.length === 0) throw new InputError('model directory is empty', { file: dir });
  return out.sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
}

/** The digest of a file list (see the module comment). */
export function digestFileList(files: ModelFileEntry[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))) hash.update(`${f.sha256}  ${f.path}\n`);
  return hash.digest('hex');
}

/** Hashes a model directory: per-file entries and the model sha256. */
export async function hashModelDir(dir: string): Promise<{ sha256: string; bytes: number; files: ModelFileEntry[] }> {
  const files: ModelFileEntry[] = [];
  for (const path of await listModelFiles(dir)) files.push({ path, ...(await sha256File(join(dir, ...path.split('/')))) });
  return { sha256: digestFileList(files), bytes: files.reduce((s, f) => s + f.bytes, 0), files };
}
