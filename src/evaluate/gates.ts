/**
 * Gates (DESIGN §3): absolute `min`/`max`, `maxDrop`/`maxIncrease` against the baseline, latency
 * `maxMs` and `maxRatio`. The statistical rule (docs/evaluation.md "How gates decide"):
 *
 * - Relative gates fail only when the paired 95% interval (evaluate.bootstrap.confidence) lies ENTIRELY beyond the threshold —
 *   "we are confident the candidate is worse by more than the tolerance". This is a one-sided
 *   test at 2.5%: a candidate truly at the threshold is flagged at most 2.5% of the time, and a
 *   model compared with itself (interval exactly [0, 0]) never is. A point estimate beyond the
 *   threshold whose interval still reaches back inside is reported as `inconclusive` (a warning,
 *   not a failure): the test set is too small to tell. The intervals are expanded percentile
 *   intervals (bootstrap.ts), which keep that level on small test sets; below minPairedUnits rows
 *   (6 at 95%) no paired test can reach it, and relative gates are skipped (inconclusive when the
 *   point estimate is beyond the threshold).
 * - Absolute gates (`min`, `max`, `maxMs`) are service-level specifications on the golden set and
 *   compare the point estimate; the interval is shown alongside.
 */
import { InputError } from '../core/errors.ts';
import type { GateConfig } from '../train/config.ts';
import { minPairedUnits, type Interval } from './bootstrap.ts';
import { canonicalMetricName, metricDefinition, type Direction, type Task } from './metrics/definitions.ts';
import type { LatencyPercentileName, LatencyResult } from './latency.ts';

export type GateStatus = 'passed' | 'failed' | 'skipped';

/** One gate's verdict. `passed` is true for passed and skipped gates (a skipped gate never fails a run). */
export interface GateResult {
  name: string;
  passed: boolean;
  status: GateStatus;
  detail: string;
  /** The point estimate beyond the threshold but the interval not: worth a look, not a failure. */
  inconclusive?: boolean;
  metric?: string;
  latency?: LatencyPercentileName;
  batchSize?: number;
  slice?: string;
  threshold?: number;
  kind: 'min' | 'max' | 'maxDrop' | 'maxIncrease' | 'maxMs' | 'maxRatio';
  value?: number;
  interval?: { low: number; high: number };
}

/** Metrics of one scope (whole test set or one slice) as the gates see them. */
export interface GateScope {
  n: number;
  /** Below the minimum slice size: reported, never gated. */
  small?: boolean;
  candidate: Record<string, Interval>;
  baseline?: Record<string, Interval>;
  deltas?: Record<string, Interval>;
  /** Metrics reported as 0 for want of rows to count (binary recall with no positive row…), with the reason: not judged by min/max. */
  undefinedMetrics?: Record<string, string>;
}

export interface GateInputs {
  task: Task;
  overall: GateScope;
  /** `column=value` → scope. */
  slices: Map<string, GateScope>;
  latency: LatencyResult | null;
  hasBaseline: boolean;
  minSliceSize: number;
  /** Level of the bootstrap intervals (evaluate.bootstrap.confidence; default 0.95): the details name it. */
  confidence?: number;
}

const fmt = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 1000 || (Math.abs(x) < 0.001 && x !== 0) ? x.toExponential(3) : x.toFixed(4).replace(/\.?0+$/, '') || '0') : String(x));
const fmtInterval = (i: { low: number; high: number }) => `[${fmt(i.low)}, ${fmt(i.high)}]`;

/** How reports name an interval: `90% CI` at confidence 0.9 — the level evaluate.bootstrap.confidence set, not always 95%. */
export function ciLabel(confidence = 0.95): string {
  return `${Number((confidence * 100).toFixed(4))}% CI`;
}

