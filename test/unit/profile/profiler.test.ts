import { describe, expect, it } from 'vitest';
import { createProfiler } from '../../../src/profile/profiler.ts';
import { stringifyProfile } from '../../../src/profile/io.ts';
import { sketchQuantile } from '../../../src/profile/kll.ts';
import { distinctEstimate } from '../../../src/profile/distinct.ts';
import { detectType } from '../../../src/profile/detect.ts';
import { categoricalCounts, columnQuantile, columnType, numericSample } from '../../../src/profile/helpers.ts';
import type { DatasetProfile } from '../../../src/profile/types.ts';
import { toBatches, testRng, type ColumnSpec } from './helpers.ts';

function profile(columns: ColumnSpec[], batchRows = 1000, opts = {}): DatasetProfile {
  const p = createProfiler(columns.map((c) => c.name), opts);
  const n = columns[0].cells.length;
  for (const b of toBatches(columns, 0, n, batchRows)) p.add(b);
  return p.finish();
}

describe('type detection', () => {
  it.each([
    ['12', 'integer'], ['-7', 'integer'], [' 3 ', 'integer'], ['1.5', 'number'], ['1e-3', 'number'], ['.5', 'number'],
    ['NaN', 'number'], ['-INF', 'number'], ['true', 'boolean'], ['FALSE', 'boolean'], ['1', 'integer'],
    ['2024-02-29', 'date'], ['2023-02-29', 'string'], ['2024-01-05T10:20:30Z', 'datetime'], ['2024-01-05 10:20', 'datetime'],
    ['2024-01-05T25:00', 'string'], ['0x10', 'string'], ['abc', 'string'], ['1,5', 'string'], ['Infinity', 'number'], ['yes', 'string'],
    ['31/01/2024', 'date'], ['1/31/2024', 'date'], ['31.01.2024', 'date'], ['2024/01/31', 'date'], ['29/02/2023', 'string'],
    ['31/31/2024', 'string'], ['1.2.3', 'string'], ['12/5/24', 'string'],
  ])('%s → %s', (text, type) => {
    expect(detectType(text).type).toBe(type);
  });
});

