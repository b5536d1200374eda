import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  randomHex
} from "./chunk-EY3EEY7L.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/core/fs.ts
import { lstat, mkdir, open, realpath, rename, rm, writeFile, stat } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
async function writeFileAtomic(path, data, options = {}) {
  const existing = await lstat(path).catch(() => null);
  if (existing?.isSymbolicLink()) {
    const resolved = await realpath(path).catch(() => null);
    if (resolved !== null) return writeFileAtomic(resolved, data, { ...options, name: options.name ?? path });
  } else if (existing !== null && !existing.isFile() && !existing.isDirectory()) {
    try {
      await writeFile(path, data);
    } catch (error) {
      throw await cannotWrite(path, options, error, "write");
    }
    return;
  }
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw await cannotWrite(path, options, error, "mkdir");
  }
  const temp = join(dir, `.${basename(path)}.${randomHex(6)}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => void 0);
    throw await cannotWrite(path, options, error, "write");
  }
}
async function writeJsonAtomic(path, value, options = {}) {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}
`, options);
}
var WRITE_REFUSALS = {
  EISDIR: "is a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many levels of symbolic links",
  EBUSY: "the file is busy"
};
async function cannotWrite(path, options, error, step) {
  const code = error?.code;
  if (typeof code !== "string" || error.syscall === void 0) return error;
  let reason = WRITE_REFUSALS[code];
  const name = options.name ?? path;
  if (code === "ENOTDIR" || code === "EEXIST" && step === "mkdir") {
    const file = await fileAmongParents(path, name);
    reason = file === void 0 ? "a parent is not a directory" : `${file} is not a directory`;
  } else if (code === "ENOENT") {
    reason = step === "mkdir" ? "its directory cannot be created" : `${dirname(name) === "." ? dirname(path) : dirname(name)} does not accept new files`;
  }
  reason ??= error.message.replace(/,.*$/s, "");
  return new InputError(`cannot write the ${options.what ?? "file"}: ${reason}`, { file: name }, { cause: error });
}
async function fileAmongParents(path, name) {
  let shown = name;
  for (let parent = dirname(path); parent !== dirname(parent); parent = dirname(parent)) {
    shown = dirname(shown);
    const info = await stat(parent).catch(() => null);
    if (info !== null) return info.isDirectory() ? void 0 : shown === "." || shown === dirname(shown) ? parent : shown;
  }
  return void 0;
}
async function assertReadableFile(path, what = "file") {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${what} not found`, { file: path });
  }
  if (info.isDirectory()) throw new InputError(`${what} is a directory`, { file: path });
  if (!info.isFile() && !info.isFIFO() && !info.isCharacterDevice()) throw new InputError(`${what} is not a regular file`, { file: path });
}
async function openForReading(path) {
  try {
    return await open(path, "r");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw new InputError("file not found", { file: path }, { cause: error });
    if (code === "EISDIR") throw new InputError("is a directory, not a data file", { file: path }, { cause: error });
    throw new InputError(`cannot open: ${error.message}`, { file: path }, { cause: error });
  }
}
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
function isJsonPath(path) {
  return /\.json$/i.test(path);
}

export {
  writeFileAtomic,
  writeJsonAtomic,
  assertReadableFile,
  openForReading,
  exists,
  isJsonPath
};
