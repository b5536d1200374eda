import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-diverge-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const config = (learningRate: string) => 'name: cars\ndata: { train: cars-train.csv, label: mpg }\n'
  + `train: { epochs: 3, backend: cpu, learningRate: ${learningRate} }\nmodel: { dropout: 0 }\n`;

async function train(sub: string, text: string) {
  await writeFile(join(sub, 'mlops.yaml'), text);
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model'], io);
  return { code, err: io.err };
}

describe('training whose loss diverges (NaN or infinite)', () => {
  // A learning rate far too high overflows the weights: every prediction is NaN. The model was
  // published with exit 0, 'stopped early, best 3', and run.json metrics { rmse: null, ... }.
  it('is exit 2 at train.learningRate, and the earlier model is kept as it was', async () => {
    const sub = await mkdtemp(join(dir, 'case-'));
    await cp(join(FIXTURES, 'cars-train.csv'), join(sub, 'cars-train.csv'));
    const good = await train(sub, config('0.01'));
    expect(good.code, good.err).toBe(0);
    const before = await readFile(join(sub, 'model', 'run.json'), 'utf8');

    const bad = await train(sub, config('1e30'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/mlops train: mlops\.yaml:3:\d+ \(train\.learningRate\): training diverged: the loss of epoch 1 is not a number \(NaN\)/);
    expect(bad.err).toMatch(/lower train\.learningRate \(1e\+30\)/);
    expect(bad.err).not.toMatch(/^trained /m);
    expect(await readFile(join(sub, 'model', 'run.json'), 'utf8')).toBe(before);
    expect((await readdir(sub)).filter((f) => f.includes('staging'))).toEqual([]);
  });
});
