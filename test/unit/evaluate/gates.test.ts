import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { checkGateConfig, evaluateGates, type GateInputs } from '../../../src/evaluate/gates.ts';
import type { GateConfig } from '../../../src/train/config.ts';

const iv = (value: number, low: number, high: number) => ({ value, low, high });

function inputs(over: Partial<GateInputs> = {}): GateInputs {
  return {
    task: 'binary',
    overall: {
      n: 500,
      candidate: { accuracy: iv(0.85, 0.82, 0.88), log_loss: iv(0.40, 0.35, 0.45) },
      baseline: { accuracy: iv(0.88, 0.85, 0.91), log_loss: iv(0.30, 0.26, 0.34) },
      deltas: { accuracy: iv(-0.03, -0.05, -0.012), log_loss: iv(0.10, 0.07, 0.13) },
    },
    slices: new Map([
      ['season=winter', { n: 12, small: true, candidate: { accuracy: iv(0.5, Number.NaN, Number.NaN) } }],
      ['season=summer', { n: 200, candidate: { accuracy: iv(0.9, 0.86, 0.94) }, deltas: { accuracy: iv(0.01, -0.01, 0.03) } }],
    ]),
    latency: null,
    hasBaseline: true,
    minSliceSize: 30,
    ...over,
  };
}

const run = (gates: GateConfig[], over?: Partial<GateInputs>) => evaluateGates(gates, inputs(over));

