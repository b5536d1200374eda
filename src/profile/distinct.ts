import type { DistinctState } from './types.ts';
import { murmur3, murmur3Number } from './hash.ts';
import { finiteNumberText } from './detect.ts';

/**
 * Distinct count: the exact set of values while there are at most `exactLimit` of them, then a
 * HyperLogLog sketch. Numeric cells are identified by value (the exact set holds `String(value)`;
 * the sketch hashes the float64 bytes), so "1.50" and 1.5 count once and CSV and Parquet shards of
 * one column agree; other cells by their text, hashed as UTF-8. Hashes are 32-bit murmur3: the top p bits pick the
 * register, the other q = 32 − p bits give the rank (leading zeros + 1, at most q + 1). Ertl's
 * estimator accounts for saturated registers, so 32 bits serve up to ~2^32 distinct values.
 *
 * Estimation uses Ertl's improved raw estimator ("New cardinality estimation algorithms for
 * HyperLogLog sketches", 2017): unbiased over the whole range without HLL++'s empirical bias
 * tables. Its relative standard error is ≈ 1.04/√(2^p): 1.6% at the default p = 12, whose 4096
 * one-byte registers cost 5.5 KB of base64 per column.
 *
 * While the state is exact, `hll` is '' (the exact values hold all the information and the sketch
 * is rebuilt from them when a merge goes beyond the limit).
 */

export const DEFAULT_EXACT_LIMIT = 1000;
export const DEFAULT_PRECISION = 12;
const SEED = 0x9747b28c;
const HASH_BITS = new Float64Array(1);
const HASH_WORDS = new Int32Array(HASH_BITS.buffer);

/** A distinct counter being built. */
export class DistinctCounter {
  private exact: Set<string> | null = new Set();
  private registers: Uint8Array | null = null;
  readonly exactLimit: number;
  readonly precision: number;

  constructor(exactLimit = DEFAULT_EXACT_LIMIT, precision = DEFAULT_PRECISION) {
    if (!Number.isInteger(precision) || precision < 4 || precision > 18) {
      throw new RangeError(`HLL precision must be an integer in 4..18, got ${precision}`);
    }
    this.exactLimit = exactLimit;
    this.precision = precision;
  }

  /** Rebuilds a counter from a state (merging starts from here). */
  static fromState(state: DistinctState): DistinctCounter {
    const counter = new DistinctCounter(state.exactLimit, state.precision);
    if (state.values) {
      for (const v of state.values) counter.add(v);
    } else {
      counter.exact = null;
      counter.registers = decodeRegisters(state.hll, state.precision);
    }
    return counter;
  }

  /** Adds one non-numeric value (its text). Texts that are numbers are counted by value. */
  add(value: string): void {
    const x = finiteNumberText(value);
    if (x !== undefined) {
      this.addNumber(x);
      return;
    }
    if (this.exact) {
      this.exact.add(value);
      if (this.exact.size > this.exactLimit) this.toSketch();
      return;
    }
    this.addHash(murmur3(value, SEED));
  }

  /** Adds one finite number (by value). */
  addNumber(value: number): void {
    if (this.exact) {
      this.exact.add(String(value));
      if (this.exact.size > this.exactLimit) this.toSketch();
      return;
    }
    this.addHash(murmur3Number(value, SEED));
  }

