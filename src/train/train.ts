/**
 * `mlops train` as a library call: data → preprocessing → model → model directory (DESIGN §5).
 * The directory is assembled in a temporary sibling and renamed into place at the end, so a failed
 * run never leaves a half-written or mixed (old weights + new preprocessing) model behind.
 */
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { writeJsonAtomic } from '../core/fs.ts';
import { mergeProfiles, profileFile, writeProfile } from '../profile/index.ts';
import type { DatasetProfile } from '../profile/types.ts';
import { loadBackend, type BackendResolver, type LoadedBackend } from './backend.ts';
import type { BackendName, MlopsConfig, ModelConfig, TrainConfig } from './config.ts';
import { atConfigLine, configLocation, locateConfigError, resolveBatchSize } from './config.ts';
import { checkFeaturesPresent, checkLabelNotFeature, checkLabelPresent, configuredLabel, expandConfigured, loadConfiguredSchema, readTrainingData, resolveFeatures, testOverlapMessage, trainingFiles } from './data.ts';
import { validationMetrics } from './metrics.ts';
import { buildModel, fitModel, seededRandom, shuffleInPlace, type EpochRecord } from './model.ts';
import { MODEL_FILES, saveLayersModel, savePreprocessing, toPrediction, type Prediction } from './model-dir.ts';
import { applyPreprocessing, encodeLabels, fitPreprocessing, labelTexts, sortClasses, type PreprocessingSpec, type Task } from './preprocess.ts';
import type { Table } from '../table/types.ts';
import { openTable } from '../table/index.ts';
import { dataFileRecords, displayPath, gitInfo, type DataFileRecord, type GitInfo } from './run-record.ts';
import { dataReadOptions } from '../schema/index.ts';
import { classCounts, rareClass, resolveClassWeights } from './class-weights.ts';
import { digestFileList, listModelFiles, sha256File } from '../registry/model-hash.ts';
import type { ModelFileEntry } from '../registry/metadata.ts';

export const RUN_FORMAT = 'mlops-run';

export interface RunRecord {
  format: typeof RUN_FORMAT;
  version: 1;
  name: string;
  trainer: 'tfjs' | 'external';
  task: Task | null;
  label: string | null;
  classes: string[];
  features: string[];
  params: {
    /** The tfjs model trained; absent for an external trainer, which describes its own model. */
    model?: ModelConfig;
    /** tfjs: train.* as used. External: what the command was given (MLOPS_SEED, MLOPS_EPOCHS, …). */
    train: TrainConfig | ExternalTrainParams;
    inputs: number | null;
    /** The per-class loss weights used, when train.classWeight is set. */
    classWeights?: Record<string, number>;
  };
  history: EpochRecord[];
  /** Final metrics: validation split (tfjs) or the external trainer's metrics.json. */
  metrics: Record<string, number>;
  epochsRun: number;
  bestEpoch: number | null;
  stoppedEarly: boolean;
  backend: {
    name: string; package: string | null; device: string; gpu: boolean;
    features?: { simd: boolean; threads: boolean }; skipped: string[];
  };
  durations: { totalMs: number; readMs: number; preprocessMs: number; fitMs: number; saveMs: number; profileMs: number };
  samplesPerSecond: number | null;
  /**
   * `validation` counts every labelled validation row; `unseenClass` (present when > 0) those of them
   * whose class no training row has, scored as wrong predictions.
   */
  rows: { read: number; train: number; validation: number; droppedNullLabel: number; unseenClass?: number };
  git: GitInfo;
  data: { train: DataFileRecord[]; test: DataFileRecord[]; schema: DataFileRecord | null };
  config: { path: string | null; sha256: string | null };
  weights: { sha256: string; bytes: number } | null;
  command: string | null;
  /** External models: the command that serves their predictions to `mlops evaluate`. */
  predictCommand?: string | null;
  exitCode: number | null;
  packages: Record<string, string>;
  startedAt: string;
  finishedAt: string;
}

/** The train.* settings an external trainer receives (as MLOPS_* variables), recorded as its params. */
export interface ExternalTrainParams {
  command: string;
  predictCommand: string | null;
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  classWeight: TrainConfig['classWeight'];
}

export interface TrainOptions {
  /** Model directory to write; default `.mlops/models/<name>` under `cwd`. */
  out?: string;
  /** Overrides train.backend. */
  backend?: BackendName;
  nativeDir?: string;
  cwd?: string;
  env?: Record<string, string | undefined>;
  resolver?: BackendResolver;
  onEpoch?: (record: EpochRecord, total: number) => void;
  /** How `backend` was given, named when it cannot load (default: the CLI's `--backend`). */
  backendKey?: string;
  /** How `out` was given, named in messages about it (default: the CLI's `--out`). */
  outSetting?: OutSetting;
  /** Human progress lines (stderr). */
  log?: (line: string) => void;
  /** Where an external trainer's stdout/stderr go (default: `log`). */
  commandOutput?: (chunk: string) => void;
}

export interface TrainResult {
  modelDir: string;
  run: RunRecord;
  /** 0, or the external trainer's non-zero exit status (then no model directory was written). */
  exitCode: number;
  /** The signal that ended the external trainer (`SIGKILL` from the out-of-memory killer), when one did. */
  signal?: NodeJS.Signals;
  /** The external trainer was stopped because mlops train received `signal` (Ctrl-C, `timeout`, a cancelled job). */
  interrupted?: boolean;
  backend: LoadedBackend | null;
}

