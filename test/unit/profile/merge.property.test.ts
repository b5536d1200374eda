import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createProfiler } from '../../../src/profile/profiler.ts';
import { mergeProfiles } from '../../../src/profile/merge.ts';
import { sketchQuantile } from '../../../src/profile/kll.ts';
import { distinctEstimate } from '../../../src/profile/distinct.ts';
import { numericSample } from '../../../src/profile/helpers.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { ColumnProfile, DatasetProfile, ProfileOptions } from '../../../src/profile/types.ts';
import { exactRanks, toBatches, type Cell, type ColumnSpec } from './helpers.ts';

// Small sketches so that a few thousand rows exercise every pruning path.
const OPTS: ProfileOptions = { sampleSize: 50, topK: 8, sketchK: 16, exactDistinct: 40 };

function profileRange(columns: ColumnSpec[], start: number, end: number, batchRows: number): DatasetProfile {
  const p = createProfiler(columns.map((c) => c.name), OPTS);
  for (const b of toBatches(columns, start, end, batchRows)) p.add(b);
  return p.finish([{ path: `rows-${start}-${end}`, sha256: '', md5: '', rows: end - start }]);
}

const rowArb = fc.record({
  num: fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.integer({ min: -50, max: 50 }) },
    { weight: 3, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom('n/a', 'oops') },
  ),
  cat: fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 6, arbitrary: fc.constant('hot') },
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l') },
    { weight: 2, arbitrary: fc.string({ maxLength: 3 }) },
  ),
  text: fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x.toFixed(4)) },
    { weight: 1, arbitrary: fc.constantFrom('true', 'false', '2024-01-02', '2024-01-02T03:04:05Z', 'x') },
  ),
});

const datasetArb = fc
  .array(rowArb, { minLength: 0, maxLength: 1500 })
  .chain((rows) =>
    fc.record({
      rows: fc.constant(rows),
      cuts: fc.uniqueArray(fc.integer({ min: 0, max: rows.length }), { maxLength: 5 }).map((c) => c.sort((a, b) => a - b)),
      batchRows: fc.integer({ min: 1, max: 600 }),
    }),
  );

function columnsOf(rows: Array<{ num: Cell; cat: Cell; text: Cell }>): ColumnSpec[] {
  return [
    { name: 'num', kind: 'number', cells: rows.map((r) => r.num) },
    { name: 'cat', kind: 'string', cells: rows.map((r) => r.cat) },
    { name: 'text', kind: 'string', cells: rows.map((r) => r.text) },
  ];
}

function close(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Checks a merged column against the whole-data column and the raw cells. */
function checkColumn(merged: ColumnProfile, whole: ColumnProfile, cells: Cell[]): void {
  expect(merged.name).toBe(whole.name);
  expect(merged.count).toBe(whole.count);
  expect(merged.nulls).toBe(whole.nulls);
  expect(merged.types).toEqual(whole.types);
  expect(merged.lengths).toEqual(whole.lengths);
  if (whole.numeric === null) expect(merged.numeric).toBeNull();
  else {
    const m = merged.numeric!;
    const w = whole.numeric;
    expect(m.count).toBe(w.count);
    expect(m.min).toBe(w.min);
    expect(m.max).toBe(w.max);
    expect(close(m.mean, w.mean, 1e-9)).toBe(true);
    // m2 can cancel to ~0 for near-constant data: compare relative to the scale of the values.
    expect(Math.abs(m.m2 - w.m2)).toBeLessThanOrEqual(1e-9 * Math.max(1, w.m2, w.count * w.mean * w.mean));
    // Quantiles within the stated rank error of the merged sketch, against exact ranks.
    const sorted = Float64Array.from(
      cells.flatMap((c) => {
        const x = typeof c === 'number' ? c : typeof c === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(c) ? Number(c) : NaN;
        return Number.isFinite(x) ? [x] : [];
      }),
    ).sort();
    expect(sorted.length).toBe(m.count);
    expect(m.sketch.n).toBe(m.count);
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      const { lt, le } = exactRanks(sorted, sketchQuantile(m.sketch, q));
      expect(Math.max(0, lt - q, q - le)).toBeLessThanOrEqual(m.sketch.epsilon + 1e-12);
    }
  }
  // Distinct: exact while small, HLL error beyond.
  const truth = whole.distinct.values ? whole.distinct.values.length : null;
  if (merged.distinct.values && whole.distinct.values) expect(merged.distinct.values).toEqual(whole.distinct.values);
  else if (truth !== null) throw new Error('merged distinct went inexact while the whole stayed exact');
  else {
    const est = distinctEstimate(merged.distinct);
    const direct = distinctEstimate(whole.distinct);
    // Both estimate the same set; merged HLL registers equal the whole's (max is order-free).
    expect(merged.distinct.hll).toBe(whole.distinct.hll);
    expect(est).toBe(direct);
  }
  // Top-K: every heavy hitter present, bounds bracket the truth.
  const nonNull = merged.count - merged.nulls;
  const capacity = merged.topK.capacity;
  expect(merged.topK.n).toBe(nonNull);
  const counts = new Map<string, number>();
  for (const item of merged.topK.items) counts.set(item.value, 0);
  const truthCounts = new Map<string, number>();
  for (const c of cells) {
    if (c === null) continue;
    const key = merged.name === 'num' && typeof c === 'number' ? String(c) : String(c);
    truthCounts.set(key, (truthCounts.get(key) ?? 0) + 1);
  }
  for (const [value, c] of truthCounts) {
    const item = merged.topK.items.find((it) => it.value === value);
    if (c > nonNull / (capacity + 1)) expect(item, `heavy hitter ${value}`).toBeDefined();
    if (item) {
      expect(item.count - item.error).toBeLessThanOrEqual(c);
      expect(item.count).toBeGreaterThanOrEqual(c);
    } else expect(c).toBeLessThanOrEqual(merged.topK.slack);
  }
  // Sample: min(capacity, n) values, a sub-multiset of the input.
  expect(merged.sample.seen).toBe(nonNull);
  expect(merged.sample.values).toHaveLength(Math.min(merged.sample.capacity, nonNull));
  // Numeric text becomes a number in numeric columns ("0.5000" → 0.5): compare canonical forms.
  const canon = (v: Cell): string => {
    const x = typeof v === 'number' ? v : /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(String(v)) ? Number(v) : NaN;
    return Number.isFinite(x) ? `n:${x}` : `s:${String(v)}`;
  };
  const pool = new Map<string, number>();
  for (const c of cells) if (c !== null) pool.set(canon(c), (pool.get(canon(c)) ?? 0) + 1);
  const types = new Set(merged.sample.values.map((v) => typeof v));
  expect(types.size).toBeLessThanOrEqual(merged.name === 'num' ? 2 : 1);
  for (const v of merged.sample.values) {
    const key = canon(v);
    expect(pool.get(key) ?? 0, `sampled ${key}`).toBeGreaterThan(0);
    pool.set(key, pool.get(key)! - 1);
  }
}

