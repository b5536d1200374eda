import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArrayPool } from '../../../src/table/csv-decode.ts';
import { openTable } from '../../../src/table/index.ts';
import type { Column, RecordBatch } from '../../../src/table/types.ts';

// RecordBatch.release lets the CSV reader reuse a batch's arrays for later batches. What a
// consumer reads from any batch must not depend on whether earlier ones were released.

const rows = Array.from({ length: 23 }, (_, i) => [
  i % 5 === 0 ? '' : String(i * 1.5), // numbers with empty cells
  i % 3 === 0 ? '' : `t${i % 4}`, // text with empty cells
  i % 7 === 0 ? '' : `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, // dates
  i % 2 === 0 ? 'x' : String(i), // detect: text from the first batch
].join(','));
const csv = `n,s,d,m\n${rows.join('\n')}\n`;

function snapshot(batch: RecordBatch): unknown {
  const copy = (c: Column) => (c.kind === 'string'
    ? { codes: [...c.codes], dictionary: [...c.dictionary] }
    : { values: [...c.values], nulls: [...c.nulls], invalid: c.invalid.map((x) => ({ ...x })), fd: c.fractionDigits && [...c.fractionDigits] });
  return { length: batch.length, rowOffset: batch.rowOffset, lines: [...batch.lines], columns: batch.columns.map(copy) };
}

async function readBatches(release: boolean): Promise<{ snapshots: unknown[]; arrays: Set<unknown>; reused: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-release-'));
  const path = join(dir, 'data.csv');
  writeFileSync(path, csv);
  const source = await openTable(path, { chunkSize: 48, batchRows: 4, decoding: { n: 'number', s: 'string', d: 'string', m: 'detect' }, temporal: { d: 'date' } });
  const snapshots: unknown[] = [];
  const arrays = new Set<unknown>();
  let reused = 0;
  for await (const batch of source.batches()) {
    snapshots.push(snapshot(batch));
    for (const c of batch.columns) {
      const mine = c.kind === 'string' ? [c.codes] : [c.values, c.nulls];
      for (const a of mine) {
        if (arrays.has(a)) reused++;
        arrays.add(a);
      }
    }
    if (release) batch.release?.();
  }
  return { snapshots, arrays, reused };
}

describe('RecordBatch.release (CSV reader)', () => {
  it('reuses released arrays for later batches, which read exactly as without release', async () => {
    const kept = await readBatches(false);
    const released = await readBatches(true);
    expect(released.snapshots).toEqual(kept.snapshots);
    expect(kept.reused).toBe(0);
    // 6 batches, 5 full: later batches took the released arrays.
    expect(released.reused).toBeGreaterThan(10);
  });

  it('takes no array back twice, and leaves batches it was not given alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlops-release-'));
    const path = join(dir, 'data.csv');
    writeFileSync(path, 'a\n1\n2\n3\n4\n5\n6\n7\n8\n9\n');
    const source = await openTable(path, { chunkSize: 4, batchRows: 2, decoding: { a: 'number' } });
    const seen: Float64Array[] = [];
    for await (const batch of source.batches()) {
      seen.push((batch.columns[0] as { values: Float64Array }).values);
      batch.release?.();
      batch.release?.(); // a second call must not hand the same array to two later batches
    }
    const live = seen.slice(-3);
    expect(new Set(live).size).toBe(live.length);
  });
});

describe('ArrayPool', () => {
  it('hands back batch-sized arrays zeroed, once each, and ignores other sizes', () => {
    const pool = new ArrayPool(4);
    const a = Float64Array.of(1, 2, 3, 4);
    pool.give(a);
    pool.give(a);
    pool.give(new Float64Array(3));
    pool.give(undefined);
    const first = pool.float64();
    expect(first).toBe(a);
    expect([...first]).toEqual([0, 0, 0, 0]);
    const second = pool.float64();
    expect(second).not.toBe(a);
    expect(second.length).toBe(4);
    const codes = Int32Array.of(-1, 5, 6, 7);
    pool.give(codes);
    pool.give(Uint8Array.of(1, 1, 1, 1));
    expect(pool.int32()).toBe(codes);
    expect([...codes]).toEqual([0, 0, 0, 0]);
    expect([...pool.uint8()]).toEqual([0, 0, 0, 0]);
  });
});
