import type { ReservoirState } from './types.ts';
import { Rng, mixSeeds } from './random.ts';
import { selectAscending } from './sort.ts';

/**
 * Uniform row sample by priority sampling (bottom-k): each non-null cell gets an independent
 * uniform uint32 key from the seeded PRNG and the `capacity` smallest keys are kept. Any union of
 * bottom-k samples, cut back to the k smallest keys, is the bottom-k sample of the union — so
 * shard samples merge into a uniform sample of the whole file.
 *
 * Keys are not stored. Given the largest kept key τ, the other kept keys are independent and
 * uniform below τ (order statistics), whatever values they belong to; so a state keeps only its
 * values in key order, the last being the one whose key is τ (`threshold`), and a merge draws
 * fresh keys below τ for the others — the same joint distribution as the real keys, at a
 * fraction of the size (keys were the largest part of a profile).
 *
 * The profiler adds each distinct value of a batch once with its multiplicity. Once the sample is
 * full, the copies of a value that beat the current largest key τ are found by geometric skipping
 * (gaps between successes are Geometric(τ/2^32)), and each success draws its key uniformly below
 * τ: the same distribution as drawing one key per copy, at a cost that does not grow with the
 * multiplicity.
 */

export const DEFAULT_SAMPLE_SIZE = 2000;
const TWO_32 = 4294967296;
/** `threshold` of a sample that is not full: every key is uniform over the whole range. */
export const NO_THRESHOLD = TWO_32;
/** Above this largest kept key (1 copy in 8 beats it), addWeighted draws a key per copy instead of skipping. */
const DENSE_THRESHOLD = TWO_32 / 8;
/** Most copies addWeighted draws a key each for at once (bounds its scratch memory). */
const DENSE_BATCH_LIMIT = 1 << 20;

/** A sample being built: a max-heap on keys, so the largest kept key is at index 0. */
export class Reservoir {
  private readonly keys: number[] = [];
  private readonly values: Array<number | string> = [];
  private seen = 0;
  readonly capacity: number;
  private readonly rng: Rng;

