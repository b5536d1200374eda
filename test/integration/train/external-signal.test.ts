import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-signal-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// Saves a checkpoint and exits 0 on SIGTERM, as Lightning and many training loops do.
const TRAINER = `
const fs = require('node:fs');
const out = process.env.MLOPS_OUTPUT_DIR;
process.on('SIGTERM', () => {
  fs.writeFileSync('got-sigterm', '');
  fs.writeFileSync(out + '/model.pt', 'checkpoint');
  fs.writeFileSync(out + '/metrics.json', '{"accuracy": 0.5}');
  process.exit(0);
});
fs.writeFileSync('started', '');
setInterval(() => {}, 1000);
`;

describe('mlops train stopped (SIGTERM: timeout, a cancelled job) while an external trainer runs', () => {
  // mlops died at once and left the trainer running, orphaned (on the GPU, for hours), and a
  // staging directory behind; a trainer that checkpoints on SIGTERM never heard of it.
  it('passes the signal on to the whole command, publishes nothing and exits 143', async () => {
    const sub = await mkdtemp(join(dir, 'case-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
    await writeFile(join(sub, 'trainer.cjs'), TRAINER);
    // Two commands: the shell does not exec the trainer, so the signal must reach its process group.
    await writeFile(join(sub, 'mlops.yaml'), 'name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: "cd . && node trainer.cjs" }\n');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    const running = runCli(['train', '--out', 'model', '--json'], io);
    while (!(await stat(join(sub, 'started')).catch(() => null))) await sleep(20);
    process.kill(process.pid, 'SIGTERM');
    expect(await running).toBe(143);
    expect(io.err).toContain('mlops train: stopped by SIGTERM: the external trainer was stopped with it (exit status 143); no model directory was written');
    expect(JSON.parse(io.out)).toEqual({ exitCode: 143, command: 'cd . && node trainer.cjs', modelDir: null });
    const files = await readdir(sub);
    expect(files).toContain('got-sigterm');
    expect(files.filter((f) => f === 'model' || f.includes('staging'))).toEqual([]);
    // The handlers are gone with the trainer: this process's own signals are its own again.
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });
});
