/**
 * Regression metrics as scikit-learn defines them, computed from per-row terms so a bootstrap
 * resample (integer row counts) costs O(n); the absolute errors are sorted once for the median.
 */

export interface RegressionData {
  task: 'regression';
  /** True targets. */
  y: Float64Array;
  /** Predictions. */
  yhat: Float64Array;
}

export interface RegressionEvaluator {
  readonly data: RegressionData;
  readonly n: number;
  compute(weights?: Float64Array): Record<string, number>;
}

/** Prepares the per-row terms; see {@link RegressionEvaluator.compute}. */
export function prepareRegression(data: RegressionData): RegressionEvaluator {
  const { y, yhat } = data;
  const n = y.length;
  if (yhat.length !== n) throw new Error(`${yhat.length} predictions for ${n} targets`);
  const absError = new Float64Array(n);
  const ape = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    absError[i] = Math.abs(y[i] - yhat[i]);
    // sklearn's MAPE: |y - ŷ| / max(|y|, eps) with eps = float64 machine epsilon (huge for y = 0, by design).
    ape[i] = absError[i] / Math.max(Math.abs(y[i]), Number.EPSILON);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => absError[a] - absError[b]);

  /** Median of the multiset where row i appears weights[i] times (numpy's mean of the two middle values). */
  function weightedMedian(weights?: Float64Array): number {
    const total = weights ? weights.reduce((a, b) => a + b, 0) : n;
    if (total <= 0) return Number.NaN;
    const lowRank = Math.floor((total - 1) / 2); // 0-based positions of the middle element(s)
    const highRank = Math.floor(total / 2);
    let seen = 0;
    let low = Number.NaN;
    for (let j = 0; j < n; j++) {
      const row = order[j];
      const w = weights ? weights[row] : 1;
      if (w === 0) continue;
      const next = seen + w;
      if (Number.isNaN(low) && lowRank < next) low = absError[row];
      if (highRank < next) return (low + absError[row]) / 2;
      seen = next;
    }
    return low;
  }

  function compute(weights?: Float64Array): Record<string, number> {
    let total = 0;
    let sumY = 0;
    let sumAbs = 0;
    let sumSq = 0;
    let sumApe = 0;
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      if (w === 0) continue;
      total += w;
      sumY += w * y[i];
      sumAbs += w * absError[i];
      sumSq += w * absError[i] * absError[i];
      sumApe += w * ape[i];
    }
    const mean = sumY / total;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      if (w !== 0) ssTot += w * (y[i] - mean) ** 2;
    }
    // sklearn's r2_score with force_finite: a constant target gives 1 for a perfect fit, else 0.
    const r2 = ssTot === 0 ? (sumSq === 0 ? 1 : 0) : 1 - sumSq / ssTot;
    const mse = sumSq / total;
    return {
      mae: sumAbs / total,
      mse,
      rmse: Math.sqrt(mse),
      r2,
      mape: sumApe / total,
      median_ae: weightedMedian(weights),
    };
  }

  return { data, n, compute };
}
