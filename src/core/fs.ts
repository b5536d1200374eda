import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile, stat, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { InputError } from './errors.ts';

/**
 * Writes a file atomically: the bytes go to a temporary sibling, then one rename replaces the
 * target. A crash or a failed check never leaves a half-written report, model or profile behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes JSON (2-space indent, trailing newline) atomically. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Throws an {@link InputError} naming the file when it does not exist or is not a regular file. */
export async function assertReadableFile(path: string, what = 'file'): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${what} not found`, { file: path });
  }
  if (!info.isFile()) throw new InputError(`${what} is not a regular file`, { file: path });
}

/** Opens a file for reading; a missing, directory or unreadable path is an {@link InputError} naming it (exit 2). */
export async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('file not found', { file: path }, { cause: error });
    if (code === 'EISDIR') throw new InputError('is a directory, not a data file', { file: path }, { cause: error });
    throw new InputError(`cannot open: ${(error as Error).message}`, { file: path }, { cause: error });
  }
}

/** Whether anything exists at `path` (file, directory or link target). */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
