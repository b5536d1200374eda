import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-schema-labels-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const SCHEMA = 'fields:\n  - { name: species, type: string, role: label }\n  - { name: island, type: string, role: label }\n  - { name: sex, type: string, role: feature }\n';

async function train(config: string) {
  const sub = await mkdtemp(join(dir, 'case-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'penguins-train.csv'));
  await writeFile(join(sub, 'schema.yaml'), SCHEMA);
  await writeFile(join(sub, 'mlops.yaml'), config);
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model'], io);
  return { code, err: io.err, files: await readdir(sub) };
}

// Two schema fields with role: label and no data.label: mlops trained on the first, silently - a
// model of the wrong target when the user meant the other.
describe('a schema with two role: label fields', () => {
  it.each([
    ['tfjs', 'train: { epochs: 1, backend: cpu }\n'],
    ['external trainer', 'train: { command: "touch ran" }\n'],
  ])('is exit 2 naming both when data.label does not choose (%s)', async (_, trainer) => {
    const r = await train(`name: p\ndata: { train: penguins-train.csv, schema: schema.yaml }\n${trainer}`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: schema\.yaml \(fields\[1\]\.role\): two fields have role: label \('species', 'island'\): keep one, or choose with data\.label in mlops\.yaml\n$/m);
    expect(r.files).not.toContain('ran');
    expect(r.files).not.toContain('model');
  });

  it('data.label chooses', async () => {
    const r = await train('name: p\ndata: { train: penguins-train.csv, schema: schema.yaml, label: island }\ntrain: { command: "touch ran" }\n');
    expect(r.files).toContain('ran');
  });
});
