import { mulberry32 } from '../core/random.ts';
/**
 * Models and the training loop. Determinism (DESIGN §1.7) comes from three seeds derived from
 * `train.seed`: kernel initialisers, dropout masks (re-seeded per batch) and our own per-epoch
 * shuffle of the training rows (tfjs' `shuffle: true` uses Math.random, so we pass `shuffle: false`).
 * With the same config, data and backend the weights are byte-identical.
 */
import type { ModelConfig, TrainConfig } from './config.ts';
import type { Task } from './preprocess.ts';
import type { LayersModel, Sequential, Tensor, TfApi } from './tf-api.ts';

/** The seeded PRNG of training (mulberry32, src/core/random.ts). */
export const seededRandom = mulberry32;

/** Fisher–Yates in place with a seeded generator. */
export function shuffleInPlace(values: Int32Array, random: () => number): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
  return values;
}

export interface ModelShape {
  task: Task;
  inputs: number;
  classes: number;
}

/**
 * Builds (and compiles) a linear or MLP model for the task with seeded initialisers. With
 * `classWeights` (one per class, in class order) the loss weighs each row by its class.
 */
export function buildModel(
  tf: TfApi, shape: ModelShape, model: ModelConfig, train: Pick<TrainConfig, 'learningRate' | 'seed'>, classWeights: readonly number[] | null = null,
): Sequential {
  const net = tf.sequential();
  const regularizer = model.l2 > 0 ? tf.regularizers.l2({ l2: model.l2 }) : undefined;
  const hidden = model.type === 'mlp' ? model.hidden : [];
  let layer = 0;
  const init = () => tf.initializers.glorotUniform({ seed: train.seed * 1000 + layer++ });
  hidden.forEach((units, i) => {
    net.add(tf.layers.dense({
      units, activation: model.activation, kernelInitializer: init(), biasInitializer: 'zeros',
      ...(regularizer ? { kernelRegularizer: regularizer } : {}), ...(i === 0 ? { inputShape: [shape.inputs] } : {}),
      name: `hidden_${i + 1}`,
    }));
    if (model.dropout > 0) net.add(tf.layers.dropout({ rate: model.dropout, seed: train.seed + i, name: `dropout_${i + 1}` }));
  });
  const units = shape.task === 'multiclass' ? shape.classes : 1;
  const activation = shape.task === 'multiclass' ? 'softmax' : shape.task === 'binary' ? 'sigmoid' : 'linear';
  net.add(tf.layers.dense({
    units, activation, kernelInitializer: init(), biasInitializer: 'zeros',
    ...(regularizer ? { kernelRegularizer: regularizer } : {}), ...(hidden.length === 0 ? { inputShape: [shape.inputs] } : {}),
    name: 'output',
  }));
  const loss = classWeights && shape.task !== 'regression' ? weightedLoss(tf, shape.task, classWeights) : lossFor(shape.task);
  net.compile({ optimizer: tf.train.adam(train.learningRate), loss });
  return net;
}

/**
 * Cross-entropy with each row weighted by its class, averaged over the batch's rows (Keras'
 * `class_weight`): binary on the sigmoid output, multiclass on the softmax probabilities with the
 * class index as label. Only training uses it: the saved model.json carries no loss.
 */
function weightedLoss(tf: TfApi, task: 'binary' | 'multiclass', weights: readonly number[]): (yTrue: Tensor, yPred: Tensor) => Tensor {
  const EPS = 1e-7;
  return (yTrue, yPred) => tf.tidy(() => {
    if (task === 'binary') {
      const rowWeights = tf.add(tf.mul(yTrue, weights[1]! - weights[0]!), weights[0]!);
      return tf.losses.logLoss(yTrue, yPred, rowWeights, EPS);
    }
    // Multiclass targets arrive one-hot (fitModel's `oneHotTargets`): tfjs-layers accepts class
    // indices only for its own sparse cross-entropy.
    const rowWeights = tf.sum(tf.mul(yTrue, tf.tensor1d([...weights])), 1);
    const crossEntropy = tf.neg(tf.sum(tf.mul(yTrue, tf.log(tf.clipByValue(yPred, EPS, 1 - EPS))), 1));
    return tf.losses.computeWeightedLoss(crossEntropy, rowWeights);
  });
}

