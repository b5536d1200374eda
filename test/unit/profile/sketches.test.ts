import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur3, murmur3Number } from '../../../src/profile/hash.ts';
import { KllSketch, createSketchState, sketchQuantile, sketchRank, sketchMerge, sketchEpsilon } from '../../../src/profile/kll.ts';
import { DistinctCounter, distinctEstimate, distinctMerge } from '../../../src/profile/distinct.ts';
import { TopK, topKMerge } from '../../../src/profile/topk.ts';
import { Reservoir, reservoirMerge } from '../../../src/profile/reservoir.ts';
import { addMoments, emptyMoments, mergeMoments, variance } from '../../../src/profile/moments.ts';
import { exactRanks, testRng } from './helpers.ts';
import { murmur3Bytes } from './helpers.ts';


describe('murmur3', () => {
  it('matches the published test vectors', () => {
    expect(murmur3('', 0)).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3('hello', 0)).toBe(0x248bfa47);
    expect(murmur3('The quick brown fox jumps over the lazy dog', 0)).toBe(0x2e4ff723);
  });

  it('hashes the UTF-8 bytes, as TextEncoder encodes them (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 0, max: 0xffffffff }), (s, seed) => {
        expect(murmur3(s, seed)).toBe(murmur3Bytes(new TextEncoder().encode(s), seed));
      }),
      { numRuns: 300 },
    );
    expect(murmur3('\ud800x', 7)).toBe(murmur3Bytes(new TextEncoder().encode('\ud800x'), 7));
  });

  it('hashes numbers by value, reading -0 as 0', () => {
    expect(murmur3Number(-0)).toBe(murmur3Number(0));
    expect(murmur3Number(1.5)).not.toBe(murmur3Number(1.25));
  });
});

describe('KLL sketch', () => {
  const n = 100_000;
  const rand = testRng(1);
  // Lognormal-ish with ties: a skewed, realistic column.
  const data = Float64Array.from({ length: n }, () => Math.round(Math.exp(rand() * 4) * 100) / 100);
  const sorted = Float64Array.from(data).sort();
  const sketch = new KllSketch(createSketchState(256, 42));
  for (const x of data) sketch.add(x);
  const state = sketch.state();

  it('states a rank-error bound of a few percent for k = 256 and stays compact', () => {
    expect(state.n).toBe(n);
    expect(state.epsilon).toBeGreaterThan(0);
    expect(state.epsilon).toBeLessThan(0.03);
    expect(state.epsilon).toBeCloseTo(sketchEpsilon(state), 12);
    const retained = state.compactors.reduce((s, c) => s + c.length, 0);
    expect(retained).toBeLessThan(3.5 * 256);
  });

  it('keeps every quantile of 100k values within the stated epsilon (checked against exact ranks)', () => {
    let worst = 0;
    for (let i = 1; i < 1000; i++) {
      const q = i / 1000;
      const v = sketchQuantile(state, q);
      const { lt, le } = exactRanks(sorted, v);
      const err = Math.max(0, lt - q, q - le);
      worst = Math.max(worst, err);
    }
    expect(worst).toBeLessThanOrEqual(state.epsilon);
  });

  it('estimates ranks within epsilon', () => {
    for (let i = 0; i <= 200; i++) {
      const x = sorted[Math.min(n - 1, Math.floor((i / 200) * n))];
      const { le } = exactRanks(sorted, x);
      expect(Math.abs(sketchRank(state, x) - le)).toBeLessThanOrEqual(state.epsilon);
    }
    expect(sketchRank(state, -1)).toBe(0);
    expect(sketchRank(state, Infinity)).toBe(1);
  });

  it('is exact below its capacity and with weights (binary decomposition adds no error)', () => {
    const s = new KllSketch(createSketchState(64, 1));
    s.add(3, 5);
    s.add(1, 2);
    s.add(2, 1);
    const st = s.state();
    expect(st.epsilon).toBe(0);
    expect(st.n).toBe(8);
    expect(sketchRank(st, 1)).toBe(2 / 8);
    expect(sketchRank(st, 2)).toBe(3 / 8);
    expect(sketchQuantile(st, 0.5)).toBe(3);
    expect(sketchQuantile(st, 0)).toBe(1);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = new KllSketch(createSketchState(32, 7));
    const b = new KllSketch(createSketchState(32, 7));
    const c = new KllSketch(createSketchState(32, 8));
    for (let i = 0; i < 5000; i++) {
      const x = (i * 7919) % 5000;
      a.add(x);
      b.add(x);
      c.add(x);
    }
    expect(JSON.stringify(a.state())).toBe(JSON.stringify(b.state()));
    expect(JSON.stringify(a.state())).not.toBe(JSON.stringify(c.state()));
  });

  it('merges within the merged epsilon', () => {
    const parts = [0, 1, 2, 3].map((p) => {
      const s = new KllSketch(createSketchState(256, p));
      for (let i = p; i < n; i += 4) s.add(data[i]);
      return s.state();
    });
    const merged = sketchMerge(parts);
    expect(merged.n).toBe(n);
    for (let i = 1; i < 100; i++) {
      const q = i / 100;
      const { lt, le } = exactRanks(sorted, sketchQuantile(merged, q));
      expect(Math.max(0, lt - q, q - le)).toBeLessThanOrEqual(merged.epsilon);
    }
  });

  it('answers NaN when empty', () => {
    const empty = createSketchState();
    expect(sketchQuantile(empty, 0.5)).toBeNaN();
    expect(sketchRank(empty, 0)).toBeNaN();
  });
});

