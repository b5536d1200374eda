import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-train-cli-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(dir, 'penguins-train.csv'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(files: Record<string, string>, args: string[] = [], env: Record<string, string> = {}) {
  const sub = await mkdtemp(join(dir, 'case-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(sub, name), text);
  await cp(join(dir, 'penguins-train.csv'), join(sub, 'penguins-train.csv'));
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH, ...env } });
  const code = await runCli(['train', ...args], io);
  return { code, out: io.out, err: io.err, dir: sub };
}

const PENGUINS = 'name: penguins\ndata: { train: penguins-train.csv, label: species }\nmodel: { type: linear }\ntrain: { epochs: 2, batchSize: 32, backend: cpu }\n';

describe('mlops train', () => {
  it('refuses a --native-dir that is not a directory, before training (auto would silently fall back to wasm)', async () => {
    const r = await train({ 'mlops.yaml': PENGUINS }, ['--native-dir', 'no/such dir', '--out', 'model']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("mlops train: --native-dir 'no/such dir' is not a directory (it should hold node_modules/@tensorflow/tfjs-node or -gpu)\n");
    expect((await readdir(r.dir)).sort()).toEqual(['mlops.yaml', 'penguins-train.csv']);
  });

  it('refuses an MLOPS_NATIVE_DIR that is not a directory, as --native-dir (a runner image with a mistyped path trained on wasm)', async () => {
    const r = await train({ 'mlops.yaml': PENGUINS }, ['--out', 'model'], { MLOPS_NATIVE_DIR: '/opt/mlops-natve' });
    expect(r.code).toBe(2);
    expect(r.err).toBe("mlops train: MLOPS_NATIVE_DIR '/opt/mlops-natve' is not a directory (it should hold node_modules/@tensorflow/tfjs-node or -gpu): fix or unset it\n");
    expect((await readdir(r.dir)).sort()).toEqual(['mlops.yaml', 'penguins-train.csv']);
    // An empty value is unset; --native-dir, when given, is the directory used instead.
    expect((await train({ 'mlops.yaml': PENGUINS }, ['--out', 'model'], { MLOPS_NATIVE_DIR: '' })).code).toBe(0);
    expect((await train({ 'mlops.yaml': PENGUINS }, ['--out', 'model', '--native-dir', '.'], { MLOPS_NATIVE_DIR: '/opt/mlops-natve' })).code).toBe(0);
  });

  it('a forced backend that cannot load is named where it was set, before the data is read', async () => {
    // data.train names no file: the backend is the first thing to fail, not minutes of reading later.
    const config = 'name: penguins\ndata: { train: missing/*.csv, label: species }\ntrain:\n  backend: tensorflow\n';
    const r = await train({ 'mlops.yaml': config }, ['--out', 'model'], { MLOPS_NATIVE_DIR: '' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: \S*mlops\.yaml:4:12 \(train\.backend\): backend 'tensorflow' is not available: /);
    const flag = await train({ 'mlops.yaml': PENGUINS }, ['--out', 'model', '--backend', 'tensorflow']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/^mlops train: \(--backend\): backend 'tensorflow' is not available: /);
  });

  it('trains, writes the model directory and prints one JSON document with --json', async () => {
    const r = await train({ 'mlops.yaml': PENGUINS }, ['--json', '--out', 'model']);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(doc).toMatchObject({ name: 'penguins', trainer: 'tfjs', task: 'multiclass', backend: 'cpu', epochs: 2, modelDir: join(r.dir, 'model') });
    expect((await readdir(join(r.dir, 'model'))).sort()).toEqual(['model.json', 'preprocessing.json', 'profile.json', 'run.json', 'weights.bin']);
    const run = JSON.parse(await readFile(join(r.dir, 'model', 'run.json'), 'utf8')) as { data: { train: Array<{ path: string; sha256: string; md5: string }> }; history: unknown[]; packages: Record<string, string> };
    expect(run.data.train[0]).toMatchObject({ path: 'penguins-train.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), md5: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(run.history).toHaveLength(2);
    expect(run.packages['tfjs-core']).toMatch(/^\d+\./);
    const profile = JSON.parse(await readFile(join(r.dir, 'model', 'profile.json'), 'utf8')) as { format: string; rows: number };
    expect(profile).toMatchObject({ format: 'mlops-profile', rows: 276 });
    // Progress went to stderr, one line per epoch (not a TTY).
    expect(r.err).toMatch(/epoch 2\/2: loss/);
    // Same config + data + backend → the same weights and metrics, end to end through the CLI.
    const io = memoryIo({ cwd: r.dir, env: { PATH: process.env.PATH } });
    expect(await runCli(['train', '--json', '--out', 'again'], io)).toBe(0);
    expect(JSON.parse(io.out).metrics).toEqual(doc.metrics);
    expect(await readFile(join(r.dir, 'again', 'weights.bin'))).toEqual(await readFile(join(r.dir, 'model', 'weights.bin')));
    expect(await readFile(join(r.dir, 'again', 'preprocessing.json'), 'utf8')).toBe(await readFile(join(r.dir, 'model', 'preprocessing.json'), 'utf8'));
  });

  it('in Actions: grouped log lines, outputs and a summary with the loss chart', async () => {
    const sub = await mkdtemp(join(dir, 'gha-'));
    const summary = join(sub, 'summary.md');
    const output = join(sub, 'output.txt');
    await writeFile(summary, '');
    await writeFile(output, '');
    const r = await train({ 'mlops.yaml': PENGUINS }, ['--out', join(sub, 'model')], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output });
    expect(r.code).toBe(0);
    expect(r.out + r.err).toMatch(/::group::Training penguins/);
    expect(r.out + r.err).toMatch(/::endgroup::/);
    expect(await readFile(summary, 'utf8')).toMatch(/```mermaid\nxychart-beta/);
    expect(await readFile(output, 'utf8')).toMatch(/model-dir/);
  });

  it('data.label wins over an inferred schema that calls the label a feature', async () => {
    const fields = ['species', 'island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'];
    const schema = `fields:\n${fields.map((f) => `  - { name: ${f}, type: ${f.endsWith('_mm') || f.endsWith('_g') ? 'number' : 'string'}, role: feature }`).join('\n')}\n`;
    const config = PENGUINS.replace('label: species }', 'label: species, schema: schema.yaml }');
    const r = await train({ 'mlops.yaml': config, 'schema.yaml': schema }, ['--json', '--out', 'model']);
    expect(r.err).not.toMatch(/also listed as a feature/);
    expect(r.code).toBe(0);
    const run = JSON.parse(await readFile(join(r.dir, 'model', 'run.json'), 'utf8')) as { features: string[] };
    expect(run.features).toEqual(fields.slice(1));
  });

  it('trains data smaller than one batch as one full batch per epoch, and says so', async () => {
    const r = await train({ 'mlops.yaml': PENGUINS.replace('batchSize: 32', 'batchSize: 1000') }, ['--out', 'model']);
    expect(r.code).toBe(0);
    expect(r.out + r.err).toMatch(/train\.batchSize 1000 exceeds the \d+ training rows: each epoch is one batch of \d+ rows/);
  });

  const bad: Array<[string, Record<string, string>, string[], RegExp]> = [
    ['label missing', { 'mlops.yaml': PENGUINS.replace('label: species', 'label: kind') }, [], /mlops\.yaml:2:43 \(data\.label\): label column 'kind' not found/],
    ['feature missing', { 'mlops.yaml': PENGUINS.replace('label: species', 'label: species, features: [island, nosuch]') }, [], /mlops\.yaml:2:71 \(data\.features\[1\]\): feature column 'nosuch' not found/],
    ['label listed as a feature', { 'mlops.yaml': PENGUINS.replace('label: species', 'label: species, features: [island, species]') }, [], /mlops\.yaml:2:71 \(data\.features\[1\]\): the label 'species' cannot also be a feature/],
    ['a label with one class per row (names)', {
      'mlops.yaml': 'data: { train: ids.csv, label: name }\ntrain: { epochs: 1 }\n',
      'ids.csv': `x,name\n${Array.from({ length: 40 }, (_, i) => `${i},user${i}`).join('\n')}\n`,
    }, [], /mlops\.yaml:1:32 \(data\.label\): 'name' cannot be a classification label: 40 classes in 40 rows: every row is a class of its own.* It looks like an identifier, a date or free text/],
    ['a many-valued number forced to classes', {
      'mlops.yaml': 'data: { train: n.csv, label: y }\nmodel: { task: multiclass }\ntrain: { epochs: 1 }\n',
      'n.csv': `x,y\n${Array.from({ length: 60 }, (_, i) => `${i},${i % 40}`).join('\n')}\n`,
    }, [], /'y' cannot be a classification label: 40 classes in 60 rows: nearly every row is a class of its own.* If 'y' is a quantity, predict it as one \(model\.task: auto or regression\)/],
    ['model.task binary for a three-class label (named at model.task)', { 'mlops.yaml': PENGUINS.replace('type: linear', 'type: linear, task: binary') }, [],
      /\nmlops train: mlops\.yaml:3:30 \(model\.task\): model\.task is binary but label 'species' has 3 classes in the training rows \('Adelie', 'Chinstrap', 'Gentoo'\): set model\.task to multiclass or auto\n$/],
    ['label in another case', { 'mlops.yaml': PENGUINS.replace('label: species', 'label: Species') }, [], /label column 'Species' not found in \S+ \(did you mean "species"\?\)/],
    ['one-class label', { 'mlops.yaml': 'data: { train: one.csv, label: y }\ntrain: { batchSize: 1 }\n', 'one.csv': 'x,y\n1,a\n2,a\n3,a\n' }, [], /only one class/],
    // Listed: a feature the default chose (every other column, schema roles) is left out instead (empty-column.test.ts).
    ['all-null feature', { 'mlops.yaml': 'data: { train: d.csv, label: y, features: [x, z] }\ntrain: { batchSize: 1 }\n', 'd.csv': 'x,z,y\n,1,a\n,2,b\n,3,a\n' }, [], /'x' is null in every training row/],
    ['non-numeric value in a numeric feature', {
      'mlops.yaml': 'data: { train: d.csv, label: y }\ntrain: { batchSize: 1 }\n',
      'd.csv': `x,y\n${Array.from({ length: 40 }, (_, i) => `${i === 20 ? 'oops' : i},${i % 2 ? 'a' : 'b'}`).join('\n')}\n`,
    }, [], /d\.csv:22 \(x\): non-numeric value 'oops' in numeric feature 'x'/],
    ['Infinity in data', { 'mlops.yaml': 'data: { train: d.csv, label: y }\ntrain: { batchSize: 1 }\n', 'd.csv': 'x,y\n1,a\nInfinity,b\n2,a\n' }, [], /d\.csv:3 \(x\): infinite value/],
    ['unknown model.type', { 'mlops.yaml': PENGUINS.replace('type: linear', 'type: forest') }, [], /mlops\.yaml:3:16 \(model\.type\): expected one of mlp, linear, got 'forest'/],
    ['forced backend not installed', { 'mlops.yaml': PENGUINS }, ['--backend', 'tensorflow'], /backend 'tensorflow' is not available/],
    ['unknown config key', { 'mlops.yaml': `${PENGUINS}trian: {}\n` }, [], /mlops\.yaml:5:1 \(trian\): unknown key/],
    ['missing config', {}, [], /mlops\.yaml: config file not found/],
    ['bad --backend', { 'mlops.yaml': PENGUINS }, ['--backend', 'gpu'], /--backend must be one of/],
  ];
  it.each(bad)('exits 2 for %s', async (_name, files, args, message) => {
    const r = await train(files, args);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});
