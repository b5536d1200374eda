import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-task-setting-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// model.task: regression on a label of names: the config's setting is at fault (the label is a
// fine classification label), but the error pointed at the data file's line 2 and the label
// column, as if the data were wrong - as model.task: binary did before bbacaed.
describe('model.task: regression for a label that is not numeric', () => {
  it('is exit 2 at model.task, naming the value and the data line', async () => {
    const sub = await mkdtemp(join(dir, 'case-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'penguins-train.csv'));
    await writeFile(join(sub, 'mlops.yaml'), 'name: p\ndata: { train: penguins-train.csv, label: species }\nmodel:\n  task: regression\ntrain: { epochs: 1, backend: cpu }\n');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    expect(await runCli(['train', '--out', 'model'], io)).toBe(2);
    expect(io.err).toMatch(/^mlops train: mlops\.yaml:4:9 \(model\.task\): label 'species' is not numeric \(value 'Adelie' at \S*penguins-train\.csv:2\), so it cannot be a regression target: set model\.task to auto, binary or multiclass\n$/m);
  });
});
