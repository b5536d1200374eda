import type { Moments } from './types.ts';

/**
 * Streaming moments (Welford) with Chan et al.'s pairwise merge, so shards merge exactly up to
 * floating-point rounding. Values are added with a multiplicity because the profiler works once
 * per distinct value of a batch.
 */

/** Empty moments (count 0; min/max are ±Infinity until the first value and never serialised so). */
export function emptyMoments(): Moments {
  return { count: 0, min: Infinity, max: -Infinity, mean: 0, m2: 0 };
}

/** Adds `weight` copies of the finite value `x` in place. */
export function addMoments(m: Moments, x: number, weight = 1): void {
  if (weight <= 0) return;
  const n = m.count + weight;
  const delta = x - m.mean;
  // Beyond ±8.9e307 a difference of opposite signs overflows: the mean then takes the weighted
  // form, which stays within the values (the sum of squares overflows to Infinity either way).
  m.mean = Number.isFinite(delta) ? m.mean + (delta * weight) / n : m.mean * (m.count / n) + x * (weight / n);
  m.m2 += (delta * delta * m.count * weight) / n;
  m.count = n;
  if (x < m.min) m.min = x;
  if (x > m.max) m.max = x;
}

/** Chan's parallel combination of two moment sets; returns a new object. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const n = a.count + b.count;
  const delta = b.mean - a.mean;
  return {
    count: n,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    // Weighted mean: stabler than a.mean + delta*nb/n when the counts are very unequal. Means
    // near the largest double are weighted first, so their products cannot overflow.
    mean: weightedMean(a.mean, a.count, b.mean, b.count, n),
    m2: a.m2 + b.m2 + (delta * delta * a.count * b.count) / n,
  };
}

/** The mean of two means of `na` and `nb` values (n = na + nb), without overflow near the largest double. */
export function weightedMean(ma: number, na: number, mb: number, nb: number, n: number): number {
  const mean = (ma * na + mb * nb) / n;
  return Number.isFinite(mean) ? mean : ma * (na / n) + mb * (nb / n);
}

/** Sample variance (n − 1 denominator); NaN below two values. */
export function variance(m: Moments): number {
  return m.count > 1 ? m.m2 / (m.count - 1) : NaN;
}