describe('distinct count', () => {
  it('is exact up to the limit and sorted', () => {
    const d = new DistinctCounter(1000, 12);
    for (let i = 0; i < 3000; i++) d.add(`v${i % 700}`);
    const st = d.state();
    expect(st.values).toHaveLength(700);
    expect(st.hll).toBe('');
    expect(distinctEstimate(st)).toBe(700);
    expect([...(st.values as string[])]).toEqual([...(st.values as string[])].sort());
  });

  it('counts numeric text by value', () => {
    const d = new DistinctCounter();
    d.add('1.50');
    d.addNumber(1.5);
    d.add('1.5');
    d.add('x');
    expect(d.state().values).toEqual(['1.5', 'x']);
  });

  it.each([2_000, 20_000, 200_000])('estimates %i distinct values within 3 standard errors (p = 12)', (k) => {
    const d = new DistinctCounter(1000, 12);
    for (let i = 0; i < k; i++) {
      if (i % 2) d.add(`user-${i}`);
      else d.addNumber(i * 0.37);
    }
    const est = distinctEstimate(d.state());
    expect(Math.abs(est - k) / k).toBeLessThan(3 * 1.04 / 64);
  });

  it('merges: union of exact sets, and HLL beyond (numbers in text and binary agree)', () => {
    const a = new DistinctCounter(100, 12);
    const b = new DistinctCounter(100, 12);
    for (let i = 0; i < 80; i++) a.add(String(i));
    for (let i = 50; i < 120; i++) b.addNumber(i);
    const ab = distinctMerge([a.state(), b.state()]);
    expect(ab.values).toBeNull();
    expect(Math.abs(distinctEstimate(ab) - 120)).toBeLessThanOrEqual(3);
    const small = distinctMerge([a.state(), a.state()]);
    expect(small.values).toHaveLength(80);
    const big = new DistinctCounter(100, 12);
    for (let i = 0; i < 30000; i++) big.add(`k${i}`);
    const big2 = new DistinctCounter(100, 12);
    for (let i = 15000; i < 45000; i++) big2.add(`k${i}`);
    const est = distinctEstimate(distinctMerge([big.state(), big2.state()]));
    expect(Math.abs(est - 45000) / 45000).toBeLessThan(0.05);
  });
});

