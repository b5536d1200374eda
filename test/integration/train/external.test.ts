import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { isAcceleratorDevice } from '../../../src/train/train.ts';
import { hashModelDir } from '../../../src/registry/model-hash.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// A stand-in trainer in plain node: records its environment, writes a "model" and metrics.json.
const TRAINER = `
const fs = require('node:fs');
const path = require('node:path');
const out = process.env.MLOPS_OUTPUT_DIR;
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MLOPS_')));
fs.writeFileSync(path.join(out, 'env.json'), JSON.stringify(env));
const mode = process.argv[2];
if (mode === 'fail') { console.error('trainer: out of memory'); process.exit(3); }
if (mode === 'killed') process.kill(process.pid, 'SIGKILL');
fs.writeFileSync(path.join(out, 'model.pt'), 'weights');
const metrics = mode === 'cuda' ? { metrics: { accuracy: 0.93, log_loss: 0.2 }, device: 'cuda:0' }
  // docs/training.md's history form, plus what a real loop may write: a null (diverged) loss, text, a stray entry.
  : mode === 'history' ? { metrics: { accuracy: 0.93 }, history: [{ epoch: 1, loss: 0.9, val_loss: 0.8 }, { epoch: 2, loss: 0.5, val_loss: 0.6 }, null, { loss: null, note: 'nan' }, { epoch: 'x', loss: 0.4 }] }
  : { accuracy: 0.93, log_loss: 0.2 };
if (mode !== 'no-metrics') fs.writeFileSync(path.join(out, 'metrics.json'), JSON.stringify(metrics));
console.log('trainer: done');
`;

async function run(mode: string, args: string[] = []) {
  const sub = await mkdtemp(join(dir, `${mode}-`));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
  await writeFile(join(sub, 'trainer.cjs'), TRAINER);
  await writeFile(join(sub, 'mlops.yaml'), [
    'name: ext',
    'data: { train: train.csv, label: species, features: [island, sex] }',
    `train: { seed: 9, command: "node trainer.cjs ${mode}", classWeight: { Adelie: 2 } }`,
  ].join('\n'));
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model', ...args], io);
  return { code, io, sub };
}

