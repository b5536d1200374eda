import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-train-inputs-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function action(inputs: Record<string, string>) {
  const ws = await mkdtemp(join(dir, 'ws-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(ws, 'penguins-train.csv'));
  await writeFile(join(ws, 'mlops.yaml'), 'name: p\ndata: { train: penguins-train.csv, label: species }\nmodel: { type: linear }\ntrain: { epochs: 1, backend: cpu }\n');
  const output = join(ws, 'output.txt');
  await writeFile(output, '');
  const env: Record<string, string> = { PATH: process.env.PATH!, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: output };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const io = memoryIo({ cwd: ws, env });
  const code = await runCli(['action', 'train'], io);
  return { code, text: io.out + io.err, files: await readdir(ws) };
}

// actions/upload-artifact refuses a name with " : < > | * ? \ / or a line break, in the step after
// training: a tag-like 'model:v2' cost a whole training run (hours on a GPU runner) before failing.
describe('the train action: artifact-name', () => {
  it.each(['model:v2', 'models/penguins', 'a*b'])('%s is refused before training (exit 2)', async (name) => {
    const r = await action({ 'artifact-name': name });
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/input 'artifact-name' cannot hold " : < > \| \* \? \\ \/ or a line break \(actions\/upload-artifact refuses them\), got /);
    expect(r.text).not.toMatch(/^training /m);
  });

  it('a valid name, and none (upload: false), train', async () => {
    expect((await action({ 'artifact-name': 'model-v2.1 (penguins)', out: 'model' })).code).toBe(0);
    expect((await action({ upload: 'false', 'artifact-name': '', out: 'model' })).code).toBe(0);
  });
});
