import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

// `mlops train --out <path>` replaces the whole path with the new model directory. It must only
// ever replace a model directory (or nothing): a mistyped --out must not delete the user's files.

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-train-out-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// A fast stand-in trainer (no TensorFlow.js): writes a model file and metrics.json.
const TRAINER = `
const fs = require('node:fs');
const path = require('node:path');
fs.writeFileSync(path.join(process.env.MLOPS_OUTPUT_DIR, 'model.bin'), process.argv[2] || 'one');
fs.writeFileSync(path.join(process.env.MLOPS_OUTPUT_DIR, 'metrics.json'), '{"accuracy": 0.5}');
`;

async function project(trainerArg = 'one') {
  const sub = await mkdtemp(join(dir, 'case-'));
  await writeFile(join(sub, 'train.csv'), 'x,y\n1,a\n2,b\n3,a\n4,b\n');
  await writeFile(join(sub, 'trainer.cjs'), TRAINER);
  await writeFile(join(sub, 'mlops.yaml'), `name: m\ndata: { train: train.csv, label: y }\ntrain: { command: "node trainer.cjs ${trainerArg}" }\n`);
  return sub;
}

async function train(cwd: string, args: string[]) {
  const io = memoryIo({ cwd, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--json', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('mlops train --out', () => {
  it('refuses a directory that holds other files, keeps them, and runs no trainer', async () => {
    const sub = await project();
    await mkdir(join(sub, 'data'));
    await writeFile(join(sub, 'data', 'notes.txt'), 'precious');
    const r = await train(sub, ['--out', 'data']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/data \(--out\): the output directory is not empty and is not a model directory/);
    // The file as the user wrote it (c9d383b).
    expect(JSON.parse(r.out)).toMatchObject({ error: { exitCode: 2, key: '--out', file: 'data' } });
    expect(await readdir(join(sub, 'data'))).toEqual(['notes.txt']);
    expect(await readFile(join(sub, 'data', 'notes.txt'), 'utf8')).toBe('precious');
    // Refused before the trainer ran: no staging directory is left either.
    expect((await readdir(sub)).filter((f) => f.includes('staging'))).toEqual([]);
  });

  it('refuses a file (even mlops.yaml itself) and the project directory', async () => {
    const sub = await project();
    const config = await readFile(join(sub, 'mlops.yaml'), 'utf8');
    const onFile = await train(sub, ['--out', 'mlops.yaml']);
    expect(onFile.code).toBe(2);
    expect(onFile.err).toMatch(/mlops\.yaml \(--out\): the model directory would replace/);
    expect(await readFile(join(sub, 'mlops.yaml'), 'utf8')).toBe(config);
    await writeFile(join(sub, 'notes.txt'), 'precious');
    const onOther = await train(sub, ['--out', 'notes.txt']);
    expect(onOther.code).toBe(2);
    expect(onOther.err).toMatch(/notes\.txt \(--out\): the output path is a file/);
    expect(await readFile(join(sub, 'notes.txt'), 'utf8')).toBe('precious');
    const onProject = await train(sub, ['--out', '.']);
    expect(onProject.code).toBe(2);
    expect(onProject.err).toMatch(/holds the project/);
    expect((await readdir(sub)).sort()).toEqual(['mlops.yaml', 'notes.txt', 'train.csv', 'trainer.cjs']);
  });

  it('replaces an earlier model directory and accepts an empty one', async () => {
    const sub = await project('one');
    expect((await train(sub, ['--out', 'model'])).code).toBe(0);
    expect(await readFile(join(sub, 'model', 'model.bin'), 'utf8')).toBe('one');
    await writeFile(join(sub, 'mlops.yaml'), (await readFile(join(sub, 'mlops.yaml'), 'utf8')).replace('trainer.cjs one', 'trainer.cjs two'));
    const again = await train(sub, ['--out', 'model']);
    expect(again.err).not.toMatch(/internal error/);
    expect(again.code).toBe(0);
    expect(await readFile(join(sub, 'model', 'model.bin'), 'utf8')).toBe('two');
    // Nothing set aside is left next to it.
    expect((await readdir(sub)).filter((f) => f.startsWith('.'))).toEqual([]);
    await mkdir(join(sub, 'empty'));
    expect((await train(sub, ['--out', 'empty'])).code).toBe(0);
    expect((await readdir(join(sub, 'empty'))).sort()).toEqual(['metrics.json', 'model.bin', 'profile.json', 'run.json']);
  });
});

describe('the train action\'s out input', () => {
  it('is named as the workflow set it when refused', async () => {
    const sub = await project();
    await mkdir(join(sub, 'data'));
    await writeFile(join(sub, 'data', 'keep.csv'), 'x\n1\n');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH, GITHUB_WORKSPACE: sub, INPUT_CONFIG: 'mlops.yaml', INPUT_OUT: 'data' } });
    expect(await runCli(['action', 'train'], io)).toBe(2);
    expect(io.err + io.out).toMatch(/data \(out\): the output directory is not empty and is not a model directory .*\(choose another 'out' input, or remove it first\)/);
    expect(await readdir(join(sub, 'data'))).toEqual(['keep.csv']);
  });
});
