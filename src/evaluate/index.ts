/**
 * Evaluation: metrics (scikit-learn definitions), paired bootstrap intervals, slices, business
 * cost, an interleaved latency benchmark, gates, the JSON result and the markdown report.
 */
export { METRICS, metricDefinition, metricsForTask, canonicalMetricName, improvement } from './metrics/definitions.ts';
export type { Task, Direction, MetricDefinition } from './metrics/definitions.ts';
export { prepareClassification, ECE_BINS } from './metrics/classification.ts';
export type { ClassificationData, ClassificationEvaluator, ClassScores, CalibrationBin } from './metrics/classification.ts';
export { prepareRegression } from './metrics/regression.ts';
export type { RegressionData, RegressionEvaluator } from './metrics/regression.ts';
export { pairedBootstrap, percentileInterval, quantile, quantileSorted, resampleCounts } from './bootstrap.ts';
export type { Interval, BootstrapOptions, PairedBootstrapResult, WeightedMetrics } from './bootstrap.ts';
export { createRandom } from './random.ts';
export type { Random } from './random.ts';
export { compareModels, shownMetrics } from './compare.ts';
export type { CompareInput, CompareResult, ModelOutputs, CostSettings, SliceColumn, SliceResult, ModelMetrics } from './compare.ts';
export { benchmarkLatency, ratioIntervals, LATENCY_PERCENTILES } from './latency.ts';
export type { Predictor, LatencyOptions, LatencyResult, LatencySizeResult, LatencyStats, LatencyClock, LatencyPercentileName } from './latency.ts';
export { evaluateGates, checkGateConfig, gateName } from './gates.ts';
export type { GateResult, GateStatus, GateScope, GateInputs } from './gates.ts';
export { buildReport } from './result.ts';
export type { EvaluationReport, ModelSection, ModelInfo, LatencyJson, ReportParts } from './result.ts';
export { runEvaluation, checkCompatible, modelPredictor, sliceValues } from './run.ts';
export type { EvaluateRunOptions } from './run.ts';
export { renderEvaluationReport, renderFullEvaluationReport, COMMENT_LIMIT } from './report.ts';
export type { ReportContext } from './report.ts';
