/**
 * `mlops evaluate` without the CLI: loads both model directories into one tfjs backend, reads the
 * golden test set once, predicts, compares (metrics, paired intervals, slices, cost), benchmarks
 * latency (both models in this process, interleaved) and judges the gates.
 */
import { existsSync } from 'node:fs';
import { InputError } from '../core/errors.ts';
import { didYouMean } from '../core/names.ts';
import { cellText, isGlob, readTable } from '../table/index.ts';
import type { ColumnDecoding, NumberForm, ReadOptions, Table } from '../table/types.ts';
import { loadBackend, type LoadedBackend } from '../train/backend.ts';
import { atConfigLine, configLocation, type MlopsConfig } from '../train/config.ts';
import { loadModel, readRunRecord } from '../train/model-dir.ts';
import { exists } from '../core/fs.ts';
import { startExternalModel, type EvaluatedModel } from './external.ts';
import { encodeLabels, sortClasses } from '../train/preprocess.ts';
import { parseNumberText } from '../train/task.ts';
import { join } from 'node:path';
import { compareModels, shownMetrics, type ModelOutputs, type SliceColumn } from './compare.ts';
import { checkGateConfig, evaluateGates, type GateScope } from './gates.ts';
import { benchmarkLatency, type LatencyClock, type LatencyResult, type Predictor } from './latency.ts';
import type { Task } from './metrics/definitions.ts';
import { buildReport, type EvaluationReport, type ModelInfo } from './result.ts';

export { buildReport } from './result.ts';
export type { EvaluationReport, ModelInfo, ModelSection, LatencyJson, ReportParts } from './result.ts';

export interface EvaluateRunOptions {
  config: MlopsConfig;
  candidateDir: string;
  baseline?: { dir: string; ref?: string; name?: string; version?: string } | null;
  /** Test data file; default config.data.test. */
  dataPath?: string;
  /** Skip the latency benchmark (latency gates are then skipped). */
  latency?: boolean;
  /** Latency clock (default wall; see docs/evaluation.md). */
  latencyClock?: LatencyClock;
  backend?: MlopsConfig['train']['backend'];
  /** Progress messages (stderr). */
  log?: (message: string) => void;
  /** A loaded backend to reuse (tests). */
  loadedBackend?: LoadedBackend;
  /**
   * Where external models' predictCommand runs when the config has no file (built-in defaults);
   * default: the defaults' directory. With an mlops.yaml it always runs in that file's directory,
   * where train.command runs, so relative script paths in both commands mean the same files.
   */
  cwd?: string;
  /** Environment of external models' serving processes (default: this process's). */
  env?: Record<string, string | undefined>;
}

/**
 * Loads a model directory for evaluation: a TensorFlow.js model (model.json), or an external
 * model served by the `predictCommand` its run.json records (src/evaluate/external.ts).
 */
export async function loadEvaluatedModel(dir: string, tf: () => Promise<Parameters<typeof loadModel>[1]>, options: { cwd: string; log?: (line: string) => void; env?: Record<string, string | undefined> }): Promise<EvaluatedModel> {
  if (await exists(join(dir, 'model.json'))) return loadModel(dir, await tf());
  const run = await readRunRecord(dir);
  if (run?.trainer === 'external') {
    const command = run.predictCommand;
    if (typeof command === 'string' && command !== '') return startExternalModel(dir, command, options);
    throw new InputError(`this model was trained by an external command and run.json names no predictCommand, so mlops cannot run it: set train.predictCommand in mlops.yaml and train again (docs/evaluation.md, "Models trained by an external command")`, { file: join(dir, 'run.json'), key: 'predictCommand' });
  }
  return loadModel(dir, await tf());
}

