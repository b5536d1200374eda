import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBackend } from '../../../src/train/backend.ts';
import { defaultConfig } from '../../../src/train/config.ts';
import { buildModel, fitModel } from '../../../src/train/model.ts';
import { loadModel, saveLayersModel, savePreprocessing } from '../../../src/train/model-dir.ts';
import { applyPreprocessing, encodeLabels, fitPreprocessing } from '../../../src/train/preprocess.ts';
import { syntheticTable } from './helpers.ts';

const table = syntheticTable(400, 3);
const spec = fitPreprocessing(table, { label: 'label', features: ['a', 'b', 'color'] });
const x = applyPreprocessing(spec, table);
const { y } = encodeLabels(spec, table);
const width = spec.outputs.length;
const config = defaultConfig('/tmp');
config.model = { ...config.model, hidden: [8, 4], dropout: 0.2 };
config.train = { ...config.train, epochs: 5, batchSize: 32, learningRate: 0.02, seed: 11, earlyStopping: { patience: 2, minDelta: 0, restoreBest: true } };

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-model-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function trainOnce(backendName: 'cpu' | 'wasm', out: string, seed = 11) {
  const { tf } = await loadBackend(backendName);
  const model = buildModel(tf, { task: 'binary', inputs: width, classes: 2 }, config.model, { ...config.train, seed });
  const train = { x: x.subarray(0, 320 * width), y: y.subarray(0, 320), n: 320, width,
    validation: { x: x.subarray(320 * width), y: y.subarray(320), n: 80 } };
  const fit = await fitModel(tf, model, train, 'binary', { ...config.train, seed, batchSize: 256 });
  const weights = await saveLayersModel(tf, model, out);
  model.dispose();
  return { fit, weights };
}

describe.each(['cpu', 'wasm'] as const)('training on %s', (backendName) => {
  it('gives byte-identical weights and identical history for the same seed', async () => {
    const a = await trainOnce(backendName, join(dir, `${backendName}-a`));
    const b = await trainOnce(backendName, join(dir, `${backendName}-b`));
    expect(a.weights.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(a.weights).equals(Buffer.from(b.weights))).toBe(true);
    expect(await readFile(join(dir, `${backendName}-a`, 'weights.bin'))).toEqual(await readFile(join(dir, `${backendName}-b`, 'weights.bin')));
    expect(a.fit.history.map((h) => [h.loss, h.val_loss])).toEqual(b.fit.history.map((h) => [h.loss, h.val_loss]));
    if (backendName === 'cpu') {
      // The seed matters (so the equality above is not vacuous).
      const c = await trainOnce(backendName, join(dir, `${backendName}-c`), 12);
      expect(Buffer.from(a.weights).equals(Buffer.from(c.weights))).toBe(false);
    }
    // The synthetic task is learnable: validation accuracy well above the majority share.
    expect(a.fit.history.at(-1)!.val_accuracy).toBeGreaterThan(0.75);
  });
});

it('round-trips a model directory: loadModel predicts what the trained model predicted', async () => {
  const out = join(dir, 'roundtrip');
  const { tf } = await loadBackend('cpu');
  const model = buildModel(tf, { task: 'binary', inputs: width, classes: 2 }, config.model, config.train);
  await fitModel(tf, model, { x, y, n: 400, width }, 'binary', { ...config.train, epochs: 2, batchSize: 256 });
  const expected = tf.tidy(() => (model.predict(tf.tensor2d(x, [400, width])) as ReturnType<typeof tf.tensor2d>).dataSync());
  await saveLayersModel(tf, model, out);
  await savePreprocessing(out, spec);
  model.dispose();
  const loaded = await loadModel(out, tf);
  expect(loaded).toMatchObject({ task: 'binary', classes: ['no', 'yes'], labelName: 'label', featureNames: ['a', 'b', 'color'] });
  const p = loaded.predict(table, 10, 5);
  for (let i = 0; i < 5; i++) {
    expect(p.probabilities![i * 2 + 1]).toBeCloseTo(expected[10 + i]!, 6);
    expect(p.probabilities![i * 2]! + p.probabilities![i * 2 + 1]!).toBeCloseTo(1, 6);
    expect(p.labels![i]).toBe(expected[10 + i]! >= 0.5 ? 'yes' : 'no');
  }
  loaded.dispose();
  await expect(loadModel(join(dir, 'missing'), tf)).rejects.toThrow(/preprocessing.json not found/);
});

describe('class-weighted loss', () => {
  /** Trains a small linear model on `labels` (class indices) and returns its flattened weights. */
  async function weightsAfter(task: 'binary' | 'multiclass', labels: Float32Array, classes: number, classWeights: number[] | null): Promise<Float32Array> {
    const { tf } = await loadBackend('cpu');
    const linear = { ...config.model, type: 'linear' as const, hidden: [], dropout: 0 };
    const model = buildModel(tf, { task, inputs: width, classes }, linear, { ...config.train, seed: 3 }, classWeights);
    const data = { x: x.subarray(0, 320 * width), y: labels.subarray(0, 320), n: 320, width };
    await fitModel(tf, model, data, task, { ...config.train, seed: 3, epochs: 3, batchSize: 64, earlyStopping: { patience: 0, minDelta: 0, restoreBest: true } },
      undefined, 1, task === 'multiclass' && classWeights ? classes : 0);
    const out = Float32Array.from(model.getWeights().flatMap((w) => Array.from(w.dataSync())));
    model.dispose();
    return out;
  }
  const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
  const threeClasses = Float32Array.from(y, (v, i) => (v === 1 ? 1 : i % 2 === 0 ? 0 : 2));

  it.each([['binary', y, 2], ['multiclass', threeClasses, 3]] as const)('%s: weights of 1 train as the unweighted loss; other weights change the model', async (task, labels, classes) => {
    const plain = await weightsAfter(task, labels, classes, null);
    const ones = await weightsAfter(task, labels, classes, new Array<number>(classes).fill(1));
    const skewed = await weightsAfter(task, labels, classes, [5, ...new Array<number>(classes - 1).fill(1)]);
    expect(maxDiff(plain, ones)).toBeLessThan(1e-4);
    expect(maxDiff(plain, skewed)).toBeGreaterThan(1e-2);
  });
});
