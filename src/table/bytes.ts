/**
 * The bytes of a text data file, plain or gzip-compressed (`.csv.gz`, `.tsv.gz`, `.jsonl.gz`,
 * `.json.gz`). Readers pull chunks at file offsets; a gzip file is decompressed as a stream, so its
 * offsets are those of the decompressed text and it can only be read front to back (no segments).
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { createGunzip as CreateGunzip } from 'node:zlib';
import { InputError } from '../core/errors.ts';
import { openForReading } from '../core/fs.ts';

/**
 * The message for bytes that are not UTF-8. Spreadsheet exports in Latin-1 / Windows-1252 are the
 * usual cause, so the message says how to convert them rather than only what is wrong.
 */
export function invalidUtf8Message(byte: number | undefined): string {
  const hex = byte === undefined ? '' : ` (byte 0x${byte.toString(16).padStart(2, '0')})`;
  return `invalid UTF-8 byte sequence${hex}: the file must be UTF-8; if it is Latin-1 or Windows-1252, convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`;
}

/** A gzip-compressed file, by its name. */
export function isGzipPath(path: string): boolean {
  return /\.gz$/i.test(path);
}

/** The file name without a `.gz` suffix (what the format and the delimiter are read from). */
export function withoutGzip(path: string): string {
  return path.replace(/\.gz$/i, '');
}

export interface ByteReader {
  /** Reads up to `length` bytes at `position` into `buf[offset…]`; 0 bytes read means the end. */
  read(buf: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** Opens a data file's bytes (errors as {@link openForReading}), decompressing `.gz` files as they are read. */
export async function openByteReader(path: string): Promise<ByteReader> {
  const fh = await openForReading(path);
  // Linux opens a directory for reading (EISDIR comes with the first read, or as "not a readable
  // gzip file"): say what it is, as openForReading does where the open itself fails.
  const info = await fh.stat().catch(() => null);
  if (info?.isDirectory()) {
    await fh.close();
    throw new InputError('is a directory, not a data file', { file: path });
  }
  if (!isGzipPath(path)) return fileReader(path, fh);
  await fh.close();
  // node:zlib loads on first use, for the files that need it (~1.5 ms of every start-up otherwise).
  const { createGunzip } = await import('node:zlib');
  return gunzipReader(path, createGunzip);
}

function fileReader(path: string, fh: FileHandle): ByteReader {
  return {
    async read(buf, offset, length, position) {
      try {
        return await fh.read(buf, offset, length, position);
      } catch (error) {
        // A named pipe or process substitution (<(zcat a.csv.gz)): reads at offsets cannot work.
        if ((error as NodeJS.ErrnoException).code === 'ESPIPE') {
          throw new InputError('cannot read a pipe: data files are read at offsets; save the data to a file first', { file: path }, { cause: error });
        }
        throw new InputError(`cannot read: ${(error as Error).message}`, { file: path }, { cause: error });
      }
    },
    close: () => fh.close(),
  };
}

function gunzipReader(path: string, createGunzip: typeof CreateGunzip): ByteReader {
  const source = createReadStream(path);
  const stream = source.pipe(createGunzip());
  // pipe() does not forward a read error: hand it to the gunzip stream, whose iterator reports it.
  source.on('error', (error) => stream.destroy(error));
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  let done = false;
  return {
    async read(buf, at, length, position) {
      // Decompression only goes forward: every reader of a .gz file reads it front to back.
      if (position !== offset) throw new Error(`gzip files are read sequentially (asked for offset ${position}, at ${offset})`);
      while (pending.length === 0 && !done) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          throw new InputError(`not a readable gzip file: ${(error as Error).message}`, { file: path }, { cause: error });
        }
        if (next.done) done = true;
        else pending = next.value;
      }
      const n = Math.min(length, pending.length);
      pending.copy(buf, at, 0, n);
      pending = pending.subarray(n);
      offset += n;
      return { bytesRead: n };
    },
    async close() {
      source.destroy();
      stream.destroy();
    },
  };
}

/** Room before each read-ahead chunk for the bytes carried over from the previous one (see {@link chunkReader}). */
const CARRY_RESERVE = 64 << 10;