  /**
   * `countOnly`: values are counted (`seen`), none is kept — for columns whose sample nothing will
   * read (drift's numeric comparisons on large data: src/drift/check.ts). Its state holds no value.
   */
  constructor(capacity = DEFAULT_SAMPLE_SIZE, seed = 0, private readonly countOnly = false) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`sample capacity must be a non-negative integer, got ${capacity}`);
    this.capacity = capacity;
    this.rng = new Rng(seed);
  }

  /** Adds `weight` copies of a value (rows holding that value). */
  add(value: number | string, weight = 1): void {
    this.seen += weight;
    if (this.countOnly) return;
    let remaining = weight;
    while (remaining > 0 && this.keys.length < this.capacity) {
      this.push(this.rng.nextUint32(), value);
      remaining--;
    }
    if (this.capacity === 0) return;
    // Few copies: draw each key directly (cheaper than a logarithm).
    while (remaining > 0 && remaining <= 4) {
      const key = this.rng.nextUint32();
      if (key < this.keys[0]) this.replaceTop(key, value);
      remaining--;
    }
    while (remaining > 0) {
      const top = this.keys[0];
      if (top === 0) return;
      const p = top / TWO_32;
      const skip = Math.floor(Math.log(this.rng.nextOpenUnit()) / Math.log1p(-p));
      if (!(skip < remaining)) return;
      remaining -= skip + 1;
      this.replaceTop(Math.floor((this.rng.nextUint32() / TWO_32) * top), value);
    }
  }

  /**
   * Adds a batch: entry i stands for `counts[i]` rows (0 allowed) whose value is `valueAt(i)`, for
   * i in [from, to). Once the sample is full, the copies whose key beats the largest kept key τ
   * are found by geometric skipping across the whole batch (the copies are i.i.d. trials, so where
   * a gap ends — inside an entry or entries later — does not matter); while the sample is not
   * full or τ is high (a segment's first batch), every copy draws its key, which is cheaper than a
   * skip's two logarithms ({@link addAllKeys}). `valueAt` is called only for entries that enter
   * the sample. Measured on 180 column segments of 7 × 16,384 unique values (capacity 2000,
   * Node 20, back to back): ~1.2× less time than skipping from the first full copy and ~1.45× less
   * than one {@link add} per entry with per-copy draws replacing the heap top one at a time in the
   * dense case; drawing the dense batch whole took ~5% more off.
   */
  addWeighted(counts: ArrayLike<number>, from: number, to: number, valueAt: (i: number) => number | string): void {
    if (this.capacity === 0 || this.countOnly) {
      for (let j = from; j < to; j++) this.seen += counts[j];
      return;
    }
    if (this.keys.length < this.capacity || this.keys[0] > DENSE_THRESHOLD) {
      const copies = sumCounts(counts, from, to);
      if (copies <= DENSE_BATCH_LIMIT) {
        this.addAllKeys(counts, from, to, copies, valueAt);
        return;
      }
    }
    let i = from;
    let remaining = 0;
    // Filling: every copy gets a key until the sample is full.
    for (; i < to; i++) {
      const w = counts[i];
      this.seen += w;
      if (this.keys.length + w <= this.capacity) {
        if (w === 0) continue;
        const value = valueAt(i);
        for (let c = 0; c < w; c++) this.push(this.rng.nextUint32(), value);
        continue;
      }
      const value = valueAt(i);
      let c = 0;
      while (this.keys.length < this.capacity) {
        this.push(this.rng.nextUint32(), value);
        c++;
      }
      remaining = w - c;
      break;
    }
    if (i >= to) return;
    // Full: entry i has `remaining` copies left; later entries are whole.
    const keys = this.keys;
    const rng = this.rng;
    // Dense phase (batches beyond DENSE_BATCH_LIMIT copies): one key per copy while τ is high.
    while (keys[0] > DENSE_THRESHOLD) {
      while (remaining > 0 && keys[0] > DENSE_THRESHOLD) {
        remaining--;
        const key = rng.nextUint32();
        if (key < keys[0]) this.replaceTop(key, valueAt(i));
      }
      if (remaining > 0) break;
      if (++i >= to) return;
      remaining = counts[i];
      this.seen += remaining;
    }
    let skip = this.nextSkip();
    let seen = this.seen;
    for (;;) {
      while (skip < remaining) {
        remaining -= skip + 1;
        this.replaceTop(Math.floor((rng.nextUint32() / TWO_32) * keys[0]), valueAt(i));
        skip = this.nextSkip();
      }
      i = walkGap(counts, i + 1, to, skip - remaining);
      seen += gapSeen;
      skip = gapSkip;
      if (i >= to) break;
      remaining = counts[i];
    }
    this.seen = seen;
  }

  // Scratch of addAllKeys: keys of the sample and the batch's copies, and whose they are.
  private poolKeys = new Float64Array(0);
  private poolOwners = new Int32Array(0);

  /**
   * The dense case of addWeighted (sample not full, or τ above 1/8 of the key range, as in the
   * first batch of every segment): a key for every copy, then the `capacity` smallest keys of
   * sample ∪ batch — the bottom-k of all keys so far, which copy-by-copy insertion would keep too —
   * by one quickselect and one heap rebuild (measured: see addWeighted).
   */
  private addAllKeys(counts: ArrayLike<number>, from: number, to: number, copies: number, valueAt: (i: number) => number | string): void {
    const k = this.keys.length;
    const total = k + copies;
    if (this.poolKeys.length < total) {
      this.poolKeys = new Float64Array(Math.max(total, 2 * this.poolKeys.length));
      this.poolOwners = new Int32Array(this.poolKeys.length);
    }
    const pool = this.poolKeys;
    const owners = this.poolOwners;
    // Only keys at most `bound` go to the pool when the capacity smallest are surely among them:
    // the selection below then runs over ~1.5·capacity keys instead of every copy's (a segment's
    // first batch: 16,384 copies for 2,000 kept). Keys above it cannot be kept once `capacity`
    // keys are at most it; when fewer are, the same keys are drawn again, all kept.
    const bound = total > 4 * this.capacity ? Math.min(TWO_32, Math.ceil(TWO_32 * ((1.5 * this.capacity + 64) / total))) : TWO_32;
    const state = this.rng.state;
    // Owners: −1 − j for the sample's heap item j, else the batch entry.
    let size = copyHeap(this.keys, pool, owners, k, bound);
    size = drawKeys(this.rng, counts, from, to, pool, owners, size, bound);
    if (size < this.capacity && bound < TWO_32) {
      this.rng.state = state;
      size = drawKeys(this.rng, counts, from, to, pool, owners, copyHeap(this.keys, pool, owners, k, TWO_32), TWO_32);
    }
    this.seen += copies;
    let cut = TWO_32;
    let ties = 0;
    if (size > this.capacity) {
      cut = selectAscending(pool.slice(0, size), this.capacity - 1);
      ties = this.capacity - countBelow(pool, size, cut);
    }
    const keys: number[] = [];
    const values: Array<number | string> = [];
    // Kept keys are few among many: each found by a leaf loop (loops inside this method were
    // on-stack replaced and deoptimised on its rarer branches, ~25 deopts a profile).
    for (let j = nextAtMost(pool, 0, size, cut); j < size; j = nextAtMost(pool, j + 1, size, cut)) {
      const key = pool[j];
      if (key === cut && ties-- <= 0) continue;
      const owner = owners[j];
      keys.push(key);
      values.push(owner < 0 ? this.values[-1 - owner] : valueAt(owner));
    }
    this.keys.length = 0;
    this.values.length = 0;
    for (let j = 0; j < keys.length; j++) this.push(keys[j], values[j]);
  }

  /** Copies that fail before the next one whose key beats the largest kept key (Geometric(τ/2^32)). */
  private nextSkip(): number {
    const top = this.keys[0];
    if (top === 0) return Infinity;
    return Math.floor(Math.log(this.rng.nextOpenUnit()) / Math.log1p(-top / TWO_32));
  }

  /**
   * Adds the values of a state. Their keys are redrawn (see the module comment): uniform below the
   * state's threshold, the last value keeping the threshold itself when the state is full.
   */
  merge(state: ReservoirState, seed: number): void {
    this.seen += state.seen;
    if (this.countOnly) return;
    const rng = new Rng(mixSeeds(seed, state.seen, state.threshold));
    const n = state.values.length;
    const full = n > 0 && n >= state.capacity && state.threshold < TWO_32;
    for (let i = 0; i < n; i++) {
      const key = full && i === n - 1 ? state.threshold : Math.floor((rng.nextUint32() / TWO_32) * (full ? state.threshold : TWO_32));
      if (this.keys.length < this.capacity) this.push(key, state.values[i]);
      else if (this.capacity > 0 && key < this.keys[0]) this.replaceTop(key, state.values[i]);
    }
  }

  /** JSON-ready state, sorted by key (ties by value) so output is deterministic. */
  state(): ReservoirState {
    const order = keyOrder(this.keys);
    // Equal keys (rare): by value.
    for (let i = 0; i < order.length; ) {
      let j = i + 1;
      while (j < order.length && this.keys[order[j]] === this.keys[order[i]]) j++;
      if (j - i > 1) {
        const run = Array.from(order.subarray(i, j)).sort((a, b) => compareValues(this.values[a], this.values[b]));
        order.set(run, i);
      }
      i = j;
    }
    const full = this.capacity > 0 && this.keys.length === this.capacity;
    return {
      capacity: this.capacity,
      seen: this.seen,
      values: pick(this.values, order),
      threshold: full ? this.keys[0] : NO_THRESHOLD,
    };
  }

  private push(key: number, value: number | string): void {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] >= key) break;
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  private replaceTop(key: number, value: number | string): void {
    const keys = this.keys;
    const values = this.values;
    const n = keys.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && keys[right] > keys[left] ? right : left;
      if (keys[child] <= key) break;
      keys[i] = keys[child];
      values[i] = values[child];
      i = child;
    }
    keys[i] = key;
    values[i] = value;
  }
}

