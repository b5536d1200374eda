import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-train-missing-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(config: string) {
  const sub = await mkdtemp(join(dir, 'case-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'penguins-train.csv'));
  await writeFile(join(sub, 'mlops.yaml'), config);
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model'], io);
  return { code, err: io.err, files: await readdir(sub) };
}

// A typo in a path of mlops.yaml was reported at the path alone ('penguins-trian.csv: data file
// not found'), without the config file, line and key that hold it (DESIGN §4: exit 2 names them).
describe('a data or schema file that mlops.yaml names but that does not exist', () => {
  it('data.train: exit 2 at its line in mlops.yaml, naming the path', async () => {
    const r = await train('name: p\ndata:\n  train: penguins-trian.csv\n  label: species\ntrain: { backend: cpu, epochs: 1 }\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:3:10 \(data\.train\): data file not found: penguins-trian\.csv\n$/m);
    expect(r.files).not.toContain('model');
  });

  it('a data.train glob that matches nothing', async () => {
    const r = await train('name: p\ndata: { train: "data/*.csv", label: species }\ntrain: { backend: cpu, epochs: 1 }\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:2:16 \(data\.train\): no file matches this pattern: data\/\*\.csv\n$/m);
  });

  it('data.schema', async () => {
    const r = await train('name: p\ndata: { train: penguins-train.csv, label: species, schema: schema.yml }\ntrain: { backend: cpu, epochs: 1 }\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:2:60 \(data\.schema\): schema file not found: schema\.yml\n$/m);
  });

  it('data.test of an external trainer: before the command runs', async () => {
    const r = await train('name: p\ndata: { train: penguins-train.csv, test: golden.csv, label: species }\ntrain: { command: "touch ran" }\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:2:42 \(data\.test\): data file not found: golden\.csv\n$/m);
    expect(r.files).not.toContain('ran');
  });
});
