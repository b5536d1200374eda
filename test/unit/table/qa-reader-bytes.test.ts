import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkReader, type ByteReader } from '../../../src/table/bytes.ts';

// chunkReader against the reader it wraps: any sequence of calls (lengths, carried bytes taken from
// the previous chunk or from elsewhere, jumps to other positions, a source that returns fewer bytes
// than asked) returns the carried bytes followed by exactly the source's bytes, and an error of the
// source reaches only a call whose request (or read-ahead) covers the failing offset.

const data = Buffer.from(Array.from({ length: 700 }, (_, i) => (i * 37 + 11) % 256));

function source(shortReads: number[], failAt: number | null): { reader: ByteReader; inFlight: () => number } {
  let flying = 0;
  let k = 0;
  return {
    inFlight: () => flying,
    reader: {
      async read(buf, offset, length, position) {
        flying++;
        await Promise.resolve();
        await Promise.resolve();
        flying--;
        if (failAt !== null && position + length > failAt) throw new Error(`boom at ${position}`);
        const cap = shortReads.length > 0 ? Math.max(1, shortReads[k++ % shortReads.length]) : length;
        const n = Math.max(0, Math.min(length, cap, data.length - position));
        if (n > 0) data.copy(buf, offset, position, position + n);
        return { bytesRead: n };
      },
      async close() {
        if (flying !== 0) throw new Error('closed with a read in flight');
      },
    },
  };
}

const stepArb = fc.record({
  length: fc.integer({ min: 0, max: 90 }),
  // Bytes carried in front: a suffix of the previous chunk (as the CSV reader does), or fresh bytes.
  carry: fc.integer({ min: 0, max: 40 }),
  fresh: fc.boolean(),
  jump: fc.option(fc.integer({ min: 0, max: 720 }), { freq: 8 }),
});

describe('chunkReader (property)', () => {
  it('reads what the source holds, in any read pattern', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 24 }), fc.array(stepArb, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 3 }), fc.option(fc.integer({ min: 0, max: 700 }), { freq: 3 }), async (size, reserve, steps, shortReads, failAt) => {
        const src = source(shortReads, failAt);
        const reader = chunkReader(src.reader, size, reserve);
        let position = 0;
        let previous: Buffer = Buffer.alloc(0);
        for (const step of steps) {
          if (step.jump !== null) position = step.jump;
          const carry = step.fresh ? Buffer.alloc(step.carry, 0xab) : previous.subarray(Math.max(0, previous.length - step.carry));
          const expectedCarry = Buffer.from(carry);
          let chunk: Buffer;
          try {
            chunk = await reader.next(carry, step.length, position);
          } catch (error) {
            // Only a call that needs bytes from the failing offset on may fail (or whose read-ahead,
            // `size` bytes, met them: the source fails a request as a whole).
            expect(failAt).not.toBeNull();
            expect(position + Math.max(step.length, size)).toBeGreaterThan(failAt!);
            expect((error as Error).message).toMatch(/boom/);
            break;
          }
          const n = chunk.length - expectedCarry.length;
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(step.length);
          if (step.length > 0 && position < data.length) expect(n).toBeGreaterThan(0);
          expect(chunk.subarray(0, expectedCarry.length).equals(expectedCarry)).toBe(true);
          expect(chunk.subarray(expectedCarry.length).equals(data.subarray(position, position + n))).toBe(true);
          previous = chunk;
          position += n;
        }
        await reader.close();
        expect(src.inFlight()).toBe(0);
      }),
      { seed: 1203, numRuns: 400 },
    );
  }, 20_000);
});

describe('chunkReader and long rows', () => {
  it('fills a request larger than its chunk, so a carried row\'s reads still grow geometrically', async () => {
    // The CSV reader asks for as many bytes as the row it carries (O(length) for a long row);
    // a read capped at the read-ahead chunk made a 32 MiB quoted field take 6.6 s instead of
    // 0.44 s with 64 KiB chunks (every read re-scanned and copied the row so far).
    const src = source([], null);
    const reader = chunkReader(src.reader, 64);
    const none = new Uint8Array(0);
    expect((await reader.next(none, 64, 0)).length).toBe(64);
    const long = await reader.next(Buffer.from('xy'), 256, 64);
    expect(long.length).toBe(258);
    expect(long.subarray(2).equals(data.subarray(64, 320))).toBe(true);
    // Sequential still: the next read-ahead starts after those bytes.
    expect((await reader.next(none, 64, 320)).equals(data.subarray(320, 384))).toBe(true);
    expect((await reader.next(none, 600, 384)).length).toBe(data.length - 384);
    expect((await reader.next(none, 600, data.length)).length).toBe(0);
    await reader.close();
  });
});
