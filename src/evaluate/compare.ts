/**
 * The model comparison without I/O: truth + both models' predictions (+ slice columns) →
 * metrics with paired bootstrap intervals, deltas, per-class scores, confusion, calibration,
 * expected business cost and per-slice results. The CLI (src/evaluate/run.ts) feeds it from
 * model directories and a data file; tests feed it arrays.
 */
import { InputError } from '../core/errors.ts';
import { pairedBootstrap, type BootstrapOptions, type Interval, type WeightedMetrics } from './bootstrap.ts';
import { prepareClassification, type CalibrationBin, type ClassificationEvaluator, type ClassScores } from './metrics/classification.ts';
import { canonicalMetricName, metricDefinition, metricsForTask, type Task } from './metrics/definitions.ts';
import { prepareRegression } from './metrics/regression.ts';

/** One model's predictions on the test rows. */
export interface ModelOutputs {
  /** Row-major n×K probabilities (classification). */
  proba?: Float64Array;
  /** Predictions (regression). */
  values?: Float64Array;
}

/** Business cost settings (evaluate.cost). */
export interface CostSettings {
  /** K×K, rows = true class, columns = predicted class, in `classes` order. */
  matrix?: number[][];
  /** Cost per unit of absolute error (regression). */
  perUnitError?: number;
}

export interface SliceColumn {
  name: string;
  /** Slice value per test row; null = missing. */
  values: (string | null)[];
}

export interface CompareInput {
  task: Task;
  /** Class names (classification), in the models' probability column order. */
  classes?: string[];
  /** True class index (classification) or target (regression) per row. */
  truth: Int32Array | Float64Array;
  candidate: ModelOutputs;
  baseline?: ModelOutputs;
  cost?: CostSettings | null;
  slices?: SliceColumn[];
  minSliceSize: number;
  /** Metrics to show and compute intervals for in slices; null = the task's defaults. */
  metrics: string[] | null;
  bootstrap: BootstrapOptions;
  /** Most slice values listed per column; the rarest beyond it are merged into "(other)". */
  maxSliceValues?: number;
  /**
   * Metrics slices need besides the shown ones: those of gates on a slice (a gate on a metric that
   * `evaluate.metrics` does not show had no slice value, and was skipped as "undefined").
   */
  sliceMetrics?: string[];
}

export interface ModelMetrics {
  metrics: Record<string, number>;
  intervals: Record<string, Interval>;
  perClass?: Record<string, ClassScores>;
  /** Rows = true class, columns = predicted class, in `classes` order. */
  confusion?: number[][];
  calibration?: CalibrationBin[];
}

export interface SliceResult {
  column: string;
  value: string;
  n: number;
  /** Fewer rows than minSliceSize: shown, never gated. */
  small: boolean;
  candidate: Record<string, Interval>;
  baseline?: Record<string, Interval>;
  deltas?: Record<string, Interval>;
  /** See {@link CompareResult.undefinedMetrics}. */
  undefinedMetrics?: Record<string, string>;
}

export interface CompareResult {
  task: Task;
  classes?: string[];
  n: number;
  /** The metrics shown in tables, in order. */
  shown: string[];
  candidate: ModelMetrics;
  baseline: ModelMetrics | null;
  deltas: Record<string, Interval>;
  slices: SliceResult[];
  cost: { kind: 'matrix' | 'perUnitError'; matrix?: number[][]; perUnitError?: number } | null;
  /**
   * Binary metrics whose ratio has nothing to count on these rows, with the reason: scikit-learn
   * reports them as 0 (zero_division), which is the value shown, but no absolute gate judges it.
   */
  undefinedMetrics?: Record<string, string>;
}

const DEFAULT_SHOWN: Record<Task, string[]> = {
  binary: ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'ece'],
  multiclass: ['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'ece'],
  regression: ['mae', 'rmse', 'r2', 'mape', 'median_ae'],
};

