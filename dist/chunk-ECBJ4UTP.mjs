import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-2CNBRTGX.mjs";

// src/core/fs.ts
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, writeFile, stat } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
async function writeFileAtomic(path, data) {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
async function writeJsonAtomic(path, value) {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}
`);
}
async function assertReadableFile(path, what = "file") {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${what} not found`, { file: path });
  }
  if (!info.isFile()) throw new InputError(`${what} is not a regular file`, { file: path });
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

export {
  writeFileAtomic,
  writeJsonAtomic,
  assertReadableFile,
  openForReading,
  exists
};
