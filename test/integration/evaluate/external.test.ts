/**
 * `mlops evaluate` on models trained by an external command: the serving process protocol of
 * src/evaluate/external.ts, with stand-in trainer and server scripts in plain node (CI has no
 * PyTorch; docs/examples/predict_torch.py speaks the same protocol).
 */
import { cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');

// "Training": the model is the class frequencies per island (mode `island`), or overall (mode `prior`).
const TRAINER = `
const fs = require('node:fs');
const path = require('node:path');
const mode = process.argv[2];
const [head, ...lines] = fs.readFileSync(process.env.MLOPS_TRAIN_DATA, 'utf8').trim().split('\\n');
const cols = head.split(',');
const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
const classes = [...new Set(rows.map((r) => r.species))].sort();
const counts = {};
for (const r of rows) {
  const key = mode === 'island' ? r.island : '*';
  counts[key] ??= Object.fromEntries(classes.map((c) => [c, 1]));
  counts[key][r.species]++;
}
fs.writeFileSync(path.join(process.env.MLOPS_OUTPUT_DIR, 'model.pt'), JSON.stringify({ mode, classes, counts }));
fs.writeFileSync(path.join(process.env.MLOPS_OUTPUT_DIR, 'metrics.json'), JSON.stringify({ accuracy: 0.5 }));
`;

// Serving: the protocol of docs/evaluation.md; BROKEN selects a fault.
const SERVER = `
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const broken = process.env.BROKEN || '';
if (broken === 'exit') { console.error('server: cannot load model.pt'); process.exit(4); }
console.log('Loading framework v1.0 …'); // a banner on stdout before the ready line is passed over
const model = JSON.parse(fs.readFileSync(path.join(process.env.MLOPS_MODEL_DIR, 'model.pt'), 'utf8'));
const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
const classes = broken === 'duplicate' ? [model.classes[0], ...model.classes.slice(0, -1)] : model.classes;
say(broken === 'handshake' ? { ready: true } : { ready: true, task: 'multiclass', label: 'species', features: ['island', 'sex'], classes });
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, rows } = JSON.parse(line);
  if (broken === 'rows') return say({ id, probabilities: [] });
  say({ id, probabilities: rows.map((r) => {
    const c = model.counts[model.mode === 'island' ? r.island : '*'] || model.counts[Object.keys(model.counts)[0]];
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    return model.classes.map((k) => c[k] / total);
  }) });
});
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-external-eval-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(dir, 'train.csv'));
  await cp(join(FIXTURES, 'penguins-test.csv'), join(dir, 'test.csv'));
  await writeFile(join(dir, 'trainer.cjs'), TRAINER);
  await writeFile(join(dir, 'server.cjs'), SERVER);
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function mlops(args: string[], config: string, env: Record<string, string> = {}) {
  await writeFile(join(dir, 'mlops.yaml'), config);
  const io = memoryIo({ cwd: dir, env: { PATH: process.env.PATH, ...env } });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

const config = (mode: string, predict = true) => [
  'name: penguins',
  'data: { train: train.csv, test: test.csv, label: species, features: [island, sex] }',
  `train: { command: "node trainer.cjs ${mode}"${predict ? ', predictCommand: "node server.cjs"' : ''} }`,
  'evaluate:',
  '  latency: { batchSizes: [1, 32], rounds: 4, warmup: 1, samplesPerRound: 3 }',
  '  gates: [{ metric: accuracy, maxDrop: 0.02 }]',
  '',
].join('\n');

describe('mlops evaluate on external models (train.predictCommand)', () => {
  it('evaluates candidate against baseline through their serving processes: metrics, intervals, latency, gates', async () => {
    expect((await mlops(['train', '--out', 'island'], config('island'))).code).toBe(0);
    expect((await mlops(['train', '--out', 'prior'], config('prior'))).code).toBe(0);
    const r = await mlops(['evaluate', '--candidate', 'island', '--baseline', 'prior', '--json'], config('island'));
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    // The island model beats the class prior (Biscoe/Dream/Torgersen separate the species well).
    expect(report.candidate.metrics.accuracy).toBeGreaterThan(report.baseline.metrics.accuracy + 0.1);
    expect(report.passed).toBe(true);
    expect(report.latency.candidate).toBeDefined();
    expect(report.latency.ratio.p50.value).toBeGreaterThan(0);
    // Two served models: TensorFlow.js is never loaded, and the report says what ran them.
    expect(r.err).not.toMatch(/^backend:/m);
    expect(report.environment.backend).toBe('external (predictCommand)');
  });

  it('serves a regression model: values in label units, regression metrics', async () => {
    // "Model": predicts the training mean of the label whatever the row (a floor every real model must beat).
    await cp(join(FIXTURES, 'cars-train.csv'), join(dir, 'cars-train.csv'));
    await cp(join(FIXTURES, 'cars-test.csv'), join(dir, 'cars-test.csv'));
    await writeFile(join(dir, 'mean-trainer.cjs'), `
      const fs = require('node:fs');
      const [head, ...lines] = fs.readFileSync(process.env.MLOPS_TRAIN_DATA, 'utf8').trim().split('\\n');
      const at = head.split(',').indexOf(process.env.MLOPS_LABEL);
      const ys = lines.map((l) => Number(l.split(',')[at])).filter((y) => Number.isFinite(y));
      fs.writeFileSync(process.env.MLOPS_OUTPUT_DIR + '/mean.json', JSON.stringify({ mean: ys.reduce((a, b) => a + b, 0) / ys.length }));
      fs.writeFileSync(process.env.MLOPS_OUTPUT_DIR + '/metrics.json', JSON.stringify({ rmse: 7 }));
    `);
    await writeFile(join(dir, 'mean-server.cjs'), `
      const fs = require('node:fs');
      const { mean } = JSON.parse(fs.readFileSync(process.env.MLOPS_MODEL_DIR + '/mean.json', 'utf8'));
      const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
      say({ ready: true, task: 'regression', label: LABEL, features: ['horsepower'] });
      require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
        const { id, rows } = JSON.parse(line);
        // INFINITE: one value too large for a double, which JSON.parse reads as Infinity.
        if (process.env.INFINITE) return process.stdout.write('{"id": ' + id + ', "values": [' + rows.map((_, i) => (i === 2 ? '1e999' : mean)).join(',') + ']}\\n');
        say({ id, values: rows.map(() => mean) });
      });
    `.replace('LABEL', JSON.stringify('mpg')));
    const cars = [
      'name: cars',
      'data: { train: cars-train.csv, test: cars-test.csv, label: mpg, features: [horsepower] }',
      'train: { command: "node mean-trainer.cjs", predictCommand: "node mean-server.cjs" }',
      '',
    ].join('\n');
    const trained = await mlops(['train', '--out', 'mean'], cars);
    expect(trained.code).toBe(0);
    const r = await mlops(['evaluate', '--candidate', 'mean', '--no-latency', '--json'], cars);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const metrics = JSON.parse(r.out).candidate.metrics;
    // A constant prediction explains nothing: R² at or just below 0, MAE of several mpg.
    expect(metrics.r2).toBeLessThanOrEqual(0.01);
    expect(metrics.r2).toBeGreaterThan(-0.5);
    expect(metrics.mae).toBeGreaterThan(2);

    // A non-finite prediction is off-protocol (exit 2), not a metric of null that a gate may pass.
    const infinite = await mlops(['evaluate', '--candidate', 'mean', '--no-latency', '--json'], cars, { INFINITE: '1' });
    expect(infinite.code).toBe(2);
    expect(infinite.err).toMatch(/mean\/run\.json \(predictCommand\): the model's predictCommand "node mean-server\.cjs" must answer "values": \d+ finite numbers \(request 1\)/);
    expect(JSON.parse(infinite.out)).toMatchObject({ error: { exitCode: 2, key: 'predictCommand' } });

    // A cost of the classifier kind has nothing to compute here: exit 2 at the key, not a metric of null.
    const matrix = await mlops(['evaluate', '--candidate', 'mean', '--no-latency'], `${cars}evaluate:\n  cost: { matrix: [[0, 1], [1, 0]] }\n  gates: [{ metric: cost, max: 1 }]\n`);
    expect([matrix.code, matrix.err]).toEqual([2, expect.stringMatching(/mlops\.yaml:5:19 \(evaluate\.cost\.matrix\): evaluate\.cost\.matrix is for classifiers; a regression model's cost is perUnitError/)]);
  });

  it('classes are ordered as training orders them, whatever the order of the probability columns: the positive class, the cost matrix, compatibility', async () => {
    // Rows 0..9 are 'yes' for ids 0..3; the model says yes (0.9) for ids 0..2 and 8..9, else 0.2.
    await writeFile(join(dir, 'binary.csv'), `id,label\n${Array.from({ length: 10 }, (_, i) => `${i},${i < 4 ? 'yes' : 'no'}`).join('\n')}\n`);
    await writeFile(join(dir, 'binary-server.cjs'), `
      const columns = JSON.parse(require('node:fs').readFileSync(process.env.MLOPS_MODEL_DIR + '/columns.json', 'utf8'));
      const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
      say({ ready: true, task: 'binary', label: 'label', features: ['id'], classes: columns });
      require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
        const { id, rows } = JSON.parse(line);
        say({ id, probabilities: rows.map((r) => { const yes = r.id < 3 || r.id > 7 ? 0.9 : 0.2; return columns.map((c) => (c === 'yes' ? yes : 1 - yes)); }) });
      });
    `);
    for (const [name, columns] of [['yes-no', ['yes', 'no']], ['no-yes', ['no', 'yes']]] as const) {
      await mkdir(join(dir, name), { recursive: true });
      await writeFile(join(dir, name, 'columns.json'), JSON.stringify(columns));
      await writeFile(join(dir, name, 'run.json'), JSON.stringify({ trainer: 'external', predictCommand: 'node binary-server.cjs' }));
    }
    // cost: a missed 'yes' (true yes, predicted no) costs 10, a false alarm 1 — rows and columns (no, yes).
    const binary = 'name: binary\ndata: { test: binary.csv, label: label }\nevaluate:\n  cost: { matrix: [[0, 1], [10, 0]] }\n  bootstrap: { resamples: 20 }\n';
    const r = await mlops(['evaluate', '--candidate', 'yes-no', '--baseline', 'no-yes', '--no-latency', '--json'], binary);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.classes).toEqual(['no', 'yes']);
    // About 'yes': 3 of 5 flagged rows are yes, 3 of 4 yes rows are flagged; one miss (10) and two false alarms (1 each).
    expect(doc.candidate.metrics).toMatchObject({ precision: 0.6, recall: 0.75, cost: 1.2 });
    expect(doc.baseline.metrics).toMatchObject({ precision: 0.6, recall: 0.75, cost: 1.2 });
    expect(doc.candidate.confusion).toEqual([[4, 2], [1, 3]]);
    expect(doc.deltas.f1.value).toBe(0);
    expect(r.err).toMatch(/about the positive class `yes`/);

    const perUnit = await mlops(['evaluate', '--candidate', 'yes-no', '--no-latency'], binary.replace('cost: { matrix: [[0, 1], [10, 0]] }', 'cost: { perUnitError: 2 }'));
    expect([perUnit.code, perUnit.err]).toEqual([2, expect.stringMatching(/mlops\.yaml:4:\d+ \(evaluate\.cost\.perUnitError\): evaluate\.cost\.perUnitError is for regression; a binary model's cost is a matrix \(rows = true class, columns = predicted class: no, yes\)/)]);

    // A test set without a 'yes' row, none flagged: recall (scikit-learn: 0) is undefined, not a failed gate.
    await writeFile(join(dir, 'binary-no.csv'), 'id,label\n4,no\n5,no\n6,no\n7,no\n');
    const none = await mlops(['evaluate', '--candidate', 'yes-no', '--data', 'binary-no.csv', '--no-latency', '--json'], `${binary}  gates: [{ metric: recall, min: 0.7 }, { metric: accuracy, min: 0.9 }]\n`);
    expect(none.code, none.err).toBe(0);
    expect(JSON.parse(none.out).gates.map((g: { status: string; detail: string }) => [g.status, g.detail])).toEqual([
      ['skipped', "recall is undefined: no row is of the positive class 'yes' (scikit-learn reports 0)"],
      ['passed', expect.stringContaining('accuracy = 1 ')],
    ]);
  });

  it('a model without predictCommand, a server that dies, a bad ready line, wrong answers: exit 2 naming the cause', async () => {
    expect((await mlops(['train', '--out', 'bare'], config('island', false))).code).toBe(0);
    const bare = await mlops(['evaluate', '--candidate', 'bare'], config('island', false));
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/bare\/run\.json \(predictCommand\): this model was trained by an external command and run\.json names no predictCommand/);

    const died = await mlops(['evaluate', '--candidate', 'island', '--no-latency'], config('island'), { BROKEN: 'exit' });
    expect(died.code).toBe(2);
    expect(died.err).toMatch(/predictCommand "node server\.cjs" exited with status 4 before sending the ready line; its last output:\n {2}server: cannot load model\.pt/);

    const handshake = await mlops(['evaluate', '--candidate', 'island', '--no-latency'], config('island'), { BROKEN: 'handshake' });
    expect(handshake.code).toBe(2);
    expect(handshake.err).toMatch(/sent a ready line without ready: true, task/);

    const glob = await mlops(['evaluate', '--candidate', 'island', '--no-latency', '--data', 'test*.csv'], config('island'));
    expect(glob.code).toBe(2);
    expect(glob.err).toMatch(/test\*\.csv: the test set is one file, not a pattern/);

    const rows = await mlops(['evaluate', '--candidate', 'island', '--no-latency'], config('island'), { BROKEN: 'rows' });
    expect(rows.code).toBe(2);
    expect(rows.err).toMatch(/must answer "probabilities": \d+ rows of 3 numbers \(request 1\)/);

    // Adelie twice: the probability columns would no longer be one per class.
    const duplicate = await mlops(['evaluate', '--candidate', 'island', '--no-latency', '--json'], config('island'), { BROKEN: 'duplicate' });
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toMatch(/island\/run\.json \(predictCommand\): the model's predictCommand "node server\.cjs" listed the class\(es\) 'Adelie' more than once in its ready line/);
    expect(JSON.parse(duplicate.out)).toMatchObject({ error: { exitCode: 2 } });
  });

  it('predictCommand runs where train.command runs, the config\'s directory, whatever the working directory (the generated workflow runs from the repository root)', async () => {
    // `mlops init --command … --predict-command "node server.cjs"` in models/penguins/, then
    // train and evaluate from the repository root with --config, as the workflow does.
    const root = join(dir, 'repo');
    const sub = join(root, 'models', 'penguins');
    await mkdir(sub, { recursive: true });
    await cp(join(dir, 'train.csv'), join(sub, 'train.csv'));
    await cp(join(dir, 'test.csv'), join(sub, 'test.csv'));
    await writeFile(join(sub, 'trainer.cjs'), TRAINER);
    // The server also says where it runs and which model directory it was given.
    await writeFile(join(sub, 'server.cjs'), `console.error('cwd=' + process.cwd() + ' model=' + process.env.MLOPS_MODEL_DIR);\n${SERVER}`);
    await writeFile(join(sub, 'mlops.yaml'), config('island'));
    const run = async (args: string[]) => {
      const io = memoryIo({ cwd: root, env: { PATH: process.env.PATH } });
      const code = await runCli(args, io);
      return { code, out: io.out, err: io.err };
    };
    const cfg = join('models', 'penguins', 'mlops.yaml');
    const trained = await run(['train', '--config', cfg, '--out', 'out/island']);
    expect(trained.code, trained.err).toBe(0);
    expect((await run(['train', '--config', cfg, '--out', 'out/prior'])).code).toBe(0);

    const r = await run(['evaluate', '--config', cfg, '--candidate', 'out/island', '--baseline', 'out/prior', '--no-latency', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).candidate.metrics.accuracy).toBeGreaterThan(0.5);
    // Paths given relative to the working directory still reach the process, as absolute paths.
    const where = await realpath(sub);
    expect(r.err).toContain(`cwd=${where} model=${join(root, 'out', 'island')}`);
    expect(r.err).toContain(`cwd=${where} model=${join(root, 'out', 'prior')}`);
  });
});
