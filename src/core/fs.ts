import { lstat, mkdir, open, realpath, rename, rm, writeFile, stat, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomHex } from './random.ts';
import { InputError } from './errors.ts';

/** How a failed write names what it wrote: `cannot write the <what>` (default `file`), and its path (default the one written). */
export interface WriteOptions {
  what?: string;
  /** The path as the user gave it (a relative one stays relative in the message). */
  name?: string;
}

/**
 * Writes a file atomically: the bytes go to a temporary sibling, then one rename replaces the
 * target. A crash or a failed check never leaves a half-written report, model or profile behind.
 * A write the file system refuses (the target is a directory, a parent is a file, no permission,
 * a read-only or full disk) is an {@link InputError} naming the path and the reason, exit 2; the
 * temporary file is removed and a previous file at the path is left as it was.
 *
 * A symbolic link is written through: the file it points to is replaced, the link stays. A target
 * that is not a regular file — `/dev/null`, `/dev/stdout`, a named pipe — is written in place: a
 * rename would put a regular file where the device or pipe was (run as root, `-o /dev/null` replaced
 * the machine's /dev/null), and such a target holds no earlier content to protect.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const existing = await lstat(path).catch(() => null);
  if (existing?.isSymbolicLink()) {
    const resolved = await realpath(path).catch(() => null);
    // A dangling link keeps the old behaviour: the link itself is replaced by the file.
    if (resolved !== null) return writeFileAtomic(resolved, data, { ...options, name: options.name ?? path });
  } else if (existing !== null && !existing.isFile() && !existing.isDirectory()) {
    try {
      await writeFile(path, data);
    } catch (error) {
      throw await cannotWrite(path, options, error, 'write');
    }
    return;
  }
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw await cannotWrite(path, options, error, 'mkdir');
  }
  const temp = join(dir, `.${basename(path)}.${randomHex(6)}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw await cannotWrite(path, options, error, 'write');
  }
}

/** Writes JSON (2-space indent, trailing newline) atomically. */
export async function writeJsonAtomic(path: string, value: unknown, options: WriteOptions = {}): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, options);
}

/** Why the file system refused a write, in words; errors without an errno code are not this. */
const WRITE_REFUSALS: Record<string, string> = {
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'the file is busy',
};

/** The error of a failed atomic write: an InputError for a file-system refusal, else the error itself (a bug). */
async function cannotWrite(path: string, options: WriteOptions, error: unknown, step: 'mkdir' | 'write'): Promise<unknown> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || (error as NodeJS.ErrnoException).syscall === undefined) return error;
  let reason = WRITE_REFUSALS[code];
  const name = options.name ?? path;
  if (code === 'ENOTDIR' || (code === 'EEXIST' && step === 'mkdir')) {
    const file = await fileAmongParents(path, name);
    reason = file === undefined ? 'a parent is not a directory' : `${file} is not a directory`;
  } else if (code === 'ENOENT') {
    reason = step === 'mkdir' ? 'its directory cannot be created' : `${dirname(name) === '.' ? dirname(path) : dirname(name)} does not accept new files`;
  }
  // Anything else: Node's words without the paths (`EIO: i/o error, write` → `EIO: i/o error`).
  reason ??= (error as Error).message.replace(/,.*$/s, '');
  return new InputError(`cannot write the ${options.what ?? 'file'}: ${reason}`, { file: name }, { cause: error });
}

/**
 * The nearest existing parent of `path` when it is not a directory (a file where a folder should
 * be), as `name` spells it where `name` has that parent.
 */
async function fileAmongParents(path: string, name: string): Promise<string | undefined> {
  let shown = name;
  for (let parent = dirname(path); parent !== dirname(parent); parent = dirname(parent)) {
    shown = dirname(shown);
    const info = await stat(parent).catch(() => null);
    if (info !== null) return info.isDirectory() ? undefined : shown === '.' || shown === dirname(shown) ? parent : shown;
  }
  return undefined;
}

/**
 * Throws an {@link InputError} naming the file when it does not exist or cannot be read whole as
 * a file: a directory, a socket. Pipes are files to read (`--schema <(git show main:schema.yaml)`,
 * `/dev/stdin`): the callers read them to the end once.
 */
export async function assertReadableFile(path: string, what = 'file'): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${what} not found`, { file: path });
  }
  if (info.isDirectory()) throw new InputError(`${what} is a directory`, { file: path });
  if (!info.isFile() && !info.isFIFO() && !info.isCharacterDevice()) throw new InputError(`${what} is not a regular file`, { file: path });
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

/**
 * Whether a path names a JSON file, by its extension in any case: a schema read as JSON rather
 * than YAML, a report written as JSON rather than markdown. Readers and writers must agree, or
 * `schema infer -o S.JSON` writes YAML that `--schema S.JSON` then fails to parse.
 */
export function isJsonPath(path: string): boolean {
  return /\.json$/i.test(path);
}
