/**
 * The metric catalogue: every metric name a gate or `evaluate.metrics` may use, with the tasks it
 * applies to and its direction. Direction matters everywhere a delta is judged: a "drop" of
 * `log_loss` is an increase.
 */

export type Task = 'binary' | 'multiclass' | 'regression';

/** `higher`: larger is better (accuracy); `lower`: smaller is better (log loss, error, cost). */
export type Direction = 'higher' | 'lower';

export interface MetricDefinition {
  name: string;
  tasks: readonly Task[];
  direction: Direction;
  /** One line for reports and `--help`. */
  description: string;
}

const C = ['binary', 'multiclass'] as const;
const B = ['binary'] as const;
const R = ['regression'] as const;
const ALL = ['binary', 'multiclass', 'regression'] as const;

/** Every metric, in report order. */
export const METRICS: readonly MetricDefinition[] = [
  { name: 'accuracy', tasks: C, direction: 'higher', description: 'share of rows whose arg-max class is the true class' },
  { name: 'balanced_accuracy', tasks: C, direction: 'higher', description: 'mean recall over the classes present in the truth' },
  { name: 'precision', tasks: B, direction: 'higher', description: 'precision of the positive class (the second class)' },
  { name: 'recall', tasks: B, direction: 'higher', description: 'recall of the positive class' },
  { name: 'f1', tasks: B, direction: 'higher', description: 'F1 of the positive class' },
  { name: 'precision_micro', tasks: C, direction: 'higher', description: 'micro-averaged precision' },
  { name: 'precision_macro', tasks: C, direction: 'higher', description: 'macro-averaged precision' },
  { name: 'precision_weighted', tasks: C, direction: 'higher', description: 'support-weighted precision' },
  { name: 'recall_micro', tasks: C, direction: 'higher', description: 'micro-averaged recall' },
  { name: 'recall_macro', tasks: C, direction: 'higher', description: 'macro-averaged recall' },
  { name: 'recall_weighted', tasks: C, direction: 'higher', description: 'support-weighted recall' },
  { name: 'f1_micro', tasks: C, direction: 'higher', description: 'micro-averaged F1' },
  { name: 'f1_macro', tasks: C, direction: 'higher', description: 'macro-averaged F1' },
  { name: 'f1_weighted', tasks: C, direction: 'higher', description: 'support-weighted F1' },
  { name: 'roc_auc', tasks: C, direction: 'higher', description: 'ROC AUC (multiclass: one-vs-rest, macro)' },
  { name: 'pr_auc', tasks: C, direction: 'higher', description: 'average precision (multiclass: one-vs-rest, macro)' },
  { name: 'log_loss', tasks: C, direction: 'lower', description: 'cross-entropy of the predicted probabilities' },
  { name: 'brier', tasks: C, direction: 'lower', description: 'Brier score (multiclass: mean sum of squares over classes)' },
  { name: 'ece', tasks: C, direction: 'lower', description: 'expected calibration error, 10 equal-width bins on the max probability' },
  { name: 'mae', tasks: R, direction: 'lower', description: 'mean absolute error' },
  { name: 'mse', tasks: R, direction: 'lower', description: 'mean squared error' },
  { name: 'rmse', tasks: R, direction: 'lower', description: 'root mean squared error' },
  { name: 'r2', tasks: R, direction: 'higher', description: 'coefficient of determination' },
  { name: 'mape', tasks: R, direction: 'lower', description: 'mean absolute percentage error (fraction; |y| floored at float64 epsilon)' },
  { name: 'median_ae', tasks: R, direction: 'lower', description: 'median absolute error' },
  { name: 'cost', tasks: ALL, direction: 'lower', description: 'expected business cost per prediction (evaluate.cost)' },
];

const BY_NAME = new Map(METRICS.map((m) => [m.name, m]));

/** Aliases users type; they resolve to the canonical names above. */
const ALIASES: Record<string, string> = {
  average_precision: 'pr_auc',
  auc: 'roc_auc',
  brier_score: 'brier',
  logloss: 'log_loss',
  cross_entropy: 'log_loss',
  median_absolute_error: 'median_ae',
  mean_absolute_error: 'mae',
  mean_squared_error: 'mse',
  root_mean_squared_error: 'rmse',
  expected_calibration_error: 'ece',
  expected_cost: 'cost',
};

/** Looks a metric up by name or alias; undefined when unknown. */
export function metricDefinition(name: string): MetricDefinition | undefined {
  return BY_NAME.get(ALIASES[name] ?? name);
}

/** The canonical name of a metric or alias (the name itself when unknown). */
export function canonicalMetricName(name: string): string {
  return ALIASES[name] ?? name;
}

/** Metric names that apply to a task, in report order. */
export function metricsForTask(task: Task): string[] {
  return METRICS.filter((m) => m.tasks.includes(task) && m.name !== 'cost').map((m) => m.name);
}

/** Signed "improvement": positive when the candidate is better, whatever the metric's direction. */
export function improvement(direction: Direction, delta: number): number {
  return direction === 'higher' ? delta : -delta;
}
