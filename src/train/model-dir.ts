/**
 * The model directory (DESIGN §5): `model.json` + `weights.bin` (TensorFlow.js layers format),
 * `preprocessing.json`, `run.json`, `profile.json`. Written file by file atomically; read back by
 * {@link loadModel}, which evaluation and serving use so they apply exactly the training transform.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { writeFileAtomic, writeJsonAtomic } from '../core/fs.ts';
import type { Table } from '../table/types.ts';
import { applyPreprocessing, checkPreprocessingSpec, type PreprocessingSpec, type Task } from './preprocess.ts';
import type { LayersModel, ModelArtifacts, TfApi } from './tf-api.ts';

export const MODEL_FILES = {
  model: 'model.json',
  weights: 'weights.bin',
  preprocessing: 'preprocessing.json',
  run: 'run.json',
  profile: 'profile.json',
  metrics: 'metrics.json',
} as const;

export interface Prediction {
  task: Task;
  /** Classification: row-major n × classes probabilities. */
  probabilities?: Float64Array;
  /** Regression: predicted values in label units. */
  values?: Float64Array;
  /** Classification: the most probable class of each row. */
  labels?: string[];
}

export interface LoadedModel {
  task: Task;
  classes: string[];
  labelName: string;
  featureNames: string[];
  preprocessing: PreprocessingSpec;
  /** Predicts rows [start, start+count) of `table` (default: all rows). */
  predict(table: Table, start?: number, count?: number): Prediction;
  /** Predicts an already preprocessed row-major matrix (n × preprocessing.outputs.length); for latency benchmarks. */
  predictMatrix(x: Float32Array, n: number): Prediction;
  dispose(): void;
}

function concatBuffers(data: ArrayBuffer | ArrayBuffer[]): Uint8Array<ArrayBuffer> {
  if (!Array.isArray(data)) return new Uint8Array(data);
  const total = data.reduce((s, b) => s + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out;
}

/**
 * Serialises a layers model into `dir` as model.json + weights.bin (tfjs layers format, loadable by
 * `tf.loadLayersModel('file://…/model.json')` in tfjs-node). Returns the weight bytes, so callers
 * can hash them without re-reading.
 */
export async function saveLayersModel(tf: TfApi, model: LayersModel, dir: string): Promise<Uint8Array> {
  let weights: Uint8Array = new Uint8Array(0);
  await model.save(tf.io.withSaveHandler(async (artifacts: ModelArtifacts) => {
    weights = concatBuffers((artifacts.weightData ?? new ArrayBuffer(0)) as ArrayBuffer | ArrayBuffer[]);
    const modelJson = {
      format: artifacts.format ?? 'layers-model',
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy ?? null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [`./${MODEL_FILES.weights}`], weights: artifacts.weightSpecs ?? [] }],
    };
    await writeFileAtomic(join(dir, MODEL_FILES.weights), weights);
    await writeJsonAtomic(join(dir, MODEL_FILES.model), modelJson);
    return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
  }));
  return weights;
}

