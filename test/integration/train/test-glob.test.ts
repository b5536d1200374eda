import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-train-test-glob-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// data.test is one golden file (evaluate refuses a pattern there). Train did not: with
// data.train 'data/*.csv' and data.test 'data/golden-*.csv' it trained on the golden shards - the
// rows evaluate scores - and the refusal came only at evaluation.
describe('a data.test pattern', () => {
  it.each([
    ['tfjs', 'model: { type: linear }\ntrain: { epochs: 1, backend: cpu }\n'],
    ['external trainer', 'train: { command: "touch ran" }\n'],
  ])('is exit 2 at data.test when training (%s), before the golden rows are trained on', async (_, train) => {
    const sub = await mkdtemp(join(dir, 'case-'));
    await mkdir(join(sub, 'data'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'data', 'a.csv'));
    await cp(join(FIXTURES, 'penguins-test.csv'), join(sub, 'data', 'golden-1.csv'));
    await writeFile(join(sub, 'mlops.yaml'), `name: g\ndata:\n  train: data/*.csv\n  test: data/golden-*.csv\n  label: species\n${train}`);
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    const code = await runCli(['train', '--out', 'model'], io);
    expect(code).toBe(2);
    expect(io.err).toMatch(/^mlops train: mlops\.yaml:4:9 \(data\.test\): the test set is one file, not a pattern: /m);
    expect((await readdir(sub)).sort()).toEqual(['data', 'mlops.yaml']);
  });
});
