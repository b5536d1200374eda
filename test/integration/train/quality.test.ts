import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../src/table/index.ts';
import { loadConfig } from '../../../src/train/config.ts';
import { loadModel } from '../../../src/train/model-dir.ts';
import { labelTexts, type NumericFeatureSpec, type CategoricalFeatureSpec } from '../../../src/train/preprocess.ts';
import { trainModel } from '../../../src/train/train.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
const reference = JSON.parse(await readFile(resolve(import.meta.dirname, '../../fixtures/train/sklearn-penguins-linear.json'), 'utf8')) as {
  l2: number; n_train: number; width: number; classes: string[]; majority_accuracy: number;
  test: { accuracy: number; log_loss: number };
  preprocessing: Record<string, { median?: number; mean?: number; std?: number; vocabulary?: string[]; missingIndicator: boolean }>;
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-quality-'));
  for (const f of ['penguins-train.csv', 'penguins-test.csv']) await cp(join(FIXTURES, f), join(dir, f));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function testMetrics(modelDir: string, tf: Parameters<typeof loadModel>[1]) {
  const model = await loadModel(modelDir, tf);
  const test = await readTable(join(dir, 'penguins-test.csv'));
  const p = model.predict(test);
  const truth = labelTexts(model.preprocessing, test);
  let correct = 0;
  let logLoss = 0;
  const k = model.classes.length;
  truth.forEach((t, i) => {
    if (p.labels![i] === t) correct++;
    logLoss -= Math.log(Math.max(1e-15, p.probabilities![i * k + model.classes.indexOf(t!)]!));
  });
  model.dispose();
  return { accuracy: correct / truth.length, log_loss: logLoss / truth.length };
}

describe('penguins species (vega-datasets)', () => {
  it('a linear model matches scikit-learn LogisticRegression on the same preprocessing', async () => {
    // Same objective as sklearn (C = 1): mean cross-entropy + l2·‖W‖², l2 = 1/(2·C·n); full-batch Adam to convergence.
    await writeFile(join(dir, 'linear.yaml'), [
      'name: penguins-linear',
      'data: { train: penguins-train.csv, label: species, features: [island, beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, sex] }',
      `model: { type: linear, l2: ${reference.l2} }`,
      `train: { epochs: 150, batchSize: ${reference.n_train}, learningRate: 0.1, validationSplit: 0, seed: 1, earlyStopping: false, backend: cpu }`,
    ].join('\n'));
    const result = await trainModel(await loadConfig(join(dir, 'linear.yaml')), { out: join(dir, 'linear'), cwd: dir });
    const spec = JSON.parse(await readFile(join(dir, 'linear', 'preprocessing.json'), 'utf8')) as { features: Array<NumericFeatureSpec | CategoricalFeatureSpec>; outputs: string[] };
    // The preprocessing itself equals the pandas re-implementation.
    expect(spec.outputs.length).toBe(reference.width);
    for (const f of spec.features) {
      const ref = reference.preprocessing[f.name]!;
      expect(f.missingIndicator).toBe(ref.missingIndicator);
      if (f.kind === 'numeric') {
        expect(f.median).toBeCloseTo(ref.median!, 10);
        expect(f.mean).toBeCloseTo(ref.mean!, 8);
        expect(f.std).toBeCloseTo(ref.std!, 8);
      } else expect(f.vocabulary).toEqual(ref.vocabulary);
    }
    const metrics = await testMetrics(join(dir, 'linear'), result.backend!.tf);
    // Stated tolerance: accuracy within 0.03 (two of 68 test rows), log loss within 0.01.
    expect(Math.abs(metrics.accuracy - reference.test.accuracy)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(metrics.log_loss - reference.test.log_loss)).toBeLessThanOrEqual(0.01);
  });

  it('an MLP clearly beats the majority-class baseline', async () => {
    const config = await loadConfig(join(FIXTURES, 'penguins.yaml'));
    config.train = { ...config.train, epochs: 15, backend: 'wasm' };
    const result = await trainModel(config, { out: join(dir, 'mlp'), cwd: dir });
    expect(result.run.rows.train + result.run.rows.validation).toBe(276);
    const metrics = await testMetrics(join(dir, 'mlp'), result.backend!.tf);
    expect(reference.majority_accuracy).toBeLessThan(0.5);
    expect(metrics.accuracy).toBeGreaterThan(0.9);
  });
});

describe('schema-driven and regression training', () => {
  it('seattle-weather: label and features from the schema roles; beats the majority class', async () => {
    await cp(join(FIXTURES, 'seattle-weather.csv'), join(dir, 'seattle-weather.csv'));
    await cp(resolve(FIXTURES, '../validate/weather.schema.yaml'), join(dir, 'weather.schema.yaml'));
    await writeFile(join(dir, 'weather.yaml'), [
      'name: weather',
      'data: { train: seattle-weather.csv, schema: weather.schema.yaml }',
      'model: { type: mlp, hidden: [16], dropout: 0 }',
      'train: { epochs: 8, batchSize: 64, learningRate: 0.01, backend: wasm }',
    ].join('\n'));
    const result = await trainModel(await loadConfig(join(dir, 'weather.yaml')), { out: join(dir, 'weather'), cwd: dir });
    expect(result.run.label).toBe('weather');
    expect(result.run.features).toEqual(['precipitation', 'temp_max', 'temp_min', 'wind']);
    expect(result.run.task).toBe('multiclass');
    expect(result.run.classes).toEqual(['drizzle', 'fog', 'rain', 'snow', 'sun']);
    // Majority class (sun) is 44% of the rows; precipitation alone separates rain from sun.
    expect(result.run.metrics.accuracy).toBeGreaterThan(0.7);
    expect(result.run.data.schema?.path).toBe('weather.schema.yaml');
  });

  it('cars: miles per gallon is inferred as regression and learned (R² on validation)', async () => {
    await cp(join(FIXTURES, 'cars-train.csv'), join(dir, 'cars-train.csv'));
    await writeFile(join(dir, 'cars.yaml'), [
      'name: cars',
      'data: { train: cars-train.csv, label: mpg }',
      'model: { type: linear }',
      'train: { epochs: 60, batchSize: 64, learningRate: 0.05, backend: cpu, earlyStopping: false }',
    ].join('\n'));
    const lines: string[] = [];
    const result = await trainModel(await loadConfig(join(dir, 'cars.yaml')), { out: join(dir, 'cars'), cwd: dir, log: (l) => lines.push(l) });
    expect(result.run.task).toBe('regression');
    const dropped = result.run.rows.droppedNullLabel;
    expect(dropped).toBeGreaterThan(0); // cars.json has unknown mpg values
    // The log says so: a user wondering why rows went missing reads it there.
    expect(lines.some((l) => l.includes(`; ${dropped} rows without a label left out)`))).toBe(true);
    expect(result.run.metrics.r2).toBeGreaterThan(0.6);
    expect(result.run.metrics.rmse).toBeLessThan(5);
    const model = await loadModel(join(dir, 'cars'), result.backend!.tf);
    const p = model.predict(await readTable(join(dir, 'cars-train.csv')), 0, 3);
    expect(p.values!.every((v) => v > 5 && v < 50)).toBe(true); // back in miles per gallon
    model.dispose();
  });
});
