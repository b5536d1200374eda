/**
 * The few metrics training reports on its validation split (run.json). The full metric suite,
 * intervals and gates live in src/evaluate, which sits above this layer (DESIGN §2).
 */
import type { Prediction } from './model-dir.ts';

/** Accuracy, log loss and macro F1 (classification) or RMSE, MAE and R² (regression). `y` holds class indexes or label-unit values. */
export function validationMetrics(prediction: Prediction, y: ArrayLike<number>, classes: string[]): Record<string, number> {
  const n = y.length;
  if (n === 0) return {};
  if (prediction.task === 'regression') {
    const v = prediction.values!;
    let se = 0;
    let ae = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      se += (v[i]! - y[i]!) ** 2;
      ae += Math.abs(v[i]! - y[i]!);
      ss += (y[i]! - mean) ** 2;
    }
    return { rmse: Math.sqrt(se / n), mae: ae / n, r2: ss > 0 ? 1 - se / ss : 0 };
  }
  const k = classes.length;
  const p = prediction.probabilities!;
  let correct = 0;
  let logLoss = 0;
  const tp = new Float64Array(k);
  const fp = new Float64Array(k);
  const fn = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const truth = y[i]!;
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c]! > p[i * k + best]!) best = c;
    if (best === truth) {
      correct++;
      tp[truth]!++;
    } else {
      fp[best]!++;
      fn[truth]!++;
    }
    logLoss -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p[i * k + truth]!)));
  }
  let f1 = 0;
  for (let c = 0; c < k; c++) {
    const denom = 2 * tp[c]! + fp[c]! + fn[c]!;
    f1 += denom > 0 ? (2 * tp[c]!) / denom : 0;
  }
  return { accuracy: correct / n, log_loss: logLoss / n, f1_macro: f1 / k };
}