async function modelInfo(dir: string, model: EvaluatedModel, extra: Partial<ModelInfo> = {}): Promise<ModelInfo> {
  const run = await readRunRecord(dir);
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const git = (run?.git ?? {}) as { commit?: unknown };
  const backendField = run?.backend as { name?: unknown } | string | undefined;
  const info: ModelInfo = { dir, featureNames: model.featureNames };
  const commit = str(git.commit) ?? str(run?.commit);
  const trainedAt = str(run?.finishedAt) ?? str(run?.startedAt);
  const backend = typeof backendField === 'string' ? backendField : str(backendField?.name);
  const weights = str((run?.weights as { sha256?: unknown } | undefined)?.sha256);
  if (commit) info.commit = commit;
  if (trainedAt) info.trainedAt = trainedAt;
  if (backend) info.backend = backend;
  if (weights) info.weightsSha256 = weights;
  return { ...info, ...extra };
}

/**
 * Candidate and baseline must answer the same question: same task, label and classes. Their
 * features may differ (a pull request may add one) as long as the test data has all of them.
 */
export function checkCompatible(candidate: EvaluatedModel, baseline: EvaluatedModel, candidateDir: string, baselineDir: string): { added: string[]; removed: string[] } {
  // A TensorFlow.js model states its label in preprocessing.json; an external trainer's model has
  // none, and its run record is where the baseline's task and label are written.
  const spec = join(baselineDir, 'preprocessing.json');
  const where = { file: existsSync(spec) ? spec : join(baselineDir, 'run.json') };
  if (candidate.task !== baseline.task) {
    throw new InputError(`incompatible models: the candidate (${candidateDir}) is ${candidate.task}, the baseline is ${baseline.task}`, { ...where, key: 'label.task' });
  }
  if (candidate.labelName !== baseline.labelName) {
    throw new InputError(`incompatible models: the candidate predicts '${candidate.labelName}', the baseline '${baseline.labelName}'`, { ...where, key: 'label.name' });
  }
  if (candidate.classes.join('\u0000') !== baseline.classes.join('\u0000')) {
    const onlyC = candidate.classes.filter((c) => !baseline.classes.includes(c));
    const onlyB = baseline.classes.filter((c) => !candidate.classes.includes(c));
    throw new InputError(
      `incompatible models: different classes (candidate only: ${onlyC.join(', ') || '—'}; baseline only: ${onlyB.join(', ') || '—'})`,
      { ...where, key: 'label.classes' },
    );
  }
  return {
    added: candidate.featureNames.filter((f) => !baseline.featureNames.includes(f)),
    removed: baseline.featureNames.filter((f) => !candidate.featureNames.includes(f)),
  };
}

/** How to read the test data for these models: the decoding of each column, and the local number forms their specs record. */
function readOptionsFor(models: EvaluatedModel[]): ReadOptions {
  const decoding: Record<string, ColumnDecoding> = {};
  const numberForms: Record<string, NumberForm> = {};
  for (const model of models) {
    for (const f of model.preprocessing.features) {
      // Numeric features decoded as numbers: preprocessing then reads the column without parsing per call,
      // which is what a serving process that receives typed rows pays.
      const want: ColumnDecoding = f.kind === 'numeric' ? 'number' : 'string';
      decoding[f.name] = decoding[f.name] && decoding[f.name] !== want ? 'string' : want;
      if (f.kind === 'numeric' && f.numberForm) numberForms[f.name] = f.numberForm;
    }
    decoding[model.labelName] = model.task === 'regression' ? 'number' : 'string';
    if (model.preprocessing.label.numberForm) numberForms[model.labelName] = model.preprocessing.label.numberForm;
  }
  const options: ReadOptions = { decoding };
  if (Object.keys(numberForms).length > 0) options.numberForms = numberForms;
  // The models' missing-value texts, so `NA` is null here as it was in training (the union, when a
  // candidate's schema added markers: a marker reads as null for both models).
  const markers = [...new Set(models.flatMap((m) => m.preprocessing.missingValues ?? ['']))];
  if (!(markers.length === 1 && markers[0] === '')) options.missingValues = markers;
  const own: Record<string, string[]> = {};
  for (const m of models) {
    for (const [name, texts] of Object.entries(m.preprocessing.fieldMissingValues ?? {})) own[name] = [...new Set([...(own[name] ?? []), ...texts])];
  }
  if (Object.keys(own).length > 0) options.fieldMissingValues = own;
  return options;
}

