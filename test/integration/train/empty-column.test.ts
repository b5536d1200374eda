/**
 * An export with a column that is always empty (`notes`, a field nobody fills in). `mlops init`
 * infers it as a feature, as does every-other-column without a schema; train must not stop at it
 * (init's next step is `mlops train`). A feature the user lists in data.features is still refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'mlops-empty-column-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

const DATA = ['amount,notes,channel,y', ...Array.from({ length: 60 }, (_, i) => `${(i * 37) % 100},,${i % 3 === 0 ? 'web' : 'shop'},${i % 2 === 0 ? 'p' : 'q'}`)].join('\n');

async function mlops(cwd: string, args: string[]) {
  const io = memoryIo({ cwd, env: { PATH: process.env.PATH } });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

async function project(name: string): Promise<string> {
  const dir = await mkdtemp(join(root, `${name}-`));
  execFileSync('git', ['init', '-q', dir]);
  await writeFile(join(dir, 'data.csv'), `${DATA}\n`);
  return dir;
}

describe('a column that is empty in every row', () => {
  it('init then train: the empty feature of the inferred schema is left out, and the log says so', async () => {
    const dir = await project('init');
    expect((await mlops(dir, ['init', 'data.csv', '--label', 'y'])).code).toBe(0);
    await writeFile(join(dir, 'mlops.yaml'), (await readFile(join(dir, 'mlops.yaml'), 'utf8')).replace(/epochs: \d+/, 'epochs: 2, backend: cpu'));
    const r = await mlops(dir, ['train', '--json']);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.err).toContain("left out 'notes': null in every training row (an empty column; data.features lists the features when you want to choose them)\n");
    const run = JSON.parse(await readFile(JSON.parse(r.out).run as string, 'utf8')) as { features: string[] };
    expect(run.features).toEqual(['amount', 'channel']);
  });

  it('without a schema (every other column) alike', async () => {
    const dir = await project('plain');
    await writeFile(join(dir, 'mlops.yaml'), 'name: plain\ndata: { train: data.csv, label: y }\ntrain: { epochs: 2, backend: cpu }\n');
    const r = await mlops(dir, ['train', '--out', 'model']);
    expect(r.code).toBe(0);
    expect(r.err).toContain("left out 'notes'");
  });

  it('a feature listed in data.features is refused (exit 2) when it is empty', async () => {
    const dir = await project('listed');
    await writeFile(join(dir, 'mlops.yaml'), 'name: listed\ndata: { train: data.csv, label: y, features: [amount, notes] }\ntrain: { epochs: 2, backend: cpu }\n');
    const r = await mlops(dir, ['train', '--out', 'model']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\(data\.features\[1\]\): feature 'notes' is null in every training row of \S*data\.csv: remove it from data\.features/);
  });
});
