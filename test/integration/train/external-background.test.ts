import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-bg-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('external trainer that leaves a process running in the background', () => {
  // `tensorboard --logdir runs & python train.py`: the background process inherits the trainer's
  // stdout and stderr, so they stay open after the trainer exits. mlops waited for them to close,
  // that is for the background process to end: forever for a server (a 6-hour hung CI job).
  it('finishes when the trainer exits, with its output and the model published', async () => {
    const sub = await mkdtemp(join(dir, 'bg-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
    const command = 'sleep 600 & echo $! > bg.pid; echo trainer done;'
      + ' echo \'{"accuracy": 0.9}\' > "$MLOPS_OUTPUT_DIR/metrics.json"; echo w > "$MLOPS_OUTPUT_DIR/model.bin"';
    await writeFile(join(sub, 'mlops.yaml'), `name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: ${JSON.stringify(command)} }\n`);
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    try {
      const code = await runCli(['train', '--out', 'model'], io);
      expect(code, io.err).toBe(0);
      expect(io.err).toContain('trainer done');
      expect((await readdir(join(sub, 'model'))).sort()).toEqual(['metrics.json', 'model.bin', 'profile.json', 'run.json']);
    } finally {
      const pid = Number(await readFile(join(sub, 'bg.pid'), 'utf8').catch(() => ''));
      if (pid > 0) {
        try { process.kill(pid); } catch { /* already gone */ }
      }
    }
  }, 15_000);
});
