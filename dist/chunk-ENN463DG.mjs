import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/core/special.ts
var LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
var STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400
];
function logGamma(x) {
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
function logBinomial(n, k) {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
function erfc(x) {
  if (Number.isNaN(x)) return x;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - 2 / Math.sqrt(Math.PI) * sum;
  }
  if (x > 27) return 0;
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
function normalSf(z) {
  return 0.5 * erfc(z / Math.SQRT2);
}
function gammaQ(a, x) {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1e4; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e4; i++) {
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
function chiSquareSf(statistic, dof) {
  if (dof <= 0) return Number.NaN;
  return gammaQ(dof / 2, statistic / 2);
}
function studentUpperTail(t, nu) {
  const theta = Math.atan(t / Math.sqrt(nu));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  let within;
  if (nu % 2 === 1) {
    let sum = 0;
    let term = Math.cos(theta);
    for (let k = 3; k <= nu; k += 2) {
      sum += term;
      term *= c2 * (k - 1) / k;
    }
    within = 2 / Math.PI * (theta + (nu > 1 ? s * sum : 0));
  } else {
    let sum = 0;
    let term = 1;
    for (let k = 2; k <= nu; k += 2) {
      sum += term;
      term *= c2 * (k - 1) / k;
    }
    within = s * sum;
  }
  return Math.max(0, (1 - within) / 2);
}
function invertTail(tail, p) {
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
function studentQuantileUpper(p, nu) {
  if (nu <= 1e3) return invertTail((t) => studentUpperTail(t, nu), p);
  const z = invertTail(normalSf, p);
  return z + (z ** 3 + z) / (4 * nu) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * nu * nu);
}

export {
  logGamma,
  logBinomial,
  normalSf,
  chiSquareSf,
  studentQuantileUpper
};