describe('createProfiler', () => {
  const columns: ColumnSpec[] = [
    { name: 'id', kind: 'number', cells: [1, 2, 3, 4, 5, 6] },
    { name: 'x', kind: 'string', cells: ['1.5', '2', null, 'abc', '2', '2024-01-01'] },
    { name: 'flag', kind: 'string', cells: ['true', 'false', 'true', null, null, 'true'] },
    { name: 'y', kind: 'number', cells: [0.5, null, 'oops', 2.5, Infinity, 0.5] },
  ];

  it('counts rows, nulls and the most specific type of every cell', () => {
    const p = profile(columns, 4);
    expect(p.rows).toBe(6);
    const [id, x, flag, y] = p.columns;
    expect(id.types).toEqual({ integer: 6, number: 0, boolean: 0, date: 0, datetime: 0, string: 0 });
    expect(x.nulls).toBe(1);
    expect(x.types).toEqual({ integer: 2, number: 1, boolean: 0, date: 1, datetime: 0, string: 1 });
    expect(flag.types.boolean).toBe(4);
    expect(flag.nulls).toBe(2);
    expect(y.types).toEqual({ integer: 0, number: 4, boolean: 0, date: 0, datetime: 0, string: 1 });
    expect(columnType(id)).toBe('integer');
    expect(columnType(x)).toBe('string');
    expect(columnType(flag)).toBe('boolean');
  });

  it('feeds numbers in text columns to the numeric stats (a CSV read as strings still gets them)', () => {
    const p = profile(columns);
    const x = p.columns[1];
    expect(x.numeric).toMatchObject({ count: 3, min: 1.5, max: 2 });
    expect(x.numeric?.mean).toBeCloseTo(5.5 / 3, 12);
    const y = p.columns[3];
    // Infinity and the invalid text stay out of the moments.
    expect(y.numeric).toMatchObject({ count: 3, min: 0.5, max: 2.5 });
    expect(p.columns[2].numeric).toBeNull();
    expect(x.lengths).toEqual({ min: 1, max: 10 });
    expect(p.columns[0].lengths).toBeNull();
  });

  it('counts categories exactly from the sample when the top values were pruned but the sample holds every cell', () => {
    // 30 values, 4 of them repeated: a top-K of 8 must prune, a sample of 100 keeps all 40 cells.
    const cells = Array.from({ length: 40 }, (_, i) => (i < 10 ? 'a' : i < 16 ? 'b' : i < 20 ? `r${i % 2}` : `u${i}`));
    const pruned = profile([{ name: 'name', kind: 'string', cells }], 1000, { topK: 8, sampleSize: 100 }).columns[0];
    expect(pruned.topK.slack).toBeGreaterThan(0);
    const { counts, other, exact } = categoricalCounts(pruned);
    expect(exact).toBe(true);
    expect([...counts].slice(0, 4)).toEqual([['a', 10], ['b', 6], ['r0', 2], ['r1', 2]]);
    expect(counts.size).toBe(8); // the top-K's capacity
    expect(other).toBe(40 - 10 - 6 - 2 - 2 - 4);
    // A sample smaller than the column: the pruned top-K's estimates, not exact.
    const sampled = profile([{ name: 'name', kind: 'string', cells }], 1000, { topK: 8, sampleSize: 20 }).columns[0];
    expect(categoricalCounts(sampled).exact).toBe(false);
  });

  it('keeps distinct values, frequencies and samples', () => {
    const p = profile(columns);
    const [id, x, flag, y] = p.columns;
    expect(id.distinct.values).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(distinctEstimate(x.distinct)).toBe(4);
    expect(flag.topK.items).toEqual([
      { value: 'true', count: 3, error: 0 },
      { value: 'false', count: 1, error: 0 },
    ]);
    expect(categoricalCounts(flag)).toEqual({ counts: new Map([['true', 3], ['false', 1]]), other: 0, exact: true });
    expect(id.sample.values.slice().sort()).toEqual([1, 2, 3, 4, 5, 6]);
    // Not a numeric column (it holds a non-number): the sample is text throughout.
    expect(y.sample.values.slice().sort()).toEqual(['0.5', '0.5', '2.5', 'Infinity', 'oops']);
    expect(numericSample(y).sort()).toEqual([0.5, 0.5, 2.5]);
    expect(x.sample.values).toHaveLength(5);
  });

  it('turns the sample of an all-numeric text column into numbers', () => {
    const p = profile([{ name: 'v', kind: 'string', cells: ['1', '2.5', null, '-3', '1e2'] }]);
    expect(p.columns[0].sample.values.slice().sort((a, b) => (a as number) - (b as number))).toEqual([-3, 1, 2.5, 100]);
    expect(columnType(p.columns[0])).toBe('number');
    expect(columnQuantile(p.columns[0], 0)).toBe(-3);
    expect(columnQuantile(p.columns[0], 1)).toBe(100);
    expect(columnQuantile(p.columns[0], 0.5)).toBe(1);
  });

  it('gives byte-identical JSON for the same input, whatever the batch size', () => {
    const rand = testRng(9);
    const big: ColumnSpec[] = [
      { name: 'a', kind: 'number', cells: Array.from({ length: 20_000 }, () => (rand() < 0.05 ? null : Math.round(rand() * 1e6) / 100)) },
      { name: 'b', kind: 'string', cells: Array.from({ length: 20_000 }, () => `c${Math.floor(rand() ** 2 * 300)}`) },
    ];
    const one = stringifyProfile(profile(big, 4096));
    expect(stringifyProfile(profile(big, 4096))).toBe(one);
    // A different seed draws a different sample.
    expect(stringifyProfile(profile(big, 4096, { seed: 1 }))).not.toBe(one);
    const q = profile(big, 4096).columns[0];
    expect(sketchQuantile(q.numeric!.sketch, 0.5)).toBeGreaterThan(4000);
  });

  it('stays compact: a 20-column profile is well under 1 MB', () => {
    const rand = testRng(5);
    const n = 30_000;
    const cols: ColumnSpec[] = [];
    for (let c = 0; c < 20; c++) {
      const kind = c % 3;
      cols.push({
        name: `col${c}`,
        kind: kind === 0 ? 'number' : 'string',
        cells: Array.from({ length: n }, (_, i) =>
          rand() < 0.02 ? null
            : kind === 0 ? Math.round(rand() * 1e7) / 1e3
              : kind === 1 ? `cat_${Math.floor(rand() ** 3 * 1000)}`
                : String(i * 7 + c)),
      });
    }
    const p = profile(cols, 65_536);
    const bytes = Buffer.byteLength(stringifyProfile(p));
    expect(bytes).toBeLessThan(700_000);
    expect(p.columns[2].numeric?.count).toBeGreaterThan(0.97 * n);
  });

  it('handles an empty input and columns without values', () => {
    const p = createProfiler(['a', 'b']).finish();
    expect(p.rows).toBe(0);
    expect(p.columns[0]).toMatchObject({ count: 0, nulls: 0, numeric: null, lengths: null });
    expect(p.columns[0].sample.values).toEqual([]);
    const allNull = profile([{ name: 'z', kind: 'string', cells: [null, null] }]);
    expect(allNull.columns[0]).toMatchObject({ count: 2, nulls: 2, numeric: null });
    expect(columnType(allNull.columns[0])).toBeNull();
  });
});

describe('type detection agrees with the readers’ number syntax', () => {
  it('classifies random numeric-looking text like the reference regular expressions', async () => {
    const fc = (await import('fast-check')).default;
    // No leading zero before a digit: "00501" is a code, not a number (as schema inference and `detect` decoding read it).
    const INTEGER = /^\s*[+-]?(?:0|[1-9]\d*)\s*$/;
    const DECIMAL = /^\s*[+-]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', ' ', 'x'), minLength: 1, maxLength: 8 }), (text) => {
        const { type, value } = detectType(text);
        if (INTEGER.test(text)) {
          expect(type).toBe('integer');
          expect(value).toBe(Number(text));
        } else if (DECIMAL.test(text)) {
          expect(type).toBe('number');
          expect(value).toBe(Number(text));
        } else expect(['integer', 'number']).not.toContain(type);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts codes with a leading zero (zip codes) as text, so drift compares them as categories', () => {
    expect(['00501', '0123', '-007', '007.5', ' 01 '].map((t) => detectType(t).type)).toEqual(['string', 'string', 'string', 'string', 'string']);
    expect(['0', '-0', '0.5', '0e3', '10', '.5'].map((t) => detectType(t).type)).toEqual(['integer', 'integer', 'number', 'number', 'integer', 'number']);
    const profiler = createProfiler(['zip']);
    profiler.add({ length: 3, rowOffset: 0, lines: Float64Array.from([2, 3, 4]), columns: [{ kind: 'string', name: 'zip', codes: Int32Array.from([0, 1, 2]), dictionary: ['00501', '02134', '90210'] }] });
    const zip = profiler.finish().columns[0];
    expect(zip.types).toMatchObject({ string: 2, integer: 1 });
    expect(zip.numeric?.count).toBe(1);
  });
});