describe('top-K (mergeable Misra–Gries)', () => {
  it('is exact while the values fit', () => {
    const t = new TopK(10);
    for (const [v, c] of [['a', 5], ['b', 3], ['c', 9]] as const) t.add(v, c);
    const st = t.state();
    expect(st.slack).toBe(0);
    expect(st.items).toEqual([
      { value: 'c', count: 9, error: 0 },
      { value: 'a', count: 5, error: 0 },
      { value: 'b', count: 3, error: 0 },
    ]);
  });

  it('keeps every heavy hitter and brackets every listed count, across batches and merges', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }).map((x) => (x < 20 ? 0 : x < 30 ? 1 : x)), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 6 }), (values, shards) => {
        const capacity = 8;
        const truth = new Map<string, number>();
        for (const v of values) truth.set(String(v), (truth.get(String(v)) ?? 0) + 1);
        const states = [];
        const per = Math.ceil(values.length / shards);
        for (let s = 0; s < shards; s++) {
          const t = new TopK(capacity);
          const part = values.slice(s * per, (s + 1) * per);
          // Half of each shard through batches, half one by one.
          const half = part.slice(0, part.length >> 1);
          const counts = new Map<string, number>();
          for (const v of half) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
          t.addBatch([...counts.keys()], [...counts.values()], counts.size);
          for (const v of part.slice(part.length >> 1)) t.add(String(v));
          states.push(t.state());
        }
        const merged = topKMerge(states);
        expect(merged.n).toBe(values.length);
        expect(merged.items.length).toBeLessThanOrEqual(capacity);
        expect(merged.slack).toBeLessThanOrEqual(values.length / (capacity + 1));
        const listed = new Map(merged.items.map((it) => [it.value, it]));
        for (const [v, c] of truth) {
          if (c > values.length / (capacity + 1)) expect(listed.has(v)).toBe(true);
          const it = listed.get(v);
          if (it) {
            expect(it.count - it.error).toBeLessThanOrEqual(c);
            expect(it.count).toBeGreaterThanOrEqual(c);
          } else expect(c).toBeLessThanOrEqual(merged.slack);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('priority-sampling reservoir', () => {
  it('holds min(capacity, n) values drawn from the input, deterministically', () => {
    const r = new Reservoir(100, 3);
    for (let i = 0; i < 50; i++) r.add(i);
    expect(r.state().values).toHaveLength(50);
    expect(r.state().threshold).toBe(2 ** 32);
    for (let i = 50; i < 10_000; i++) r.add(i);
    const st = r.state();
    expect(st.values).toHaveLength(100);
    expect(st.seen).toBe(10_000);
    expect(new Set(st.values).size).toBe(100);
    expect(st.threshold).toBeLessThan(2 ** 32);
    expect(r.state().threshold).toBe(st.threshold);
    const again = new Reservoir(100, 3);
    for (let i = 0; i < 10_000; i++) again.add(i);
    expect(again.state()).toEqual(st);
  });

  it('samples uniformly: weighted adds and merged shards included', () => {
    // 40 independent seeds; per seed 2 values with weights 30000/10000 → expect 75% share of "a".
    let a = 0;
    let total = 0;
    let idxSum = 0;
    let idxCount = 0;
    for (let seed = 0; seed < 40; seed++) {
      const r = new Reservoir(200, seed);
      r.add('a', 30_000);
      r.add('b', 10_000);
      const st = r.state();
      expect(st.values).toHaveLength(200);
      a += st.values.filter((v) => v === 'a').length;
      total += st.values.length;
      // Merged shards of 0..9999: the sampled mean index should be near 5000.
      const parts = [0, 1, 2].map((p) => {
        const s = new Reservoir(200, seed * 3 + p + 1000);
        for (let i = p * 3333; i < Math.min(10_000, (p + 1) * 3333 + (p === 2 ? 1 : 0)); i++) s.add(i);
        return s.state();
      });
      const merged = reservoirMerge(parts);
      expect(merged.seen).toBe(10_000);
      expect(merged.values).toHaveLength(200);
      for (const v of merged.values) {
        idxSum += v as number;
        idxCount++;
      }
    }
    // Binomial(8000, 0.75): sd ≈ 39 → share within ±0.02 is > 4 sd.
    expect(Math.abs(a / total - 0.75)).toBeLessThan(0.02);
    // Mean of 8000 uniform indices: sd ≈ 2887/√8000 ≈ 32.
    expect(Math.abs(idxSum / idxCount - 4999.5)).toBeLessThan(160);
  });
});

describe('moments', () => {
  it('merges exactly (Chan) and handles weights', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }), fc.nat(), (xs, cut) => {
        const k = cut % xs.length;
        const all = emptyMoments();
        const a = emptyMoments();
        const b = emptyMoments();
        xs.forEach((x, i) => {
          addMoments(all, x);
          addMoments(i < k ? a : b, x);
        });
        const m = mergeMoments(a, b);
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const m2 = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
        expect(m.count).toBe(xs.length);
        expect(m.min).toBe(Math.min(...xs));
        expect(m.max).toBe(Math.max(...xs));
        expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(mean), ...xs.map(Math.abs)));
        expect(Math.abs(m.m2 - m2)).toBeLessThanOrEqual(1e-9 * Math.max(1, m2) + 1e-6);
        expect(Math.abs(all.m2 - m2)).toBeLessThanOrEqual(1e-9 * Math.max(1, m2) + 1e-6);
      }),
      { numRuns: 200 },
    );
    const w = emptyMoments();
    addMoments(w, 2, 3);
    addMoments(w, 5, 1);
    expect(w.mean).toBe(2.75);
    expect(variance(w)).toBeCloseTo(((3 * 0.75 ** 2) + 2.25 ** 2) / 3, 12);
  });
});

describe('KLL sketch with weighted inserts', () => {
  it('keeps levels sorted and ranks within epsilon when values repeat (as batches deliver them)', () => {
    const rand = testRng(77);
    const s = new KllSketch(createSketchState(32, 5));
    const raw: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = Math.floor(rand() * 500);
      const w = 1 + Math.floor(rand() * 40);
      s.add(x, w);
      for (let j = 0; j < w; j++) raw.push(x);
    }
    const st = s.state();
    for (const level of st.compactors) expect(level).toEqual([...level].sort((a, b) => a - b));
    const sorted = Float64Array.from(raw).sort();
    expect(st.n).toBe(sorted.length);
    for (let i = 1; i < 50; i++) {
      const q = i / 50;
      const { lt, le } = exactRanks(sorted, sketchQuantile(st, q));
      expect(Math.max(0, lt - q, q - le)).toBeLessThanOrEqual(st.epsilon);
    }
  });
});