function checkColumns(table: Table, model: EvaluatedModel, which: string, dataPath: string): void {
  const missing = model.featureNames.filter((f) => !table.fieldNames.includes(f));
  if (missing.length > 0) {
    throw new InputError(`the test data lacks feature column(s) ${missing.map((m) => `'${m}'${didYouMean(m, table.fieldNames)}`).join(', ')} needed by the ${which}`, { file: dataPath, key: missing[0] });
  }
  if (!table.fieldNames.includes(model.labelName)) {
    throw new InputError(`the test data has no label column '${model.labelName}'${didYouMean(model.labelName, table.fieldNames)}`, { file: dataPath, key: model.labelName });
  }
}

/**
 * Whether `evaluate.positiveClass` is the first class of a binary model (whose output is the
 * probability of the second), so that the classes must swap; exit 2 when it names no class or the
 * task is not binary.
 */
function positiveFirst(positiveClass: string | null, task: string, classes: string[], config: MlopsConfig): boolean {
  if (positiveClass === null) return false;
  const where = configLocation(config, 'evaluate.positiveClass');
  if (task !== 'binary') throw new InputError(`evaluate.positiveClass applies to binary classification; this model's task is ${task}`, where);
  if (!classes.includes(positiveClass)) throw new InputError(`evaluate.positiveClass '${positiveClass}' is not a class of the model (classes: ${classes.join(', ')})`, where);
  return positiveClass === classes[0];
}

/** Swaps the two probability columns of a binary model's outputs in place. */
function swapColumns(outputs: ModelOutputs): void {
  const p = outputs.proba!;
  for (let i = 0; i < p.length; i += 2) {
    const t = p[i]!;
    p[i] = p[i + 1]!;
    p[i + 1] = t;
  }
}

/**
 * Adds `extra` probability columns of 0 to a model's n×K outputs: the classes of the test data the
 * model never saw, which it gives no probability and never predicts.
 */
function widenColumns(outputs: ModelOutputs, width: number, extra: number): void {
  if (extra === 0 || !outputs.proba) return;
  const p = outputs.proba;
  const n = p.length / width;
  const out = new Float64Array(n * (width + extra));
  for (let i = 0; i < n; i++) out.set(p.subarray(i * width, (i + 1) * width), i * (width + extra));
  outputs.proba = out;
}

async function outputsOf(model: EvaluatedModel, table: Table, keep: Int32Array | null, which: string): Promise<ModelOutputs> {
  const prediction = await model.predict(table);
  const pick = (a: Float64Array, width: number) => {
    if (!keep) return a;
    const out = new Float64Array(keep.length * width);
    for (let j = 0; j < keep.length; j++) for (let k = 0; k < width; k++) out[j * width + k] = a[keep[j] * width + k];
    return out;
  };
  const outputs: ModelOutputs = model.task === 'regression'
    ? { values: pick(prediction.values!, 1) }
    : { proba: pick(prediction.probabilities!, model.classes.length) };
  checkFinite(outputs, model.task === 'regression' ? 1 : model.classes.length, table, keep, which);
  return outputs;
}

/**
 * Exit 2 when a model's outputs hold NaN or ±Infinity (weights that diverged in training, a feature
 * value that overflows): no metric can score such a row, and a NaN metric skips its gates, so a
 * broken candidate would pass every gate on the metric it broke. Names the first row's line.
 */
function checkFinite(outputs: ModelOutputs, width: number, table: Table, keep: Int32Array | null, which: string): void {
  const values = outputs.values ?? outputs.proba!;
  const rows = values.length / width;
  let bad = 0;
  let first = -1;
  for (let j = 0; j < rows; j++) {
    for (let k = 0; k < width; k++) {
      if (Number.isFinite(values[j * width + k])) continue;
      if (first < 0) first = j;
      bad++;
      break;
    }
  }
  if (bad === 0) return;
  const row = keep ? keep[first]! : first;
  const line = table.lines[row];
  const value = values.subarray(first * width, (first + 1) * width).find((v) => !Number.isFinite(v));
  throw new InputError(
    `the ${which} predicts ${value} for this row${bad > 1 ? ` and ${bad - 1} more of the ${rows} test rows` : ''}: a prediction that is not a number cannot be scored (weights that diverged in training, or a feature value out of range)`,
    { file: table.path, ...(line !== undefined && line > 0 ? { line } : { key: `row ${row + 1}` }) },
  );
}

