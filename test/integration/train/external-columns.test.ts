import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-columns-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(data: string) {
  const sub = await mkdtemp(join(dir, 'case-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
  await writeFile(join(sub, 'mlops.yaml'), `name: ext\ndata: ${data}\ntrain: { command: "touch ran" }\n`);
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model'], io);
  return { code, err: io.err, files: await readdir(sub) };
}

// mlops's own trainer refuses a label or feature the data lacks (exit 2 at its line); an external
// trainer was started with MLOPS_LABEL=Species anyway, to fail with its own KeyError after loading
// the data (maybe minutes on a GPU runner), and mlops exited with the trainer's status.
describe('an external trainer given a label or feature column the data lacks', () => {
  it('data.label: exit 2 at its line, before the command runs', async () => {
    const r = await train('{ train: train.csv, label: Species }');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:2:34 \(data\.label\): label column 'Species' not found in \S*train\.csv \(did you mean "species"\?\)/m);
    expect(r.files).not.toContain('ran');
  });

  it('data.features: exit 2 at the item', async () => {
    const r = await train('{ train: train.csv, label: species, features: [island, beak_lenght_mm] }');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:2:62 \(data\.features\[1\]\): feature column 'beak_lenght_mm' not found/m);
    expect(r.files).not.toContain('ran');
  });

  it('columns that are there: the command runs', async () => {
    const r = await train('{ train: train.csv, label: species, features: [island] }');
    expect(r.files).toContain('ran');
  });
});
