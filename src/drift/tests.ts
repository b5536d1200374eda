/**
 * The drift statistics other than KS. Each function takes plain arrays of counts or values so it
 * can run on raw data or on a profile's sketches alike; each is checked against scipy/numpy
 * reference values (test/fixtures/drift/scipy-reference.json).
 */
import { chiSquareSf, normalSf } from '../core/special.ts';

export interface PValueResult {
  statistic: number;
  pValue: number;
}

/**
 * Chi-square test of homogeneity on a 2×k table (reference counts vs current counts), as
 * scipy's `chi2_contingency` with its default Yates correction when dof = 1. Categories empty in
 * both rows are dropped. A two-sample test, unlike a goodness-of-fit test against the reference
 * shares, it accounts for the reference's own sampling noise.
 */
export function chiSquareHomogeneity(reference: number[], current: number[]): PValueResult & { dof: number } {
  const keep: number[] = [];
  for (let i = 0; i < reference.length; i++) if (reference[i] + current[i] > 0) keep.push(i);
  const dof = keep.length - 1;
  const nRef = keep.reduce((s, i) => s + reference[i], 0);
  const nCur = keep.reduce((s, i) => s + current[i], 0);
  const total = nRef + nCur;
  if (dof < 1 || nRef === 0 || nCur === 0) return { statistic: 0, pValue: 1, dof: Math.max(dof, 0) };
  let statistic = 0;
  for (const i of keep) {
    const colTotal = reference[i] + current[i];
    for (const [observed, rowTotal] of [[reference[i], nRef], [current[i], nCur]] as const) {
      const expected = (rowTotal * colTotal) / total;
      let diff = Math.abs(observed - expected);
      if (dof === 1) diff = Math.max(0, diff - Math.min(0.5, diff)); // Yates, as scipy applies it
      statistic += (diff * diff) / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}

/** Smallest expected count per category for the chi-square approximation (Cochran's rule). */
export const MIN_EXPECTED_COUNT = 5;

/**
 * Pools the categories of a 2×k table whose expected count under homogeneity is below
 * `minExpected` on either side into one category; when that pool is itself too sparse, it joins
 * the smallest remaining category. The chi-square p-value is only trustworthy when expected
 * counts are about 5 or more: with many rare categories (names, free text, small samples) two
 * halves of the same data otherwise "differ" at p < 1e-6. Tables without sparse categories are
 * returned unchanged (empty categories dropped); one category left means nothing to test (p = 1).
 */
export function poolSparseCategories(reference: number[], current: number[], minExpected = MIN_EXPECTED_COUNT): { reference: number[]; current: number[] } {
  const nRef = reference.reduce((a, b) => a + b, 0);
  const nCur = current.reduce((a, b) => a + b, 0);
  const total = nRef + nCur;
  if (nRef === 0 || nCur === 0) return { reference, current };
  // The smaller side has the smaller expected count: E = n_side · column total / total.
  const smallerSide = Math.min(nRef, nCur);
  const sparse = (columnTotal: number) => (smallerSide * columnTotal) / total < minExpected;
  const ref: number[] = [];
  const cur: number[] = [];
  let poolRef = 0;
  let poolCur = 0;
  for (let i = 0; i < reference.length; i++) {
    const t = reference[i] + current[i];
    if (t === 0) continue;
    if (sparse(t)) {
      poolRef += reference[i];
      poolCur += current[i];
    } else {
      ref.push(reference[i]);
      cur.push(current[i]);
    }
  }
  if (poolRef + poolCur > 0) {
    if (!sparse(poolRef + poolCur) || ref.length === 0) {
      ref.push(poolRef);
      cur.push(poolCur);
    } else {
      let smallest = 0;
      for (let j = 1; j < ref.length; j++) if (ref[j] + cur[j] < ref[smallest] + cur[smallest]) smallest = j;
      ref[smallest] += poolRef;
      cur[smallest] += poolCur;
    }
  }
  return { reference: ref, current: cur };
}

/** Two-sided two-proportion z-test with the pooled standard error. */
export function twoProportionZ(hitsRef: number, nRef: number, hitsCur: number, nCur: number): PValueResult {
  if (nRef === 0 || nCur === 0) return { statistic: 0, pValue: 1 };
  const pooled = (hitsRef + hitsCur) / (nRef + nCur);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (hitsCur / nCur - hitsRef / nRef) / se;
  return { statistic: z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

/** Empty-bin floor for PSI: shares below it are raised to it so ln(0) never occurs. */
export const PSI_EPSILON = 1e-4;

/** Population stability index Σ (c − r)·ln(c / r) over bins, shares floored at {@link PSI_EPSILON}. */
export function psi(referenceShares: number[], currentShares: number[]): number {
  let sum = 0;
  for (let i = 0; i < referenceShares.length; i++) {
    const r = Math.max(referenceShares[i], PSI_EPSILON);
    const c = Math.max(currentShares[i], PSI_EPSILON);
    sum += (c - r) * Math.log(c / r);
  }
  return sum;
}

/**
 * Quantile with linear interpolation between order statistics (numpy's default `linear` method)
 * of a sorted sample.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Decile bin edges of the reference (distinct inner quantiles 0.1 … 0.9). Bin i holds values v
 * with edge[i−1] < v ≤ edge[i]; the first bin is unbounded below, the last above.
 */
export function decileEdges(sortedReference: ArrayLike<number>): number[] {
  const edges: number[] = [];
  for (let i = 1; i < 10; i++) {
    const e = quantileSorted(sortedReference, i / 10);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

/** Index of the bin of `value` for {@link decileEdges} (number of edges strictly below it). */
export function binIndex(edges: number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Shares of a sample in the bins of `edges`. */
export function binShares(edges: number[], values: ArrayLike<number>): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    counts[binIndex(edges, values[i])]++;
    n++;
  }
  return counts.map((c) => (n ? c / n : 0));
}

/** First Wasserstein distance between two empirical distributions (scipy's `wasserstein_distance`). */
export function wasserstein1(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = Float64Array.from(u).sort();
  const b = Float64Array.from(v).sort();
  if (a.length === 0 || b.length === 0) return Number.NaN;
  // Integrate |F_a − F_b| between consecutive points of the merged sample.
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0], b[0]);
  let total = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    total += Math.abs(i / a.length - j / b.length) * (x - prev);
    prev = x;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
  }
  return total;
}

/** Population standard deviation (ddof = 0). */
export function standardDeviation(values: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / values.length);
}

function normalise(p: number[]): number[] {
  const s = p.reduce((a, b) => a + b, 0);
  return s > 0 ? p.map((x) => x / s) : p.map(() => 0);
}

/**
 * Jensen–Shannon DISTANCE (square root of the divergence) with natural logarithms, as scipy's
 * `jensenshannon(p, q)` and Evidently use it; bounded by √ln 2 ≈ 0.833.
 */
export function jensenShannon(p: number[], q: number[]): number {
  const a = normalise(p);
  const b = normalise(q);
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    const m = (a[i] + b[i]) / 2;
    if (a[i] > 0) divergence += 0.5 * a[i] * Math.log(a[i] / m);
    if (b[i] > 0) divergence += 0.5 * b[i] * Math.log(b[i] / m);
  }
  return Math.sqrt(Math.max(0, divergence));
}

/** Hellinger distance √(½ Σ (√p − √q)²), in [0, 1]. */
export function hellinger(p: number[], q: number[]): number {
  const a = normalise(p);
  const b = normalise(q);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (Math.sqrt(a[i]) - Math.sqrt(b[i])) ** 2;
  return Math.sqrt(sum / 2);
}