/** Sequential chunks of a file, each joined to the bytes its caller carries over (see {@link chunkReader}). */
export interface ChunkReader {
  /**
   * `carry` followed by up to `length` bytes of the file at `position`, as one Buffer: fewer when
   * the file ends or when only the rest of a read-ahead is left (after a call that took part of
   * one), and none only past the end (then the result is `carry` alone). The result stays valid
   * until the next call returns, so that call may take `carry` as a view of it.
   */
  next(carry: Uint8Array, length: number, position: number): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Reads the next `size` bytes in the background as soon as a chunk is returned, so the file system
 * works while the caller parses the chunk it has (without it the CSV scanner waited ~60 ms per
 * 142 MB on one thread). The read-ahead lands in one of two slabs, after room for the caller's
 * carried bytes (the start of an unfinished row): `next` copies those few bytes in front and hands
 * out the slab itself. Copying each chunk out of a read-ahead buffer instead cost ~15 ms per 142 MB
 * (1.5% of validating the bench file on one thread). A request the read-ahead does not cover (another
 * position, more than `size` bytes, a carry past the reserve) is read into a buffer of its own.
 * Reads must be sequential for a gzip file (as they are); a read at another position waits for the
 * one in flight first. A read error surfaces at the call that asks for those bytes.
 */
export function chunkReader(reader: ByteReader, size: number, reserve = CARRY_RESERVE): ChunkReader {
  const slabs: Buffer[] = [];
  let turn = 0;
  /** `bytesRead` bytes at `position`, in `slab` from offset `at`, once the read settles. */
  let ahead: { position: number; slab: Buffer; at: number; bytesRead: Promise<number> } | null = null;
  const start = (position: number): void => {
    const slab = (slabs[turn] ??= Buffer.allocUnsafeSlow(reserve + size));
    turn ^= 1;
    const bytesRead = reader.read(slab, reserve, size, position).then((r) => r.bytesRead);
    // Not every read-ahead is asked for (the caller may stop); its error belongs to the call that asks.
    bytesRead.catch(() => undefined);
    ahead = { position, slab, at: reserve, bytesRead };
  };
  /** Fills `out` from `offset` with up to `length` bytes read directly at `position`. */
  const readInto = async (out: Buffer, offset: number, length: number, position: number): Promise<number> => (await reader.read(out, offset, length, position)).bytesRead;
  return {
    async next(carry, length, position) {
      const c = carry.length;
      const a = ahead;
      ahead = null;
      let result: Buffer;
      if (a !== null && a.position === position && length > 0) {
        const n = await a.bytesRead;
        const got = Math.min(n, length);
        if (c <= a.at && (got === length || n === 0 || length <= size)) {
          // The common case: the carried bytes go in front of the chunk, in the slab. (After a
          // partial take below, `carry` already sits right there and the copy moves nothing.)
          a.slab.set(carry, a.at - c);
          result = a.slab.subarray(a.at - c, a.at + got);
        } else {
          // A carry longer than the reserve, or more bytes wanted than a chunk (a long row: reads
          // grow with it, so it still costs O(length)): a buffer of its own.
          const out = Buffer.allocUnsafe(c + Math.max(length, got));
          out.set(carry, 0);
          out.set(a.slab.subarray(a.at, a.at + got), c);
          const more = got === n && n > 0 && got < length ? await readInto(out, c + got, length - got, position + got) : 0;
          result = out.subarray(0, c + got + more);
        }
        if (got < n) {
          // Fewer bytes wanted than were read (a segment's end): keep the rest for the next call.
          ahead = { position: position + got, slab: a.slab, at: a.at + got, bytesRead: Promise.resolve(n - got) };
          return result;
        }
      } else {
        // No read-ahead of these bytes (the first call, another position): let one in flight
        // finish (it writes into a slab), then read, into a slab when it fits. (`carry` may lie in
        // that slab: `set` copies overlapping bytes correctly, and before the read overwrites them.)
        if (a !== null) await a.bytesRead.catch(() => undefined);
        if (c <= reserve && length > 0 && length <= size) {
          const slab = (slabs[turn] ??= Buffer.allocUnsafeSlow(reserve + size));
          turn ^= 1;
          slab.set(carry, reserve - c);
          result = slab.subarray(reserve - c, reserve + (await readInto(slab, reserve, length, position)));
        } else {
          const out = Buffer.allocUnsafe(c + Math.max(0, length));
          out.set(carry, 0);
          const n = length > 0 ? await readInto(out, c, length, position) : 0;
          result = out.subarray(0, c + n);
        }
      }
      const read = result.length - c;
      if (read > 0) start(position + read);
      return result;
    },
    async close() {
      // A read in flight writes into a slab and uses the file: let it end first.
      if (ahead !== null) await ahead.bytesRead.catch(() => undefined);
      ahead = null;
      await reader.close();
    },
  };
}

/** Offset of the first byte of `buf[from, to)` that is not valid UTF-8, or `to` (called after isUtf8 failed). */
export function firstInvalidUtf8(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = buf[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= to) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = buf[i + k];
      if ((d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return to;
}

/** Line breaks (LF) in `buf[from, to)`: what turns a byte offset into a line number. */
export function countLines(buf: Uint8Array, from: number, to: number): number {
  // Searched within [from, to) only: each search ran to the end of `buf` when no LF was left in
  // the range, so counting a large buffer range by range (JSON records on one long line) was
  // quadratic — ~80 s to read a one-line 200k-record JSON file.
  const range = buf.subarray(from, Math.max(from, to));
  let n = 0;
  for (let i = range.indexOf(0x0a); i >= 0; i = range.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * The first `bytes` bytes of a data file (fewer when it is shorter), decompressed for a `.gz` file:
 * the CSV delimiter sniffer's input, and enough to recognise a stored profile.
 */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const reader = await openByteReader(path);
  try {
    const head = Buffer.allocUnsafe(bytes);
    let have = 0;
    for (;;) {
      const { bytesRead } = await reader.read(head, have, head.length - have, have);
      have += bytesRead;
      if (bytesRead === 0 || have === head.length) return head.subarray(0, have);
    }
  } finally {
    await reader.close();
  }
}