export const MLOPS_VERSION = '0.1.0';

/** What a model directory must never replace: the working directory and mlops.yaml. */
function protectedPaths(config: MlopsConfig, cwd: string): string[] {
  return [cwd, ...(config.configPath ? [config.configPath] : [])];
}

/**
 * MLOPS_NATIVE_DIR (when no native directory is given) must be a directory: backend auto skips a
 * native package it cannot find there, so a mistyped path in a runner image would train on wasm
 * with no word said (as `--native-dir` is checked by the CLI).
 */
async function checkNativeDirEnv(options: TrainOptions): Promise<void> {
  const dir = options.nativeDir === undefined ? (options.env ?? process.env).MLOPS_NATIVE_DIR : undefined;
  if (!dir) return;
  const info = await stat(resolve(options.cwd ?? process.cwd(), dir)).catch(() => null);
  if (!info?.isDirectory()) {
    throw new InputError(`MLOPS_NATIVE_DIR '${dir}' is not a directory (it should hold node_modules/@tensorflow/tfjs-node or -gpu): fix or unset it`);
  }
}

/** Default output directory of `mlops train`. */
export function defaultModelDir(config: MlopsConfig, cwd: string): string {
  return resolve(cwd, '.mlops', 'models', config.name);
}

async function makeStaging(out: string, setting: OutSetting = CLI_OUT): Promise<string> {
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}-${Date.now().toString(36)}`);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
  } catch (error) {
    // A read-only checkout, another user's directory on a self-hosted runner: the user's to change.
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new InputError(`cannot create the model directory there (${code}): choose another ${setting.phrase}`, { file: out, key: setting.key }, { cause: error });
  }
  return staging;
}

/** How the output path was given, for messages: its key and how to name it in a sentence. */
export interface OutSetting {
  key: string;
  phrase: string;
}
const CLI_OUT: OutSetting = { key: '--out', phrase: '--out' };

/**
 * Refuses an output path whose current content mlops did not write: publishing replaces the whole
 * directory, so `--out data` or `--out mlops.yaml` would otherwise delete the user's files. What
 * may be replaced is nothing, an empty directory, or a model directory (its run.json is a run
 * record), and never a directory that holds the working directory or mlops.yaml.
 */
export async function checkOutputDir(out: string, protect: string[] = [], setting: OutSetting = CLI_OUT): Promise<void> {
  const where = { file: out, key: setting.key };
  const another = `choose another ${setting.phrase}`;
  for (const path of protect) {
    const rel = relative(out, path);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new InputError(`the model directory would replace ${path}, which holds the project: ${another}`, where);
    }
  }
  let info;
  try {
    info = await stat(out);
  } catch (error) {
    // A path through a file (`--out mlops.yaml/model`) can hold no directory.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new InputError(`${await fileAbove(out)} is a file, not a directory: ${another}`, where);
    return;
  }
  if (!info.isDirectory()) throw new InputError(`the output path is a file, not a model directory: refusing to replace it (${another})`, where);
  const entries = await readdir(out);
  if (entries.length === 0) return;
  let record: unknown = null;
  try {
    record = JSON.parse(await readFile(join(out, MODEL_FILES.run), 'utf8'));
  } catch {
    // not a model directory: refused below
  }
  if (record === null || typeof record !== 'object' || (record as { format?: unknown }).format !== RUN_FORMAT) {
    throw new InputError(`the output directory is not empty and is not a model directory (no run.json of a training run): refusing to replace its ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (${another}, or remove it first)`, where);
  }
}

/** The nearest existing path above `path` (the file that a path through a file runs into). */
async function fileAbove(path: string): Promise<string> {
  let at = dirname(path);
  while (dirname(at) !== at && !(await stat(at).catch(() => null))) at = dirname(at);
  return at;
}

/**
 * Moves the finished staging directory to `out`. The previous model is set aside, not deleted,
 * until the new one is in place: a failure in between puts it back rather than leaving nothing.
 */
async function publish(staging: string, out: string, protect: string[], setting?: OutSetting): Promise<void> {
  // Checked again: the directory may have changed while the model trained.
  await checkOutputDir(out, protect, setting);
  const previous = `${staging}.previous`;
  let moved = false;
  try {
    await rename(out, previous);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(staging, out);
  } catch (error) {
    if (moved) await rename(previous, out).catch(() => {});
    throw error;
  }
  if (moved) await rm(previous, { recursive: true, force: true });
}

async function trainingProfile(files: string[], readOptions: Parameters<typeof profileFile>[1]): Promise<DatasetProfile> {
  const profiles: DatasetProfile[] = [];
  for (const f of files) profiles.push(await profileFile(f, readOptions));
  return profiles.length === 1 ? profiles[0]! : mergeProfiles(profiles);
}

async function commonRecordParts(config: MlopsConfig, cwd: string, trainFiles: string[]) {
  const testFiles = config.data.test ? await expandConfigured(config.data.test, 'data.test', config).catch(() => []) : [];
  return {
    git: await gitInfo(config.configDir),
    data: {
      train: await dataFileRecords(trainFiles, cwd),
      test: await dataFileRecords(testFiles, cwd),
      schema: config.data.schema ? (await dataFileRecords([config.data.schema], cwd))[0]! : null,
    },
    config: { path: config.configPath ? displayPath(config.configPath, cwd) : null, sha256: config.configPath ? (await sha256File(config.configPath)).sha256 : null },
  };
}

function packages(backend: LoadedBackend | null): Record<string, string> {
  return { mlops: MLOPS_VERSION, node: process.versions.node, ...(backend?.versions ?? {}) };
}

/**
 * Trains the model described by `config` and writes its directory. Bad data or config throw
 * {@link InputError} (exit 2). With `train.command` set, runs the external trainer instead.
 */
export async function trainModel(config: MlopsConfig, options: TrainOptions = {}): Promise<TrainResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, options.out ?? defaultModelDir(config, cwd));
  // Before any work: a refused --out should not cost a training run.
  await checkOutputDir(out, protectedPaths(config, cwd), options.outSetting);
  if (config.train.command) {
    // A TensorFlow.js backend means nothing to an external trainer: forcing one (a GPU runner's
    // `backend: tensorflow`) and getting whatever the command does would be a silent surprise.
    if (options.backend !== undefined && options.backend !== 'auto') {
      throw new InputError(`${options.backendKey ? `input '${options.backendKey}'` : '--backend'} ${options.backend} applies to mlops's own TensorFlow.js trainer, and train.command runs an external one: leave it out (the command chooses its device)`, { key: options.backendKey ?? '--backend' });
    }
    if (config.train.backend !== 'auto') {
      throw locateConfigError(config, new InputError(`train.backend: ${config.train.backend} applies to mlops's own TensorFlow.js trainer, and train.command runs an external one: remove train.backend (the command chooses its device)`, { file: config.configPath ?? undefined, key: 'train.backend' }));
    }
    return runExternalTrainer(config, out, options);
  }
  await checkNativeDirEnv(options);
  const log = options.log ?? (() => {});
  const started = new Date();
  const t0 = performance.now();

  // Loaded first: a forced backend that is not installed fails before minutes of reading data.
  const backend = await loadBackend(options.backend ?? config.train.backend, {
    ...(options.resolver ? { resolver: options.resolver } : {}),
    ...(options.nativeDir ? { nativeDir: options.nativeDir } : {}), cwd, env: options.env ?? process.env,
  }).catch((error: unknown) => {
    // Named where it was chosen: the flag (or the action's input), else mlops.yaml's line.
    if (!(error instanceof InputError)) throw error;
    if (options.backend !== undefined) throw new InputError(error.detail, { key: options.backendKey ?? '--backend' }, { cause: error });
    throw locateConfigError(config, error);
  });
  log(`backend: ${backend.backend} (${backend.package}) on ${backend.device}`);

  const tRead = performance.now();
  const data = await readTrainingData(config);
  const { table } = data;
  if (data.testOverlap) log(data.testOverlap);
  const readMs = performance.now() - tRead;

  // Seeded split: the validation rows are a fixed function of the seed and the row count.
  const t1 = performance.now();
  const order = shuffleInPlace(Int32Array.from({ length: table.length }, (_, i) => i), seededRandom(config.train.seed));
  const nVal = Math.floor(table.length * config.train.validationSplit);
  const valRows = order.slice(0, nVal).sort();
  const trainRows = order.slice(nVal).sort();

  for (const [name, form] of Object.entries(data.detectedForms)) {
    log(`read '${name}' as numbers written with ${form.decimalChar === ',' ? `a decimal comma${form.groupChar ? ` and '${form.groupChar}' groups` : ''}` : `'${form.groupChar}' thousands separators`} (no schema declares it; 'mlops schema infer' writes one that does)`);
  }
  const spec = fitPreprocessing(table, {
    label: data.label, features: data.features, task: config.model.task, maxCategories: config.model.maxCategories,
    kinds: data.kinds, rows: trainRows, numberForms: data.readOptions.numberForms,
    missingValues: data.readOptions.missingValues, fieldMissingValues: data.readOptions.fieldMissingValues,
    ...(config.data.label !== null ? { labelLocation: configLocation(config, 'data.label') } : {}),
    skipEmptyFeatures: config.data.features === null,
    ...(config.data.features ? { featureLocations: Object.fromEntries(config.data.features.map((f, i) => [f, configLocation(config, `data.features[${i}]`)])) } : {}),
    taskLocation: configLocation(config, 'model.task'),
  });
  const features = spec.features.map((f) => f.name);
  const empty = data.features.filter((f) => !features.includes(f));
  if (empty.length > 0) {
    log(`left out ${empty.map((f) => `'${f}'`).join(', ')}: null in every training row (an empty column; data.features lists the features when you want to choose them)`);
  }
  const x = applyPreprocessing(spec, table);
  const labels = encodeLabels(spec, table);
  const width = spec.outputs.length;
  const gather = (rows: Int32Array) => {
    const keep = rows.filter((i) => labels.valid[i] === 1);
    const gx = new Float32Array(keep.length * width);
    const gy = new Float32Array(keep.length);
    keep.forEach((i, r) => {
      gx.set(x.subarray(i * width, (i + 1) * width), r * width);
      gy[r] = labels.y[i]!;
    });
    return { x: gx, y: gy, n: keep.length };
  };
  const trainSet = gather(trainRows);
  const valSet = gather(valRows);
  // The classes are those of the training split: a validation row of a class no training row has
  // (a rare class the split put aside) has a label the model cannot predict. It is scored as a
  // wrong prediction, as evaluate scores such test rows, never left out as if it had no label.
  const unseen = unseenClassRows(spec, table, valRows, labels.valid);
  const droppedNullLabel = table.length - trainSet.n - valSet.n - unseen.rows.length;
  const preprocessMs = performance.now() - t1;

  const { tf } = backend;
  log(`training ${config.model.type} for ${spec.label.task} on ${trainSet.n} rows × ${width} inputs (validation ${valSet.n + unseen.rows.length}${droppedNullLabel > 0 ? `; ${droppedNullLabel} ${droppedNullLabel === 1 ? 'row' : 'rows'} without a label left out` : ''})`);
  if (unseen.rows.length > 0) {
    const n = unseen.rows.length;
    log(`${n} validation ${n === 1 ? 'row is' : 'rows are'} of ${unseen.classes.length === 1 ? 'a class' : 'classes'} no training row has (${unseen.classes.map((c) => `'${c}'`).join(', ')}): the model cannot predict ${unseen.classes.length === 1 ? 'it' : 'them'}, so the validation metrics count ${n === 1 ? 'it as a wrong prediction' : 'them as wrong predictions'} (the per-epoch val_* figures leave ${n === 1 ? 'it' : 'them'} out)`);
  }
  const batchSize = resolveBatchSize(config.train.batchSize, trainSet.n);
  const trainSettings = { ...config.train, batchSize };
  if (config.train.batchSize === 'auto') log(`batch size ${batchSize} (train.batchSize auto, for ${trainSet.n} training rows)`);
  // A batch larger than the data: each epoch is one full batch, as Keras does, rather than a refusal.
  else if (trainSet.n < batchSize) log(`train.batchSize ${batchSize} exceeds the ${trainSet.n} training rows: each epoch is one batch of ${trainSet.n} rows, one gradient step (set a smaller train.batchSize, or auto, for more steps)`);

  const counts = spec.label.task === 'regression' ? new Map<string, number>() : classCounts(spec.label, trainSet.y);
  const rare = config.train.classWeight === 'none' ? rareClass(counts) : null;
  if (rare) log(`'${rare.name}' is ${(100 * rare.share).toFixed(1)}% of the training rows: accuracy can look high while the model ignores it (set train.classWeight: balanced, and gate on balanced_accuracy or its recall with evaluate.positiveClass)`);
  // Its errors name the line and column of train.classWeight (or of the unknown class's entry).
  const classWeights = atConfigLine(config, () => resolveClassWeights(config.train.classWeight, spec.label, counts, config.configPath ?? undefined));
  if (classWeights) log(`class weights (train.classWeight ${typeof config.train.classWeight === 'string' ? config.train.classWeight : 'mapping'}): ${spec.label.classes.map((c, i) => `${c} ${Number(classWeights[i]!.toPrecision(4))}`).join(', ')}`);
  const model = buildModel(tf, { task: spec.label.task, inputs: width, classes: spec.label.classes.length }, config.model, config.train, classWeights);
  let fit;
  let weights: Uint8Array;
  let metrics: Record<string, number> = {};
  const staging = await makeStaging(out, options.outSetting);
  let saveMs = 0;
  let profileMs = 0;
  try {
    const oneHotTargets = classWeights && spec.label.task === 'multiclass' ? spec.label.classes.length : 0;
    fit = await fitModel(tf, model, { ...trainSet, width, validation: valSet }, spec.label.task, trainSettings, options.onEpoch, spec.label.std ?? 1, oneHotTargets);
    if (fit.divergedAt !== null) {
      // A model of NaN weights predicts NaN: it must not replace a model (nor be registered).
      const loss = fit.history[fit.history.length - 1]!.loss;
      throw new InputError(`training diverged: the loss of epoch ${fit.divergedAt} is ${Number.isNaN(loss) ? 'not a number (NaN)' : 'infinite'}, so the weights overflowed and no model was written: lower train.learningRate (${config.train.learningRate}), or look for extreme values in the features`,
        configLocation(config, 'train.learningRate'));
    }
    if (valSet.n + unseen.rows.length > 0) {
      const scored = unseen.rows.length > 0 ? withUnseenRows(valSet, unseen, x, width) : valSet;
      const raw = tf.tidy(() => (model.predict(tf.tensor2d(scored.x, [scored.n, width])) as ReturnType<typeof tf.tensor2d>).dataSync());
      const prediction = widenPrediction(toPrediction(spec, Float64Array.from(raw), scored.n), spec.label.classes.length, unseen.classes.length);
      const truth = spec.label.task === 'regression' ? Array.from(scored.y, (v) => v * spec.label.std! + spec.label.mean!) : scored.y;
      metrics = validationMetrics(prediction, truth, [...spec.label.classes, ...unseen.classes]);
    }
    const t2 = performance.now();
    weights = await saveLayersModel(tf, model, staging);
    await savePreprocessing(staging, spec);
    saveMs = performance.now() - t2;
    const t3 = performance.now();
    await writeProfile(join(staging, MODEL_FILES.profile), await trainingProfile(data.files, data.readOptions));
    profileMs = performance.now() - t3;

    const common = await commonRecordParts(config, cwd, data.files);
    const run: RunRecord = {
      format: RUN_FORMAT, version: 1, name: config.name, trainer: 'tfjs',
      task: spec.label.task, label: spec.label.name, classes: spec.label.classes, features,
      params: {
        model: config.model, train: { ...trainSettings, backend: options.backend ?? config.train.backend }, inputs: width,
        ...(classWeights ? { classWeights: Object.fromEntries(spec.label.classes.map((c, i) => [c, classWeights[i]!])) } : {}),
      },
      history: fit.history, metrics, epochsRun: fit.epochsRun, bestEpoch: fit.bestEpoch, stoppedEarly: fit.stoppedEarly,
      backend: {
        name: backend.backend, package: backend.package, device: backend.device, gpu: backend.gpu,
        ...(backend.features ? { features: backend.features } : {}), skipped: backend.skipped,
      },
      durations: {
        totalMs: Math.round(performance.now() - t0), readMs: Math.round(readMs), preprocessMs: Math.round(preprocessMs),
        fitMs: fit.fitMs, saveMs: Math.round(saveMs), profileMs: Math.round(profileMs),
      },
      samplesPerSecond: fit.samplesPerSecond,
      rows: {
        read: table.length, train: trainSet.n, validation: valSet.n + unseen.rows.length, droppedNullLabel,
        ...(unseen.rows.length > 0 ? { unseenClass: unseen.rows.length } : {}),
      },
      ...common,
      weights: { sha256: createHash('sha256').update(weights).digest('hex'), bytes: weights.byteLength },
      command: null, exitCode: 0, packages: packages(backend),
      startedAt: started.toISOString(), finishedAt: new Date().toISOString(),
    };
    await writeJsonAtomic(join(staging, MODEL_FILES.run), run);
    await publish(staging, out, protectedPaths(config, cwd), options.outSetting);
    return { modelDir: out, run, exitCode: 0, backend };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    model.dispose();
  }
}

