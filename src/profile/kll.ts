import type { QuantileSketchState } from './types.ts';
import { Rng } from './random.ts';

/**
 * KLL quantile sketch (Karnin, Lang, Liberty 2016) with lazy compaction, as in Apache DataSketches:
 * level h holds items of weight 2^h; a level that outgrows its capacity k·(2/3)^(depth) is sorted
 * and every other item (random offset, from the seeded PRNG in `seed`) moves one level up.
 *
 * Error bound (`epsilon`). One compaction of level h changes the rank of any query point by 0 or
 * ±2^h, each sign with probability ½ — a zero-mean variable bounded by 2^h. The total rank error is
 * a sum of independent such terms, so by Hoeffding, with m_h compactions of level h,
 *   P(|error| ≥ t) ≤ 2·exp(−t² / (2·Σ_h m_h·4^h)).
 * Setting the right side to δ = 0.01 gives t = sqrt(2·ln(2/δ)·Σ m_h 4^h), and `epsilon = t / n`:
 * for any one query the true rank is within ±epsilon·n of the estimate with probability ≥ 99%.
 * The sketch records m_h (`compactions`), so epsilon is exact for the compactions that happened —
 * including those of merges — rather than an asymptotic formula. It is 0 while nothing was
 * compacted (the sketch is then exact). For k = 256 it stays between 0.9% and 1.1% from n = 1000
 * to millions (≈ 2.6/k; measured, docs/profiles.md) with about 780 retained values; observed
 * errors are smaller (the bound counts every compaction as if it hit the query).
 */

/** Default k: ~3k retained values (≈ 8 KB of JSON per numeric column). */
export const DEFAULT_K = 256;
/** Failure probability per query behind the stated `epsilon`. */
export const EPSILON_DELTA = 0.01;
/** Smallest capacity of a low level: avoids compacting tiny buffers over and over. */
const MIN_WIDTH = 8;
const LEVEL0_SHIFT = 1;

function levelCapacity(k: number, height: number, levels: number): number {
  const width = Math.max(MIN_WIDTH, Math.ceil(k * Math.pow(2 / 3, levels - 1 - height)));
  // Level 0 doubles as an input buffer of k/2: it is compacted in big sorted runs instead of every
  // few inserts. That only removes weight-1 compactions (so epsilon can only shrink) and makes
  // inserts several times cheaper.
  return height === 0 ? Math.max(width, k >> LEVEL0_SHIFT) : width;
}

/** An empty sketch state. */
export function createSketchState(k = DEFAULT_K, seed = 0): QuantileSketchState {
  if (!Number.isInteger(k) || k < 8) throw new RangeError(`KLL k must be an integer ≥ 8, got ${k}`);
  return { kind: 'kll', k, n: 0, epsilon: 0, compactions: [], compactors: [[]], seed: seed >>> 0 };
}

/** The stated rank-error bound of a state (see the module comment). */
export function sketchEpsilon(state: Pick<QuantileSketchState, 'n' | 'compactions'>): number {
  if (state.n === 0) return 0;
  let variance = 0;
  for (let h = 0; h < state.compactions.length; h++) variance += state.compactions[h] * Math.pow(4, h);
  return Math.sqrt(2 * Math.log(2 / EPSILON_DELTA) * variance) / state.n;
}

/**
 * A KLL sketch being built. It wraps a state object (mutated in place) and caches what is costly to
 * recompute. `state()` returns a canonical, JSON-ready copy.
 */
export class KllSketch {
  private readonly s: QuantileSketchState;
  private readonly rng: Rng;
  private size = 0;
  private capacityTotal = 0;
  // Level 0 is an unsorted input buffer, except after {@link addSorted} (which merges a sorted batch
  // into it): then its compaction needs no sort.
  private level0Sorted = false;

  constructor(state: QuantileSketchState) {
    this.s = {
      ...state,
      compactions: [...state.compactions],
      compactors: state.compactors.map((c) => [...c]),
    };
    if (this.s.compactors.length === 0) this.s.compactors.push([]);
    // Levels above 0 are kept sorted at all times (compactions then merge, never sort).
    for (let h = 1; h < this.s.compactors.length; h++) this.s.compactors[h] = sortedCopy(this.s.compactors[h]);
    this.rng = new Rng(state.seed);
    for (const c of this.s.compactors) this.size += c.length;
    this.capacityTotal = this.totalCapacity();
  }

