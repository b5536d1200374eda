/**
 * The bytes of a text data file, plain or gzip-compressed (`.csv.gz`, `.tsv.gz`, `.jsonl.gz`,
 * `.json.gz`). Readers pull chunks at file offsets; a gzip file is decompressed as a stream, so its
 * offsets are those of the decompressed text and it can only be read front to back (no segments).
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
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
  return gunzipReader(path);
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

function gunzipReader(path: string): ByteReader {
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

/**
 * A reader that reads the next `size` bytes in the background as soon as a read returns, so the
 * file system works while the caller parses the chunk it has. The CSV scanner otherwise waited for
 * every chunk: ~60 ms idle per 142 MB on one thread (profile of the validation bench), against
 * ~15 ms for the copy out of the read-ahead buffer that this costs. Reads must be sequential for a
 * gzip file (as they already are); a read at another position waits for the one in flight, then
 * reads directly. A read error surfaces at the read that asks for those bytes.
 */
export function readAhead(reader: ByteReader, size: number): ByteReader {
  /** Bytes at `position` in `view`, once `bytesRead` settles (`view` starts inside `base`). */
  let ahead: { position: number; base: Buffer; view: Buffer; bytesRead: Promise<number> } | null = null;
  let spare: Buffer | null = null;
  const start = (position: number): void => {
    const base = spare ?? Buffer.allocUnsafe(size);
    spare = null;
    const bytesRead = reader.read(base, 0, size, position).then((r) => r.bytesRead);
    // Not every read-ahead is read (the caller may stop); its error belongs to the read that asks.
    bytesRead.catch(() => undefined);
    ahead = { position, base, view: base, bytesRead };
  };
  return {
    async read(buf, offset, length, position) {
      if (length <= 0) return { bytesRead: 0 };
      let got: number;
      const a = ahead;
      ahead = null;
      if (a !== null && a.position === position) {
        const n = await a.bytesRead;
        got = Math.min(n, length);
        buf.set(a.view.subarray(0, got), offset);
        // The caller wanted fewer bytes than were read ahead: keep the rest for its next read.
        if (got < n) {
          ahead = { position: position + got, base: a.base, view: a.view.subarray(got), bytesRead: Promise.resolve(n - got) };
          return { bytesRead: got };
        }
        spare = a.base;
        // A read larger than the chunk (the CSV reader asks for as much as the long row it
        // carries): the rest directly, so the reads of a long row still grow geometrically and it
        // costs O(length); capped at the chunk, each read re-scanned and copied the row so far
        // (a 32 MiB quoted field: 6.6 s instead of 0.44 s with 64 KiB chunks).
        if (n > 0 && got < length && length > size) got += (await reader.read(buf, offset + got, length - got, position + got)).bytesRead;
      } else {
        if (a !== null) {
          await a.bytesRead.catch(() => undefined);
          spare = a.base;
        }
        got = (await reader.read(buf, offset, length, position)).bytesRead;
      }
      if (got > 0) start(position + got);
      return { bytesRead: got };
    },
    async close() {
      // A read in flight writes into our buffer and uses the file: let it end first.
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
