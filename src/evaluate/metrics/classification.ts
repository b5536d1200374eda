/**
 * Classification metrics, defined as scikit-learn defines them (checked to 1e-9 against
 * test/fixtures/evaluate/sklearn_reference.json), computed from per-row sufficient statistics so
 * that a bootstrap resample — a vector of integer row counts — costs O(n·K) with no re-sorting:
 * the score orders for ROC/PR curves are computed once in {@link prepareClassification}.
 */

/** Truth and predicted probabilities of one model on one test set. */
export interface ClassificationData {
  task: 'binary' | 'multiclass';
  classes: string[];
  /** True class index per row (into `classes`). */
  y: Int32Array;
  /**
   * Row-major n×K probabilities (binary: column 1 = positive class; K = 2, plus a column of 0 per
   * test-data class the model never saw, which src/evaluate/run.ts appends).
   */
  proba: Float64Array;
}

/** Per-class precision/recall/F1 and support (true count). */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

/** One reliability-diagram bin. */
export interface CalibrationBin {
  low: number;
  high: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface ClassificationEvaluator {
  readonly data: ClassificationData;
  readonly n: number;
  /** Arg-max class per row (first maximum on ties, as numpy's argmax). */
  readonly predicted: Int32Array;
  /** Every classification metric; `weights[i]` counts row i (bootstrap resample counts). */
  compute(weights?: Float64Array): Record<string, number>;
  /** K×K confusion matrix, rows = true class, columns = predicted class. */
  confusion(weights?: Float64Array): number[][];
  perClass(weights?: Float64Array): Record<string, ClassScores>;
  calibration(weights?: Float64Array): CalibrationBin[];
}

/** Number of equal-width confidence bins of the expected calibration error. */
export const ECE_BINS = 10;

/**
 * Precomputes everything metric-independent of the row weights: arg-max predictions, clipped
 * log-loss terms, Brier terms, calibration bins and, per class, the descending score order
 * with tie groups (ROC AUC and average precision walk it once per resample).
 */
export function prepareClassification(data: ClassificationData): ClassificationEvaluator {
  const K = data.classes.length;
  const n = data.y.length;
  if (data.proba.length !== n * K) throw new Error(`probabilities have ${data.proba.length} values, expected ${n}×${K}`);
  const { y, proba } = data;
  const predicted = new Int32Array(n);
  const logLossTerm = new Float64Array(n);
  const brierTerm = new Float64Array(n);
  const confidence = new Float64Array(n);
  const bin = new Int32Array(n);
  // sklearn's log_loss: clip to [eps, 1-eps] (eps = float64 machine epsilon), renormalise each row.
  const eps = Number.EPSILON;
  for (let i = 0; i < n; i++) {
    const base = i * K;
    let best = 0;
    let clippedSum = 0;
    let brier = 0;
    for (let k = 0; k < K; k++) {
      const p = proba[base + k];
      if (p > proba[base + best]) best = k;
      clippedSum += Math.min(Math.max(p, eps), 1 - eps);
      const target = y[i] === k ? 1 : 0;
      brier += (p - target) * (p - target);
    }
    predicted[i] = best;
    const pTrue = Math.min(Math.max(proba[base + y[i]], eps), 1 - eps) / clippedSum;
    logLossTerm[i] = -Math.log(pTrue);
    // Binary: sklearn's brier_score_loss on the positive column = half the two-column sum.
    // (Binary stays binary with extra columns for classes the model never saw: their rows are negatives.)
    brierTerm[i] = data.task === 'binary' ? (proba[base + 1] - (y[i] === 1 ? 1 : 0)) ** 2 : brier;
    const conf = proba[base + best];
    confidence[i] = conf;
    bin[i] = Math.min(Math.floor(conf * ECE_BINS), ECE_BINS - 1);
  }
  // Binary curves use the positive column only; multiclass uses one-vs-rest for every class.
  const curveClasses = data.task === 'binary' ? [1] : Array.from({ length: K }, (_, k) => k);
  const orders = curveClasses.map((k) => {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => proba[b * K + k] - proba[a * K + k]);
    // groupEnd[j] = 1 when order[j] is the last row of a run of equal scores.
    const groupEnd = new Uint8Array(n);
    for (let j = 0; j < n; j++) groupEnd[j] = j === n - 1 || proba[order[j] * K + k] !== proba[order[j + 1] * K + k] ? 1 : 0;
    return { k, order, groupEnd };
  });

  const weightOf = (weights: Float64Array | undefined, i: number) => (weights ? weights[i] : 1);

  function confusionFlat(weights?: Float64Array): Float64Array {
    const c = new Float64Array(K * K);
    for (let i = 0; i < n; i++) c[y[i] * K + predicted[i]] += weightOf(weights, i);
    return c;
  }

  function classScores(c: Float64Array): ClassScores[] {
    const out: ClassScores[] = [];
    for (let k = 0; k < K; k++) {
      let support = 0;
      let predictedCount = 0;
      for (let j = 0; j < K; j++) {
        support += c[k * K + j];
        predictedCount += c[j * K + k];
      }
      const tp = c[k * K + k];
      const precision = predictedCount > 0 ? tp / predictedCount : 0;
      const recall = support > 0 ? tp / support : 0;
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      out.push({ precision, recall, f1, support, predicted: predictedCount });
    }
    return out;
  }