function sumCounts(counts: ArrayLike<number>, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += counts[i];
  return total;
}

/** The sample's keys at most `bound` into the pool, in heap order; returns how many. */
function copyHeap(keys: readonly number[], pool: Float64Array, owners: Int32Array, k: number, bound: number): number {
  let size = 0;
  for (let j = 0; j < k; j++) {
    if (keys[j] > bound) continue;
    pool[size] = keys[j];
    owners[size++] = -1 - j;
  }
  return size;
}

function countBelow(pool: Float64Array, total: number, cut: number): number {
  let below = 0;
  for (let j = 0; j < total; j++) if (pool[j] < cut) below++;
  return below;
}

/** First index at or after `start` whose key is at most `cut`, or `total`. */
function nextAtMost(pool: Float64Array, start: number, total: number, cut: number): number {
  let j = start;
  while (j < total && pool[j] > cut) j++;
  return j;
}

/**
 * A key for every copy of entries [from, to); those at most `bound` into pool[start…] with the
 * entry as owner. Returns the pool's new size.
 */
function drawKeys(rng: Rng, counts: ArrayLike<number>, from: number, to: number, pool: Float64Array, owners: Int32Array, start: number, bound: number): number {
  let j = start;
  for (let i = from; i < to; i++) {
    for (let c = counts[i]; c > 0; c--) {
      const key = rng.nextUint32();
      if (key > bound) continue;
      pool[j] = key;
      owners[j++] = i;
    }
  }
  return j;
}


