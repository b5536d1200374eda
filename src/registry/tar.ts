/**
 * A minimal, deterministic ustar writer and reader for model tarballs (gzip-compressed).
 *
 * Why not the `tar` binary: GNU tar, bsdtar (macOS, Windows runners) and busybox tar write
 * different headers (mtimes, owners, ordering, PAX records), so the same model would give a
 * different tarball — and a different sha256 — on every runner. Why not the `tar` npm package:
 * ~100 lines cover what we need (regular files, sorted, mtime 0, owner 0), and the reader can
 * refuse everything unsafe (absolute paths, `..`, links, devices) by construction.
 *
 * A path that does not fit ustar's name (100 bytes) and prefix (155 bytes) fields — a file name
 * over 100 bytes, a deep path over 255 — gets a pax extended header with its whole path, written
 * as deterministically as the rest (fixed header name, mtime 0).
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError } from '../core/errors.ts';

const BLOCK = 512;

function writeString(buf: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar field too long: ${value}`);
  bytes.copy(buf, offset);
}

function writeOctal(buf: Buffer, offset: number, length: number, value: number): void {
  writeString(buf, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

/** Splits a path into ustar's prefix (155) and name (100) fields; null when it does not fit them. */
function splitPath(path: string): { prefix: string; name: string } | null {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name) return { prefix, name };
  }
  return null;
}

/** The last characters of `text` that fit in `bytes` UTF-8 bytes (a whole character never split). */
function tailBytes(text: string, bytes: number): string {
  const chars = [...text];
  let out = '';
  for (let i = chars.length - 1; i >= 0 && Buffer.byteLength(chars[i]! + out) <= bytes; i--) out = chars[i]! + out;
  return out;
}

/** One pax extended header record: `<length> <key>=<value>\n`, the length counting its own digits. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const n = Buffer.byteLength(body);
  let length = n + String(n).length;
  while (String(length).length + n !== length) length = String(length).length + n;
  return `${length}${body}`;
}

/**
 * The header blocks of one file: plain ustar when the path fits its name (100 bytes) and prefix
 * (155) fields — so archives of such models keep their bytes — else a pax extended header
 * (POSIX.1-2001, read by every tar since) carrying the whole path, followed by the ustar header
 * with the path's tail as a stand-in for readers without pax support.
 */
function headers(path: string, size: number): Buffer[] {
  const split = splitPath(path);
  if (split) return [header(split, size, '0')];
  const record = Buffer.from(paxRecord('path', path), 'utf8');
  const pad = (BLOCK - (record.length % BLOCK)) % BLOCK;
  const tail = tailBytes(path, 100).replace(/^\/+/, '') || 'file';
  return [header({ prefix: '', name: 'PaxHeader' }, record.length, 'x'), record, Buffer.alloc(pad), header({ prefix: '', name: tail }, size, '0')];
}

function header({ prefix, name }: { prefix: string; name: string }, size: number, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(BLOCK);
  writeString(h, 0, 100, name);
  writeOctal(h, 100, 8, 0o644);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  if (size > 0o77777777777) throw new InputError('file too large for a ustar archive (8 GiB)', { file: prefix ? `${prefix}/${name}` : name });
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, 0); // mtime 0: the archive depends on contents only
  h.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  writeString(h, 156, 1, type);
  writeString(h, 257, 6, 'ustar\0');
  writeString(h, 263, 2, '00');
  writeString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  writeString(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/**
 * Writes `files` (posix relative paths under `dir`, in the given order) as a gzip'd ustar archive.
 * Files are read in full one at a time; model directories are small enough for that.
 */
export async function writeTarGz(dir: string, files: string[], outPath: string): Promise<void> {
  const chunks: Buffer[] = [];
  for (const rel of files) {
    const parts: Buffer[] = [];
    for await (const c of createReadStream(join(dir, ...rel.split('/')))) parts.push(c as Buffer);
    const data = Buffer.concat(parts);
    chunks.push(...headers(rel, data.length), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) chunks.push(Buffer.alloc(pad));
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  const gz = gzipSync(Buffer.concat(chunks), { level: 9 });
  // The gzip header's OS byte is zlib's compile-time OS code (3 on Unix, 10 on Windows); set it
  // to 255 ("unknown") so the same model gives the same bytes on every runner.
  gz[9] = 255;
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, gz);
}

function readString(buf: Buffer, offset: number, length: number): string {
  const end = buf.indexOf(0, offset);
  return buf.toString('utf8', offset, end < 0 || end > offset + length ? offset + length : end);
}

function safeRelative(path: string, archive: string): string {
  const clean = path.replace(/^\.\//, '');
  const parts = clean.split('/');
  if (!clean || clean.startsWith('/') || /^[a-zA-Z]:/.test(clean) || parts.some((p) => p === '..' || p === '') || clean.includes('\\')) {
    throw new InputError(`unsafe path '${path}' in archive`, { file: archive });
  }
  return clean;
}

/** The `path` record of a pax extended header, if it has one. */
function parsePaxPath(data: Buffer, archive: string): string | undefined {
  let path: string | undefined;
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space < 0 ? NaN : Number(data.toString('ascii', at, space));
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > data.length) throw new InputError('corrupt pax header', { file: archive });
    const record = data.toString('utf8', space + 1, at + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    at += length;
  }
  return path;
}

/** One entry read back from an archive. */
export interface TarEntry {
  path: string;
  data: Buffer;
}

/** Reads a gzip'd ustar archive; refuses links, devices and unsafe paths. */
export async function readTarGz(archivePath: string): Promise<TarEntry[]> {
  let raw: Buffer;
  try {
    raw = gunzipSync(await readFile(archivePath));
  } catch (error) {
    throw new InputError(`not a gzip archive: ${(error as Error).message}`, { file: archivePath });
  }
  const entries: TarEntry[] = [];
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + BLOCK <= raw.length) {
    const h = raw.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
    const stored = parseInt(readString(h, 148, 8).trim(), 8);
    if (stored !== sum) throw new InputError(`corrupt tar header at byte ${offset}`, { file: archivePath });
    const name = readString(h, 0, 100);
    const prefix = readString(h, 345, 155);
    const size = parseInt(readString(h, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(h[156]!);
    const path = paxPath ?? (prefix ? `${prefix}/${name}` : name);
    offset += BLOCK;
    if (offset + size > raw.length) throw new InputError(`truncated archive at '${path}'`, { file: archivePath });
    if (type === 'x') {
      // A pax extended header: its `path` record names the next entry (long paths).
      paxPath = parsePaxPath(raw.subarray(offset, offset + size), archivePath) ?? paxPath;
    } else if (type === 'g') {
      // Global pax records (comments, charset): nothing a model file needs.
    } else if (type === '0' || type === '\0') {
      entries.push({ path: safeRelative(path, archivePath), data: Buffer.from(raw.subarray(offset, offset + size)) });
      paxPath = undefined;
    } else if (type === '5') {
      paxPath = undefined;
    } else {
      throw new InputError(`unsupported entry type '${type}' for '${path}' (only files and directories)`, { file: archivePath });
    }
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

/** Writes archive entries under `dir`. */
export async function extractEntries(entries: TarEntry[], dir: string): Promise<void> {
  for (const e of entries) {
    const target = join(dir, ...e.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, e.data);
  }
}
