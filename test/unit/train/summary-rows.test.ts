import { describe, expect, it } from 'vitest';
import { trainingMarkdown } from '../../../src/actions/train.ts';
import type { RunRecord } from '../../../src/train/train.ts';

function run(trainer: 'tfjs' | 'external', rows: RunRecord['rows']): RunRecord {
  return {
    format: 'mlops-run', version: 1, name: 'm', trainer, task: 'binary', label: 'y', classes: ['no', 'yes'], features: ['a'],
    params: { train: {} as RunRecord['params']['train'], inputs: null }, history: [], metrics: { accuracy: 0.9 },
    epochsRun: 0, bestEpoch: null, stoppedEarly: false,
    backend: { name: trainer === 'external' ? 'external' : 'cpu', package: null, device: 'cpu', gpu: false, skipped: [] },
    durations: { totalMs: 10, readMs: 0, preprocessMs: 0, fitMs: 0, saveMs: 0, profileMs: 0 }, samplesPerSecond: null, rows,
    git: { commit: null, dirty: null, branch: null }, data: { train: [], test: [], schema: null }, config: { path: null, sha256: null },
    weights: null, command: trainer === 'external' ? 'python train.py' : null, exitCode: 0, packages: {}, startedAt: '', finishedAt: '',
  };
}

// An external trainer splits the data itself: run.json records the rows it was given (rows.read)
// and 0 / 0 for a split mlops never made. The job summary showed 'rows (train / validation) 0 / 0'
// for a model trained on every row.
describe('the job summary rows of a training run', () => {
  it('an external trainer: the rows it was given, not a 0 / 0 split', () => {
    const text = trainingMarkdown(run('external', { read: 276, train: 0, validation: 0, droppedNullLabel: 0 }), '/m');
    expect(text).not.toMatch(/0 \/ 0/);
    expect(text).toMatch(/\| *rows given to the trainer *\| *276 \(the trainer splits them\) *\|/);
  });

  it('mlops own trainer: the split', () => {
    const text = trainingMarkdown(run('tfjs', { read: 276, train: 221, validation: 55, droppedNullLabel: 0 }), '/m');
    expect(text).toMatch(/\| *rows \(train \/ validation\) *\| *221 \/ 55 *\|/);
  });
});
