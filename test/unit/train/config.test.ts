import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig, parseConfig, resolveBatchSize } from '../../../src/train/config.ts';
import { errorOf } from './helpers.ts';

describe('parseConfig', () => {
  it('fills every default and resolves paths against the config directory', () => {
    const config = parseConfig('name: weather\ndata:\n  train: data/train.csv\n  label: weather\n', '/repo/models/mlops.yaml');
    expect(config.name).toBe('weather');
    expect(config.data.train).toBe('/repo/models/data/train.csv');
    expect(config.data.test).toBeNull();
    expect(config.model).toMatchObject({ type: 'mlp', hidden: [64, 32], activation: 'relu', dropout: 0.1, task: 'auto' });
    expect(config.train).toMatchObject({ epochs: 50, batchSize: 'auto', learningRate: 0.001, validationSplit: 0.2, seed: 42, backend: 'auto', command: null });
    expect(config.train.earlyStopping.patience).toBe(5);
    expect(config.evaluate.latency.batchSizes).toEqual([1, 256]);
    expect(config.drift.features).toBe('auto');
    expect(config.drift.retrain.branch).toBe('mlops/retrain/weather');
    expect(config.registry.stages).toEqual(['staging', 'production']);
  });

  it('accepts the DESIGN §3 example', () => {
    const text = `name: weather
data:
  train: data/train.csv
  test: data/golden.csv
  schema: data/schema.yaml
  label: weather
  features: [precipitation, temp_max, temp_min, wind]
model: { type: mlp, hidden: [64, 32], activation: relu, dropout: 0.1 }
train:  { epochs: 50, batchSize: 256, learningRate: 0.001, validationSplit: 0.2, seed: 42,
          earlyStopping: { patience: 5 }, backend: auto, command: null }
evaluate:
  metrics: [accuracy, f1_macro, roc_auc]
  slices: [season]
  gates:
    - { metric: accuracy, min: 0.80 }
    - { metric: f1_macro, maxDrop: 0.01 }
    - { latency: p95, maxMs: 5 }
    - { latency: p95, maxRatio: 1.20 }
drift:
  current: monitoring/latest.csv
  features: auto
  datasetShare: 0.5
  retrain: { branch: mlops/retrain/weather, labels: [retrain, drift] }
registry: { stages: [staging, production] }
`;
    const config = parseConfig(text, '/r/mlops.yaml');
    expect(config.evaluate.gates).toEqual([
      { kind: 'metric', metric: 'accuracy', min: 0.8 },
      { kind: 'metric', metric: 'f1_macro', maxDrop: 0.01 },
      { kind: 'latency', latency: 'p95', maxMs: 5 },
      { kind: 'latency', latency: 'p95', maxRatio: 1.2 },
    ]);
    expect(config.drift.current).toBe('/r/monitoring/latest.csv');
    expect(config.data.features).toEqual(['precipitation', 'temp_max', 'temp_min', 'wind']);
  });

  it('rejects an unknown key at its line and column', () => {
    const e = errorOf(() => parseConfig('name: w\ntrain:\n  epochs: 3\n  epoks: 4\n', 'cfg/mlops.yaml'));
    expect(e.location).toMatchObject({ file: 'cfg/mlops.yaml', line: 4, column: 3, key: 'train.epoks' });
    expect(e.message).toMatch(/^cfg\/mlops.yaml:4:3 \(train\.epoks\): unknown key 'epoks'/);
  });

  it('rejects wrong types with the key path and line', () => {
    expect(errorOf(() => parseConfig('train:\n  epochs: ten\n', 'm.yaml')).message).toBe("m.yaml:2:11 (train.epochs): expected an integer ≥ 1, got 'ten'");
    expect(errorOf(() => parseConfig('model:\n  type: forest\n', 'm.yaml')).location).toMatchObject({ line: 2, key: 'model.type' });
    expect(errorOf(() => parseConfig('model:\n  hidden: [8, -1]\n', 'm.yaml')).location).toMatchObject({ line: 2, key: 'model.hidden[1]' });
    expect(errorOf(() => parseConfig('evaluate:\n  gates:\n    - { metric: accuracy }\n', 'm.yaml')).location).toMatchObject({ line: 3, key: 'evaluate.gates[0]' });
    expect(errorOf(() => parseConfig('name: Bad Name\n', 'm.yaml')).location).toMatchObject({ line: 1, key: 'name' });
    expect(errorOf(() => parseConfig('drift:\n  features: all\n', 'm.yaml')).location).toMatchObject({ line: 2, key: 'drift.features' });
    // A drift method typo fails when the config loads (train, evaluate, actions), at the method's line.
    const typo = errorOf(() => parseConfig('drift:\n  features:\n    - name: a\n      method: kss\n', 'm.yaml'));
    expect(typo.message).toMatch(/^m\.yaml:4:15 \(drift\.features\[0\]\.method\): unknown drift method 'kss' \(expected auto or one of ks, /);
    expect(parseConfig('drift:\n  features:\n    - { name: a, method: KS }\n    - { name: b }\n', 'm.yaml').drift.features).toEqual([{ name: 'a', method: 'KS' }, { name: 'b', method: 'auto' }]);
  });

  it('train.batchSize: an integer, or auto sized to the training rows (16 … 256)', () => {
    expect(parseConfig('train: { batchSize: 64 }\n', 'm.yaml').train.batchSize).toBe(64);
    expect(parseConfig('train: { batchSize: auto }\n', 'm.yaml').train.batchSize).toBe('auto');
    expect(errorOf(() => parseConfig('train:\n  batchSize: big\n', 'm.yaml')).message).toBe("m.yaml:2:14 (train.batchSize): expected an integer ≥ 1 or auto, got 'big'");
    expect(errorOf(() => parseConfig('train:\n  batchSize: 0\n', 'm.yaml')).location).toMatchObject({ line: 2, key: 'train.batchSize' });
    expect([10, 200, 512, 513, 1000, 4096, 4097, 1_000_000].map((n) => resolveBatchSize('auto', n))).toEqual([16, 16, 16, 32, 32, 128, 256, 256]);
    expect(resolveBatchSize('auto')).toBe(256);
    expect(resolveBatchSize(100, 10)).toBe(100);
  });

  it('train.classWeight: none (default), balanced, or a weight > 0 per class name', () => {
    expect(parseConfig('name: m\n', 'm.yaml').train.classWeight).toBe('none');
    expect(parseConfig('train: { classWeight: balanced }\n', 'm.yaml').train.classWeight).toBe('balanced');
    expect(parseConfig('train:\n  classWeight: { fraud: 10, ok: 0.5 }\n', 'm.yaml').train.classWeight).toEqual({ fraud: 10, ok: 0.5 });
    expect(parseConfig('train:\n  classWeight: { 1: 4 }\n', 'm.yaml').train.classWeight).toEqual({ 1: 4 }); // numeric labels are class names
    expect(errorOf(() => parseConfig('train:\n  classWeight: auto\n', 'm.yaml')).message).toBe("m.yaml:2:16 (train.classWeight): expected none, balanced or a mapping of class name → weight, got 'auto'");
    expect(errorOf(() => parseConfig('train:\n  classWeight: { fraud: 0 }\n', 'm.yaml')).message).toBe('m.yaml:2:25 (train.classWeight.fraud): expected a number > 0, got 0');
    expect(errorOf(() => parseConfig('train:\n  classWeight:\n    fraud:\n', 'm.yaml')).message).toBe("m.yaml:3:5 (train.classWeight.fraud): expected a number > 0 for class 'fraud'");
    expect(errorOf(() => parseConfig('train:\n  classWeight: {}\n', 'm.yaml')).message).toMatch(/\(train\.classWeight\): .* got an empty mapping$/);
  });

  it('reports YAML syntax errors with a line', () => {
    const e = errorOf(() => parseConfig('name: w\ntrain: [1, 2\n', 'm.yaml'));
    expect(e.location.file).toBe('m.yaml');
    expect(e.location.line).toBeGreaterThanOrEqual(2);
  });

  it('parses drift feature overrides and a disabled early stopping', () => {
    const c = parseConfig('train: { earlyStopping: false }\ndrift:\n  features:\n    - { name: temp, method: ks, threshold: 0.1, critical: true }\n', '/x/m.yaml');
    expect(c.train.earlyStopping.patience).toBe(0);
    expect(c.drift.features).toEqual([{ name: 'temp', method: 'ks', threshold: 0.1, critical: true }]);
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-config-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('loads from disk and names a missing file', async () => {
    const file = join(dir, 'mlops.yaml');
    await writeFile(file, 'name: demo\n');
    expect((await loadConfig(file)).configDir).toBe(dir);
    await expect(loadConfig(join(dir, 'nope.yaml'))).rejects.toThrow(/nope\.yaml: config file not found/);
  });

  it("a directory means its mlops.yaml; one without names what to give", async () => {
    const model = join(dir, 'models', 'weather');
    await mkdir(model, { recursive: true });
    await writeFile(join(model, 'mlops.yaml'), 'name: weather\n');
    const config = await loadConfig(model);
    expect(config.name).toBe('weather');
    expect(config.configPath).toBe(join(model, 'mlops.yaml'));
    await expect(loadConfig(join(dir, 'models'))).rejects.toThrow(/models: is a directory without an mlops\.yaml: name the config file/);
  });

  it('refuses a config file that is not UTF-8, naming the line and column of the bad byte', async () => {
    const file = join(dir, 'latin1.yaml');
    // `é` in Latin-1 (0xe9) on line 3, after a correct UTF-8 `ü` on line 2.
    await writeFile(file, Buffer.concat([Buffer.from('name: demo\n# grüße\nevaluate: { positiveClass: caf'), Buffer.from([0xe9]), Buffer.from(' }\n')]));
    await expect(loadConfig(file)).rejects.toThrow(`${file}:3:31: invalid UTF-8 byte sequence (byte 0xe9): the config file must be UTF-8`);
    await writeFile(file, Buffer.from([0xff, 0x0a]));
    await expect(loadConfig(file)).rejects.toThrow(`${file}:1:1: invalid UTF-8 byte sequence (byte 0xff)`);
    // A sequence cut short at the end of the file.
    await writeFile(file, Buffer.concat([Buffer.from('name: demo\n#'), Buffer.from([0xe2, 0x82])]));
    await expect(loadConfig(file)).rejects.toThrow(`${file}:2:2: invalid UTF-8 byte sequence (byte 0xe2)`);
    // A byte-order mark and multi-byte text are UTF-8.
    await writeFile(file, '\ufeffname: demo\n# café ✓\n');
    expect((await loadConfig(file)).name).toBe('demo');
  });

  it('defaultConfig has a valid name', () => {
    expect(defaultConfig('/tmp/My Project').name).toBe('my-project');
  });
});