/** Describes a gate the way a reader of the PR comment would name it. */
export function gateName(gate: GateConfig): string {
  if (gate.kind === 'latency') {
    const size = gate.batchSize !== undefined ? ` @${gate.batchSize}` : '';
    if (gate.maxMs !== undefined && gate.maxRatio !== undefined) return `latency ${gate.latency}${size} ≤ ${gate.maxMs} ms, ratio ≤ ${gate.maxRatio}`;
    return gate.maxMs !== undefined ? `latency ${gate.latency}${size} ≤ ${gate.maxMs} ms` : `latency ${gate.latency}${size} ratio ≤ ${gate.maxRatio}`;
  }
  const parts: string[] = [];
  if (gate.min !== undefined) parts.push(`≥ ${gate.min}`);
  if (gate.max !== undefined) parts.push(`≤ ${gate.max}`);
  if (gate.maxDrop !== undefined) parts.push(`drop ≤ ${gate.maxDrop}`);
  if (gate.maxIncrease !== undefined) parts.push(`increase ≤ ${gate.maxIncrease}`);
  return `${gate.metric}${gate.slice ? ` [${gate.slice}]` : ''} ${parts.join(', ')}`;
}

/**
 * Checks gate definitions before any work: unknown metric names, metrics of another task, `cost`
 * without `evaluate.cost` (when `hasCost` is given) and `maxIncrease` on a higher-is-better metric
 * are configuration errors (exit 2).
 */
export function checkGateConfig(gates: GateConfig[], task: Task, configFile?: string, hasCost?: boolean): void {
  gates.forEach((gate, index) => {
    if (gate.kind !== 'metric') return;
    const key = `evaluate.gates[${index}].metric`;
    const def = metricDefinition(gate.metric);
    if (!def) throw new InputError(`unknown metric '${gate.metric}' in a gate (known: ${knownNames(task)})`, { file: configFile, key });
    if (!def.tasks.includes(task)) throw new InputError(`metric '${gate.metric}' does not apply to a ${task} model (use one of: ${knownNames(task)})`, { file: configFile, key });
    // Without evaluate.cost there is no cost to judge: the gate was skipped as "undefined".
    if (def.name === 'cost' && hasCost === false) throw new InputError(`metric '${gate.metric}' needs evaluate.cost (${task === 'regression' ? 'perUnitError' : 'a cost matrix'})`, { file: configFile, key });
    if (gate.maxIncrease !== undefined && def.direction === 'higher') {
      throw new InputError(`'${def.name}' is higher-is-better: an increase is an improvement; use maxDrop`, { file: configFile, key: `evaluate.gates[${index}].maxIncrease` });
    }
  });
}