/** Validation rows whose (non-null) class is not among the model's, and those classes in sorted order. */
function unseenClassRows(spec: PreprocessingSpec, table: Table, valRows: Int32Array, valid: Uint8Array): { rows: number[]; classes: string[]; truth: number[] } {
  if (spec.label.task === 'regression') return { rows: [], classes: [], truth: [] };
  const texts = labelTexts(spec, table);
  const rows = Array.from(valRows).filter((i) => valid[i] === 0 && texts[i] !== null);
  const classes = sortClasses([...new Set(rows.map((i) => texts[i]!))]);
  const k = spec.label.classes.length;
  return { rows, classes, truth: rows.map((i) => k + classes.indexOf(texts[i]!)) };
}

/** The validation set followed by the rows of unseen classes (their targets index the classes after the model's). */
function withUnseenRows(
  valSet: { x: Float32Array; y: Float32Array; n: number }, unseen: { rows: number[]; truth: number[] }, x: Float32Array, width: number,
): { x: Float32Array; y: Float32Array; n: number } {
  const n = valSet.n + unseen.rows.length;
  const gx = new Float32Array(n * width);
  const gy = new Float32Array(n);
  gx.set(valSet.x);
  gy.set(valSet.y);
  unseen.rows.forEach((i, r) => {
    gx.set(x.subarray(i * width, (i + 1) * width), (valSet.n + r) * width);
    gy[valSet.n + r] = unseen.truth[r]!;
  });
  return { x: gx, y: gy, n };
}

