/**
 * `train.classWeight` on an imbalanced problem (5% of rows in the class that matters, as in fraud
 * or churn): `balanced` trades a little accuracy for finding the rare class, a mapping sets the
 * weights by name, the weights used are recorded in run.json, and bad settings are exit-2 errors.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { mulberry32 } from '../../../src/core/random.ts';
import { readTable } from '../../../src/table/index.ts';
import { loadConfig } from '../../../src/train/config.ts';
import { loadModel } from '../../../src/train/model-dir.ts';
import { labelTexts } from '../../../src/train/preprocess.ts';
import { trainModel } from '../../../src/train/train.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-class-weight-'));
  const rand = mulberry32(7);
  const normal = () => Array.from({ length: 6 }, rand).reduce((a, b) => a + b, 0) - 3;
  const lines = ['x1,x2,y'];
  for (let i = 0; i < 3000; i++) {
    const fraud = rand() < 0.05;
    lines.push(`${(normal() + (fraud ? 1.5 : 0)).toFixed(3)},${(normal() + (fraud ? 1 : 0)).toFixed(3)},${fraud ? 'fraud' : 'ok'}`);
  }
  await writeFile(join(dir, 'd.csv'), `${lines.join('\n')}\n`);
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(classWeight: string, name: string) {
  await writeFile(join(dir, `${name}.yaml`), [
    `name: ${name}`,
    'data: { train: d.csv, label: y }',
    'model: { type: linear }',
    `train: { epochs: 30, learningRate: 0.01, seed: 1, backend: cpu, classWeight: ${classWeight} }`,
  ].join('\n'));
  const lines: string[] = [];
  const result = await trainModel(await loadConfig(join(dir, `${name}.yaml`)), { out: join(dir, name), cwd: dir, log: (l) => lines.push(l) });
  return { result, lines };
}

/** Share of the `fraud` rows the model finds (recall of the rare class) and accuracy, over all rows. */
async function scores(modelDir: string, tf: Parameters<typeof loadModel>[1]) {
  const model = await loadModel(modelDir, tf);
  const table = await readTable(join(dir, 'd.csv'));
  const predicted = model.predict(table).labels!;
  const truth = labelTexts(model.preprocessing, table);
  let frauds = 0;
  let found = 0;
  let correct = 0;
  truth.forEach((t, i) => {
    if (t === 'fraud') { frauds++; if (predicted[i] === 'fraud') found++; }
    if (predicted[i] === t) correct++;
  });
  model.dispose();
  return { recall: found / frauds, accuracy: correct / truth.length };
}