/** The metrics shown for a task: the configured list (validated) or the defaults, plus `cost` when configured. */
export function shownMetrics(task: Task, configured: string[] | null, hasCost: boolean, configFile?: string): string[] {
  const list = configured ?? DEFAULT_SHOWN[task];
  const out: string[] = [];
  list.forEach((name, index) => {
    const def = metricDefinition(name);
    const key = `evaluate.metrics[${index}]`;
    if (!def) throw new InputError(`unknown metric '${name}' (known for ${task}: ${metricsForTask(task).join(', ')}, cost)`, { file: configFile, key });
    if (!def.tasks.includes(task)) throw new InputError(`metric '${name}' does not apply to a ${task} model`, { file: configFile, key });
    if (def.name === 'cost' && !hasCost) throw new InputError("metric 'cost' needs evaluate.cost (a cost matrix or perUnitError)", { file: configFile, key });
    if (!out.includes(def.name)) out.push(def.name);
  });
  if (hasCost && !out.includes('cost')) out.push('cost');
  return out;
}

interface Prepared {
  metrics: WeightedMetrics;
  classification?: ClassificationEvaluator;
}

function prepare(input: CompareInput, outputs: ModelOutputs, rows: Int32Array | null, which: string): Prepared {
  const pick = <T extends Float64Array | Int32Array>(a: T, width = 1): T => {
    if (!rows) return a;
    const out = new (a.constructor as new (n: number) => T)(rows.length * width);
    for (let j = 0; j < rows.length; j++) for (let k = 0; k < width; k++) out[j * width + k] = a[rows[j] * width + k];
    return out;
  };
  const cost = input.cost;
  if (input.task === 'regression') {
    if (!outputs.values) throw new Error(`${which}: regression outputs need values`);
    const y = pick(input.truth as Float64Array);
    const yhat = pick(outputs.values);
    const evaluator = prepareRegression({ task: 'regression', y, yhat });
    const unit = cost?.perUnitError;
    return {
      metrics: (w) => {
        const m = evaluator.compute(w);
        if (unit !== undefined) m.cost = unit * m.mae;
        return m;
      },
    };
  }
  const classes = input.classes!;
  const K = classes.length;
  if (!outputs.proba) throw new Error(`${which}: classification outputs need probabilities`);
  const evaluator = prepareClassification({ task: input.task, classes, y: pick(input.truth as Int32Array), proba: pick(outputs.proba, K) });
  const matrix = cost?.matrix;
  let rowCost: Float64Array | undefined;
  if (matrix) {
    rowCost = new Float64Array(evaluator.n);
    for (let i = 0; i < evaluator.n; i++) rowCost[i] = matrix[evaluator.data.y[i]][evaluator.predicted[i]];
  }
  return {
    classification: evaluator,
    metrics: (w) => {
      const m = evaluator.compute(w);
      if (rowCost) {
        let total = 0;
        let sum = 0;
        for (let i = 0; i < rowCost.length; i++) {
          const weight = w ? w[i] : 1;
          total += weight;
          sum += weight * rowCost[i];
        }
        m.cost = sum / total;
      }
      return m;
    },
  };
}

/**
 * The candidate's binary precision/recall/f1 that are undefined on these rows: recall with no row
 * of the positive class (a slice without any: recall 0 would fail `recall ≥ 0.7` of a model that
 * missed nothing), precision and f1 with no such row and none predicted either (the model is right
 * on every row). A model that flags nothing where positives exist keeps its precision of 0.
 */
function undefinedRatios(input: CompareInput, prepared: Prepared): Record<string, string> | undefined {
  const evaluator = prepared.classification;
  if (input.task !== 'binary' || !evaluator) return undefined;
  let positives = 0;
  let flagged = 0;
  for (let i = 0; i < evaluator.n; i++) {
    if (evaluator.data.y[i] === 1) positives++;
    if (evaluator.predicted[i] === 1) flagged++;
  }
  if (positives > 0) return undefined;
  const positive = `'${evaluator.data.classes[1]}'`;
  const none = `no row is of the positive class ${positive}`;
  return flagged > 0 ? { recall: none } : { recall: none, precision: `${none} and none is predicted as it`, f1: `${none} and none is predicted as it` };
}

/** Every metric name the evaluator computes for a task (intervals are kept for all of them). */
function allMetricNames(task: Task, hasCost: boolean): string[] {
  return [...metricsForTask(task), ...(hasCost ? ['cost'] : [])];
}