describe('external trainer (train.command)', () => {
  it("records as weights the digest of every file the trainer wrote (not the first file's hash alone)", async () => {
    const { code, io, sub } = await run('ok');
    expect(code, io.err).toBe(0);
    const runJson = JSON.parse(await readFile(join(sub, 'model', 'run.json'), 'utf8')) as { weights: { sha256: string; bytes: number } };
    // The registry's digest of the trainer's own files: env.json and model.pt, not metrics/profile/run.
    const trainerFiles = await mkdtemp(join(dir, 'files-'));
    for (const f of ['env.json', 'model.pt']) await cp(join(sub, 'model', f), join(trainerFiles, f));
    const expected = await hashModelDir(trainerFiles);
    expect(runJson.weights).toEqual({ sha256: expected.sha256, bytes: expected.bytes });
  });

  it('runs the command with the MLOPS_* environment and adds run.json and profile.json', async () => {
    const { code, io, sub } = await run('ok', ['--json']);
    expect(io.err).not.toMatch(/internal error/);
    expect(code).toBe(0);
    expect(io.err).toMatch(/trainer: done/);
    const files = (await readdir(join(sub, 'model'))).sort();
    expect(files).toEqual(['env.json', 'metrics.json', 'model.pt', 'profile.json', 'run.json']);
    const env = JSON.parse(await readFile(join(sub, 'model', 'env.json'), 'utf8')) as Record<string, string>;
    expect(env).toMatchObject({ MLOPS_TRAIN_DATA: join(sub, 'train.csv'), MLOPS_LABEL: 'species', MLOPS_FEATURES: '["island","sex"]', MLOPS_SEED: '9', MLOPS_CONFIG: join(sub, 'mlops.yaml'), MLOPS_TEST_DATA: '', MLOPS_SCHEMA: '', MLOPS_CLASS_WEIGHT: '{"Adelie":2}' });
    // The command wrote into a staging directory that was then published atomically as --out.
    expect(env.MLOPS_OUTPUT_DIR).not.toBe(join(sub, 'model'));
    const runJson = JSON.parse(await readFile(join(sub, 'model', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(runJson).toMatchObject({ trainer: 'external', command: 'node trainer.cjs ok', metrics: { accuracy: 0.93, log_loss: 0.2 }, exitCode: 0 });
    expect(JSON.parse(io.out)).toMatchObject({ trainer: 'external', metrics: { accuracy: 0.93 } });
    // No device reported: run.json says only that an external command trained it.
    expect(runJson.backend).toMatchObject({ name: 'external', device: 'external command', gpu: false });
    // Its params are what the command was given: no tfjs model block (mlp 64-32 by default), no
    // validationSplit or backend, which would show in the registry's model card as if they had run.
    expect(runJson.params).toEqual({
      train: { command: 'node trainer.cjs ok', predictCommand: null, seed: 9, epochs: 50, batchSize: 256, learningRate: 0.001, classWeight: { Adelie: 2 } },
      inputs: null,
    });
    expect(env).toMatchObject({ MLOPS_EPOCHS: '50', MLOPS_BATCH_SIZE: '256', MLOPS_LEARNING_RATE: '0.001' });
  });

  it('records the device the trainer reports in metrics.json (e.g. torch on cuda:0)', async () => {
    const { code, sub } = await run('cuda');
    expect(code).toBe(0);
    const runJson = JSON.parse(await readFile(join(sub, 'model', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(runJson.backend).toMatchObject({ name: 'external', device: 'cuda:0', gpu: true });
    expect(runJson.metrics).toEqual({ accuracy: 0.93, log_loss: 0.2 });
  });

  it('propagates a failing exit status and publishes nothing', async () => {
    const { code, io, sub } = await run('fail');
    expect(code).toBe(3);
    expect(io.err).toMatch(/trainer: out of memory/);
    expect(io.err).toMatch(/exited with status 3/);
    expect((await readdir(sub)).some((f) => f === 'model' || f.includes('staging'))).toBe(false);
  });

  it('a trainer killed by a signal (the out-of-memory killer) exits 137 and says so; nothing is published', async () => {
    const sub = await mkdtemp(join(dir, 'killed-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
    await writeFile(join(sub, 'trainer.cjs'), TRAINER);
    // exec: the shell is replaced by the trainer (as bash does for one command), so mlops sees the signal itself.
    await writeFile(join(sub, 'mlops.yaml'), 'name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: "exec node trainer.cjs killed" }\n');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    const code = await runCli(['train', '--out', 'model', '--json'], io);
    expect(code).toBe(137);
    expect(io.err).toContain('mlops train: the external trainer was killed by SIGKILL (exit status 137; the out-of-memory killer sends SIGKILL, so check the memory the trainer used); no model directory was written');
    expect(JSON.parse(io.out)).toEqual({ exitCode: 137, command: 'exec node trainer.cjs killed', modelDir: null });
    expect((await readdir(sub)).some((f) => f === 'model' || f.includes('staging'))).toBe(false);
  });

  it('exits 2 naming metrics.json when the command writes none', async () => {
    const { code, io, sub } = await run('no-metrics');
    expect(code).toBe(2);
    expect(io.err).toMatch(/model\/metrics\.json \(train\.command\): the external trainer exited 0 but wrote no metrics\.json/);
    // Nothing is published, but the trained model (maybe hours of GPU time) is not deleted either.
    const kept = /what the trainer wrote is kept, unpublished, in (\S+)\n/.exec(io.err)?.[1];
    expect(kept).toBeDefined();
    expect((await readdir(kept!)).sort()).toEqual(['env.json', 'model.pt']);
    expect(await readdir(sub)).not.toContain('model');
  });

  it('keeps the output of a trainer whose metrics.json holds no number (e.g. str(accuracy))', async () => {
    const sub = await mkdtemp(join(dir, 'strings-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
    await writeFile(join(sub, 'trainer.cjs'), "const fs = require('node:fs'); const o = process.env.MLOPS_OUTPUT_DIR;\n"
      + "fs.writeFileSync(o + '/model.pt', 'weights'); fs.writeFileSync(o + '/metrics.json', JSON.stringify({ accuracy: '0.93' }));\n");
    await writeFile(join(sub, 'mlops.yaml'), 'name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: "node trainer.cjs" }\n');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    expect(await runCli(['train', '--out', 'model'], io)).toBe(2);
    expect(io.err).toMatch(/metrics\.json holds no numeric metric .*; what the trainer wrote is kept, unpublished, in \S+\.model\.staging-\S+\n$/);
    const kept = /unpublished, in (\S+)\n/.exec(io.err)![1]!;
    expect(await readFile(join(kept, 'model.pt'), 'utf8')).toBe('weights');
  });

  it("in GitHub Actions: the summary charts the trainer's history; entries are kept as numbers only", async () => {
    const sub = await mkdtemp(join(dir, 'history-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
    await writeFile(join(sub, 'trainer.cjs'), TRAINER);
    await writeFile(join(sub, 'mlops.yaml'), 'name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: "node trainer.cjs history" }\n');
    const summary = join(sub, 'summary.md');
    const output = join(sub, 'output.txt');
    await writeFile(summary, '');
    await writeFile(output, '');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output } });
    const code = await runCli(['train', '--out', 'model'], io);
    expect(io.err + io.out).not.toMatch(/internal error/);
    expect(code).toBe(0);
    const text = await readFile(summary, 'utf8');
    expect(text).toContain('xychart-beta');
    expect(text).toMatch(/\| *1 *\| *loss 0\.9 · val_loss 0\.8 *\|/);
    const runJson = JSON.parse(await readFile(join(sub, 'model', 'run.json'), 'utf8')) as { history: unknown[]; epochsRun: number };
    expect(runJson.history).toEqual([{ epoch: 1, loss: 0.9, val_loss: 0.8 }, { epoch: 2, loss: 0.5, val_loss: 0.6 }, { epoch: 4 }, { epoch: 5, loss: 0.4 }]);
  });

  it('tells accelerator device names from CPU ones', () => {
    expect(['cuda', 'cuda:0', 'mps', 'gpu:1', 'xla:0', 'ROCm'].map(isAcceleratorDevice)).toEqual([true, true, true, true, true, true]);
    expect(['cpu', 'external command', 'cudaless', null].map(isAcceleratorDevice)).toEqual([false, false, false, false]);
  });
});
