/**
 * `mlops evaluate --baseline name#stage` and `mlops drift --reference name#stage` read the model
 * from the store `--store` / `--store-dir` name, as `mlops registry` does: a fresh clone (no local
 * store, no cache) resolves `weather#production` from a shared store directory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exists } from '../../../src/core/fs.ts';
import { parseConfig } from '../../../src/train/config.ts';
import { trainModel } from '../../../src/train/train.ts';
import { mlops, sandbox, type Sandbox } from './helpers.ts';

const FIXTURE = new URL('../../fixtures/evaluate/weather/', import.meta.url).pathname;

let box: Sandbox;
let model: string;
let config: string;
let shared: string;

beforeAll(async () => {
  box = await sandbox();
  config = join(box.root, 'mlops.yaml');
  const text = `name: weather
data:
  train: ${FIXTURE}train.csv
  test: ${FIXTURE}test.csv
  label: weather
  features: [precipitation, temp_max, temp_min, wind]
model: { type: linear }
train: { epochs: 2, batchSize: 128, learningRate: 0.05, validationSplit: 0, seed: 1, backend: cpu }
evaluate:
  gates: [{ metric: accuracy, maxDrop: 0 }]
  bootstrap: { resamples: 20, seed: 1 }
`;
  await writeFile(config, text);
  model = join(box.root, 'model');
  await trainModel(parseConfig(text, config), { out: model, cwd: box.root, backend: 'cpu' });
  // Registered and promoted from one clone into a shared store directory, tags pushed.
  shared = join(box.root, 'shared-store');
  const work = await box.clone('work');
  for (const args of [
    ['registry', 'register', 'weather', '--model', model, '--store-dir', shared, '--push'],
    ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production', '--push'],
  ]) {
    const r = await mlops(work, args);
    expect(r.code, r.err).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await box?.cleanup();
});

describe('--store-dir on evaluate and drift (registry references from a shared store)', () => {
  it('drift --reference weather#production in a fresh clone: fails naming --store-dir without it, works with it', async () => {
    const clone = await box.clone('drift-clone');
    expect(await exists(join(clone, '.mlops'))).toBe(false);
    const args = ['drift', '--config', config, '--reference', 'weather#production', '--current', `${FIXTURE}test.csv`, '--json'];
    const missing = await mlops(clone, args);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/not in the local store .*use --store github, or --store-dir pointing at the shared store/);

    const r = await mlops(clone, [...args, '--store-dir', shared]);
    expect(r.code, r.err).toBe(0);
    const doc = r.json() as { reference: { rows: number }; columns: Array<{ name: string; nRef: number }> };
    // The reference is the registered model's training profile (the training rows), not the current data.
    const trainRows = (await readFile(`${FIXTURE}train.csv`, 'utf8')).trimEnd().split('\n').length - 1;
    expect(doc.reference.rows).toBe(trainRows);
    expect(doc.columns.find((c) => c.name === 'temp_max')?.nRef).toBe(trainRows);
    // Pulled from the shared store into this clone's cache, verified against the tag.
    expect(await exists(join(clone, '.mlops', 'cache', 'weather', 'v0.1.0', 'profile.json'))).toBe(true);
  });

  it('evaluate --baseline weather#production in a fresh clone resolves from --store-dir', async () => {
    const clone = await box.clone('evaluate-clone');
    const args = ['evaluate', '--config', config, '--candidate', model, '--baseline', 'weather#production', '--json', '--no-latency', '--backend', 'cpu'];
    const missing = await mlops(clone, args);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--store-dir pointing at the shared store/);

    const r = await mlops(clone, [...args, '--store-dir', shared]);
    expect(r.code, r.err).toBe(0);
    const doc = r.json() as { passed: boolean; baseline: { model: Record<string, unknown> }; deltas: Record<string, { value: number | null }> };
    expect(doc.baseline.model).toMatchObject({ ref: 'weather#production', name: 'weather', version: 'v0.1.0' });
    // A/A: the candidate is the registered model itself.
    expect(doc.passed).toBe(true);
    expect(doc.deltas.accuracy?.value).toBe(0);
  });

  it('--store is checked as on mlops registry, and both commands document the flags', async () => {
    const clone = await box.clone('flags-clone');
    const bad = await mlops(clone, ['drift', '--reference', 'weather#production', '--current', `${FIXTURE}test.csv`, '--store', 's3']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--store must be local or github, got 's3'/);
    const noRepo = await mlops(clone, ['evaluate', '--candidate', model, '--baseline', 'weather#production', '--store', 'github'], { GITHUB_REPOSITORY: undefined });
    expect(noRepo.code).toBe(2);
    expect(noRepo.err).toMatch(/--store github needs --repo owner\/name \(or GITHUB_REPOSITORY\)/);
    for (const command of ['drift', 'evaluate']) {
      const help = await mlops(clone, [command, '--help']);
      expect(help.out).toMatch(/--store local\|github/);
      expect(help.out).toMatch(/--store-dir <dir>/);
    }
  });
});