describe('gates', () => {
  it('absolute min/max compare the point estimate', () => {
    const [a, b] = run([{ kind: 'metric', metric: 'accuracy', min: 0.8, max: 0.84 }]);
    expect(a).toMatchObject({ kind: 'min', status: 'passed', passed: true });
    expect(b).toMatchObject({ kind: 'max', status: 'failed', passed: false });
    expect(b.detail).toContain('0.85');
  });

  it('maxDrop fails only when the whole interval is beyond the tolerance', () => {
    // Δ accuracy interval [-0.05, -0.012]: confidently worse by more than 0.01, not by more than 0.02.
    expect(run([{ kind: 'metric', metric: 'accuracy', maxDrop: 0.01 }])[0].status).toBe('failed');
    const g = run([{ kind: 'metric', metric: 'accuracy', maxDrop: 0.02 }])[0];
    expect(g).toMatchObject({ status: 'passed', inconclusive: true });
    expect(run([{ kind: 'metric', metric: 'accuracy', maxDrop: 0.06 }])[0]).toMatchObject({ status: 'passed' });
  });

  it('maxDrop follows the metric direction: a log-loss increase is a drop in quality', () => {
    // Δ log_loss [0.07, 0.13] (worse).
    expect(run([{ kind: 'metric', metric: 'log_loss', maxDrop: 0.05 }])[0].status).toBe('failed');
    expect(run([{ kind: 'metric', metric: 'log_loss', maxIncrease: 0.05 }])[0].status).toBe('failed');
    expect(run([{ kind: 'metric', metric: 'log_loss', maxIncrease: 0.08 }])[0]).toMatchObject({ status: 'passed', inconclusive: true });
    // An improvement never fails, whatever the tolerance.
    const better = inputs();
    better.overall.deltas!.log_loss = iv(-0.1, -0.13, -0.07);
    expect(evaluateGates([{ kind: 'metric', metric: 'log_loss', maxDrop: 0 }], better)[0].status).toBe('passed');
  });

  it('a zero-width A/A delta never fails, even with maxDrop 0', () => {
    const aa = inputs();
    aa.overall.deltas = { accuracy: iv(0, 0, 0), log_loss: iv(0, 0, 0) };
    expect(evaluateGates([{ kind: 'metric', metric: 'accuracy', maxDrop: 0 }, { kind: 'metric', metric: 'log_loss', maxIncrease: 0 }], aa).every((g) => g.status === 'passed' && !g.inconclusive)).toBe(true);
  });

  it('relative gates are skipped without a baseline', () => {
    const g = run([{ kind: 'metric', metric: 'accuracy', maxDrop: 0.01, min: 0.5 }], { hasBaseline: false });
    expect(g.map((x) => x.status)).toEqual(['passed', 'skipped']);
    expect(g[1].detail).toMatch(/no baseline/);
  });

  it('slice gates: small slices never gate; large ones do', () => {
    const [small] = run([{ kind: 'metric', metric: 'accuracy', min: 0.99, slice: 'season=winter' }]);
    expect(small).toMatchObject({ status: 'skipped', passed: true });
    expect(small.detail).toContain('minSliceSize 30');
    expect(run([{ kind: 'metric', metric: 'accuracy', min: 0.95, slice: 'season=summer' }])[0].status).toBe('failed');
  });

  it('latency gates: maxMs on the point estimate, maxRatio on the interval low end', () => {
    const size = (ratio: [number, number, number]) => ({
      batchSize: 1, rowsPerCall: 1,
      candidate: { p50: 2, p95: 3, p99: 4, mean: 2, throughput: 500, calls: 100 },
      baseline: { p50: 1, p95: 1.5, p99: 2, mean: 1, throughput: 1000, calls: 100 },
      ratio: { p50: iv(...ratio), p95: iv(...ratio), p99: iv(...ratio), throughput: iv(0.5, 0.4, 0.6) },
    });
    const latency = (ratio: [number, number, number]) => ({ clock: 'wall' as const, sizes: [size(ratio)], rounds: 30, samplesPerRound: 20, warmup: 3, resamples: 100, confidence: 0.95 });
    const gates: GateConfig[] = [{ kind: 'latency', latency: 'p95', maxMs: 2.5, maxRatio: 1.2 }];
    const [ms, ratio] = run(gates, { latency: latency([2, 1.8, 2.2]) });
    expect(ms).toMatchObject({ kind: 'maxMs', status: 'failed', value: 3, batchSize: 1 });
    expect(ratio).toMatchObject({ kind: 'maxRatio', status: 'failed' });
    expect(run(gates, { latency: latency([1.3, 1.1, 1.5]) })[1]).toMatchObject({ status: 'passed', inconclusive: true });
    expect(run(gates, { latency: null }).map((g) => g.status)).toEqual(['skipped', 'skipped']);
  });

  it('unknown or misapplied metric names are configuration errors (exit 2)', () => {
    expect(() => checkGateConfig([{ kind: 'metric', metric: 'acuracy', min: 0.5 }], 'binary', 'mlops.yaml')).toThrow(InputError);
    expect(() => checkGateConfig([{ kind: 'metric', metric: 'acuracy', min: 0.5 }], 'binary', 'mlops.yaml')).toThrow(/mlops.yaml \(evaluate.gates\[0\].metric\): unknown metric 'acuracy'/);
    expect(() => checkGateConfig([{ kind: 'metric', metric: 'mae', max: 1 }], 'binary')).toThrow(/does not apply to a binary model/);
    expect(() => checkGateConfig([{ kind: 'metric', metric: 'accuracy', maxIncrease: 0.1 }], 'binary')).toThrow(/use maxDrop/);
    expect(() => checkGateConfig([{ kind: 'metric', metric: 'auc', min: 0.5 }, { kind: 'metric', metric: 'rmse', maxIncrease: 1 }], 'binary')).toThrow(/rmse/);
    expect(() => checkGateConfig([{ kind: 'metric', metric: 'auc', min: 0.5 }], 'multiclass')).not.toThrow();
  });

  it('a cost gate without evaluate.cost is a config error at the gate (it was skipped as undefined)', () => {
    const gates: GateConfig[] = [{ kind: 'metric', metric: 'accuracy', min: 0.5 }, { kind: 'metric', metric: 'expected_cost', max: 1 }];
    expect(() => checkGateConfig(gates, 'binary', 'mlops.yaml', false)).toThrow(/^mlops\.yaml \(evaluate\.gates\[1\]\.metric\): metric 'expected_cost' needs evaluate\.cost \(a cost matrix\)$/);
    expect(() => checkGateConfig([{ kind: 'metric', metric: 'cost', maxIncrease: 0 }], 'regression', 'mlops.yaml', false)).toThrow(/needs evaluate\.cost \(perUnitError\)/);
    expect(() => checkGateConfig(gates, 'binary', 'mlops.yaml', true)).not.toThrow();
  });
});
