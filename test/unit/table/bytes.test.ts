import { describe, expect, it } from 'vitest';
import { chunkReader, countLines, type ByteReader, type ChunkReader } from '../../../src/table/bytes.ts';

describe('countLines', () => {
  it('counts the LFs in [from, to) only', () => {
    const buf = Buffer.from('a\nb\r\nc\n\nd\n');
    expect(countLines(buf, 0, buf.length)).toBe(5);
    expect(countLines(buf, 0, 0)).toBe(0);
    expect(countLines(buf, 2, 5)).toBe(1);
    expect(countLines(buf, 2, 4)).toBe(0);
    // An LF past `to` is not counted, nor is one before `from`.
    expect(countLines(buf, 1, 2)).toBe(1);
    expect(countLines(buf, 2, 2)).toBe(0);
    expect(countLines(buf, 9, 7)).toBe(0);
  });

  it('matches a plain count on every range of a random buffer', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => ((i * 7919) % 13 === 0 ? 10 : 97)));
    for (let from = 0; from <= bytes.length; from += 7) {
      for (let to = from; to <= bytes.length; to += 11) {
        let expected = 0;
        for (let i = from; i < to; i++) if (bytes[i] === 10) expected++;
        expect(countLines(bytes, from, to)).toBe(expected);
      }
    }
  });
});

/** A ByteReader over memory that logs its reads and can be told to fail or to hold a read. */
function memoryReader(data: Buffer, options: { failAt?: number; sequential?: boolean } = {}) {
  const log: Array<[number, number]> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let at = 0;
  let closed = false;
  const reader: ByteReader = {
    async read(buf, offset, length, position) {
      if (closed) throw new Error('read after close');
      if (options.sequential && position !== at) throw new Error(`not sequential: ${position} after ${at}`);
      log.push([position, length]);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      if (options.failAt !== undefined && position >= options.failAt) throw new Error(`cannot read at ${position}`);
      const n = Math.max(0, Math.min(length, data.length - position));
      data.copy(buf, offset, position, position + n);
      at = position + n;
      return { bytesRead: n };
    },
    async close() {
      expect(inFlight).toBe(0);
      closed = true;
    },
  };
  return { reader, log, maxInFlight: () => maxInFlight };
}

/** Every byte through `next`, carrying `carry(chunk)` bytes of each result into the next call. */
async function readAll(reader: ChunkReader, lengths: (position: number) => number, carryOf: (chunk: Buffer) => number = () => 0): Promise<Buffer> {
  const parts: Buffer[] = [];
  let position = 0;
  let carry: Uint8Array = new Uint8Array(0);
  for (;;) {
    const chunk = await reader.next(carry, lengths(position), position);
    expect(chunk.subarray(0, carry.length).equals(carry)).toBe(true);
    const n = chunk.length - carry.length;
    if (n === 0) break;
    parts.push(Buffer.from(chunk.subarray(carry.length)));
    position += n;
    carry = chunk.subarray(chunk.length - Math.min(chunk.length, carryOf(chunk)));
  }
  return Buffer.concat(parts);
}

describe('chunkReader', () => {
  const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 31) % 251));

  it('returns the bytes a direct reader returns, reading the next chunk while the caller works', async () => {
    const m = memoryReader(data);
    const reader = chunkReader(m.reader, 64);
    const got = await readAll(reader, () => 64);
    await reader.close();
    expect(got.equals(data)).toBe(true);
    // Every chunk after the first was asked for before the caller asked: read-ahead, one at a time.
    expect(m.log.slice(0, 3)).toEqual([[0, 64], [64, 64], [128, 64]]);
    expect(m.maxInFlight()).toBe(1);
  });

  it('puts the carried bytes in front of each chunk, whether they fit the reserve or not', async () => {
    for (const carried of [0, 1, 5, 8, 9, 40, 200]) {
      const m = memoryReader(data);
      const reader = chunkReader(m.reader, 64, 8);
      // readAll checks that each result starts with the bytes carried into it.
      const got = await readAll(reader, (p) => (p % 3 === 0 ? 64 : 30), () => carried);
      await reader.close();
      expect(got.equals(data)).toBe(true);
    }
  });

  it('hands out its two slabs in turn rather than copying each chunk into a new buffer', async () => {
    const m = memoryReader(data);
    const reader = chunkReader(m.reader, 64);
    const a = await reader.next(new Uint8Array(0), 64, 0);
    const b = await reader.next(a.subarray(60), 64, 64);
    const c = await reader.next(b.subarray(62), 64, 128);
    expect(b.subarray(0, 4).equals(data.subarray(60, 64))).toBe(true);
    expect(c.equals(data.subarray(122, 192))).toBe(true);
    expect(c.buffer).toBe(a.buffer);
    expect(b.buffer).not.toBe(a.buffer);
    await reader.close();
  });

  it('serves smaller and larger asks, in order, from a sequential-only source (gzip)', async () => {
    for (const lengths of [() => 10, () => 100, (p: number) => 7 + (p % 50)]) {
      const m = memoryReader(data, { sequential: true });
      const reader = chunkReader(m.reader, 64);
      const got = await readAll(reader, lengths, (chunk) => chunk.length % 7);
      await reader.close();
      expect(got.equals(data)).toBe(true);
    }
  });

  it('reads directly at another position, after the read in flight', async () => {
    const m = memoryReader(data);
    const reader = chunkReader(m.reader, 64);
    await reader.next(new Uint8Array(0), 16, 0);
    const chunk = await reader.next(Buffer.from('ab'), 16, 500);
    expect(chunk.equals(Buffer.concat([Buffer.from('ab'), data.subarray(500, 516)]))).toBe(true);
    await reader.close();
  });

  it('reports a read error at the call that asks for those bytes, and none for a read-ahead no one asks for', async () => {
    const m = memoryReader(data, { failAt: 128 });
    const reader = chunkReader(m.reader, 64);
    const none = new Uint8Array(0);
    await reader.next(none, 64, 0);
    await reader.next(none, 64, 64); // starts the read-ahead at 128, which fails
    await expect(reader.next(none, 64, 128)).rejects.toThrow('cannot read at 128');
    const quiet = memoryReader(data, { failAt: 64 });
    const unused = chunkReader(quiet.reader, 64);
    await unused.next(none, 64, 0);
    await unused.close(); // the failed read-ahead is waited for, not reported
  });

  it('waits for the read in flight before closing the file', async () => {
    const m = memoryReader(data);
    const reader = chunkReader(m.reader, 64);
    await reader.next(new Uint8Array(0), 8, 0);
    await reader.close(); // memoryReader.close asserts no read is in flight
    expect(m.log.length).toBe(2);
  });
});