/** Probabilities widened by `extra` columns of 0 for classes the model never saw (never predicted). */
function widenPrediction(prediction: Prediction, k: number, extra: number): Prediction {
  if (extra === 0 || !prediction.probabilities) return prediction;
  const p = prediction.probabilities;
  const n = p.length / k;
  const wide = new Float64Array(n * (k + extra));
  for (let i = 0; i < n; i++) wide.set(p.subarray(i * k, (i + 1) * k), i * (k + extra));
  return { ...prediction, probabilities: wide };
}

// ---------------------------------------------------------------------------------------------
// External trainer
// ---------------------------------------------------------------------------------------------

const NON_FINITE: Record<string, number> = { '\u0000NaN': Number.NaN, '\u0000Infinity': Infinity, '\u0000-Infinity': -Infinity };

/**
 * JSON as Python's json module writes it by default (allow_nan): a NaN metric (roc_auc of a fold
 * with one class) is a bare `NaN`, infinities `Infinity` and `-Infinity`. Those tokens, outside
 * strings, are read as the numbers they name; anything else that is not JSON is an error.
 */
export function parseJsonAllowingNaN(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    let marked = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        marked += c;
        if (c === '\\') marked += text[++i] ?? '';
        else if (c === '"') inString = false;
        continue;
      }
      const token = ['NaN', 'Infinity', '-Infinity'].find((t) => text.startsWith(t, i));
      if (token) {
        marked += `"\\u0000${token}"`;
        i += token.length - 1;
        continue;
      }
      if (c === '"') inString = true;
      marked += c;
    }
    if (marked === text) throw error;
    try {
      return JSON.parse(marked, (_, v: unknown) => (typeof v === 'string' && Object.hasOwn(NON_FINITE, v) ? NON_FINITE[v] : v));
    } catch {
      throw error;
    }
  }
}