function knownNames(task: Task): string {
  return ['cost', ...(task === 'regression' ? ['mae', 'mse', 'rmse', 'r2', 'mape', 'median_ae'] : ['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'ece', '…'])].join(', ');
}

/**
 * The worsening interval of a delta: positive = candidate worse, whatever the metric direction.
 * For higher-is-better metrics worsening = −delta, so the interval flips.
 */
function worsening(direction: Direction, delta: Interval): Interval {
  return direction === 'higher' ? { value: -delta.value, low: -delta.high, high: -delta.low } : delta;
}

/** Evaluates every gate; returns one result per (gate, threshold kind). */
export function evaluateGates(gates: GateConfig[], inputs: GateInputs): GateResult[] {
  const out: GateResult[] = [];
  for (const gate of gates) {
    if (gate.kind === 'latency') out.push(...latencyGate(gate, inputs));
    else out.push(...metricGate(gate, inputs));
  }
  return out;
}

function metricGate(gate: Extract<GateConfig, { kind: 'metric' }>, inputs: GateInputs): GateResult[] {
  const metric = canonicalMetricName(gate.metric);
  const def = metricDefinition(metric)!;
  const scope = gate.slice ? inputs.slices.get(gate.slice) : inputs.overall;
  const results: GateResult[] = [];
  const base = { metric, ...(gate.slice ? { slice: gate.slice } : {}) };
  const where = gate.slice ? ` on slice ${gate.slice}` : '';
  const ci = ciLabel(inputs.confidence);
  const minUnits = minPairedUnits(inputs.confidence ?? 0.95);
  const push = (kind: GateResult['kind'], threshold: number, r: Pick<GateResult, 'status' | 'detail'> & Partial<GateResult>) =>
    results.push({ name: gateName({ ...gate, ...onlyKind(kind, threshold) }), passed: r.status !== 'failed', kind, threshold, ...base, ...r });
  const thresholds = (['min', 'max', 'maxDrop', 'maxIncrease'] as const).filter((k) => gate[k] !== undefined);
  for (const kind of thresholds) {
    const threshold = gate[kind]!;
    if (!scope) {
      push(kind, threshold, { status: 'skipped', detail: `slice ${gate.slice} is not in the test data` });
      continue;
    }
    if (scope.small) {
      push(kind, threshold, { status: 'skipped', detail: `slice ${gate.slice} has ${scope.n} rows < minSliceSize ${inputs.minSliceSize}: shown, never gated` });
      continue;
    }
    const c = scope.candidate[metric];
    if (kind === 'min' || kind === 'max') {
      if (!c || Number.isNaN(c.value)) {
        push(kind, threshold, { status: 'skipped', detail: `${metric} is undefined${where} (e.g. one class only)` });
        continue;
      }
      const why = scope.undefinedMetrics?.[metric];
      if (why !== undefined) {
        push(kind, threshold, { status: 'skipped', value: c.value, detail: `${metric} is undefined${where}: ${why} (scikit-learn reports ${fmt(c.value)})` });
        continue;
      }
      const ok = kind === 'min' ? c.value >= threshold : c.value <= threshold;
      const op = kind === 'min' ? (ok ? '≥' : '<') : ok ? '≤' : '>';
      push(kind, threshold, {
        status: ok ? 'passed' : 'failed',
        value: c.value,
        interval: { low: c.low, high: c.high },
        detail: `${metric}${where} = ${fmt(c.value)} (${ci} ${fmtInterval(c)}) ${op} ${kind} ${threshold}`,
      });
      continue;
    }
    if (!inputs.hasBaseline || !scope.deltas) {
      push(kind, threshold, { status: 'skipped', detail: 'no baseline: relative gates are skipped' });
      continue;
    }
    const d = scope.deltas[metric];
    if (!d || Number.isNaN(d.value) || Number.isNaN(d.low)) {
      push(kind, threshold, { status: 'skipped', detail: `Δ${metric}${where} is undefined` });
      continue;
    }
    const worse = worsening(def.direction, d);
    const word = kind === 'maxDrop' ? 'drop' : 'increase';
    if (scope.n < minUnits) {
      // Too few rows for any paired test at this level: not judged, and a warning when the point estimate is beyond the tolerance.
      const beyond = worse.value > threshold;
      push(kind, threshold, {
        status: 'skipped', value: d.value, interval: { low: d.low, high: d.high }, ...(beyond ? { inconclusive: true } : {}),
        detail: `${metric}${where} ${beyond ? `${word} ${fmt(worse.value)} exceeds ${threshold}, but` : `Δ ${fmt(d.value)}:`} ${scope.n} row${scope.n === 1 ? ' is' : 's are'} too few to judge a difference at ${ci} (at least ${minUnits} needed): not judged`,
      });
      continue;
    }
    const failed = worse.low > threshold;
    const inconclusive = !failed && worse.value > threshold;
    const detail = failed
      ? `${metric}${where} is worse by ${fmt(worse.value)} (${ci} of the ${word} ${fmtInterval(worse)}): confidently more than ${kind} ${threshold}`
      : inconclusive
        ? `${metric}${where} ${word} ${fmt(worse.value)} exceeds ${threshold}, but the ${ci} ${fmtInterval(worse)} reaches below it: inconclusive, not failed`
        : `${metric}${where} Δ ${fmt(d.value)} (${ci} ${fmtInterval(d)}); ${word} ≤ ${threshold} is plausible`;
    push(kind, threshold, { status: failed ? 'failed' : 'passed', value: d.value, interval: { low: d.low, high: d.high }, detail, ...(inconclusive ? { inconclusive } : {}) });
  }
  return results;
}

function onlyKind(kind: GateResult['kind'], threshold: number): Partial<Record<'min' | 'max' | 'maxDrop' | 'maxIncrease', number>> {
  return { min: undefined, max: undefined, maxDrop: undefined, maxIncrease: undefined, [kind]: threshold };
}

function latencyGate(gate: Extract<GateConfig, { kind: 'latency' }>, inputs: GateInputs): GateResult[] {
  const results: GateResult[] = [];
  const p = gate.latency;
  const lat = inputs.latency;
  const size = lat ? (gate.batchSize !== undefined ? lat.sizes.find((s) => s.batchSize === gate.batchSize) : lat.sizes[0]) : undefined;
  const batchSize = size?.batchSize ?? gate.batchSize;
  const common = { latency: p, ...(batchSize !== undefined ? { batchSize } : {}) };
  const ci = ciLabel(inputs.confidence);
  const nameOf = (kind: 'maxMs' | 'maxRatio', t: number) => gateName({ ...gate, maxMs: kind === 'maxMs' ? t : undefined, maxRatio: kind === 'maxRatio' ? t : undefined, batchSize });
  if (gate.maxMs !== undefined) {
    const t = gate.maxMs;
    if (!size) {
      results.push({ name: nameOf('maxMs', t), passed: true, status: 'skipped', kind: 'maxMs', threshold: t, ...common, detail: lat ? `batch size ${gate.batchSize} was not benchmarked` : 'latency was not measured' });
    } else {
      const v = size.candidate[p];
      const ok = v <= t;
      results.push({
        name: nameOf('maxMs', t), passed: ok, status: ok ? 'passed' : 'failed', kind: 'maxMs', threshold: t, value: v, ...common,
        detail: `candidate ${p} = ${fmt(v)} ms at ${size.rowsPerCall} row(s)/call over ${size.candidate.calls} calls ${ok ? '≤' : '>'} ${t} ms`,
      });
    }
  }
  if (gate.maxRatio !== undefined) {
    const t = gate.maxRatio;
    if (!size) {
      results.push({ name: nameOf('maxRatio', t), passed: true, status: 'skipped', kind: 'maxRatio', threshold: t, ...common, detail: lat ? `batch size ${gate.batchSize} was not benchmarked` : 'latency was not measured' });
    } else if (!size.ratio) {
      results.push({ name: nameOf('maxRatio', t), passed: true, status: 'skipped', kind: 'maxRatio', threshold: t, ...common, detail: 'no baseline: the latency ratio gate is skipped' });
    } else if (!Number.isFinite(size.ratio[p].value)) {
      // Both models timed at 0 ms (a clock too coarse for the call), or the baseline alone: no
      // ratio exists. NaN compares false with everything, so it read as "within" the threshold.
      results.push({
        name: nameOf('maxRatio', t), passed: true, status: 'skipped', kind: 'maxRatio', threshold: t, ...common, inconclusive: true,
        detail: `candidate/baseline ${p} is undefined (the baseline's ${p} is ${fmt(size.baseline?.[p] ?? 0)} ms: the clock did not resolve its calls): not judged`,
      });
    } else if (lat!.rounds < minPairedUnits(inputs.confidence ?? 0.95)) {
      const r = size.ratio[p];
      const beyond = r.value > t;
      results.push({
        name: nameOf('maxRatio', t), passed: true, status: 'skipped', kind: 'maxRatio', threshold: t, value: r.value, interval: { low: r.low, high: r.high }, ...common,
        ...(beyond ? { inconclusive: true } : {}),
        detail: `candidate/baseline ${p} = ${fmt(r.value)}×${beyond ? ` exceeds ${t}×, but` : ':'} ${lat!.rounds} rounds are too few to judge a ratio at ${ci} (at least ${minPairedUnits(inputs.confidence ?? 0.95)} needed): not judged`,
      });
    } else {
      const r = size.ratio[p];
      const failed = r.low > t;
      const inconclusive = !failed && r.value > t;
      results.push({
        name: nameOf('maxRatio', t), passed: !failed, status: failed ? 'failed' : 'passed', kind: 'maxRatio', threshold: t, value: r.value, interval: { low: r.low, high: r.high }, ...common,
        ...(inconclusive ? { inconclusive } : {}),
        detail: failed
          ? `candidate/baseline ${p} = ${fmt(r.value)}× (${ci} ${fmtInterval(r)}): confidently slower than ${t}×`
          : inconclusive
            ? `candidate/baseline ${p} = ${fmt(r.value)}× exceeds ${t}× but the ${ci} ${fmtInterval(r)} reaches below it: inconclusive, not failed`
            : `candidate/baseline ${p} = ${fmt(r.value)}× (${ci} ${fmtInterval(r)}) within ${t}×`,
      });
    }
  }
  return results;
}
