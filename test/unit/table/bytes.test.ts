import { describe, expect, it } from 'vitest';
import { countLines, readAhead, type ByteReader } from '../../../src/table/bytes.ts';

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

async function readAll(reader: ByteReader, lengths: (position: number) => number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let position = 0;
  for (;;) {
    const buf = Buffer.alloc(lengths(position));
    const { bytesRead } = await reader.read(buf, 0, buf.length, position);
    if (bytesRead === 0) break;
    parts.push(buf.subarray(0, bytesRead));
    position += bytesRead;
  }
  return Buffer.concat(parts);
}

describe('readAhead', () => {
  const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 31) % 251));

  it('returns the bytes a direct reader returns, reading the next chunk while the caller works', async () => {
    const m = memoryReader(data);
    const reader = readAhead(m.reader, 64);
    const got = await readAll(reader, () => 64);
    await reader.close();
    expect(got.equals(data)).toBe(true);
    // Every chunk after the first was asked for before the caller asked: read-ahead, one at a time.
    expect(m.log.slice(0, 3)).toEqual([[0, 64], [64, 64], [128, 64]]);
    expect(m.maxInFlight()).toBe(1);
  });

  it('serves smaller and larger asks, in order, from a sequential-only source (gzip)', async () => {
    for (const lengths of [() => 10, () => 100, (p: number) => 7 + (p % 50)]) {
      const m = memoryReader(data, { sequential: true });
      const reader = readAhead(m.reader, 64);
      const got = await readAll(reader, lengths);
      await reader.close();
      expect(got.equals(data)).toBe(true);
    }
  });

  it('reads directly at another position, after the read in flight', async () => {
    const m = memoryReader(data);
    const reader = readAhead(m.reader, 64);
    const buf = Buffer.alloc(16);
    await reader.read(buf, 0, 16, 0);
    expect((await reader.read(buf, 0, 16, 500)).bytesRead).toBe(16);
    expect(buf.equals(data.subarray(500, 516))).toBe(true);
    await reader.close();
  });

  it('reports a read error at the read that asks for those bytes, and none for a read-ahead no one asks for', async () => {
    const m = memoryReader(data, { failAt: 128 });
    const reader = readAhead(m.reader, 64);
    const buf = Buffer.alloc(64);
    await reader.read(buf, 0, 64, 0);
    await reader.read(buf, 0, 64, 64); // starts the read-ahead at 128, which fails
    await expect(reader.read(buf, 0, 64, 128)).rejects.toThrow('cannot read at 128');
    const quiet = memoryReader(data, { failAt: 64 });
    const unused = readAhead(quiet.reader, 64);
    await unused.read(buf, 0, 64, 0);
    await unused.close(); // the failed read-ahead is waited for, not reported
  });

  it('waits for the read in flight before closing the file', async () => {
    const m = memoryReader(data);
    const reader = readAhead(m.reader, 64);
    await reader.read(Buffer.alloc(8), 0, 8, 0);
    await reader.close(); // memoryReader.close asserts no read is in flight
    expect(m.log.length).toBe(2);
  });
});