describe('mergeProfiles', () => {
  it('merging the profiles of random shards equals profiling the whole', () => {
    fc.assert(
      fc.property(datasetArb, ({ rows, cuts, batchRows }) => {
        const columns = columnsOf(rows);
        const whole = profileRange(columns, 0, rows.length, batchRows);
        const bounds = [0, ...cuts, rows.length];
        const shards: DatasetProfile[] = [];
        for (let i = 0; i + 1 < bounds.length; i++) shards.push(profileRange(columns, bounds[i], bounds[i + 1], batchRows));
        const merged = mergeProfiles(shards);
        expect(merged.rows).toBe(rows.length);
        expect(merged.sources.map((s) => s.rows).reduce((a, b) => a + b, 0)).toBe(rows.length);
        merged.columns.forEach((col, i) => checkColumn(col, whole.columns[i], columns[i].cells));
      }),
      { numRuns: 120, seed: Number(process.env.PROFILE_PROPERTY_SEED ?? 20261127) },
    );
  });

  it('keeps the sample uniform across shards', () => {
    // 10 shards of 0..9999 merged, many seeds: the sampled mean is close to the population mean.
    let sum = 0;
    let n = 0;
    for (let seed = 0; seed < 20; seed++) {
      const cells = Array.from({ length: 10_000 }, (_, i) => i);
      const columns: ColumnSpec[] = [{ name: 'v', kind: 'number', cells }];
      const shards = [];
      for (let s = 0; s < 10; s++) {
        const p = createProfiler(['v'], { sampleSize: 200, seed });
        for (const b of toBatches(columns, s * 1000, (s + 1) * 1000, 333)) p.add(b);
        shards.push(p.finish());
      }
      const sample = numericSample(mergeProfiles(shards).columns[0]);
      expect(sample).toHaveLength(200);
      expect(new Set(sample).size).toBe(200);
      for (const v of sample) {
        sum += v;
        n++;
      }
    }
    // 4000 draws; sd of the mean ≈ 2887/√4000 ≈ 46.
    expect(Math.abs(sum / n - 4999.5)).toBeLessThan(230);
  });

  it('names a column that a shard lacks', () => {
    const a = createProfiler(['x', 'y']).finish([{ path: 'a.csv', sha256: '', md5: '', rows: 0 }]);
    const b = createProfiler(['x']).finish([{ path: 'b.csv', sha256: '', md5: '', rows: 0 }]);
    expect(() => mergeProfiles([a, b])).toThrow(InputError);
    expect(() => mergeProfiles([a, b])).toThrow("b.csv (y): column 'y' is missing; a.csv has it");
    expect(() => mergeProfiles([b, a])).toThrow("a.csv (y): column 'y' is not in b.csv");
    expect(() => mergeProfiles([])).toThrow(InputError);
    const p12 = createProfiler(['x'], { exactDistinct: 2 });
    const p10 = createProfiler(['x'], { exactDistinct: 2, hllPrecision: 10 });
    for (const p of [p12, p10]) for (const b of toBatches([{ name: 'x', kind: 'string', cells: ['a', 'b', 'c', 'd'] }], 0, 4, 4)) p.add(b);
    expect(() => mergeProfiles([p12.finish(), p10.finish()])).toThrow(/cannot merge column 'x': cannot merge HLL sketches of precision 10 and 12/);
  });
});