function parseMetrics(text: string, file: string, log: (line: string) => void): { metrics: Record<string, number>; history: EpochRecord[]; device: string | null } {
  let value: unknown;
  try {
    value = parseJsonAllowingNaN(text);
  } catch (error) {
    throw new InputError(`metrics.json is not valid JSON (${(error as Error).message})`, { file });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError('metrics.json must hold a JSON object of metric values', { file });
  const flat = value as Record<string, unknown>;
  if (!Object.values(flat.metrics && typeof flat.metrics === 'object' ? flat.metrics as object : flat).some((v) => Number.isFinite(v))) {
    throw new InputError('metrics.json holds no numeric metric (expected e.g. { "accuracy": 0.93 } or { "metrics": { ... } })', { file });
  }
  const obj = value as Record<string, unknown>;
  // Either { accuracy: 0.9, ... } or { metrics: { ... }, history: [ ... ] }.
  const source = obj.metrics && typeof obj.metrics === 'object' ? obj.metrics as Record<string, unknown> : obj;
  const metrics: Record<string, number> = {};
  const nonFinite: string[] = [];
  for (const [k, v] of Object.entries(source)) {
    // Numbers are metrics; other values (a device name, a history list) are the trainer's own notes.
    if (typeof v === 'number' && Number.isFinite(v)) metrics[k] = v;
    else if (typeof v === 'number') nonFinite.push(`${k} (${v})`);
  }
  if (nonFinite.length > 0) {
    const names = nonFinite.length === 1 ? nonFinite[0]! : `${nonFinite.slice(0, -1).join(', ')} and ${nonFinite.at(-1)!}`;
    log(`metrics.json: ${names} ${nonFinite.length === 1 ? 'is not a finite number' : 'are not finite numbers'}: left out`);
  }
  const history = Array.isArray(obj.history) ? externalHistory(obj.history) : [];
  // The trainer alone knows where it ran (e.g. torch's "cuda"); run.json records what it says.
  const device = typeof obj.device === 'string' && obj.device.trim() ? obj.device.trim().slice(0, 200) : null;
  return { metrics, history, device };
}

/**
 * An external trainer's history, as run.json records it: each entry an object of finite numbers
 * (`epoch` defaults to the entry's position). The trainer's other values (null for a diverged
 * loss, text, nested objects) are dropped, so the summary's chart and tables read only numbers.
 */
function externalHistory(entries: unknown[]): EpochRecord[] {
  const history: EpochRecord[] = [];
  entries.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
    const record: Record<string, number> = {};
    for (const [key, value] of Object.entries(entry)) if (typeof value === 'number' && Number.isFinite(value)) record[key] = value;
    record.epoch ??= index + 1;
    history.push(record as unknown as EpochRecord);
  });
  return history;
}

