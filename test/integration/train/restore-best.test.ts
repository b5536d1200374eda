import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-restore-best-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

interface Run { bestEpoch: number; epochsRun: number; stoppedEarly: boolean; history: Array<{ val_rmse: number }>; metrics: { rmse: number } }

// earlyStopping.restoreBest ("keep the weights of the best epoch", docs/config.md) restored them
// only when early stopping fired: a run whose best epoch came less than `patience` epochs before
// the end saved the last epoch's weights, while run.json named the best epoch as bestEpoch.
describe('earlyStopping.restoreBest when training ends without stopping early', () => {
  it('saves the weights of the best epoch: the final metrics are those of bestEpoch', async () => {
    const sub = await mkdtemp(join(dir, 'case-'));
    await cp(join(FIXTURES, 'cars-train.csv'), join(sub, 'cars-train.csv'));
    await writeFile(join(sub, 'mlops.yaml'), 'name: cars\ndata: { train: cars-train.csv, label: mpg }\nmodel: { hidden: [32], dropout: 0 }\n'
      + 'train: { epochs: 8, backend: cpu, learningRate: 0.1, seed: 3, earlyStopping: { patience: 8 } }\n');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    expect(await runCli(['train', '--out', 'model'], io), io.err).toBe(0);
    const run = JSON.parse(await readFile(join(sub, 'model', 'run.json'), 'utf8')) as Run;
    // The case this test is about: the best epoch is not the last, and training was not stopped.
    expect(run.stoppedEarly).toBe(false);
    expect(run.epochsRun).toBe(8);
    expect(run.bestEpoch).toBeLessThan(8);
    const best = run.history[run.bestEpoch - 1]!.val_rmse;
    expect(best).toBeLessThan(run.history[7]!.val_rmse);
    expect(run.metrics.rmse).toBeCloseTo(best, 4);
    expect(io.out).toContain(`epochs 8 (best ${run.bestEpoch}, its weights kept)`);
  });
});
