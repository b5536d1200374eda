import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BatchSorter } from '../../../src/profile/sort.ts';
import { KllSketch, createSketchState, sketchQuantile } from '../../../src/profile/kll.ts';
import { TopK } from '../../../src/profile/topk.ts';
import { Reservoir } from '../../../src/profile/reservoir.ts';
import { Rng } from '../../../src/profile/random.ts';
import { DistinctCounter } from '../../../src/profile/distinct.ts';
import { murmur3 } from '../../../src/profile/hash.ts';
import { detectType } from '../../../src/profile/detect.ts';
import { exactRanks, testRng } from './helpers.ts';
import { murmur3Bytes } from './helpers.ts';

/** Sorted distinct values with counts, the slow way. */
function runs(values: number[]): { values: number[]; counts: number[] } {
  const sorted = Float64Array.from(values, (v) => v + 0).sort();
  const out: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    out.push(sorted[i]);
    counts.push(j - i);
    i = j;
  }
  return { values: out, counts };
}

describe('BatchSorter', () => {
  const sorter = new BatchSorter();

  it('sorts and groups any finite or infinite numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -5, max: 5 })), { maxLength: 3000 }), (values) => {
        const input = sorter.input(values.length);
        values.forEach((v, i) => (input[i] = v + 0));
        const n = sorter.group(values.length);
        const expected = runs(values);
        expect(Array.from(sorter.distinct.subarray(0, n))).toEqual(expected.values);
        expect(Array.from(sorter.counts.subarray(0, n))).toEqual(expected.counts);
      }),
      { numRuns: 200 },
    );
  });

  it('sorters of different columns used in turn do not disturb each other (their histograms are one scratch array)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 500 }), fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 500 }), (xs, ys) => {
        const a = new BatchSorter();
        const b = new BatchSorter();
        a.input(xs.length).set(xs.map((v) => v + 0));
        b.input(ys.length).set(ys);
        const nb = b.groupDecimals(ys.length, 0);
        const na = a.group(xs.length);
        expect(Array.from(a.distinct.subarray(0, na))).toEqual(runs(xs.map((v) => v + 0)).values);
        expect(Array.from(b.distinct.subarray(0, nb))).toEqual(runs(ys).values);
        expect(Array.from(b.counts.subarray(0, nb))).toEqual(runs(ys).counts);
      }),
      { numRuns: 100 },
    );
  });

  it('groups decimals of one spelling through their integers (dense and sparse ranges, any sign)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 14 }), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 3000 }), (digits, magnitude, xs) => {
        // Plain decimals of at most 15 digits, as `detect` decoding reads them.
        const scale = 10 ** Math.min(magnitude, 15 - digits);
        const values = xs.map((x) => Number((x * scale).toFixed(digits)) + 0);
        const input = sorter.input(values.length);
        values.forEach((v, i) => (input[i] = v));
        const n = sorter.groupDecimals(values.length, digits);
        const expected = runs(values);
        expect(Array.from(sorter.distinct.subarray(0, n))).toEqual(expected.values);
        expect(Array.from(sorter.counts.subarray(0, n))).toEqual(expected.counts);
      }),
      { numRuns: 300 },
    );
  });

  it('groups (value, tag) pairs by value, then tag', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 3 })), { maxLength: 2000 }), (pairs) => {
        const input = sorter.input(pairs.length);
        const tags = sorter.tagInput();
        pairs.forEach(([v, t], i) => {
          input[i] = v / 4;
          tags[i] = t;
        });
        const n = sorter.groupTagged(pairs.length);
        const truth = new Map<string, number>();
        for (const [v, t] of pairs) truth.set(`${v / 4}|${t}`, (truth.get(`${v / 4}|${t}`) ?? 0) + 1);
        const expected = [...truth].map(([k, c]) => [...k.split('|').map(Number), c]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const got = Array.from({ length: n }, (_, i) => [sorter.distinct[i], sorter.tags[i], sorter.counts[i]]);
        expect(got).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bulk sketch updates', () => {
  it('KLL addSorted keeps levels sorted, counts every weight and stays within its stated error', () => {
    const rand = testRng(3);
    const sorter = new BatchSorter();
    for (const [k, batch, dups] of [[256, 16_384, false], [32, 1000, true], [64, 5000, false]] as const) {
      const sketch = new KllSketch(createSketchState(k, 11));
      const raw: number[] = [];
      for (let b = 0; b < 20; b++) {
        const input = sorter.input(batch);
        for (let i = 0; i < batch; i++) {
          const x = dups ? Math.floor(rand() * 300) : Math.round(rand() ** 2 * 1e6) / 1e3;
          input[i] = x;
          raw.push(x);
        }
        const n = sorter.group(batch);
        sketch.addSorted(sorter.distinct, sorter.counts, 0, n);
        // Interleaved single inserts share the sketch.
        sketch.add(b, 3);
        raw.push(b, b, b);
      }
      const st = sketch.state();
      const sorted = Float64Array.from(raw).sort();
      expect(st.n).toBe(raw.length);
      expect(st.compactors.reduce((s, c, h) => s + c.length * 2 ** h, 0)).toBeLessThanOrEqual(raw.length + 2 ** st.compactors.length);
      for (const level of st.compactors) expect(level).toEqual([...level].sort((a, b) => a - b));
      // Within the level capacities: Σ k·(2/3)^i < 3k, plus level 0's k/2 input buffer and the minimum width 8 a level.
      expect(st.compactors.reduce((s, c) => s + c.length, 0)).toBeLessThanOrEqual(3.5 * k + 8 * st.compactors.length);
      for (let i = 1; i < 100; i++) {
        const q = i / 100;
        const { lt, le } = exactRanks(sorted, sketchQuantile(st, q));
        expect(Math.max(0, lt - q, q - le)).toBeLessThanOrEqual(st.epsilon);
      }
    }
  });

  it('TopK addSortedNumbers equals addBatch over the same entries (numbers, and value/digits pairs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }).map((w) => (w > 20 ? 1 : w)), fc.integer({ min: 1, max: 3 })), { maxLength: 60 }), { maxLength: 8 }),
        fc.boolean(),
        (batches, tagged) => {
          const a = new TopK(5);
          const b = new TopK(5);
          for (const batch of batches) {
            const seen = new Map<string, [number, number, number]>();
            for (const [u, w, t0] of batch) {
              // A decimal with t digits after the point, as a `detect` batch holds it (0.5 may come as "0.5" and "0.50").
              const t = tagged ? t0 : 2;
              const v = Number((u / 8).toFixed(t));
              const key = `${v}|${t}`;
              const prev = seen.get(key);
              seen.set(key, [v, (prev?.[1] ?? 0) + w, t]);
            }
            const entries = [...seen.values()].sort((x, y) => x[0] - y[0] || x[2] - y[2]);
            const keyOf = ([v, , t]: [number, number, number]): string | number => (t === 2 ? v : v.toFixed(t));
            a.addBatch(entries.map(keyOf), entries.map((e) => e[1]), entries.length);
            const values = Float64Array.from(entries, (e) => e[0]);
            const counts = Int32Array.from(entries, (e) => e[1]);
            const tags = Uint8Array.from(entries, (e) => e[2]);
            if (tagged) b.addSortedNumbers(values, counts, 0, entries.length, tags, 2);
            else b.addSortedNumbers(values, counts, 0, entries.length);
          }
          expect(b.state()).toEqual(a.state());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Reservoir addWeighted keeps exactly the copies with the smallest keys of a dense batch (the pool of candidates is cut by a bound)', () => {
    for (const seed of [1, 7, 42]) {
      const counts = Int32Array.from({ length: 3000 }, (_, i) => 1 + (i % 3));
      const r = new Reservoir(50, seed);
      r.addWeighted(counts, 0, counts.length, (i) => i);
      // The same keys drawn naively: one per copy in entry order, the 50 smallest kept (ties by order).
      const rng = new Rng(seed);
      const keyed: Array<{ key: number; entry: number; order: number }> = [];
      counts.forEach((w, entry) => {
        for (let c = 0; c < w; c++) keyed.push({ key: rng.nextUint32(), entry, order: keyed.length });
      });
      keyed.sort((x, y) => x.key - y.key || x.order - y.order);
      const kept = keyed.slice(0, 50);
      const st = r.state();
      expect(st.seen).toBe(6000);
      expect(st.threshold).toBe(kept[49].key);
      expect(st.values).toEqual(kept.map((k) => k.entry));
    }
  });

  it('Reservoir addWeighted samples uniformly, counts every row and is deterministic', () => {
    let a = 0;
    let total = 0;
    for (let seed = 0; seed < 40; seed++) {
      const r = new Reservoir(200, seed);
      // Batches of unique values with one heavy value: "a" is 3/4 of the rows.
      for (let b = 0; b < 10; b++) {
        const counts = Int32Array.from({ length: 1001 }, (_, i) => (i === 1000 ? 3000 : 1));
        r.addWeighted(counts, 0, counts.length, (i) => (i === 1000 ? 'a' : `${b}:${i}`));
      }
      const st = r.state();
      expect(st.seen).toBe(40_000);
      expect(st.values).toHaveLength(200);
      a += st.values.filter((v) => v === 'a').length;
      total += st.values.length;
    }
    // Binomial(8000, 0.75): sd ≈ 39, so ±0.02 is > 4 sd.
    expect(Math.abs(a / total - 0.75)).toBeLessThan(0.02);
    const again = (): unknown => {
      const r = new Reservoir(50, 9);
      r.addWeighted([3, 0, 100, 1], 0, 4, (i) => i);
      r.addWeighted([0, 2], 0, 2, (i) => i + 10);
      return r.state();
    };
    expect(again()).toEqual(again());
    // A batch beyond the whole-batch limit takes the copy-by-copy path.
    const huge = new Reservoir(100, 2);
    huge.addWeighted([3_000_000, 1_000_000], 0, 2, (i) => i);
    const hs = huge.state();
    expect(hs.seen).toBe(4_000_000);
    expect(hs.values).toHaveLength(100);
    expect(hs.values.filter((v) => v === 1).length).toBeGreaterThan(5);
    expect(hs.values.filter((v) => v === 1).length).toBeLessThan(50);
    const empty = new Reservoir(0, 1);
    empty.addWeighted([2, 3], 0, 2, () => 'x');
    expect(empty.state()).toMatchObject({ seen: 5, values: [] });
  });

  it('DistinctCounter addNumbers equals addNumber value by value (exact and HLL)', () => {
    const rand = testRng(4);
    for (const size of [50, 5000]) {
      const values = Float64Array.from({ length: size }, () => Math.round((rand() - 0.5) * 1e6) / 100);
      const a = new DistinctCounter(1000, 12);
      const b = new DistinctCounter(1000, 12);
      for (const v of values) a.addNumber(v);
      b.addNumbers(values, 0, 10);
      b.addNumbers(values, 10, size);
      expect(b.state()).toEqual(a.state());
    }
  });
});

