import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  openForReading
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/table/bytes.ts
import { createReadStream } from "node:fs";
function invalidUtf8Message(byte) {
  const hex = byte === void 0 ? "" : ` (byte 0x${byte.toString(16).padStart(2, "0")})`;
  return `invalid UTF-8 byte sequence${hex}: the file must be UTF-8; if it is Latin-1 or Windows-1252, convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`;
}
function isGzipPath(path) {
  return /\.gz$/i.test(path);
}
function withoutGzip(path) {
  return path.replace(/\.gz$/i, "");
}
async function openByteReader(path) {
  const fh = await openForReading(path);
  const info = await fh.stat().catch(() => null);
  if (info?.isDirectory()) {
    await fh.close();
    throw new InputError("is a directory, not a data file", { file: path });
  }
  if (!isGzipPath(path)) return fileReader(path, fh);
  await fh.close();
  const { createGunzip } = await import("node:zlib");
  return gunzipReader(path, createGunzip);
}
function fileReader(path, fh) {
  return {
    async read(buf, offset, length, position) {
      try {
        return await fh.read(buf, offset, length, position);
      } catch (error) {
        if (error.code === "ESPIPE") {
          throw new InputError("cannot read a pipe: data files are read at offsets; save the data to a file first", { file: path }, { cause: error });
        }
        throw new InputError(`cannot read: ${error.message}`, { file: path }, { cause: error });
      }
    },
    close: () => fh.close()
  };
}
function gunzipReader(path, createGunzip) {
  const source = createReadStream(path);
  const stream = source.pipe(createGunzip());
  source.on("error", (error) => stream.destroy(error));
  const chunks = stream[Symbol.asyncIterator]();
  let pending = Buffer.alloc(0);
  let offset = 0;
  let done = false;
  return {
    async read(buf, at, length, position) {
      if (position !== offset) throw new Error(`gzip files are read sequentially (asked for offset ${position}, at ${offset})`);
      while (pending.length === 0 && !done) {
        let next;
        try {
          next = await chunks.next();
        } catch (error) {
          throw new InputError(`not a readable gzip file: ${error.message}`, { file: path }, { cause: error });
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
    }
  };
}
var CARRY_RESERVE = 64 << 10;
function chunkReader(reader, size, reserve = CARRY_RESERVE) {
  const slabs = [];
  let turn = 0;
  let ahead = null;
  const start = (position) => {
    const slab = slabs[turn] ??= Buffer.allocUnsafeSlow(reserve + size);
    turn ^= 1;
    const bytesRead = reader.read(slab, reserve, size, position).then((r) => r.bytesRead);
    bytesRead.catch(() => void 0);
    ahead = { position, slab, at: reserve, bytesRead };
  };
  const readInto = async (out, offset, length, position) => (await reader.read(out, offset, length, position)).bytesRead;
  return {
    async next(carry, length, position) {
      const c = carry.length;
      const a = ahead;
      ahead = null;
      let result;
      if (a !== null && a.position === position && length > 0) {
        const n = await a.bytesRead;
        const got = Math.min(n, length);
        if (c <= a.at && (got === length || n === 0 || length <= size)) {
          a.slab.set(carry, a.at - c);
          result = a.slab.subarray(a.at - c, a.at + got);
        } else {
          const out = Buffer.allocUnsafe(c + Math.max(length, got));
          out.set(carry, 0);
          out.set(a.slab.subarray(a.at, a.at + got), c);
          const more = got === n && n > 0 && got < length ? await readInto(out, c + got, length - got, position + got) : 0;
          result = out.subarray(0, c + got + more);
        }
        if (got < n) {
          ahead = { position: position + got, slab: a.slab, at: a.at + got, bytesRead: Promise.resolve(n - got) };
          return result;
        }
      } else {
        if (a !== null) await a.bytesRead.catch(() => void 0);
        if (c <= reserve && length > 0 && length <= size) {
          const slab = slabs[turn] ??= Buffer.allocUnsafeSlow(reserve + size);
          turn ^= 1;
          slab.set(carry, reserve - c);
          result = slab.subarray(reserve - c, reserve + await readInto(slab, reserve, length, position));
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
      if (ahead !== null) await ahead.bytesRead.catch(() => void 0);
      ahead = null;
      await reader.close();
    }
  };
}
function firstInvalidUtf8(buf, from, to) {
  let i = from;
  while (i < to) {
    const c = buf[i];
    if (c < 128) {
      i++;
      continue;
    }
    let need;
    let min;
    if (c >= 194 && c <= 223) {
      need = 1;
      min = 128;
    } else if (c >= 224 && c <= 239) {
      need = 2;
      min = 2048;
    } else if (c >= 240 && c <= 244) {
      need = 3;
      min = 65536;
    } else return i;
    if (i + need >= to) return i;
    let cp = c & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const d = buf[i + k];
      if ((d & 192) !== 128) return i;
      cp = cp << 6 | d & 63;
    }
    if (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343) return i;
    i += need + 1;
  }
  return to;
}
function countLines(buf, from, to) {
  const range = buf.subarray(from, Math.max(from, to));
  let n = 0;
  for (let i = range.indexOf(10); i >= 0; i = range.indexOf(10, i + 1)) n++;
  return n;
}
async function readHead(path, bytes) {
  const reader = await openByteReader(path);
  try {
    const head = Buffer.allocUnsafe(bytes);
    let have = 0;
    for (; ; ) {
      const { bytesRead } = await reader.read(head, have, head.length - have, have);
      have += bytesRead;
      if (bytesRead === 0 || have === head.length) return head.subarray(0, have);
    }
  } finally {
    await reader.close();
  }
}

export {
  invalidUtf8Message,
  isGzipPath,
  withoutGzip,
  openByteReader,
  chunkReader,
  firstInvalidUtf8,
  countLines,
  readHead
};
