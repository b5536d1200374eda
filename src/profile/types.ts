/**
 * Mergeable column profiles (DESIGN §2 src/profile). A profile is plain JSON: it is written as
 * `profile.json` next to a model (the drift reference) and merged across shards
 * (`mlops profile merge`). Every part is mergeable: merging the profiles of shards equals
 * profiling the whole file exactly for counts/min/max/moments, and within the stated error for
 * the sketches.
 */

/** Cell types counted on non-null cells, as Table Schema names them. */
export type ProfiledType = 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'string';

/** Streaming moments (Welford/Chan), mergeable exactly up to floating-point rounding. */
export interface Moments {
  /** Numeric (finite) values seen. */
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Sum of squared deviations from the mean; variance = m2 / (count - 1). */
  m2: number;
}

/**
 * Quantile sketch state (KLL). Opaque to consumers: use the functions exported by
 * `src/profile/index.ts` (`sketchQuantile`, `sketchRank`, `sketchMerge`). `epsilon` is the stated
 * rank-error bound: for any one query, the true rank is within ±epsilon·n of the estimate with
 * probability ≥ 99% (derivation in `src/profile/kll.ts` and docs/profiles.md).
 */
export interface QuantileSketchState {
  kind: 'kll';
  k: number;
  /** Values summarised (finite numbers only). */
  n: number;
  epsilon: number;
  /** compactions[h] = how many times level h was compacted (the input of `epsilon`). */
  compactions: number[];
  /** compactors[h] holds items of weight 2^h, sorted ascending. */
  compactors: number[][];
  /** Deterministic coin-flip state (a splitmix32 state) so the same input gives the same sketch. */
  seed: number;
}

/** Distinct count: exact while small, HyperLogLog beyond. */
export interface DistinctState {
  /** The exact distinct values while their number is at most `exactLimit`; null once exceeded. */
  values: string[] | null;
  exactLimit: number;
  /**
   * HyperLogLog registers (precision p → 2^p one-byte registers), base64. '' while `values` is
   * exact: the sketch is rebuilt from the values when a merge exceeds the limit.
   */
  hll: string;
  precision: number;
}

/**
 * Frequent values (mergeable Misra–Gries, the dual of space-saving). `count` is an upper bound and
 * `count − error` a lower bound of the value's true count; a value not listed occurs at most
 * `slack` times. While nothing was pruned, `slack` and every `error` are 0 and counts are exact.
 */
export interface TopKState {
  capacity: number;
  /** Non-null cells counted. */
  n: number;
  /** Bound on the count of any unlisted value, and the `error` of every listed one (≤ n/(capacity+1)). */
  slack: number;
  /** By count descending, then value. */
  items: Array<{ value: string; count: number; error: number }>;
}

/**
 * Bounded uniform sample for exact two-sample tests later (drift). Priority sampling: each value
 * gets a random key and the `capacity` smallest keys are kept, so a merge (union, keep smallest)
 * is again a uniform sample of the union. Only the largest kept key is stored (`threshold`): given
 * it, the other keys are uniform below it, and merges redraw them (src/profile/reservoir.ts).
 */
export interface ReservoirState {
  capacity: number;
  /** Non-null values seen. */
  seen: number;
  /**
   * Sampled non-null values (min(capacity, seen) of them), in key order, so any prefix is itself a
   * uniform sample; numbers when the column is numeric and every sampled cell is a finite number,
   * the cell text otherwise.
   */
  values: Array<number | string>;
  /** Key (uint32) of the last value when the sample is full; 2^32 while it is not. */
  threshold: number;
}

export interface ColumnProfile {
  name: string;
  /** Rows seen (null cells included). */
  count: number;
  nulls: number;
  /** Counts of the types that the non-null cells parse as (a cell counts once, most specific type). */
  types: Record<ProfiledType, number>;
  /** Moments and quantile sketch of the numeric cells; null when the column has none. */
  numeric: (Moments & { sketch: QuantileSketchState }) | null;
  /** Length range (UTF-16 code units) of the non-null text cells; numbers decoded as numbers have no text and do not count. null when there are none. */
  lengths: { min: number; max: number } | null;
  distinct: DistinctState;
  topK: TopKState;
  sample: ReservoirState;
}

export interface ProfileSource {
  path: string;
  sha256: string;
  md5: string;
  rows: number;
}

/** Options of the profiler; every field has a default. */
export interface ProfileOptions {
  /** Reservoir sample size per column (default 2000). */
  sampleSize?: number;
  /** Top-K capacity per column (default 100). */
  topK?: number;
  /** KLL k (default 256). */
  sketchK?: number;
  /** Distinct values kept exactly before switching to HyperLogLog (default 1000). */
  exactDistinct?: number;
  /** HyperLogLog precision p (default 12: 4096 registers, ≈1.6% standard error). */
  hllPrecision?: number;
  /** Seed of every random choice (default 0x5eed). */
  seed?: number;
}

export interface DatasetProfile {
  format: 'mlops-profile';
  version: 1;
  rows: number;
  columns: ColumnProfile[];
  sources: ProfileSource[];
}