function modelMetrics(prepared: Prepared, intervals: Record<string, Interval>): ModelMetrics {
  const point = prepared.metrics();
  const out: ModelMetrics = { metrics: Object.fromEntries(Object.keys(intervals).map((k) => [k, point[k]])), intervals };
  if (prepared.classification) {
    out.perClass = prepared.classification.perClass();
    out.confusion = prepared.classification.confusion();
    out.calibration = prepared.classification.calibration();
  }
  return out;
}

/**
 * Compares candidate and baseline on the same rows. With no baseline, the result has
 * `baseline: null` and no deltas.
 */
export function compareModels(input: CompareInput): CompareResult {
  const n = input.truth.length;
  if (n === 0) throw new InputError('the test set is empty: nothing to evaluate');
  const hasCost = Boolean(input.cost && (input.cost.matrix || input.cost.perUnitError !== undefined));
  if (input.cost?.matrix && input.classes && input.cost.matrix.length !== input.classes.length) {
    throw new InputError(`evaluate.cost.matrix is ${input.cost.matrix.length}×${input.cost.matrix.length} but the model has ${input.classes.length} classes (${input.classes.join(', ')})`, { key: 'evaluate.cost.matrix' });
  }
  const shown = shownMetrics(input.task, input.metrics, hasCost);
  const names = allMetricNames(input.task, hasCost);
  const cand = prepare(input, input.candidate, null, 'candidate');
  const base = input.baseline ? prepare(input, input.baseline, null, 'baseline') : undefined;
  const boot = pairedBootstrap(n, cand.metrics, base?.metrics, names, input.bootstrap);
  const sliceMetrics = [...shown, ...(input.sliceMetrics ?? []).map(canonicalMetricName).filter((m) => !shown.includes(m) && names.includes(m))];
  const slices = computeSlices(input, [...new Set(sliceMetrics)]);
  const undefinedMetrics = undefinedRatios(input, cand);
  return {
    task: input.task,
    ...(input.classes ? { classes: input.classes } : {}),
    n,
    shown,
    candidate: modelMetrics(cand, boot.candidate),
    baseline: base && boot.baseline ? modelMetrics(base, boot.baseline) : null,
    deltas: boot.deltas ?? {},
    slices,
    cost: hasCost ? (input.cost!.matrix ? { kind: 'matrix', matrix: input.cost!.matrix } : { kind: 'perUnitError', perUnitError: input.cost!.perUnitError }) : null,
    ...(undefinedMetrics ? { undefinedMetrics } : {}),
  };
}

function computeSlices(input: CompareInput, metrics: string[]): SliceResult[] {
  const out: SliceResult[] = [];
  const maxValues = input.maxSliceValues ?? 50;
  for (const [columnIndex, column] of (input.slices ?? []).entries()) {
    const groups = new Map<string, number[]>();
    column.values.forEach((v, i) => {
      const key = v ?? '(missing)';
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(i);
    });
    let entries = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    if (entries.length > maxValues) {
      const rest = entries.slice(maxValues - 1).flatMap(([, rows]) => rows).sort((a, b) => a - b);
      entries = [...entries.slice(0, maxValues - 1), ['(other)', rest]];
    }
    for (const [valueIndex, [value, rowList]] of entries.entries()) {
      const rows = Int32Array.from(rowList);
      const cand = prepare(input, input.candidate, rows, 'candidate');
      const base = input.baseline ? prepare(input, input.baseline, rows, 'baseline') : undefined;
      const small = rows.length < input.minSliceSize;
      // Small slices are shown with point values only: their intervals would be too wide to read and they never gate.
      const boot = pairedBootstrap(rows.length, cand.metrics, base?.metrics, metrics, {
        ...input.bootstrap,
        resamples: small ? 0 : input.bootstrap.resamples,
        seed: (input.bootstrap.seed + 7919 * (columnIndex + 1) + 104729 * (valueIndex + 1)) >>> 0,
      });
      const undefinedMetrics = undefinedRatios(input, cand);
      out.push({
        column: column.name,
        value,
        n: rows.length,
        small,
        candidate: boot.candidate,
        ...(boot.baseline ? { baseline: boot.baseline } : {}),
        ...(boot.deltas ? { deltas: boot.deltas } : {}),
        ...(undefinedMetrics ? { undefinedMetrics } : {}),
      });
    }
  }
  return out;
}