export function lossFor(task: Task): string {
  return task === 'multiclass' ? 'sparseCategoricalCrossentropy' : task === 'binary' ? 'binaryCrossentropy' : 'meanSquaredError';
}

/** Dropout layers keep their seed in a field; changing it per batch gives fresh but reproducible masks. */
function reseedDropout(model: LayersModel, seed: number): void {
  for (const layer of model.layers) {
    if (layer.getClassName() === 'Dropout') (layer as unknown as { seed?: number }).seed = seed;
  }
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  val_loss?: number;
  /** Validation accuracy (classification) or RMSE in label units (regression). */
  val_accuracy?: number;
  val_rmse?: number;
  durationMs: number;
  samplesPerSecond: number;
}

export interface FitData {
  /** Row-major n × width training matrix and targets. */
  x: Float32Array;
  y: Float32Array;
  n: number;
  width: number;
  validation?: { x: Float32Array; y: Float32Array; n: number };
}

export interface FitResult {
  history: EpochRecord[];
  epochsRun: number;
  bestEpoch: number;
  stoppedEarly: boolean;
  fitMs: number;
  samplesPerSecond: number;
  /** The epoch whose training loss was NaN or infinite (training stopped there), else null. */
  divergedAt: number | null;
}

/**
 * Trains with Adam: per epoch a seeded permutation of the rows, one pass of `trainOnBatch`
 * over it in order, then validation loss; early stopping on validation loss with the best
 * weights restored. `oneHotTargets` (the class count) feeds targets one-hot, as the class-weighted
 * multiclass loss of {@link buildModel} needs.
 */