/** A {@link Predictor} over a loaded model: preprocessing + inference of rows of the test table. */
export function modelPredictor(model: EvaluatedModel, table: Table): Predictor {
  return { predict: (start, count) => model.predict(table, start, count) };
}

/** Runs the whole evaluation; returns the report document (exit code = passed ? 0 : 1). */
export async function runEvaluation(options: EvaluateRunOptions): Promise<EvaluationReport> {
  const { config } = options;
  const log = options.log ?? (() => {});
  const settings = config.evaluate;
  const dataPath = options.dataPath ?? config.data.test;
  if (!dataPath) throw new InputError('no test data: pass --data <file> or set data.test in mlops.yaml', configLocation(config, 'data.test'));
  if (isGlob(dataPath) && !(await exists(dataPath))) {
    // Error rows cite file:line, so the golden set is one file (shards: concatenate them first).
    throw new InputError('the test set is one file, not a pattern: concatenate the shards into one golden file (globs are for data.train and drift data)', { file: dataPath, key: options.dataPath ? undefined : 'data.test' });
  }

  // TensorFlow.js loads only for models that need it: two served external models never touch it.
  let backend: LoadedBackend | undefined = options.loadedBackend;
  const tf = async () => {
    if (!backend) {
      backend = await loadBackend(options.backend ?? config.train.backend);
      log(`backend: ${backend.backend} (${backend.device})`);
    }
    return backend.tf;
  };
  const load = (dir: string) => loadEvaluatedModel(dir, tf, { cwd: config.configPath ? config.configDir : options.cwd ?? config.configDir, log, ...(options.env ? { env: options.env } : {}) });
  const candidate = await load(options.candidateDir);
  let baseline: EvaluatedModel | undefined;
  try {
    baseline = options.baseline ? await load(options.baseline.dir) : undefined;
  } catch (error) {
    candidate.dispose();
    throw error;
  }
  try {
    const task = candidate.task as Task;
    // Configuration errors first, before any expensive work.
    atConfigLine(config, () => {
      checkGateConfig(settings.gates, task, config.configPath ?? undefined, Boolean(settings.cost));
      shownMetrics(task, settings.metrics, Boolean(settings.cost), config.configPath ?? undefined);
    });
    for (const [index, gate] of settings.gates.entries()) {
      if (gate.kind === 'latency' && gate.batchSize !== undefined && !settings.latency.batchSizes.includes(gate.batchSize)) {
        throw new InputError(`latency gate batch size ${gate.batchSize} is not in evaluate.latency.batchSizes (${settings.latency.batchSizes.join(', ')})`, configLocation(config, `evaluate.gates[${index}].batchSize`));
      }
    }
    // A cost of the other kind has nothing to compute: the metric was NaN or undefined, its gates
    // skipped or failed on "cost = undefined".
    if (task === 'regression' && settings.cost?.matrix) {
      throw new InputError('evaluate.cost.matrix is for classifiers; a regression model\'s cost is perUnitError (cost per unit of absolute error)', configLocation(config, 'evaluate.cost.matrix'));
    }
    if (task !== 'regression' && settings.cost?.perUnitError !== undefined) {
      throw new InputError(`evaluate.cost.perUnitError is for regression; a ${task} model's cost is a matrix (rows = true class, columns = predicted class: ${candidate.classes.join(', ')})`, configLocation(config, 'evaluate.cost.perUnitError'));
    }
    if (task !== 'regression' && settings.cost?.matrix && settings.cost.matrix.length !== candidate.classes.length) {
      throw new InputError(`evaluate.cost.matrix is ${settings.cost.matrix.length}×${settings.cost.matrix.length} but the model has ${candidate.classes.length} classes (${candidate.classes.join(', ')})`, configLocation(config, 'evaluate.cost.matrix'));
    }
    const featureChanges = baseline ? checkCompatible(candidate, baseline, options.candidateDir, options.baseline!.dir) : undefined;

    const models = baseline ? [candidate, baseline] : [candidate];
    // Each slice column with the config key that names it (evaluate.slices[i] or a gate's slice).
    const sliceKeys = new Map<string, string>();
    settings.slices.forEach((column, i) => sliceKeys.set(column, `evaluate.slices[${i}]`));
    settings.gates.forEach((g, i) => {
      if (g.kind === 'metric' && g.slice) {
        const column = g.slice.slice(0, g.slice.indexOf('='));
        if (!sliceKeys.has(column)) sliceKeys.set(column, `evaluate.gates[${i}].slice`);
      }
    });
    const sliceColumns = [...sliceKeys.keys()];
    const table = await readTable(dataPath, readOptionsFor(models));
    if (table.length === 0) throw new InputError('the test set is empty: nothing to evaluate', { file: dataPath });
    checkColumns(table, candidate, 'candidate', dataPath);
    if (baseline) checkColumns(table, baseline, 'baseline', dataPath);
    for (const column of sliceColumns) {
      if (!table.fieldNames.includes(column)) {
        const key = sliceKeys.get(column)!;
        throw new InputError(`slice column '${column}' is not in the test data${didYouMean(column, table.fieldNames)} (columns: ${table.fieldNames.join(', ')})`, config.configPath ? configLocation(config, key) : { file: dataPath, key });
      }
    }

    const labelColumn = table.columns[table.fieldNames.indexOf(candidate.labelName)];
    const truthRows = scoredRows(candidate, table, labelColumn);
    const { keepList, unseenClasses, unseenRows } = truthRows;
    if (keepList.length === 0) throw new InputError(`no test row has a usable '${candidate.labelName}' label`, { file: dataPath, key: candidate.labelName });
    const excluded = table.length - keepList.length;
    if (excluded > 0) log(`warning: ${excluded} test row(s) have ${task === 'regression' ? 'a missing or non-numeric' : 'no'} '${candidate.labelName}' label and are not scored`);
    if (unseenRows > 0) {
      log(`warning: ${unseenRows} test row(s) are of ${unseenClasses.length === 1 ? 'a class' : 'classes'} the model never saw in training (${unseenClasses.map((c) => `'${c}'`).join(', ')}): it cannot predict ${unseenClasses.length === 1 ? 'it' : 'them'}, so they count as wrong predictions`);
    }
    const keep = excluded > 0 ? Int32Array.from(keepList) : null;
    let truth: Int32Array | Float64Array;
    if (task === 'regression') {
      truth = Float64Array.from(keepList, (i) => Number(cellText(labelColumn, i)));
    } else {
      truth = truthRows.truth;
    }

    log(`predicting ${keepList.length} rows`);
    const candidateOut = await outputsOf(candidate, table, keep, `candidate (${options.candidateDir})`);
    const baselineOut = baseline ? await outputsOf(baseline, table, keep, `baseline (${options.baseline!.dir})`) : undefined;
    const slices: SliceColumn[] = sliceColumns.map((name) => {
      const column = table.columns[table.fieldNames.indexOf(name)];
      const texts = keepList.map((i) => cellText(column, i));
      return { name, values: sliceValues(texts) };
    });
    const positive = positiveFirst(settings.positiveClass, task, candidate.classes, config);
    const modelClasses = positive ? [...candidate.classes].reverse() : candidate.classes;
    if (positive) {
      // Binary metrics are about the second class: put the configured positive class there
      // (unseen classes, after the model's two, keep their place).
      truth = Int32Array.from(truth, (t) => (t < 2 ? 1 - t : t));
      swapColumns(candidateOut);
      if (baselineOut) swapColumns(baselineOut);
    }
    // Unseen classes follow the model's: columns of probability 0 that are never predicted.
    const classes = [...modelClasses, ...unseenClasses];
    widenColumns(candidateOut, modelClasses.length, unseenClasses.length);
    if (baselineOut) widenColumns(baselineOut, modelClasses.length, unseenClasses.length);
    const ordered = positive && settings.cost?.matrix ? { ...settings.cost, matrix: settings.cost.matrix.map((row) => [...row].reverse()).reverse() } : settings.cost;
    const cost = ordered?.matrix && unseenClasses.length > 0 ? { ...ordered, matrix: withUnseenRows(ordered.matrix, unseenClasses.length) } : ordered;
    const compare = atConfigLine(config, () => compareModels({
      task,
      ...(task === 'regression' ? {} : { classes }),
      truth,
      candidate: candidateOut,
      baseline: baselineOut,
      cost,
      slices,
      minSliceSize: settings.minSliceSize,
      metrics: settings.metrics,
      sliceMetrics: settings.gates.flatMap((g) => (g.kind === 'metric' && g.slice ? [g.metric] : [])),
      bootstrap: settings.bootstrap,
    }));
    for (const [index, gate] of settings.gates.entries()) {
      if (gate.kind === 'metric' && gate.slice && !compare.slices.some((s) => `${s.column}=${s.value}` === gate.slice)) {
        throw new InputError(`gate slice '${gate.slice}' matches no test row`, configLocation(config, `evaluate.gates[${index}].slice`));
      }
    }

    let latency: LatencyResult | null = null;
    if (options.latency !== false) {
      log(`latency (${options.latencyClock ?? 'wall'} clock): ${settings.latency.rounds} interleaved rounds × ${settings.latency.samplesPerRound} calls per batch size ${settings.latency.batchSizes.join(', ')}`);
      const clock = options.latencyClock ?? 'wall';
      latency = await benchmarkLatency(modelPredictor(candidate, table), baseline ? modelPredictor(baseline, table) : undefined, {
        rows: table.length,
        clock,
        ...settings.latency,
        resamples: settings.bootstrap.resamples,
        confidence: settings.bootstrap.confidence,
        seed: settings.bootstrap.seed,
      });
    }

    const overall: GateScope = {
      n: compare.n,
      candidate: compare.candidate.intervals,
      ...(compare.baseline ? { baseline: compare.baseline.intervals, deltas: compare.deltas } : {}),
      ...(compare.undefinedMetrics ? { undefinedMetrics: compare.undefinedMetrics } : {}),
    };
    const sliceScopes = new Map<string, GateScope>(compare.slices.map((s) => [`${s.column}=${s.value}`, { n: s.n, small: s.small, candidate: s.candidate, baseline: s.baseline, deltas: s.deltas, undefinedMetrics: s.undefinedMetrics }]));
    const gates = evaluateGates(settings.gates, { task, overall, slices: sliceScopes, latency, hasBaseline: Boolean(baseline), minSliceSize: settings.minSliceSize, confidence: settings.bootstrap.confidence });

    const candidateInfo = await modelInfo(options.candidateDir, candidate);
    const baselineInfo = baseline ? await modelInfo(options.baseline!.dir, baseline, dropUndefined({ ref: options.baseline!.ref, name: options.baseline!.name, version: options.baseline!.version })) : undefined;
    return buildReport({
      name: config.name,
      compare,
      latency,
      gates,
      candidateInfo,
      baselineInfo,
      minSliceSize: settings.minSliceSize,
      data: {
        path: dataPath, rows: table.length, evaluatedRows: keepList.length, excludedRows: excluded,
        ...(excluded ? { excludedReason: `${task === 'regression' ? 'missing or non-numeric' : 'missing'} '${candidate.labelName}' label` } : {}),
        ...(unseenRows ? { unseenClassRows: unseenRows } : {}),
      },
      unseenClasses,
      bootstrap: settings.bootstrap,
      featureChanges,
      environment: backend
        ? { backend: backend.backend, device: backend.device, versions: backend.versions }
        : { backend: 'external (predictCommand)', device: 'the serving processes', versions: {} },
    });
  } finally {
    candidate.dispose();
    baseline?.dispose();
  }
}

