/**
 * The `mlops evaluate --json` document (DESIGN §4: `{ passed, candidate: { metrics }, baseline:
 * { metrics }, deltas, latency: { candidate, baseline, ratio: { p50, p95, p99 } }, gates }`, plus
 * intervals, slices, cost, confusion, calibration and provenance) and its assembly.
 */
import { minPairedUnits, type Interval } from './bootstrap.ts';
import type { CompareResult } from './compare.ts';
import type { GateResult } from './gates.ts';
import type { LatencyResult, LatencyStats } from './latency.ts';
import { metricDefinition, type Task } from './metrics/definitions.ts';

/** Where a model came from, for the report footer and the JSON. */
export interface ModelInfo {
  dir: string;
  /** `name@vX.Y.Z` / `name#stage` when resolved through the registry. */
  ref?: string;
  name?: string;
  version?: string;
  commit?: string;
  trainedAt?: string;
  backend?: string;
  /** sha256 of the weights (run.json), to tell two versions apart. */
  weightsSha256?: string;
  featureNames: string[];
}

/** The `mlops evaluate --json` document (DESIGN §4 shape + added fields). */
export interface EvaluationReport {
  passed: boolean;
  name: string;
  task: Task;
  /** The model's classes, then the test data's classes it never saw ({@link EvaluationReport.unseenClasses}). */
  classes?: string[];
  /**
   * Classes of the test data that the model never saw in training (the last of `classes`): their
   * rows are scored as wrong predictions, with a confusion row and per-class scores of their own.
   */
  unseenClasses?: string[];
  candidate: ModelSection;
  baseline: ModelSection | null;
  deltas: Record<string, Interval & { direction: 'higher' | 'lower'; improved: boolean | null }>;
  latency: LatencyJson | null;
  gates: GateResult[];
  slices: CompareResult['slices'];
  minSliceSize: number;
  cost: CompareResult['cost'];
  shownMetrics: string[];
  /**
   * `excludedRows`: rows left out for a missing label (a non-numeric one, in regression);
   * `unseenClassRows`: rows scored as wrong predictions because their class is unknown to the model.
   */
  data: { path: string; rows: number; evaluatedRows: number; excludedRows: number; excludedReason?: string; unseenClassRows?: number };
  /**
   * `interval`: how intervals are read from the resamples (docs/evaluation.md "Small test sets");
   * `minRows`: the fewest rows (latency: rounds) on which a relative gate is judged at `confidence`.
   */
  bootstrap: { resamples: number; confidence: number; seed: number; unit: 'rows'; paired: boolean; interval: 'expanded-percentile'; minRows: number };
  featureChanges?: { added: string[]; removed: string[] };
  environment: { backend: string; device: string; versions: Record<string, string> };
  run?: { commit?: string; runUrl?: string; repository?: string; pr?: number };
  validation?: { path: string; valid?: boolean; summary?: string };
  /**
   * Why there is no baseline, when the default one was looked for and is not there (`weather has no
   * version in stage 'production'`): the report says it instead of calling the candidate the first model.
   */
  noBaseline?: string;
}

export interface ModelSection {
  metrics: Record<string, number>;
  intervals: Record<string, Interval>;
  perClass?: CompareResult['candidate']['perClass'];
  confusion?: number[][];
  calibration?: CompareResult['candidate']['calibration'];
  model: ModelInfo;
}

/** `latency` of DESIGN §4: the first batch size at the top level, every size in `bySize`. */
export interface LatencyJson {
  /** `cpu`: process CPU time per call; `wall`: elapsed time (see docs/evaluation.md). */
  clock: 'wall' | 'cpu';
  batchSize: number;
  rowsPerCall: number;
  candidate: LatencyStats;
  baseline: LatencyStats | null;
  ratio: { p50: Interval; p95: Interval; p99: Interval; throughput: Interval } | null;
  bySize: LatencyResult['sizes'];
  rounds: number;
  samplesPerRound: number;
  warmup: number;
  method: string;
}

/** Parts of {@link buildReport}. */
export interface ReportParts {
  name: string;
  compare: CompareResult;
  latency: LatencyResult | null;
  gates: GateResult[];
  candidateInfo: ModelInfo;
  baselineInfo?: ModelInfo;
  minSliceSize: number;
  data: EvaluationReport['data'];
  /** Test-data classes the model never saw (appended to `compare.classes`). */
  unseenClasses?: string[];
  bootstrap: { resamples: number; confidence: number; seed: number };
  featureChanges?: { added: string[]; removed: string[] };
  environment: EvaluationReport['environment'];
}

/** Assembles the JSON document (DESIGN §4 fields + additions) from the computed parts. */
export function buildReport(parts: ReportParts): EvaluationReport {
  const { compare, latency, gates, featureChanges } = parts;
  const deltas: EvaluationReport['deltas'] = {};
  for (const [name, d] of Object.entries(compare.deltas)) {
    const direction = metricDefinition(name)!.direction;
    const improved = d.value === 0 || Number.isNaN(d.value) ? null : direction === 'higher' ? d.value > 0 : d.value < 0;
    deltas[name] = { value: d.value, low: d.low, high: d.high, direction, improved };
  }
  const section = (m: CompareResult['candidate'], info: ModelInfo): ModelSection => ({ ...m, model: info });
  const first = latency?.sizes[0];
  return {
    passed: gates.every((g) => g.passed),
    name: parts.name,
    task: compare.task,
    ...(compare.classes ? { classes: compare.classes } : {}),
    ...(parts.unseenClasses?.length ? { unseenClasses: parts.unseenClasses } : {}),
    candidate: section(compare.candidate, parts.candidateInfo),
    baseline: compare.baseline && parts.baselineInfo ? section(compare.baseline, parts.baselineInfo) : null,
    deltas,
    latency: latency && first
      ? {
        clock: latency.clock,
        batchSize: first.batchSize,
        rowsPerCall: first.rowsPerCall,
        candidate: first.candidate,
        baseline: first.baseline ?? null,
        ratio: first.ratio ?? null,
        bySize: latency.sizes,
        rounds: latency.rounds,
        samplesPerRound: latency.samplesPerRound,
        warmup: latency.warmup,
        method: 'same process, interleaved A/B calls on the same rows, first mover alternating per round; ratio interval: bootstrap over rounds',
      }
      : null,
    gates,
    slices: compare.slices,
    minSliceSize: parts.minSliceSize,
    cost: compare.cost,
    shownMetrics: compare.shown,
    data: parts.data,
    bootstrap: { ...parts.bootstrap, unit: 'rows', paired: Boolean(compare.baseline), interval: 'expanded-percentile', minRows: minPairedUnits(parts.bootstrap.confidence) },
    ...(featureChanges && (featureChanges.added.length || featureChanges.removed.length) ? { featureChanges } : {}),
    environment: parts.environment,
  };
}