/** Writes preprocessing.json. */
export async function savePreprocessing(dir: string, spec: PreprocessingSpec): Promise<void> {
  await writeJsonAtomic(join(dir, MODEL_FILES.preprocessing), spec);
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`${what} not found`, { file: path });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} is not valid JSON (${(error as Error).message})`, { file: path });
  }
}

/** Reads `preprocessing.json` from a model directory (validated). */
export async function readPreprocessing(dir: string): Promise<PreprocessingSpec> {
  const file = join(dir, MODEL_FILES.preprocessing);
  return checkPreprocessingSpec(await readJson(file, 'preprocessing.json'), file);
}

/** Reads `run.json` from a model directory (null when absent). */
export async function readRunRecord(dir: string): Promise<Record<string, unknown> | null> {
  const file = join(dir, MODEL_FILES.run);
  try {
    await stat(file);
  } catch {
    return null;
  }
  return (await readJson(file, 'run.json')) as Record<string, unknown>;
}

const PREDICT_CHUNK = 8192;

/**
 * Loads a model directory into the given `tf` namespace (the one from `loadBackend`).
 * Throws InputError when model.json, weights or preprocessing.json are missing or malformed — e.g.
 * for a directory produced by an external trainer, which mlops cannot run.
 */
export async function loadModel(dir: string, tf: TfApi): Promise<LoadedModel> {
  const modelFile = join(dir, MODEL_FILES.model);
  const preprocessing = await readPreprocessing(dir);
  const json = (await readJson(modelFile, 'model.json (TensorFlow.js model; external trainers produce none)')) as {
    modelTopology?: object; weightsManifest?: Array<{ paths: string[]; weights: tfWeightSpec[] }>;
  };
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new InputError('model.json is not a TensorFlow.js layers model (no modelTopology/weightsManifest)', { file: modelFile });
  }
  const specs: tfWeightSpec[] = [];
  const parts: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) {
      const file = join(dir, p);
      try {
        parts.push(new Uint8Array(await readFile(file)));
      } catch {
        throw new InputError('weights file named in model.json not found', { file });
      }
    }
  }
  const weightData = concatBuffers(parts.map((p) => p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength) as ArrayBuffer));
  let model: LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: json.modelTopology, weightSpecs: specs as ModelArtifacts['weightSpecs'], weightData: weightData.buffer as ArrayBuffer,
    }));
  } catch (error) {
    throw new InputError(`cannot load the TensorFlow.js model (${(error as Error).message})`, { file: modelFile });
  }
  const width = preprocessing.outputs.length;
  const { task, classes } = preprocessing.label;

  const predictMatrix = (x: Float32Array, n: number): Prediction => {
    const k = task === 'multiclass' ? classes.length : 1;
    const raw = new Float64Array(n * k);
    for (let s = 0; s < n; s += PREDICT_CHUNK) {
      const m = Math.min(PREDICT_CHUNK, n - s);
      const out = tf.tidy(() => {
        const input = tf.tensor2d(x.subarray(s * width, (s + m) * width), [m, width]);
        return (model.predict(input) as ReturnType<TfApi['tensor2d']>).dataSync();
      });
      for (let i = 0; i < m * k; i++) raw[s * k + i] = out[i]!;
    }
    return toPrediction(preprocessing, raw, n);
  };

  return {
    task, classes, labelName: preprocessing.label.name, featureNames: preprocessing.features.map((f) => f.name), preprocessing,
    predict(table, start = 0, count = table.length - start) {
      const n = Math.max(0, Math.min(count, table.length - start));
      return predictMatrix(applyPreprocessing(preprocessing, table, start, n), n);
    },
    predictMatrix,
    dispose() {
      model.dispose();
    },
  };
}

type tfWeightSpec = NonNullable<ModelArtifacts['weightSpecs']>[number];

/** Turns raw model outputs into a {@link Prediction} (probabilities for both binary classes, values in label units). */
export function toPrediction(spec: PreprocessingSpec, raw: Float64Array, n: number): Prediction {
  const { task, classes } = spec.label;
  if (task === 'regression') {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = raw[i]! * spec.label.std! + spec.label.mean!;
    return { task, values };
  }
  const k = classes.length;
  const probabilities = new Float64Array(n * k);
  const labels: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (task === 'binary') {
      const p = raw[i]!;
      probabilities[i * 2] = 1 - p;
      probabilities[i * 2 + 1] = p;
      labels[i] = classes[p >= 0.5 ? 1 : 0]!;
    } else {
      let best = 0;
      for (let c = 0; c < k; c++) {
        probabilities[i * k + c] = raw[i * k + c]!;
        if (raw[i * k + c]! > raw[i * k + best]!) best = c;
      }
      labels[i] = classes[best]!;
    }
  }
  return { task, probabilities, labels };
}