/**
 * The test rows that are scored and their truth. A row whose label is missing (empty) says nothing
 * and is left out. For a classifier, a row whose label is a class the model never saw in training
 * is scored: it is an error of the model, which can never predict that class. Such classes get
 * indices after the model's own (`unseenClasses`, sorted as the model's classes are).
 */
export function scoredRows(model: EvaluatedModel, table: Table, labelColumn: Table['columns'][number]): {
  keepList: number[]; truth: Int32Array; unseenClasses: string[]; unseenRows: number;
} {
  const { y, valid } = encodeLabels(model.preprocessing, table);
  const K = model.classes.length;
  const numericClasses = model.task !== 'regression' && model.classes.every((c) => Number.isFinite(parseNumberText(c)));
  const unseenOf = new Map<number, string>();
  const keepList: number[] = [];
  for (let i = 0; i < table.length; i++) {
    if (valid[i]) {
      keepList.push(i);
      continue;
    }
    if (model.task === 'regression') continue;
    const text = cellText(labelColumn, i);
    if (text === null || text.trim() === '') continue;
    // `3.0` and `3` are one class when the model's classes are numbers, as encodeLabels reads them.
    const number = parseNumberText(text);
    unseenOf.set(i, numericClasses && Number.isFinite(number) ? String(number) : text);
    keepList.push(i);
  }
  const unseenClasses = sortClasses([...new Set(unseenOf.values())]);
  const index = new Map(unseenClasses.map((c, k) => [c, K + k]));
  const truth = Int32Array.from(keepList, (i) => (valid[i] ? y[i]! : index.get(unseenOf.get(i)!)!));
  return { keepList, truth, unseenClasses, unseenRows: unseenOf.size };
}

