import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAhead, type ByteReader } from '../../../src/table/bytes.ts';

// readAhead against the reader it wraps: any sequence of reads (lengths, buffer offsets, jumps to
// other positions, a source that returns fewer bytes than asked) returns exactly the source's
// bytes, writes nothing outside [offset, offset + bytesRead) of the caller's buffer, and an error
// of the source reaches only a read whose request (or read-ahead) covers the failing offset.

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

const stepArb = fc.record({ length: fc.integer({ min: 0, max: 90 }), offset: fc.integer({ min: 0, max: 5 }), jump: fc.option(fc.integer({ min: 0, max: 720 }), { freq: 8 }) });

describe('readAhead (property)', () => {
  it('reads what the source holds, in any read pattern', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 80 }), fc.array(stepArb, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 3 }), fc.option(fc.integer({ min: 0, max: 700 }), { freq: 3 }), async (size, steps, shortReads, failAt) => {
        const src = source(shortReads, failAt);
        const reader = readAhead(src.reader, size);
        let position = 0;
        for (const step of steps) {
          if (step.jump !== null) position = step.jump;
          const buf = Buffer.alloc(step.offset + step.length + 3, 0xee);
          let n: number;
          try {
            n = (await reader.read(buf, step.offset, step.length, position)).bytesRead;
          } catch (error) {
            // Only a read that needs bytes from the failing offset on may fail (or whose read-ahead,
            // `size` bytes, met them: the source fails a request as a whole).
            expect(failAt).not.toBeNull();
            expect(position + Math.max(step.length, size)).toBeGreaterThan(failAt!);
            expect((error as Error).message).toMatch(/boom/);
            break;
          }
          expect(n).toBeLessThanOrEqual(step.length);
          if (step.length > 0 && position < data.length) expect(n).toBeGreaterThan(0);
          expect(buf.subarray(step.offset, step.offset + n).equals(data.subarray(position, position + n))).toBe(true);
          expect(buf.subarray(0, step.offset).every((b) => b === 0xee)).toBe(true);
          expect(buf.subarray(step.offset + n).every((b) => b === 0xee)).toBe(true);
          position += n;
        }
        await reader.close();
        expect(src.inFlight()).toBe(0);
      }),
      { seed: 1203, numRuns: 300 },
    );
  }, 20_000);
});

describe('readAhead and long rows', () => {
  it('fills a read larger than its chunk, so a carried row\'s reads still grow geometrically', async () => {
    // The CSV reader asks for as many bytes as the row it carries (O(length) for a long row);
    // a read capped at the read-ahead chunk made a 32 MiB quoted field take 6.6 s instead of
    // 0.44 s with 64 KiB chunks (every read re-scanned and copied the row so far).
    const src = source([], null);
    const reader = readAhead(src.reader, 64);
    const buf = Buffer.alloc(600);
    expect((await reader.read(buf, 0, 64, 0)).bytesRead).toBe(64);
    expect((await reader.read(buf, 0, 256, 64)).bytesRead).toBe(256);
    expect(buf.subarray(0, 256).equals(data.subarray(64, 320))).toBe(true);
    // Sequential still: the next read-ahead starts after those bytes.
    expect((await reader.read(buf, 0, 64, 320)).bytesRead).toBe(64);
    expect(buf.subarray(0, 64).equals(data.subarray(320, 384))).toBe(true);
    expect((await reader.read(buf, 0, 600, 384)).bytesRead).toBe(data.length - 384);
    expect((await reader.read(buf, 0, 600, data.length)).bytesRead).toBe(0);
    await reader.close();
  });
});