  get n(): number {
    return this.s.n;
  }

  /** Adds `weight` copies of the finite value x. Weights decompose in binary straight into levels: no error. */
  add(x: number, weight = 1): void {
    let w = weight;
    const levelsBefore = this.s.compactors.length;
    this.s.n += w;
    let h = 0;
    while (w > 0) {
      if (w % 2 === 1) {
        while (this.s.compactors.length <= h) this.s.compactors.push([]);
        const level = this.s.compactors[h];
        if (h === 0) {
          level.push(x);
          this.level0Sorted = false;
        } else level.splice(upperBound(level, x), 0, x);
        this.size++;
      }
      w = Math.floor(w / 2);
      h++;
    }
    if (this.s.compactors.length !== levelsBefore) this.capacityTotal = this.totalCapacity();
    while (this.size > this.capacityTotal) this.compress();
  }

  /**
   * Adds the ascending, distinct finite values `values[from, to)`, value i `counts[i]` times: the
   * same binary decomposition of weights as {@link add}, but the weight-1 parts of the batch join
   * level 0 as one sorted run, so level 0 is compacted once per batch (one compaction of a sorted
   * buffer of any size moves any rank by 0 or ±1, like one of a full level 0: the stated bound
   * holds, with fewer terms) instead of sorting and compacting k/2 values at a time. Measured on
   * 62 batches of 16,384 unique decimals (k = 256, Node 20): ~8.5 ns a value, against ~108 for
   * one {@link add} each; the stated epsilon also drops (0.0096 → 0.0049 there).
   */
  addSorted(values: Float64Array, counts: Int32Array, from: number, to: number): void {
    if (from >= to) return;
    const s = this.s;
    const levelsBefore = s.compactors.length;
    // Weight-1 parts: level 0 (sorted) merged with them, in a scratch buffer.
    const level0 = this.level0Sorted ? s.compactors[0] : sortedCopy(s.compactors[0]);
    let cur = this.scratch(to - from + level0.length, 0);
    let len = mergeOnes(values, counts, from, to, level0, cur);
    const total = batchTotal;
    const high = batchBits;
    s.n += total;
    this.size += len - level0.length;
    // Higher bits of the weights: one ascending run per level (few values carry them), found
    // among the entries of weight > 1 listed once, not by a pass over the batch per level.
    const heavy = high > 1 ? heavyEntries(counts, from, to) : [];
    for (let h = 1; high >>> h !== 0; h++) {
      const run: number[] = [];
      for (const i of heavy) if (((counts[i] >>> h) & 1) !== 0) run.push(values[i]);
      if (run.length === 0) continue;
      while (s.compactors.length <= h) s.compactors.push([]);
      s.compactors[h] = mergeSorted(s.compactors[h], run);
      this.size += run.length;
    }
    if (s.compactors.length !== levelsBefore) this.capacityTotal = this.totalCapacity();
    // Compactions as compress() would do them — each time the lowest level at or over capacity is
    // the one in the scratch buffer (those below keep at most one value) — done on typed arrays.
    let h = 0;
    while (this.size > this.capacityTotal && len >= levelCapacity(s.k, h, s.compactors.length)) {
      if (h + 1 === s.compactors.length) {
        s.compactors.push([]);
        this.capacityTotal = this.totalCapacity();
      }
      const pairable = len - (len % 2);
      const offset = this.rng.nextUint32() & 1;
      const above = s.compactors[h + 1];
      const next = this.scratch(pairable / 2 + above.length, (h + 1) & 1);
      const n = compactInto(cur, offset, pairable, above, next);
      s.compactors[h] = pairable < len ? [cur[len - 1]] : [];
      this.size -= pairable / 2;
      while (s.compactions.length <= h) s.compactions.push(0);
      s.compactions[h]++;
      cur = next;
      len = n;
      h++;
    }
    s.compactors[h] = toArray(cur, len);
    this.level0Sorted = true;
    while (this.size > this.capacityTotal) this.compress();
  }

  // Two scratch buffers, alternated between levels by addSorted.
  private scratchBuffers: Float64Array[] = [new Float64Array(0), new Float64Array(0)];