/**
 * A K×K cost matrix extended by `extra` rows and columns for unseen classes. The model never
 * predicts them, so their columns are never used (0); a row of an unseen class costs, for each
 * class predicted, the largest cost that column holds for a wrong prediction.
 */
export function withUnseenRows(matrix: number[][], extra: number): number[][] {
  const K = matrix.length;
  const worst = Array.from({ length: K }, (_, k) => Math.max(0, ...matrix.flatMap((row, t) => (t === k ? [] : [row[k]!]))));
  return [
    ...matrix.map((row) => [...row, ...new Array<number>(extra).fill(0)]),
    ...Array.from({ length: extra }, () => [...worst, ...new Array<number>(extra).fill(0)]),
  ];
}

/** Distinct numeric values above which a numeric slice column is cut into quartile bins. */
const MAX_NUMERIC_SLICE_VALUES = 12;

/**
 * Slice labels per row: the cell text, or — for a numeric column with many distinct values, where
 * one slice per value would be meaningless — its quartile bin, labelled `[low, high)` (the last
 * bin closed). Texts that are not numbers keep their own slice.
 */
export function sliceValues(texts: (string | null)[]): (string | null)[] {
  const numbers = texts.map((t) => (t === null || t.trim() === '' ? Number.NaN : Number(t)));
  const finite = numbers.filter((v) => Number.isFinite(v));
  const distinct = new Set(finite);
  if (finite.length < texts.filter((t) => t !== null).length || distinct.size <= MAX_NUMERIC_SLICE_VALUES) return texts;
  const sorted = Float64Array.from(finite).sort();
  const edges = [0.25, 0.5, 0.75].map((q) => sorted[Math.floor(q * (sorted.length - 1))]);
  const bounds = [...new Set([sorted[0], ...edges, sorted[sorted.length - 1]])];
  const fmt = boundFormat(bounds);
  return numbers.map((v, i) => {
    if (!Number.isFinite(v)) return texts[i];
    let b = 0;
    while (b < bounds.length - 2 && v >= bounds[b + 1]) b++;
    const last = b === bounds.length - 2;
    return `[${fmt(bounds[b])}, ${fmt(bounds[b + 1])}${last ? ']' : ')'}`;
  });
}

/**
 * Formats bin bounds with 4 significant digits when that tells them apart, else exactly: at 4,
 * epoch seconds (1700000000, 1700022300, …) or 10.001…10.0109 printed alike, so bins merged into
 * one slice under a label like `[1700000000, 1700000000)` that no gate could name. (More rounded
 * digits would tell them apart but print a bound that puts rows on the wrong side of it.)
 */
function boundFormat(bounds: number[]): (x: number) => string {
  const short = (x: number) => String(Number(x.toPrecision(4)));
  return new Set(bounds.map(short)).size === bounds.length ? short : String;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
