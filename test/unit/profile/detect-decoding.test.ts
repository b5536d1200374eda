import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileFile, profileSource } from '../../../src/profile/index.ts';
import { openCsv } from '../../../src/table/csv.ts';
import { openTable } from '../../../src/table/index.ts';
import type { NumberColumn } from '../../../src/table/types.ts';
import type { DatasetProfile } from '../../../src/profile/types.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-detect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Everything in a profile that does not depend on the order values reach the sketches. */
function orderFree(p: DatasetProfile): unknown {
  // Through JSON, as profiles are stored (-0 and 0 are one value there).
  return JSON.parse(JSON.stringify(p.columns.map((c) => ({
    name: c.name, count: c.count, nulls: c.nulls, types: c.types, lengths: c.lengths, distinct: c.distinct, topK: c.topK,
    numeric: c.numeric && { count: c.numeric.count, min: c.numeric.min, max: c.numeric.max },
    sample: c.sample.values.length,
  }))));
}

// Canonical numbers and every near miss of the inline parser: spellings JS would print differently.
const ODD = ['1.50', '5.00', '-0.00', '0.10', '32.8720', '-7.0', '-0', '0', '-0.5', '1e3', ' 7', '007', '.5', '5.', '0.0000001', '0.000001', 'NaN', 'Infinity', '-INF', 'abc', 'true',
  '123456789012345', '1234567890123456', '0.1234567890123', '"2.5"', '"x,y"', '-', '+3', '12'];

describe('detect decoding (CSV read for profiling)', () => {
  it('profiles exactly like reading every column as text', async () => {
    const cell = fc.oneof(
      fc.constantFrom(...ODD),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(x)),
      fc.integer({ min: -1e9, max: 1e9 }).map((x) => String(x)),
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, fc.constantFrom('1', '2.25', '', 'u1')), { minLength: 1, maxLength: 60 }), async (rows) => {
        const file = join(dir, 'p.csv');
        await writeFile(file, `a,b,c\n${rows.map((r) => r.join(',')).join('\n')}\n`);
        for (const batchRows of [7, 1000]) {
          const text = await profileFile(file, { defaultDecoding: 'string', batchRows });
          const detect = await profileFile(file, { defaultDecoding: 'detect', batchRows });
          expect(orderFree(detect)).toEqual(orderFree(text));
          // Reads of a few bytes put chunk ends inside numbers and quotes: same profile.
          const tiny = await profileSource(await openCsv(file, { defaultDecoding: 'detect', batchRows, chunkSize: 5 }));
          expect(orderFree(tiny)).toEqual(orderFree(text));
          // Means are sums in another order: equal up to rounding.
          detect.columns.forEach((c, i) => {
            const n = text.columns[i].numeric;
            const scale = n ? Math.max(1, Math.abs(n.min), Math.abs(n.max)) : 1;
            expect(Math.abs((c.numeric?.mean ?? 0) - (n?.mean ?? 0))).toBeLessThanOrEqual(1e-12 * scale);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads plain decimals into Float64Array, keeps other cells as text, and switches text columns to strings', async () => {
    const file = join(dir, 'd.csv');
    const lines = ['n,t'];
    for (let i = 0; i < 400; i++) lines.push(`${i % 100 === 0 ? '1e3' : i % 4 === 2 ? (i / 4).toFixed(2) : String(i / 4)},u${i}`);
    await writeFile(file, `${lines.join('\n')}\n`);
    const source = await openTable(file, { defaultDecoding: 'detect', batchRows: 100 });
    const batches = [];
    for await (const b of source.batches()) batches.push(b);
    const n = batches[0].columns[0] as NumberColumn;
    expect(n.kind).toBe('number');
    expect(n.detected).toBe(true);
    // One text cell in 100 (≤ 1/64) keeps the column numeric; '0.50' is a number whose text is kept by its digits.
    expect(n.invalid).toEqual([{ index: 0, text: '1e3' }]);
    expect(n.values[1]).toBe(0.25);
    expect(n.values[2]).toBe(0.5);
    expect([...n.fractionDigits!.slice(1, 5)]).toEqual([2, 2, 2, 0]);
    expect(n.textLengths).toEqual({ min: 1, max: 5 }); // '1' … '24.50'
    // The text column starts as numbers (all cells text) and is a dictionary column from batch 2 on.
    expect(batches[0].columns[1].kind).toBe('number');
    expect(batches.slice(1).map((b) => b.columns[1].kind)).toEqual(['string', 'string', 'string']);
    expect(batches.slice(1).every((b) => b.columns[0].kind === 'number')).toBe(true);
  });

  it('switches a column to text within a batch once it holds enough text, numbers and nulls kept', async () => {
    // Column a: numbers (odd spellings included) then text; b: numbers with a rare text cell.
    const numbers = ['1.50', '-7.0', '12', '0.10', '', '32.8720', '-0.5', 'NA'];
    const cells = fc.array(fc.oneof(fc.constantFrom(...numbers), fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((x) => String(x))), { minLength: 0, maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(cells, fc.integer({ min: 300, max: 700 }), async (head, texts) => {
        const a = [...head, ...Array.from({ length: texts }, (_, i) => (i % 9 === 0 ? numbers[i % numbers.length] : `w${i % 50}`))];
        const file = join(dir, 'switch.csv');
        await writeFile(file, `a,b\n${a.map((x, i) => `${x},${i % 97 === 5 ? 'x' : i}`).join('\n')}\n`);
        const options = { missingValues: ['', 'NA'], batchRows: 2000 };
        const source = await openTable(file, { ...options, defaultDecoding: 'detect' });
        const rows: Array<string | null> = [];
        for await (const batch of source.batches()) {
          const col = batch.columns[0];
          // Enough text cells: the column is text in the very batch that has them.
          expect(col.kind).toBe('string');
          if (col.kind === 'string') for (const c of col.codes) rows.push(c < 0 ? null : col.dictionary[c]);
          expect(batch.columns[1].kind).toBe('number');
        }
        expect(rows).toEqual(a.map((x) => (x === '' || x === 'NA' ? null : x)));
        const text = await profileFile(file, { ...options, defaultDecoding: 'string' });
        const detect = await profileFile(file, { ...options, defaultDecoding: 'detect' });
        expect(orderFree(detect)).toEqual(orderFree(text));
      }),
      { numRuns: 40 },
    );
  });
});
