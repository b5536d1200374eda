import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-out-path-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const CONFIG = 'name: p\ndata: { train: penguins-train.csv, label: species }\nmodel: { type: linear }\ntrain: { epochs: 1, backend: cpu }\n';

// `--out mlops.yaml/model` (or a path through a data file): the staging directory could not be
// made, and mlops printed 'internal error: Error: ENOTDIR ...' with a stack trace.
describe('an --out path that runs through a file', () => {
  it.each([
    ['tfjs', CONFIG],
    ['external trainer', 'name: p\ndata: { train: penguins-train.csv, label: species }\ntrain: { command: "touch ran" }\n'],
  ])('is exit 2 naming --out, before anything runs (%s)', async (_, config) => {
    const sub = await mkdtemp(join(dir, 'case-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'penguins-train.csv'));
    await writeFile(join(sub, 'mlops.yaml'), config);
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    const code = await runCli(['train', '--out', 'mlops.yaml/model'], io);
    expect(io.err).not.toMatch(/internal error/);
    expect(code).toBe(2);
    expect(io.err).toMatch(/^mlops train: mlops\.yaml\/model \(--out\): .*mlops\.yaml is a file, not a directory: choose another --out\n$/m);
    expect(io.err).not.toMatch(/^training /m);
    expect((await readdir(sub)).sort()).toEqual(['mlops.yaml', 'penguins-train.csv']);
    expect(await readFile(join(sub, 'mlops.yaml'), 'utf8')).toBe(config);
  });
});

// A model directory mlops may not create (a read-only checkout, another user's directory on a
// self-hosted runner): 'internal error: EACCES …' with a stack trace. /sys refuses even root.
describe.runIf(process.platform === 'linux' && existsSync('/sys/kernel'))('an --out where no directory can be created', () => {
  it('is exit 2 naming --out and why, not an internal error', async () => {
    const sub = await mkdtemp(join(dir, 'ro-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'penguins-train.csv'));
    await writeFile(join(sub, 'mlops.yaml'), 'name: p\ndata: { train: penguins-train.csv, label: species }\ntrain: { command: "touch ran" }\n');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    const code = await runCli(['train', '--out', '/sys/kernel/mlops-model'], io);
    expect(io.err).not.toMatch(/internal error/);
    expect(code).toBe(2);
    expect(io.err).toMatch(/^mlops train: \/sys\/kernel\/mlops-model \(--out\): cannot create the model directory there \(E[A-Z]+\): choose another --out\n$/m);
    expect(await readdir(sub)).not.toContain('ran');
  });
});