/** The settings an external trainer is given ({@link ExternalTrainParams}); `batchSize: auto` is 256. */
function externalParams(config: MlopsConfig): ExternalTrainParams {
  const { command, predictCommand, seed, epochs, batchSize, learningRate, classWeight } = config.train;
  return { command: command!, predictCommand, seed, epochs, batchSize: resolveBatchSize(batchSize), learningRate, classWeight };
}

/**
 * Why an external trainer produced no model, for the one line that says so: its exit status, or
 * the signal that killed it (SIGKILL is what the kernel's out-of-memory killer sends).
 */
export function externalFailure(result: Pick<TrainResult, 'exitCode' | 'signal' | 'interrupted'>): string {
  if (result.interrupted) return `stopped by ${result.signal}: the external trainer was stopped with it (exit status ${result.exitCode})`;
  if (!result.signal) return `the external trainer exited with status ${result.exitCode}`;
  const oom = result.signal === 'SIGKILL' ? '; the out-of-memory killer sends SIGKILL, so check the memory the trainer used' : '';
  return `the external trainer was killed by ${result.signal} (exit status ${result.exitCode}${oom})`;
}

/** Whether an external trainer's own device name means an accelerator (cuda:0, mps, gpu, xla…). */
export function isAcceleratorDevice(device: string | null): boolean {
  return device !== null && /\b(cuda|gpu|mps|rocm|hip|xla|tpu)\b/i.test(device.replace(/[:_\d]+/g, ' '));
}

/** A line longer than this is logged in pieces (a trainer writing megabytes without a newline). */
const MAX_LINE = 64 * 1024;

/**
 * Passes text that arrives in arbitrary pieces to `log` in whole lines (those of a piece at once,
 * joined by \n): a line ends at \n, \r\n
 * or \r (a progress bar's redraw: each state is a line of the log). `end` logs an unfinished last
 * line.
 */
function lineSplitter(log: (line: string) => void): { push: (chunk: string) => void; end: () => void } {
  let pending = '';
  let afterCR = false;
  let ended = false;
  return {
    push(chunk) {
      let text = chunk;
      // A \r\n cut between two pieces: its \n ends the line the \r already ended.
      if (afterCR && text.startsWith('\n')) text = text.slice(1);
      afterCR = text.endsWith('\r');
      pending += text;
      const parts = pending.split(/\r\n|\r|\n/);
      pending = parts.pop()!;
      // One write for the piece's whole lines (a line per write is 5x slower for a chatty trainer).
      if (parts.length > 0) log(parts.join('\n'));
      while (pending.length > MAX_LINE) {
        log(pending.slice(0, MAX_LINE));
        pending = pending.slice(MAX_LINE);
      }
    },
    end() {
      if (!ended && pending) log(pending);
      ended = true;
      pending = '';
    },
  };
}