  /**
   * Adds the finite numbers `values[from, to)` (each by value, as {@link addNumber}). Past the exact
   * limit the hash is murmur3Number's, inlined over the float bits: measured ~10 ns a value
   * against ~13 for one `addNumber` call each (1M unique decimals, Node 20).
   */
  addNumbers(values: Float64Array, from: number, to: number): void {
    let i = from;
    for (; i < to && this.exact; i++) this.addNumber(values[i]);
    if (i >= to) return;
    const registers = this.registers as Uint8Array;
    const p = this.precision;
    const words = HASH_WORDS;
    const bits = HASH_BITS;
    for (; i < to; i++) {
      const v = values[i];
      bits[0] = v === 0 ? 0 : v;
      // murmur3_x86_32 of the 8 bytes (see murmur3Number), seed SEED.
      let h = SEED | 0;
      let k = Math.imul(words[0], 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
      k = Math.imul(words[1], 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
      h ^= 8;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      const index = h >>> (32 - p);
      const rest = h << p;
      const rank = rest === 0 ? 33 - p : Math.clz32(rest) + 1;
      if (rank > registers[index]) registers[index] = rank;
    }
  }

  /**
   * Adds a text the caller knows is not a number text (not matched by the readers' number syntax),
   * skipping {@link add}'s check.
   */
  addText(value: string): void {
    if (this.exact) {
      this.exact.add(value);
      if (this.exact.size > this.exactLimit) this.toSketch();
      return;
    }
    this.addHash(murmur3(value, SEED));
  }

  /** Merges another state in. */
  merge(state: DistinctState): void {
    if (state.precision !== this.precision) {
      throw new RangeError(`cannot merge HLL sketches of precision ${state.precision} and ${this.precision}`);
    }
    if (state.values) {
      for (const v of state.values) this.add(v);
      return;
    }
    if (this.exact) this.toSketch();
    const other = decodeRegisters(state.hll, state.precision);
    const mine = this.registers as Uint8Array;
    for (let i = 0; i < mine.length; i++) if (other[i] > mine[i]) mine[i] = other[i];
  }

  /** JSON-ready state; exact values sorted (code-unit order) so output is deterministic. */
  state(): DistinctState {
    return {
      values: this.exact ? [...this.exact].sort() : null,
      exactLimit: this.exactLimit,
      hll: this.registers ? Buffer.from(this.registers).toString('base64') : '',
      precision: this.precision,
    };
  }

  private toSketch(): void {
    this.registers = new Uint8Array(1 << this.precision);
    const values = this.exact as Set<string>;
    this.exact = null;
    for (const v of values) {
      const x = finiteNumberText(v);
      this.addHash(x === undefined ? murmur3(v, SEED) : murmur3Number(x, SEED));
    }
  }

  private addHash(h: number): void {
    const registers = this.registers as Uint8Array;
    const index = h >>> (32 - this.precision);
    const rest = (h << this.precision) >>> 0;
    const rank = rest === 0 ? 33 - this.precision : Math.clz32(rest) + 1;
    if (rank > registers[index]) registers[index] = rank;
  }
}

function decodeRegisters(base64: string, precision: number): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== 1 << precision) {
    throw new RangeError(`HLL registers: expected ${1 << precision} bytes, got ${bytes.length}`);
  }
  return new Uint8Array(bytes);
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let prev: number;
  do {
    x *= x;
    prev = z;
    z += x * y;
    y += y;
  } while (z !== prev);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let prev: number;
  do {
    x = Math.sqrt(x);
    prev = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
  } while (z !== prev);
  return z / 3;
}

/** Ertl's improved raw estimate from HLL registers. */
export function hllEstimate(registers: Uint8Array): number {
  const m = registers.length;
  const q = 32 - Math.log2(m);
  const counts = new Array<number>(q + 2).fill(0);
  for (let i = 0; i < m; i++) counts[registers[i]]++;
  let z = m * tau(1 - counts[q + 1] / m);
  for (let k = q; k >= 1; k--) z = 0.5 * (z + counts[k]);
  z += m * sigma(counts[0] / m);
  return (m * m) / (2 * Math.LN2 * z);
}

/** Number of distinct values: exact while the state is exact, else the HLL estimate (rounded). */
export function distinctEstimate(state: DistinctState): number {
  if (state.values) return state.values.length;
  return Math.round(hllEstimate(decodeRegisters(state.hll, state.precision)));
}

/** Merges distinct states into a new state. */
export function distinctMerge(states: DistinctState[]): DistinctState {
  if (states.length === 0) return new DistinctCounter().state();
  const counter = DistinctCounter.fromState(states[0]);
  for (let i = 1; i < states.length; i++) counter.merge(states[i]);
  return counter.state();
}