// Results of walkGap besides the index (module state: no allocation on the hot path).
let gapSeen = 0;
let gapSkip = 0;

/**
 * Walks whole entries inside a gap of `skip` failing copies from `start`: returns the entry the
 * gap ends in (or `to`), leaving the rows passed (that entry's included) in `gapSeen` and the
 * copies of that entry still to skip in `gapSkip`. A function of its own: a small loop that stays
 * optimised (inside addWeighted, the on-stack-replaced code kept deoptimising on the rare
 * branches around it: 30–50 deopts a run under --trace-deopt).
 */
function walkGap(counts: ArrayLike<number>, start: number, to: number, skip: number): number {
  let seen = 0;
  let i = start;
  for (; i < to; i++) {
    const w = counts[i];
    seen += w;
    if (skip < w) break;
    skip -= w;
  }
  gapSeen = seen;
  gapSkip = skip;
  return i;
}

/**
 * Indices of uint32 `keys` in ascending key order (stable): an LSD radix sort, 11 bits a pass.
 * Measured ~0.6 ms a 2000-key state with a comparator sort (one per column per segment, and per
 * merge), against ~0.08 ms.
 */
function keyOrder(keys: readonly number[]): Int32Array {
  const n = keys.length;
  let src = new Int32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  let dst = new Int32Array(n);
  const hist = new Int32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    hist.fill(0);
    for (let i = 0; i < n; i++) hist[(keys[i] >>> shift) & 2047]++;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = hist[d];
      hist[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const index = src[i];
      dst[hist[(keys[index] >>> shift) & 2047]++] = index;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function pick<T>(values: readonly T[], order: Int32Array): T[] {
  const out = new Array<T>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Merges sample states into a new state. The capacity is the smallest of the inputs' (a larger
 * one would over-represent the shards sampled more densely). Deterministic for given inputs.
 */
export function reservoirMerge(states: ReservoirState[], seed = 0): ReservoirState {
  const capacity = states.length > 0 ? Math.min(...states.map((s) => s.capacity)) : DEFAULT_SAMPLE_SIZE;
  const r = new Reservoir(capacity, mixSeeds(seed, 0x6d65));
  states.forEach((s, i) => r.merge(s, mixSeeds(seed, i)));
  return r.state();
}