  /**
   * Weighted ROC AUC and average precision of one score order; NaN without both classes.
   * `positives` / `total` come from the confusion matrix, so this is one pass over the order.
   */
  function curveScores(curve: (typeof orders)[number], positives: number, total: number, weights?: Float64Array): { auc: number; ap: number } {
    const { k, order, groupEnd } = curve;
    const negatives = total - positives;
    if (positives === 0) return { auc: Number.NaN, ap: Number.NaN };
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let area = 0;
    let ap = 0;
    for (let j = 0; j < n; j++) {
      const row = order[j];
      const w = weights ? weights[row] : 1;
      if (w !== 0) {
        if (y[row] === k) tp += w;
        else fp += w;
      }
      if (!groupEnd[j]) continue;
      // One threshold per distinct score: trapezoid for ROC, step (R_n - R_{n-1})·P_n for AP.
      area += (fp - prevFp) * (tp + prevTp) / 2;
      if (tp + fp > 0 && tp > prevTp) ap += ((tp - prevTp) / positives) * (tp / (tp + fp));
      prevTp = tp;
      prevFp = fp;
    }
    return { auc: negatives > 0 ? area / (positives * negatives) : Number.NaN, ap };
  }

  function calibration(weights?: Float64Array): CalibrationBin[] {
    const count = new Float64Array(ECE_BINS);
    const conf = new Float64Array(ECE_BINS);
    const correct = new Float64Array(ECE_BINS);
    for (let i = 0; i < n; i++) {
      const w = weightOf(weights, i);
      if (w === 0) continue;
      const b = bin[i];
      count[b] += w;
      conf[b] += w * confidence[i];
      if (predicted[i] === y[i]) correct[b] += w;
    }
    return Array.from({ length: ECE_BINS }, (_, b) => ({
      low: b / ECE_BINS,
      high: (b + 1) / ECE_BINS,
      count: count[b],
      meanConfidence: count[b] > 0 ? conf[b] / count[b] : Number.NaN,
      accuracy: count[b] > 0 ? correct[b] / count[b] : Number.NaN,
    }));
  }

  function compute(weights?: Float64Array): Record<string, number> {
    let total = 0;
    let logLoss = 0;
    let brier = 0;
    const c = new Float64Array(K * K);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      if (w === 0) continue;
      total += w;
      logLoss += w * logLossTerm[i];
      brier += w * brierTerm[i];
      c[y[i] * K + predicted[i]] += w;
    }
    const scores = classScores(c);
    let correct = 0;
    for (let k = 0; k < K; k++) correct += c[k * K + k];
    const accuracy = total > 0 ? correct / total : Number.NaN;
    // Averages over the labels present in truth or predictions (sklearn's default label set).
    const present = scores.filter((s) => s.support > 0 || s.predicted > 0);
    const mean = (f: (s: ClassScores) => number) => present.reduce((a, s) => a + f(s), 0) / present.length;
    const weighted = (f: (s: ClassScores) => number) => present.reduce((a, s) => a + f(s) * s.support, 0) / total;
    const withTruth = scores.filter((s) => s.support > 0);
    const microF1 = accuracy; // micro precision = micro recall = accuracy when every row has one label
    const out: Record<string, number> = {
      accuracy,
      balanced_accuracy: withTruth.reduce((a, s) => a + s.recall, 0) / withTruth.length,
      precision_micro: accuracy,
      recall_micro: accuracy,
      f1_micro: microF1,
      precision_macro: mean((s) => s.precision),
      recall_macro: mean((s) => s.recall),
      f1_macro: mean((s) => s.f1),
      precision_weighted: weighted((s) => s.precision),
      recall_weighted: weighted((s) => s.recall),
      f1_weighted: weighted((s) => s.f1),
    };
    if (data.task === 'binary') {
      out.precision = scores[1].precision;
      out.recall = scores[1].recall;
      out.f1 = scores[1].f1;
    }
    // Multiclass ROC/PR: macro mean over classes with both positives and negatives in this sample.
    let aucSum = 0;
    let aucCount = 0;
    let apSum = 0;
    let apCount = 0;
    for (const curve of orders) {
      const { auc, ap } = curveScores(curve, scores[curve.k].support, total, weights);
      if (!Number.isNaN(auc)) { aucSum += auc; aucCount++; }
      if (!Number.isNaN(ap)) { apSum += ap; apCount++; }
    }
    out.roc_auc = aucCount > 0 ? aucSum / aucCount : Number.NaN;
    out.pr_auc = apCount > 0 ? apSum / apCount : Number.NaN;
    out.log_loss = logLoss / total;
    out.brier = brier / total;
    let ece = 0;
    for (const b of calibration(weights)) if (b.count > 0) ece += (b.count / total) * Math.abs(b.accuracy - b.meanConfidence);
    out.ece = ece;
    return out;
  }

  return {
    data,
    n,
    predicted,
    compute,
    confusion(weights) {
      const c = confusionFlat(weights);
      return Array.from({ length: K }, (_, t) => Array.from(c.subarray(t * K, t * K + K)));
    },
    perClass(weights) {
      const scores = classScores(confusionFlat(weights));
      return Object.fromEntries(data.classes.map((name, k) => [name, scores[k]]));
    },
    calibration,
  };
}
