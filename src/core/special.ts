/**
 * Special functions for the drift tests' p-values and the evaluation's interval widths.
 * Hand-written (no numeric library in this ecosystem is both small and accurate to 1e-12 here);
 * each is checked against scipy values in test/unit/drift and test/unit/evaluate.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

// Stirling series coefficients B_{2j} / (2j (2j-1)) for j = 1..8.
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400,
];

/** ln Γ(x) for x > 0 (relative accuracy ~1e-15): shift x above 15, then the Stirling series. */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  while (x < 15) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = 0;
  for (let j = STIRLING.length - 1; j >= 0; j--) series = series * inv2 + STIRLING[j];
  return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + series * inv - shift;
}

/** ln C(n, k). */
export function logBinomial(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** erfc(x) to ~1e-15: Taylor series of erf near 0, Lentz's continued fraction in the tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (x > 27) return 0;
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Upper tail of the standard normal: P(Z > z). */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series for P(a, x), then Q = 1 - P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/** Survival function of the chi-square distribution with `dof` degrees of freedom. */
export function chiSquareSf(statistic: number, dof: number): number {
  if (dof <= 0) return Number.NaN;
  return gammaQ(dof / 2, statistic / 2);
}

/** P(T > t), t ≥ 0, for Student's t with an integer ν ≥ 1 degrees of freedom (Abramowitz & Stegun 26.7.3–4, exact finite sums). */
export function studentUpperTail(t: number, nu: number): number {
  const theta = Math.atan(t / Math.sqrt(nu));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  let within: number; // P(|T| ≤ t)
  if (nu % 2 === 1) {
    let sum = 0;
    let term = Math.cos(theta);
    for (let k = 3; k <= nu; k += 2) {
      sum += term;
      term *= (c2 * (k - 1)) / k;
    }
    within = (2 / Math.PI) * (theta + (nu > 1 ? s * sum : 0));
  } else {
    let sum = 0;
    let term = 1;
    for (let k = 2; k <= nu; k += 2) {
      sum += term;
      term *= (c2 * (k - 1)) / k;
    }
    within = s * sum;
  }
  return Math.max(0, (1 - within) / 2);
}

/** The x ≥ 0 where a decreasing tail function equals p (bisection; tails here are smooth and monotone). */
function invertTail(tail: (x: number) => number, p: number): number {
  let lo = 0;
  let hi = 1;
  while (tail(hi) > p && hi < 1e8) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The upper p-quantile of Student's t with ν degrees of freedom (Cornish–Fisher beyond ν = 1000, where it is exact to ~1e-9). */
export function studentQuantileUpper(p: number, nu: number): number {
  if (nu <= 1000) return invertTail((t) => studentUpperTail(t, nu), p);
  const z = invertTail(normalSf, p);
  return z + (z ** 3 + z) / (4 * nu) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * nu * nu);
}
