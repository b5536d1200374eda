import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/registry/model-hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join, posix } from "node:path";
async function sha256File(path) {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
async function listModelFiles(dir) {
  let info;
  try {
    info = await lstat(dir);
  } catch {
    throw new InputError("model directory not found", { file: dir });
  }
  if (!info.isDirectory()) throw new InputError("model path is not a directory", { file: dir });
  const out = [];
  async function walk(rel) {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const relPath = rel ? posix.join(rel, e.name) : e.name;
      if (e.isDirectory()) await walk(relPath);
      else if (e.isFile()) out.push(relPath);
      else throw new InputError("model directories may hold only regular files and directories", { file: join(dir, relPath) });
    }
  }
  await walk("");
  if (out.length === 0) throw new InputError("model directory is empty", { file: dir });
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
function digestFileList(files) {
  const hash = createHash("sha256");
  for (const f of [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))) hash.update(`${f.sha256}  ${f.path}
`);
  return hash.digest("hex");
}
async function hashModelDir(dir) {
  const files = [];
  for (const path of await listModelFiles(dir)) files.push({ path, ...await sha256File(join(dir, ...path.split("/"))) });
  return { sha256: digestFileList(files), bytes: files.reduce((s, f) => s + f.bytes, 0), files };
}

export {
  sha256File,
  listModelFiles,
  digestFileList,
  hashModelDir
};