describe('hand-rolled scanners', () => {
  it('murmur3 of mostly-ASCII text (its four-units-a-block path) equals the byte-level reference', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('a', '1', '-', 'Z', ':') }, { weight: 1, arbitrary: fc.constantFrom('é', '€', '\ud83d\ude00', '\ud800') }), maxLength: 30 }), (s) => {
        expect(murmur3(s, 5)).toBe(murmur3Bytes(new TextEncoder().encode(s), 5));
      }),
      { numRuns: 500 },
    );
  });

  it('recognises dates and datetimes exactly as the reference patterns (with calendar and clock checks)', () => {
    const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
    const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
    const leap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const valid = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    const expected = (t: string): string => {
      const d = DATE.exec(t);
      if (d) return valid(+d[1], +d[2], +d[3]) ? 'date' : 'string';
      const m = DATETIME.exec(t);
      if (m) return valid(+m[1], +m[2], +m[3]) && +m[4] <= 23 && +m[5] <= 59 && (m[6] === undefined || +m[6] <= 60) ? 'datetime' : 'string';
      return 'string';
    };
    const digit = fc.constantFrom('0', '1', '2', '3', '5', '9');
    const piece = fc.oneof(digit, fc.constantFrom('-', ':', 'T', ' ', 'Z', '+', '.', 'x'));
    const near = fc.tuple(
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2021-01-03', '0000-01-01'),
      fc.array(piece, { maxLength: 14 }),
      fc.constantFrom('', 'T10:45:32Z', ' 23:59', 'T24:00', 'T10:60', 'T10:45:60', 'T10:45:61', 'T10:45:32.123+05:30', 'T10:45+0530', 'T10:45-05', 'T10:45:32.', 'T10:45:3', 'T10:45+05:3'),
    ).map(([d, mid, tail]) => (mid.length % 3 === 0 ? d + tail : d + mid.join('')));
    fc.assert(
      fc.property(near, (t) => {
        const type = detectType(t).type;
        if (type === 'date' || type === 'datetime' || type === 'string') expect(type).toBe(expected(t));
      }),
      { numRuns: 3000 },
    );
  });
});

