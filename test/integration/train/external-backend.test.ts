import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-backend-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(trainYaml: string, args: string[] = [], data = '{ train: train.csv, label: species }', files: Record<string, string> = {}) {
  const sub = await mkdtemp(join(dir, 'case-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(sub, name), text);
  await writeFile(join(sub, 'mlops.yaml'), `name: ext\ndata: ${data}\ntrain: ${trainYaml}\n`);
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model', ...args], io);
  return { code, err: io.err, files: await readdir(sub), sub };
}

/** A trainer that records MLOPS_FEATURES and writes the two files a model needs. */
const RECORD_FEATURES = 'echo "$MLOPS_FEATURES" > features.txt\necho \'{"accuracy": 0.9}\' > "$MLOPS_OUTPUT_DIR/metrics.json"\necho w > "$MLOPS_OUTPUT_DIR/m.bin"\n';


// A TensorFlow.js backend was silently ignored by an external trainer: a GPU runner's
// `backend: tensorflow` then trained wherever the command chose, with nothing said.
describe('a forced TensorFlow.js backend with train.command', () => {
  it('train.backend: exit 2 at its line, before the command runs', async () => {
    const r = await train('{ command: "touch ran", backend: tensorflow }');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:3:\d+ \(train\.backend\): train\.backend: tensorflow applies to mlops's own TensorFlow\.js trainer/m);
    expect(r.files).not.toContain('ran');
  });

  it('--backend: exit 2 naming the flag; --backend auto is fine', async () => {
    const r = await train('{ command: "touch ran" }', ['--backend', 'cpu']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--backend cpu applies to mlops's own TensorFlow\.js trainer/);
    expect(r.files).not.toContain('ran');
    const auto = await train('{ command: "sh trainer.sh" }', ['--backend', 'auto'], undefined, { 'trainer.sh': RECORD_FEATURES });
    expect(auto.code, auto.err).toBe(0);
  });
});

// MLOPS_FEATURES was [] when neither data.features nor a schema's role: feature named the
// features, and the documented fallback (every column but the label) then trained on id columns
// that mlops's own trainer leaves out.
describe('MLOPS_FEATURES when no feature is named', () => {
  it("lists the columns mlops's own trainer would use: not the label, nor the schema's id, timestamp and ignore fields", async () => {
    const schema = ['fields:', '  - { name: species, type: string, role: label }', '  - { name: island, type: string, role: id }', '  - { name: beak_length_mm, type: number }',
      '  - { name: beak_depth_mm, type: number }', '  - { name: flipper_length_mm, type: integer, role: ignore }', '  - { name: body_mass_g, type: integer }', '  - { name: sex, type: string }', ''].join('\n');
    const r = await train('{ command: "sh trainer.sh" }', [], '{ train: train.csv, schema: schema.yaml }', { 'schema.yaml': schema, 'trainer.sh': RECORD_FEATURES });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(await readFile(join(r.sub, 'features.txt'), 'utf8'))).toEqual(['beak_length_mm', 'beak_depth_mm', 'body_mass_g', 'sex']);
  });
});