  private scratch(size: number, which: number): Float64Array {
    if (this.scratchBuffers[which].length < size) this.scratchBuffers[which] = new Float64Array(Math.max(size, 2 * this.scratchBuffers[which].length));
    return this.scratchBuffers[which];
  }

  /** Merges another state into this sketch. */
  merge(other: QuantileSketchState): void {
    if (other.n === 0) return;
    while (this.s.compactors.length < other.compactors.length) this.s.compactors.push([]);
    for (let h = 0; h < other.compactors.length; h++) {
      const src = other.compactors[h];
      if (h === 0) {
        for (let i = 0; i < src.length; i++) this.s.compactors[0].push(src[i]);
        if (src.length > 0) this.level0Sorted = false;
      } else this.s.compactors[h] = mergeSorted(this.s.compactors[h], sortedCopy(src));
      this.size += src.length;
    }
    for (let h = 0; h < other.compactions.length; h++) {
      this.s.compactions[h] = (this.s.compactions[h] ?? 0) + other.compactions[h];
    }
    this.s.n += other.n;
    this.capacityTotal = this.totalCapacity();
    while (this.size > this.capacityTotal) this.compress();
  }

  /** A canonical JSON-ready copy: levels sorted, epsilon and PRNG state current. */
  state(): QuantileSketchState {
    const compactions = this.s.compactors.map((_, h) => this.s.compactions[h] ?? 0);
    for (let h = this.s.compactors.length; h < this.s.compactions.length; h++) compactions.push(this.s.compactions[h]);
    return {
      kind: 'kll',
      k: this.s.k,
      n: this.s.n,
      epsilon: sketchEpsilon({ n: this.s.n, compactions }),
      compactions,
      compactors: this.s.compactors.map((c, h) => (h === 0 ? sortedCopy(c) : [...c])),
      seed: this.rng.state,
    };
  }

  private totalCapacity(): number {
    const levels = this.s.compactors.length;
    let total = 0;
    for (let h = 0; h < levels; h++) total += levelCapacity(this.s.k, h, levels);
    return total;
  }

  /** Compacts the lowest level that is at or over its capacity (the top level grows a new one). */
  private compress(): void {
    const levels = this.s.compactors.length;
    for (let h = 0; h < levels; h++) {
      const buf = this.s.compactors[h];
      if (buf.length < levelCapacity(this.s.k, h, levels)) continue;
      if (h + 1 === levels) {
        this.s.compactors.push([]);
        this.capacityTotal = this.totalCapacity();
      }
      const sorted = h === 0 && !this.level0Sorted ? Float64Array.from(buf).sort() : buf;
      // An odd item stays behind (the largest), so what moves up is an even, pairable run.
      const pairable = sorted.length - (sorted.length % 2);
      const offset = this.rng.nextUint32() & 1;
      const run: number[] = [];
      for (let i = offset; i < pairable; i += 2) run.push(sorted[i]);
      this.s.compactors[h + 1] = mergeSorted(this.s.compactors[h + 1], run);
      this.s.compactors[h] = pairable < sorted.length ? [sorted[sorted.length - 1]] : [];
      if (h === 0) this.level0Sorted = true;
      this.size -= pairable / 2;
      while (this.s.compactions.length <= h) this.s.compactions.push(0);
      this.s.compactions[h]++;
      return;
    }
    // Unreachable while size > total capacity (some level must be over), but never loop forever.
    this.capacityTotal = this.size;
  }
}

// The loops of addSorted, as functions of their own: inside it they were on-stack replaced and
// deoptimised on its rarer branches (seen under --trace-deopt in the segment worker threads).
let batchTotal = 0;
let batchBits = 0;

/**
 * Merges the values with odd counts (ascending) with the ascending `level0` into `out`; returns the
 * length. Leaves Σ counts in batchTotal and the OR of the counts in batchBits.
 */
function mergeOnes(values: Float64Array, counts: Int32Array, from: number, to: number, level0: number[], out: Float64Array): number {
  let len = 0;
  let total = 0;
  let high = 0;
  let j = 0;
  for (let i = from; i < to; i++) {
    const c = counts[i];
    total += c;
    high |= c;
    if ((c & 1) !== 0) {
      const v = values[i];
      while (j < level0.length && level0[j] <= v) out[len++] = level0[j++];
      out[len++] = v;
    }
  }
  while (j < level0.length) out[len++] = level0[j++];
  batchTotal = total;
  batchBits = high;
  return len;
}

