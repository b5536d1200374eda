/**
 * `data.train: data/*.csv` next to `data.test: data/golden.csv`: the pattern matches the golden
 * set too. Training on it would let evaluate score rows the model learned, so every gate judges an
 * inflated number; the golden file is held out of training (both trainers) and the log says so.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/train/config.ts';
import { trainModel } from '../../../src/train/train.ts';

let dir: string;

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => `${from + i},${(from + i) % 2 === 0 ? 'a' : 'b'}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-test-overlap-'));
  await mkdir(join(dir, 'data'));
  await writeFile(join(dir, 'data', 'part-1.csv'), ['x,y', ...rows(0, 30)].join('\n'));
  await writeFile(join(dir, 'data', 'part-2.csv'), ['x,y', ...rows(30, 20)].join('\n'));
  await writeFile(join(dir, 'data', 'golden.csv'), ['x,y', ...rows(50, 10)].join('\n'));
  await writeFile(join(dir, 'trainer.cjs'), [
    "const fs = require('node:fs');",
    "fs.writeFileSync(process.env.MLOPS_OUTPUT_DIR + '/files.json', process.env.MLOPS_TRAIN_FILES);",
    "fs.writeFileSync(process.env.MLOPS_OUTPUT_DIR + '/metrics.json', '{\"accuracy\": 1}');",
  ].join('\n'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(yaml: string, out: string) {
  await writeFile(join(dir, `${out}.yaml`), yaml);
  const log: string[] = [];
  const result = await trainModel(await loadConfig(join(dir, `${out}.yaml`)), { out: join(dir, out), cwd: dir, log: (l) => log.push(l) });
  return { result, log };
}

const TRAIN = 'model: { type: linear }\ntrain: { epochs: 1, backend: cpu }\n';

describe('data.train whose pattern also matches data.test', () => {
  it('holds the golden file out of training, the profile and run.json', async () => {
    const { result, log } = await train(`name: m\ndata: { train: "data/*.csv", test: data/golden.csv, label: y }\n${TRAIN}`, 'glob');
    expect(log).toContain("data.train 'data/*.csv' also matches data.test: data/golden.csv is left out of training, so evaluate scores rows the model never saw");
    expect(result.run.rows.read).toBe(50);
    expect(result.run.data.train.map((f) => f.path)).toEqual(['data/part-1.csv', 'data/part-2.csv']);
    expect(result.run.data.test.map((f) => f.path)).toEqual(['data/golden.csv']);
    const profile = JSON.parse(await readFile(join(dir, 'glob', 'profile.json'), 'utf8')) as { rows: number };
    expect(profile.rows).toBe(50);
  });

  it('gives an external trainer the files without the golden one', async () => {
    const { result, log } = await train(`name: m\ndata: { train: "data/*.csv", test: data/golden.csv, label: y }\ntrain: { command: node trainer.cjs }\n`, 'external');
    expect(log[0]).toMatch(/left out of training/);
    expect(JSON.parse(await readFile(join(dir, 'external', 'files.json'), 'utf8'))).toEqual([join(dir, 'data', 'part-1.csv'), join(dir, 'data', 'part-2.csv')]);
    expect(result.run.rows.read).toBe(50);
  });

  it('trains on the one file data.train names even when it is data.test, with a warning', async () => {
    const { result, log } = await train(`name: m\ndata: { train: data/golden.csv, test: ./data/../data/golden.csv, label: y }\n${TRAIN}`, 'same');
    expect(log).toContain('warning: data.train is data.test (data/golden.csv): evaluate will score rows the model was trained on, and every gate judge an inflated number; set data.test to a held-out golden set');
    expect(result.run.rows.read).toBe(10);
  });

  it('says nothing when the test file is elsewhere', async () => {
    const { log } = await train(`name: m\ndata: { train: "data/part-*.csv", test: data/golden.csv, label: y }\n${TRAIN}`, 'apart');
    expect(log.join('\n')).not.toMatch(/data\.test/);
  });
});