describe('train.classWeight', () => {
  it('balanced finds the rare class far more often, records its weights, and stays deterministic', async () => {
    const plain = await train('none', 'plain');
    const balanced = await train('balanced', 'balanced');
    const p = await scores(join(dir, 'plain'), plain.result.backend!.tf);
    const b = await scores(join(dir, 'balanced'), balanced.result.backend!.tf);
    // Unweighted, the loss is nearly minimal by calling every row ok: most frauds are missed.
    expect(p.recall).toBeLessThan(0.6);
    expect(b.recall).toBeGreaterThan(p.recall + 0.3);
    expect(b.accuracy).toBeGreaterThan(0.8); // the price: some ok rows flagged
    expect(plain.result.run.params.classWeights).toBeUndefined();
    // Unweighted on a rare class, the log says what accuracy hides and what to set.
    expect(plain.lines.some((l) => /^'fraud' is \d+\.\d% of the training rows: accuracy can look high while the model ignores it \(set train\.classWeight: balanced/.test(l))).toBe(true);
    expect(balanced.lines.some((l) => l.includes('accuracy can look high'))).toBe(false);
    const weights = balanced.result.run.params.classWeights!;
    // n / (classes × rows of the class) over the training split: every class carries the same total.
    expect(weights.fraud! / weights.ok!).toBeGreaterThan(15);
    expect(balanced.lines.some((l) => l.startsWith('class weights (train.classWeight balanced): fraud '))).toBe(true);
    const again = await train('balanced', 'balanced2');
    expect(again.result.run.weights).toEqual(balanced.result.run.weights);
  });

  it('a mapping weighs the named classes; an unknown class or a regression label is an error', async () => {
    const mapped = await train('{ fraud: 19 }', 'mapped');
    expect(mapped.result.run.params.classWeights).toEqual({ fraud: 19, ok: 1 });
    // Found against the data, yet located like a parse error: the line and column of the entry.
    await expect(train('{ frawd: 19 }', 'typo')).rejects.toThrow(/typo\.yaml:4:\d+ \(train\.classWeight\.frawd\): train\.classWeight names 'frawd', not a class of 'y' \(classes: fraud, ok\)$/);
    await writeFile(join(dir, 'r.csv'), `x,y\n${Array.from({ length: 100 }, (_, i) => `${i},${i * 1.5}`).join('\n')}\n`);
    await writeFile(join(dir, 'r.yaml'), 'name: r\ndata: { train: r.csv, label: y }\ntrain: { epochs: 1, backend: cpu, classWeight: balanced }\n');
    await expect(trainModel(await loadConfig(join(dir, 'r.yaml')), { out: join(dir, 'r'), cwd: dir })).rejects.toThrow(/r\.yaml:3:\d+ \(train\.classWeight\): train\.classWeight weighs classes, but 'y' is a regression target/);
  });

  it('evaluate.positiveClass makes precision, recall and f1 about the class that matters', async () => {
    const { result } = await train('balanced', 'for-eval');
    const expected = await scores(join(dir, 'for-eval'), result.backend!.tf);
    const evaluate = async (extra: string) => {
      await writeFile(join(dir, 'eval.yaml'), `name: e\ndata: { test: d.csv, label: y }\n${extra}`);
      const io = memoryIo({ cwd: dir });
      const code = await runCli(['evaluate', '--config', 'eval.yaml', '--candidate', 'for-eval', '--no-latency', '--json', '--backend', 'cpu'], io);
      return { code, err: io.err, json: code === 0 ? JSON.parse(io.out) as { classes: string[]; candidate: { metrics: Record<string, number> } } : null };
    };
    const fraud = await evaluate('evaluate: { positiveClass: fraud }\n');
    expect(fraud.json!.classes).toEqual(['ok', 'fraud']);
    expect(fraud.json!.candidate.metrics.recall).toBeCloseTo(expected.recall, 12);
    const sorted = await evaluate('');
    expect(sorted.json!.classes).toEqual(['fraud', 'ok']); // the second class, ok, is the default positive
    expect(sorted.json!.candidate.metrics.recall).toBeGreaterThan(0.85);
    expect(sorted.json!.candidate.metrics.accuracy).toBeCloseTo(fraud.json!.candidate.metrics.accuracy!, 12);
    expect(sorted.json!.candidate.metrics.roc_auc).toBeCloseTo(fraud.json!.candidate.metrics.roc_auc!, 12);
    // The cost matrix is written in sorted class order either way: the same expected cost.
    const costly = await evaluate('evaluate: { positiveClass: fraud, cost: { matrix: [[0, 50], [1, 0]] } }\n');
    const costlySorted = await evaluate('evaluate: { cost: { matrix: [[0, 50], [1, 0]] } }\n');
    expect(costly.json!.candidate.metrics.cost).toBeCloseTo(costlySorted.json!.candidate.metrics.cost!, 12);
    // The comment says which class the binary metrics are about.
    await writeFile(join(dir, 'eval.yaml'), 'name: e\ndata: { test: d.csv, label: y }\nevaluate: { positiveClass: fraud }\n');
    const io = memoryIo({ cwd: dir });
    expect(await runCli(['evaluate', '--config', 'eval.yaml', '--candidate', 'for-eval', '--no-latency', '--backend', 'cpu'], io)).toBe(0);
    expect(io.out).toContain('<sub>precision, recall, f1 and pr_auc are about the positive class `fraud` (evaluate.positiveClass).</sub>');
    const unknown = await evaluate('evaluate: { positiveClass: frawd }\n');
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining("evaluate.positiveClass 'frawd' is not a class of the model (classes: fraud, ok)")]);
  });
});
