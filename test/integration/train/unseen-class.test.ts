/**
 * A class too rare for the split: its only row lands in validation, so the model (whose classes are
 * the training split's) cannot predict it. Training must say so and score the row as a wrong
 * prediction, as evaluate scores such test rows, not leave it out as a row without a label.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/train/config.ts';
import { trainModel } from '../../../src/train/train.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-unseen-class-'));
  // Two classes a linear model separates with a wide margin, one row of a third class, one unlabelled row.
  const lines = ['x,y'];
  for (let i = 0; i < 40; i++) lines.push(`${i % 2 === 0 ? -2 - (i % 5) / 10 : 2 + (i % 5) / 10},${i % 2 === 0 ? 'a' : 'b'}`);
  lines.push('0,rare', '1,');
  await writeFile(join(dir, 'd.csv'), `${lines.join('\n')}\n`);
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('a validation row of a class no training row has', () => {
  it('is counted as unseen and scored as a wrong prediction, not dropped as a row without a label', async () => {
    await writeFile(join(dir, 'mlops.yaml'), [
      'name: unseen',
      'data: { train: d.csv, label: y }',
      'model: { type: linear }',
      'train: { epochs: 200, batchSize: 64, learningRate: 0.2, validationSplit: 0.25, seed: 14, earlyStopping: false, backend: cpu }',
    ].join('\n'));
    const log: string[] = [];
    const result = await trainModel(await loadConfig(join(dir, 'mlops.yaml')), { out: join(dir, 'model'), cwd: dir, log: (l) => log.push(l) });
    const { run } = result;
    expect(run.classes).toEqual(['a', 'b']);
    // 42 rows read: one without a label; the 'rare' row is one of the validation rows.
    expect(run.rows).toEqual({ read: 42, train: 31, validation: 10, droppedNullLabel: 1, unseenClass: 1 });
    expect(log).toContain("1 validation row is of a class no training row has ('rare'): the model cannot predict it, so the validation metrics count it as a wrong prediction (the per-epoch val_* figures leave it out)");
    expect(log.some((l) => l.includes('(validation 10; 1 row without a label left out)'))).toBe(true);
    // The nine a/b rows are right, the 'rare' row cannot be: 9 of 10. Macro F1 averages a, b and rare (0).
    expect(run.metrics.accuracy).toBeCloseTo(0.9, 10);
    expect(run.metrics.f1_macro).toBeLessThan(0.7);
    // Its probability is 0, as evaluate has it: log loss is dominated by -ln(1e-15) / 10.
    expect(run.metrics.log_loss).toBeGreaterThan(3);
    // The per-epoch figures are over the classes the model knows.
    expect(run.history.at(-1)!.val_accuracy).toBe(1);
  });
});