/** One compaction: every other value of `cur[0, pairable)` from `offset`, merged with the ascending `above` into `out`; returns the length. */
function compactInto(cur: Float64Array, offset: number, pairable: number, above: number[], out: Float64Array): number {
  let n = 0;
  let a = 0;
  for (let i = offset; i < pairable; i += 2) {
    const v = cur[i];
    while (a < above.length && above[a] <= v) out[n++] = above[a++];
    out[n++] = v;
  }
  while (a < above.length) out[n++] = above[a++];
  return n;
}

/** First index whose value is greater than x in an ascending array. */
function upperBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedCopy(values: number[]): number[] {
  return Array.from(Float64Array.from(values).sort());
}

/** Linear merge of two ascending arrays. */
function mergeSorted(a: number[], b: number[]): number[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Sorted (value, cumulative weight) view of a state, for queries. */
export interface Cdf {
  values: Float64Array;
  cumulative: Float64Array;
  n: number;
}

// Queries on the same state object (e.g. 99 quantiles for PSI bins) reuse the sorted view.
const cdfCache = new WeakMap<QuantileSketchState, Cdf>();

function cdfOf(state: QuantileSketchState): Cdf {
  const cached = cdfCache.get(state);
  if (cached) return cached;
  const items: Array<[number, number]> = [];
  state.compactors.forEach((level, h) => {
    const w = Math.pow(2, h);
    for (const v of level) items.push([v, w]);
  });
  items.sort((a, b) => a[0] - b[0]);
  const values = new Float64Array(items.length);
  const cumulative = new Float64Array(items.length);
  let acc = 0;
  items.forEach(([v, w], i) => {
    acc += w;
    values[i] = v;
    cumulative[i] = acc;
  });
  const cdf = { values, cumulative, n: acc };
  cdfCache.set(state, cdf);
  return cdf;
}

/**
 * The distribution a sketch summarises, as ascending retained values and their cumulative
 * weights (`cumulative[i]` of `n` values are ≤ `values[i]`, within the sketch's rank error).
 * Read-only: shared with later queries on the same state.
 */
export function sketchCdf(state: QuantileSketchState): Readonly<Cdf> {
  return cdfOf(state);
}

/**
 * The q-quantile (0 ≤ q ≤ 1): the smallest retained value whose estimated rank (weight ≤ it) is at
 * least q·n. Its true rank satisfies rank(< v) − ε·n ≤ q·n ≤ rank(≤ v) + ε·n (w.p. ≥ 1 − δ).
 * NaN for an empty sketch.
 */
export function sketchQuantile(state: QuantileSketchState, q: number): number {
  const { values, cumulative, n } = cdfOf(state);
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  const target = Math.min(Math.max(q, 0), 1) * n;
  // Binary search for the first cumulative ≥ target.
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return values[lo];
}

/** Estimated fraction of values ≤ x (within ±epsilon w.p. ≥ 1 − δ); NaN for an empty sketch. */
export function sketchRank(state: QuantileSketchState, x: number): number {
  const { values, cumulative, n } = cdfOf(state);
  if (n === 0) return NaN;
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : cumulative[lo - 1] / n;
}

/** Merges sketch states into a new state (the inputs are not modified). */
export function sketchMerge(states: QuantileSketchState[]): QuantileSketchState {
  if (states.length === 0) return createSketchState();
  const sketch = new KllSketch(states[0]);
  for (let i = 1; i < states.length; i++) sketch.merge(states[i]);
  return sketch.state();
}

/** Indices in [from, to) of the entries counted more than once, ascending. */
function heavyEntries(counts: Int32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (counts[i] > 1) out.push(i);
  return out;
}

/** The first `len` values of a typed array as a plain array (a loop: Array.from iterates, ~10× slower). */
function toArray(a: Float64Array, len: number): number[] {
  const out = new Array<number>(len);
  for (let i = 0; i < len; i++) out[i] = a[i];
  return out;
}
