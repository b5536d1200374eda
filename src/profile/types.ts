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
 * Quantile sketch state (KLL). Opaque to consumers: use the functions in `src/profile/sketch.ts`
 * (`sketchQuantile`, `sketchRank`, `sketchMerge`). `epsilon` is the stated rank-error bound:
 * a returned q-quantile has true rank within ±epsilon·n with high probability.
 */
export interface QuantileSketchState {
  kind: 'kll';
  k: number;
  n: number;
  epsilon: number;
  /** compactors[h] holds items of weight 2^h. */
  compactors: number[][];
  /** Deterministic coin-flip state so the same input gives the same sketch. */
  seed: number;
}

/** Distinct count: exact while small, HyperLogLog beyond. */
export interface DistinctState {
  /** The exact distinct values while their number is at most `exactLimit`; null once exceeded. */
  values: string[] | null;
  exactLimit: number;
  /** HyperLogLog registers (precision p → 2^p registers), base64; always maintained. */
  hll: string;
  precision: number;
}

/** Frequent values (space-saving / Misra–Gries); counts are upper bounds with `error` slack. */
export interface TopKState {
  capacity: number;
  items: Array<{ value: string; count: number; error: number }>;
}

/**
 * Bounded uniform sample for exact two-sample tests later (drift). Priority sampling: each value
 * gets a random key and the `capacity` smallest keys are kept, so a merge (union, keep smallest)
 * is again a uniform sample of the union.
 */
export interface ReservoirState {
  capacity: number;
  /** Non-null values seen. */
  seen: number;
  /** Sampled non-null values; numbers for numeric columns, strings otherwise. */
  values: Array<number | string>;
  keys: number[];
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
  /** Text length range of non-null cells; null when there are none. */
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

export interface DatasetProfile {
  format: 'mlops-profile';
  version: 1;
  rows: number;
  columns: ColumnProfile[];
  sources: ProfileSource[];
}