export async function fitModel(
  tf: TfApi, model: LayersModel, data: FitData, task: Task, train: TrainConfig & { batchSize: number },
  onEpoch?: (record: EpochRecord, total: number) => void, labelStd = 1, oneHotTargets = 0,
): Promise<FitResult> {
  const random = seededRandom(train.seed ^ 0x5bd1e995);
  const order = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) order[i] = i;
  const xs = new Float32Array(data.x.length);
  const ys = new Float32Array(data.n);
  const history: EpochRecord[] = [];
  const patience = train.earlyStopping.patience;
  let best = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  let bestWeights: Tensor[] | null = null;
  let waited = 0;
  let stoppedEarly = false;
  let divergedAt: number | null = null;
  let batchCounter = 0;
  let fitMs = 0;
  const validation = data.validation && data.validation.n > 0 ? data.validation : undefined;
  const valX = validation ? tf.tensor2d(validation.x, [validation.n, data.width]) : null;
  try {
    for (let epoch = 1; epoch <= train.epochs; epoch++) {
      shuffleInPlace(order, random);
      for (let r = 0; r < data.n; r++) {
        const src = order[r]!;
        xs.set(data.x.subarray(src * data.width, (src + 1) * data.width), r * data.width);
        ys[r] = data.y[src]!;
      }
      const t0 = performance.now();
      // trainOnBatch per slice of our own permutation: model.fit adds tens of milliseconds of
      // per-call bookkeeping (callbacks, yielding) that dominates small and medium tables.
      let lossSum = 0;
      for (let s = 0; s < data.n; s += train.batchSize) {
        const m = Math.min(train.batchSize, data.n - s);
        reseedDropout(model, (train.seed * 7919 + batchCounter++) >>> 0);
        const xt = tf.tensor2d(xs.subarray(s * data.width, (s + m) * data.width), [m, data.width]);
        // Class indices, or one-hot rows of `oneHotTargets` classes for a class-weighted multiclass loss.
        const yt = oneHotTargets > 0
          ? tf.tidy(() => tf.cast(tf.oneHot(tf.cast(tf.tensor1d(ys.subarray(s, s + m)), 'int32'), oneHotTargets), 'float32'))
          : tf.tensor2d(ys.subarray(s, s + m), [m, 1]);
        try {
          const batchLoss = await model.trainOnBatch(xt, yt);
          lossSum += (Array.isArray(batchLoss) ? batchLoss[0]! : batchLoss) * m;
        } finally {
          tf.dispose([xt, yt]);
        }
      }
      const loss = lossSum / data.n;
      const ms = performance.now() - t0;
      fitMs += ms;
      const record: EpochRecord = { epoch, loss, durationMs: Math.round(ms), samplesPerSecond: Math.round(data.n / (ms / 1000)) };
      if (valX && validation) {
        const { valLoss, valAccuracy, valRmse } = validate(tf, model, valX, validation, task, labelStd);
        record.val_loss = valLoss;
        if (valAccuracy !== undefined) record.val_accuracy = valAccuracy;
        if (valRmse !== undefined) record.val_rmse = valRmse;
      }
      history.push(record);
      onEpoch?.(record, train.epochs);
      // Overflowed weights stay NaN: no later epoch can recover, and their model predicts NaN.
      if (!Number.isFinite(loss)) {
        divergedAt = epoch;
        break;
      }
      const monitored = record.val_loss ?? record.loss;
      if (monitored < best - train.earlyStopping.minDelta) {
        best = monitored;
        bestEpoch = epoch;
        waited = 0;
        if (patience > 0 && train.earlyStopping.restoreBest) {
          tf.dispose(bestWeights ?? []);
          bestWeights = model.getWeights().map((w) => w.clone());
        }
      } else if (patience > 0 && ++waited >= patience) {
        stoppedEarly = true;
        break;
      }
    }
    // restoreBest keeps the best epoch's weights, also when training ran every epoch and the best
    // came less than `patience` epochs before the end (Keras restores at the end of training too).
    if (bestWeights && divergedAt === null && bestEpoch < history.length) model.setWeights(bestWeights);
  } finally {
    tf.dispose([...(bestWeights ?? []), ...(valX ? [valX] : [])]);
  }
  const samples = history.length * data.n;
  return {
    history, epochsRun: history.length, bestEpoch: bestEpoch || history.length, stoppedEarly,
    fitMs: Math.round(fitMs), samplesPerSecond: fitMs > 0 ? Math.round(samples / (fitMs / 1000)) : 0, divergedAt,
  };
}

function validate(
  tf: TfApi, model: LayersModel, valX: Tensor, validation: { y: Float32Array; n: number }, task: Task, labelStd: number,
): { valLoss: number; valAccuracy?: number; valRmse?: number } {
  const out = tf.tidy(() => (model.predict(valX) as Tensor).dataSync());
  const n = validation.n;
  const y = validation.y;
  let loss = 0;
  if (task === 'regression') {
    for (let i = 0; i < n; i++) loss += (out[i]! - y[i]!) ** 2;
    loss /= n;
    return { valLoss: loss, valRmse: Math.sqrt(loss) * labelStd };
  }
  const eps = 1e-7;
  let correct = 0;
  if (task === 'binary') {
    for (let i = 0; i < n; i++) {
      const p = Math.min(1 - eps, Math.max(eps, out[i]!));
      loss -= y[i]! === 1 ? Math.log(p) : Math.log(1 - p);
      if ((p >= 0.5 ? 1 : 0) === y[i]!) correct++;
    }
  } else {
    const k = out.length / n;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      for (let c = 1; c < k; c++) if (out[i * k + c]! > out[i * k + bestC]!) bestC = c;
      if (bestC === y[i]!) correct++;
      loss -= Math.log(Math.min(1 - eps, Math.max(eps, out[i * k + y[i]!]!)));
    }
  }
  return { valLoss: loss / n, valAccuracy: correct / n };
}