/** The signals that stop mlops train, passed on to an external trainer (SIGINT: Ctrl-C; SIGTERM: `timeout`, job cancellation). */
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How long the output an external trainer wrote before it exited may take to be read, when its pipes stay open. */
const TRAINER_OUTPUT_GRACE_MS = 500;

/**
 * Runs `train.command` through the shell with the MLOPS_* environment. The command must leave
 * `metrics.json` and a model file or directory in MLOPS_OUTPUT_DIR; mlops then adds run.json
 * and profile.json. A non-zero exit status is returned as `exitCode` (no directory is published).
 */
export async function runExternalTrainer(config: MlopsConfig, out: string, options: TrainOptions): Promise<TrainResult> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? (() => {});
  // Without a raw sink (a terminal), the output is logged by lines: it arrives in blocks cut
  // anywhere (Python's 8 KiB to a pipe), and each block logged as a line split lines in two.
  const stdoutLines = options.commandOutput ? null : lineSplitter(log);
  const stderrLines = options.commandOutput ? null : lineSplitter(log);
  // Passed on raw (GitHub Actions), output that ends inside a line gets its line end: what mlops
  // writes next (::endgroup::) must start a line to be read as a command.
  let openLine = false;
  const raw = (chunk: string) => {
    if (chunk === '') return;
    openLine = !chunk.endsWith('\n');
    options.commandOutput!(chunk);
  };
  const started = new Date();
  const t0 = performance.now();
  const found = await trainingFiles(config);
  const trainFiles = found.files;
  const overlap = testOverlapMessage(found, config);
  if (overlap) log(overlap);
  const testFiles = config.data.test ? await expandConfigured(config.data.test, 'data.test', config) : [];
  const schema = await loadConfiguredSchema(config);
  const label = configuredLabel(config, schema) ?? '';
  if (label) checkLabelNotFeature(config, label);
  // The columns are checked as mlops's own trainer checks them, before the command starts: a
  // typo would otherwise surface as the trainer's own KeyError, after it loaded the data.
  const header = (await openTable(trainFiles[0]!, schema ? dataReadOptions(schema) : {})).fieldNames;
  // The features mlops's own trainer would use: an id column is not one, whatever the command's own fallback.
  const features = resolveFeatures(config, schema, label, header);
  if (label) checkLabelPresent(config, schema, label, header, trainFiles[0]!);
  checkFeaturesPresent(config, features, header, trainFiles[0]!);
  const staging = await makeStaging(out, options.outSetting);
  const given = externalParams(config);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env ?? process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    MLOPS_TRAIN_DATA: trainFiles[0]!,
    MLOPS_TRAIN_FILES: JSON.stringify(trainFiles),
    MLOPS_TEST_DATA: testFiles[0] ?? '',
    MLOPS_SCHEMA: config.data.schema ?? '',
    MLOPS_LABEL: label,
    MLOPS_FEATURES: JSON.stringify(features),
    MLOPS_OUTPUT_DIR: staging,
    MLOPS_CONFIG: config.configPath ?? '',
    MLOPS_SEED: String(given.seed),
    MLOPS_EPOCHS: String(given.epochs),
    MLOPS_BATCH_SIZE: String(given.batchSize),
    MLOPS_LEARNING_RATE: String(given.learningRate),
    // JSON: "none", "balanced" or {"class": weight} — what scikit-learn's class_weight takes.
    MLOPS_CLASS_WEIGHT: JSON.stringify(given.classWeight),
  });
  log(`running external trainer: ${config.train.command}`);
  let interrupted: NodeJS.Signals | null = null;
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveEnded, fail) => {
    // In a process group of its own, so that a stop reaches the whole command (`cd src && python
    // train.py`: a signal to the shell alone would leave python running). Not on Windows, where
    // detached means a console window of its own and there are no process groups to signal.
    const child = spawn(config.train.command!, {
      shell: true, cwd: config.configDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32',
    });
    // mlops stopped (Ctrl-C, `timeout 2h mlops train`, a cancelled job) stops the trainer: the
    // signal is passed on and mlops waits for the trainer to end, rather than dying and leaving it
    // running, orphaned, on the GPU and writing into a staging directory nobody will publish. A
    // second signal kills it.
    const forward = (signal: NodeJS.Signals) => {
      const sent = interrupted === null ? signal : 'SIGKILL';
      interrupted ??= signal;
      try {
        process.kill(-child.pid!, sent);
      } catch {
        child.kill(sent);
      }
    };
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    const done = (result: { code: number | null; signal: NodeJS.Signals | null }) => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
      stdoutLines?.end();
      stderrLines?.end();
      if (openLine) raw('\n');
      resolveEnded(result);
    };
    child.stdout.setEncoding('utf8').on('data', stdoutLines?.push ?? raw);
    child.stderr.setEncoding('utf8').on('data', stderrLines?.push ?? raw);
    child.on('error', (error) => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
      fail(error);
    });
    let grace: NodeJS.Timeout | undefined;
    child.on('close', (code, signal) => {
      clearTimeout(grace);
      done({ code, signal });
    });
    // A process the trainer leaves running (`tensorboard --logdir runs & python train.py`) inherits
    // its stdout and stderr, which then stay open after the trainer exits: 'close' waits for that
    // process, forever for a server. The trainer's exit ends the run; what its pipes still hold is
    // read for a moment, then they are let go.
    child.on('exit', (code, signal) => {
      grace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        done({ code, signal });
      }, TRAINER_OUTPUT_GRACE_MS).unref();
    });
  });
  // A trainer ended by a signal exits as a shell reports it, 128 + the signal's number: 137 for the
  // out-of-memory killer's SIGKILL (a shell that execs the command, as bash does, leaves that to us).
  // When mlops received the signal, the run was cancelled whatever the trainer did with it (one
  // that saves a checkpoint and exits 0 did not finish), and mlops exits as that signal's number.
  const signal = interrupted ?? ended.signal;
  const exitCode = interrupted ? 128 + (osConstants.signals[interrupted] ?? 15) : ended.code ?? (ended.signal ? 128 + (osConstants.signals[ended.signal] ?? 15) : 1);
  const fitMs = performance.now() - t0;
  try {
    if (exitCode !== 0) {
      await rm(staging, { recursive: true, force: true });
      const run = { format: RUN_FORMAT, command: config.train.command, exitCode } as unknown as RunRecord;
      return { modelDir: out, run, exitCode, backend: null, ...(signal ? { signal } : {}), ...(interrupted ? { interrupted: true } : {}) };
    }
    const metricsFile = join(staging, MODEL_FILES.metrics);
    let text: string;
    try {
      text = await readFile(metricsFile, 'utf8');
    } catch {
      throw new InputError(`the external trainer exited 0 but wrote no ${MODEL_FILES.metrics} in MLOPS_OUTPUT_DIR (command: ${config.train.command})`,
        { file: join(out, MODEL_FILES.metrics), key: 'train.command' });
    }
    const { metrics, history, device } = parseMetrics(text, join(out, MODEL_FILES.metrics), log);
    const produced = (await readdir(staging)).filter((f) => f !== MODEL_FILES.metrics).sort();
    if (produced.length === 0) {
      throw new InputError('the external trainer wrote metrics.json but no model file or directory in MLOPS_OUTPUT_DIR', { file: out, key: 'train.command' });
    }
    const t3 = performance.now();
    const readOptions = schema ? dataReadOptions(schema) : {};
    const profile = await trainingProfile(trainFiles, readOptions);
    await writeProfile(join(staging, MODEL_FILES.profile), profile);
    const profileMs = performance.now() - t3;
    // The weights are every file the trainer wrote (config.json and model.pt, a checkpoint folder),
    // digested as the registry digests a model (src/registry/model-hash.ts): the first file alone
    // gave two models that differed only in model.pt one hash.
    const entries: ModelFileEntry[] = [];
    for (const path of await listModelFiles(staging)) {
      if (path !== MODEL_FILES.metrics && path !== MODEL_FILES.profile) entries.push({ path, ...(await sha256File(join(staging, ...path.split('/')))) });
    }
    const weights: RunRecord['weights'] = entries.length === 0 ? null : { sha256: digestFileList(entries), bytes: entries.reduce((sum, e) => sum + e.bytes, 0) };
    const common = await commonRecordParts(config, cwd, trainFiles);
    const run: RunRecord = {
      format: RUN_FORMAT, version: 1, name: config.name, trainer: 'external',
      task: config.model.task === 'auto' ? null : config.model.task, label: label || null, classes: [], features,
      // Only what the command was given: the model block, validationSplit, earlyStopping and
      // backend configure mlops's own trainer, and would describe a model that never ran.
      params: { train: externalParams(config), inputs: null },
      history, metrics, epochsRun: history.length, bestEpoch: null, stoppedEarly: false,
      backend: { name: 'external', package: null, device: device ?? 'external command', gpu: isAcceleratorDevice(device), skipped: [] },
      durations: { totalMs: Math.round(performance.now() - t0), readMs: 0, preprocessMs: 0, fitMs: Math.round(fitMs), saveMs: 0, profileMs: Math.round(profileMs) },
      samplesPerSecond: null,
      // The external trainer splits on its own; mlops knows only how many rows it was given.
      rows: { read: profile.rows, train: 0, validation: 0, droppedNullLabel: 0 },
      ...common, weights, command: config.train.command, predictCommand: config.train.predictCommand, exitCode: 0, packages: packages(null),
      startedAt: started.toISOString(), finishedAt: new Date().toISOString(),
    };
    await writeJsonAtomic(join(staging, MODEL_FILES.run), run);
    await publish(staging, out, protectedPaths(config, cwd), options.outSetting);
    return { modelDir: out, run, exitCode: 0, backend: null };
  } catch (error) {
    // The trainer succeeded (maybe after hours on a GPU) but its output cannot be published as it
    // is (no or malformed metrics.json, no model file): keep what it wrote, and say where.
    if (exitCode === 0 && error instanceof InputError) {
      throw new InputError(`${error.detail}; what the trainer wrote is kept, unpublished, in ${staging}`, error.location, { cause: error });
    }
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
