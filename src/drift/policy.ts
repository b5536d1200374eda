/**
 * Drift policy: which test runs on which column, its threshold, and the guards that fix the known
 * failure modes of the usual rules (Evidently's defaults are the starting point):
 *  - a change in the null rate is its own signal;
 *  - a constant column is "no drift" (never NaN) unless its value changed;
 *  - below MIN_SAMPLE non-null values on either side the verdict is "insufficient data";
 *  - p-value tests also need an effect size above a floor, so huge samples do not flag trivia;
 *  - high-cardinality categoricals are compared on their top-K values plus "other".
 */

import type { SourceLocation } from '../core/errors.ts';

export type DriftMethod = 'ks' | 'wasserstein' | 'psi' | 'chisquare' | 'ztest' | 'jensenshannon' | 'hellinger';

export const DRIFT_METHODS: readonly DriftMethod[] = ['ks', 'wasserstein', 'psi', 'chisquare', 'ztest', 'jensenshannon', 'hellinger'];

/** Method names accepted in mlops.yaml and schemas, with the spellings other tools use (case-insensitive). */
const METHOD_ALIASES: Record<string, DriftMethod> = {
  ks: 'ks', kolmogorov_smirnov: 'ks',
  wasserstein: 'wasserstein', wasserstein_distance: 'wasserstein',
  psi: 'psi',
  chisquare: 'chisquare', chi2: 'chisquare', chi_square: 'chisquare',
  ztest: 'ztest', z: 'ztest',
  jensenshannon: 'jensenshannon', jensen_shannon: 'jensenshannon', js: 'jensenshannon',
  hellinger: 'hellinger',
};

/**
 * The method a name means (`auto`: 'auto'), or null for a name no spelling matches. The schema
 * loader checks a field's `drift.method` with it too, so a typo fails when the schema loads.
 */
export function driftMethodNamed(name: string): DriftMethod | 'auto' | null {
  if (name === 'auto') return 'auto';
  return METHOD_ALIASES[name.toLowerCase()] ?? null;
}

/** The message for a method name {@link driftMethodNamed} does not know. */
export function unknownDriftMethodMessage(name: string): string {
  const aliases = Object.keys(METHOD_ALIASES).filter((a) => !(DRIFT_METHODS as readonly string[]).includes(a));
  return `unknown drift method '${name}' (expected auto or one of ${DRIFT_METHODS.join(', ')}; also accepted: ${aliases.join(', ')})`;
}

/** Methods whose score is a p-value (drift when below the threshold); the others are distances (drift when at or above). */
export const P_VALUE_METHODS: ReadonlySet<DriftMethod> = new Set(['ks', 'chisquare', 'ztest']);

export const DEFAULT_THRESHOLDS: Record<DriftMethod, number> = {
  ks: 0.05,
  chisquare: 0.05,
  ztest: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
  psi: 0.2,
  hellinger: 0.1,
};

/**
 * Up to this many rows in the smaller of the two samples, p-value tests; above, distances.
 * Evidently decides on the reference alone, which makes a small current window (a day of traffic
 * against a year of training data) cry wolf: a distance's sampling noise grows as the window
 * shrinks while its threshold stays put — two same-distribution samples of 1,400 and 100 rows
 * "drifted" in 55 of 100 random splits of vega's Seattle weather, and in 99 with 50 rows.
 */
export const SMALL_SAMPLE_ROWS = 1000;
/** Fewer non-null values than this on either side: "insufficient data". */
export const MIN_SAMPLE = 30;
/** Effect-size floors for p-value tests: KS statistic D, and Cramér's V for chi-square / z. */
export const MIN_KS_STATISTIC = 0.05;
export const MIN_CRAMERS_V = 0.05;
/** Null-rate drift: significant at 0.05 and an absolute change of at least this much. */
export const MIN_NULL_RATE_CHANGE = 0.05;
export const NULL_RATE_ALPHA = 0.05;
/** Categories compared individually; the rest are pooled as "other". */
export const TOP_CATEGORIES = 20;

/**
 * Methods that can judge each kind of column. KS and Wasserstein need numbers; the z-test compares
 * the share of one category; chi-square runs on categories or on a numeric column's decile bins;
 * PSI, Jensen–Shannon and Hellinger compare category or bin shares.
 */
export const METHODS_FOR_KIND: Record<'numeric' | 'categorical', readonly DriftMethod[]> = {
  numeric: ['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon', 'hellinger'],
  categorical: ['chisquare', 'ztest', 'psi', 'jensenshannon', 'hellinger'],
};

export interface ColumnOverride {
  name: string;
  method?: DriftMethod;
  /** Where `method` was written (config or schema file, line, key): a method the column's kind cannot take is an error there. */
  methodAt?: SourceLocation;
  threshold?: number;
  /** Dataset drift is declared whenever a critical column drifts. */
  critical?: boolean;
  /** Force the column's kind. */
  type?: 'numeric' | 'categorical';
}

/** Picks the default method for a column from its kind and the rows of the smaller sample. */
export function defaultMethod(kind: 'numeric' | 'categorical', smallerSampleRows: number, categories: number): DriftMethod {
  if (smallerSampleRows <= SMALL_SAMPLE_ROWS) {
    if (kind === 'numeric') return 'ks';
    return categories <= 2 ? 'ztest' : 'chisquare';
  }
  return kind === 'numeric' ? 'wasserstein' : 'jensenshannon';
}

/** True when `score` means drift for `method` at `threshold`. */
export function exceeds(method: DriftMethod, score: number, threshold: number): boolean {
  return P_VALUE_METHODS.has(method) ? score < threshold : score >= threshold;
}
