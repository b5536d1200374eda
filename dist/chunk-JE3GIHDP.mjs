import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  hashFile
} from "./chunk-VFQYOCDE.mjs";

// src/train/run-record.ts
import { execFile } from "node:child_process";
import { relative, sep } from "node:path";
function git(args, cwd) {
  return new Promise((done) => {
    execFile("git", args, { cwd, timeout: 1e4, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => done(error ? null : stdout));
  });
}
async function gitInfo(cwd) {
  const commit = (await git(["rev-parse", "HEAD"], cwd))?.trim() || null;
  if (!commit) return { commit: null, dirty: null, branch: null };
  const status = await git(["status", "--porcelain", "--untracked-files=no"], cwd);
  const branch = (await git(["rev-parse", "--abbrev-ref", "HEAD"], cwd))?.trim() || null;
  return { commit, dirty: status === null ? null : status.trim().length > 0, branch: branch === "HEAD" ? null : branch };
}
async function dataFileRecords(paths, cwd) {
  const out = [];
  for (const path of paths) {
    const h = await hashFile(path);
    out.push({ path: displayPath(path, cwd), sha256: h.sha256, md5: h.md5, bytes: h.bytes });
  }
  return out;
}
function displayPath(path, cwd) {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !rel.startsWith(sep) ? rel.split(sep).join("/") : path;
}

export {
  gitInfo,
  dataFileRecords,
  displayPath
};
