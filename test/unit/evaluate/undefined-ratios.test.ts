/**
 * Binary precision/recall/f1 on rows that give them nothing to count: scikit-learn reports 0
 * (zero_division), which the tables show, but an absolute gate must not judge it — a slice with no
 * positive row failed `recall ≥ 0.7` for a model that missed nothing.
 */
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../../src/evaluate/compare.ts';
import { evaluateGates, type GateScope } from '../../../src/evaluate/gates.ts';
import type { GateConfig } from '../../../src/train/config.ts';

// 40 winter rows, all 'no', predicted 'no' (or, for `alarms`, 4 of them 'yes'); 40 summer rows, half 'yes', all right.
function scopes(alarms: boolean) {
  const n = 80;
  const truth = Int32Array.from({ length: n }, (_, i) => (i >= 40 && i % 2 === 0 ? 1 : 0));
  const proba = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const yes = truth[i] === 1 || (alarms && i < 4) ? 0.8 : 0.1;
    proba[2 * i] = 1 - yes;
    proba[2 * i + 1] = yes;
  }
  const season = Array.from({ length: n }, (_, i) => (i < 40 ? 'winter' : 'summer'));
  const compare = compareModels({
    task: 'binary', classes: ['no', 'yes'], truth, candidate: { proba }, baseline: { proba },
    slices: [{ name: 'season', values: season }], minSliceSize: 30, metrics: null, bootstrap: { resamples: 50, confidence: 0.95, seed: 1 },
  });
  const slices = new Map<string, GateScope>(compare.slices.map((s) => [`${s.column}=${s.value}`, { n: s.n, candidate: s.candidate, baseline: s.baseline, deltas: s.deltas, undefinedMetrics: s.undefinedMetrics }]));
  const overall: GateScope = { n, candidate: compare.candidate.intervals, baseline: compare.baseline!.intervals, deltas: compare.deltas, ...(compare.undefinedMetrics ? { undefinedMetrics: compare.undefinedMetrics } : {}) };
  const gates = (list: GateConfig[]) => evaluateGates(list, { task: 'binary', overall, slices, latency: null, hasBaseline: true, minSliceSize: 30 });
  return { compare, gates };
}

const on = (metric: string, slice: string, min: number): GateConfig => ({ kind: 'metric', metric, min, slice });

describe('binary ratios with nothing to count', () => {
  it('a slice with no positive row and none predicted: recall, precision and f1 gates are skipped, saying why; the value stays scikit-learn\'s 0', () => {
    const { compare, gates } = scopes(false);
    const winter = compare.slices.find((s) => s.value === 'winter')!;
    expect(winter.candidate.recall.value).toBe(0);
    expect(winter.undefinedMetrics).toEqual({
      recall: "no row is of the positive class 'yes'",
      precision: "no row is of the positive class 'yes' and none is predicted as it",
      f1: "no row is of the positive class 'yes' and none is predicted as it",
    });
    const results = gates([on('recall', 'season=winter', 0.7), on('precision', 'season=winter', 0.8), on('f1', 'season=winter', 0.7), on('accuracy', 'season=winter', 0.9)]);
    expect(results.map((g) => g.status)).toEqual(['skipped', 'skipped', 'skipped', 'passed']);
    expect(results[0].detail).toBe("recall is undefined on slice season=winter: no row is of the positive class 'yes' (scikit-learn reports 0)");
    expect(results.every((g) => g.passed)).toBe(true);
    // Where positives exist, the gates judge as before.
    expect(gates([on('recall', 'season=summer', 0.7)])[0].status).toBe('passed');
    expect(compare.slices.find((s) => s.value === 'summer')!.undefinedMetrics).toBeUndefined();
    expect(compare.undefinedMetrics).toBeUndefined();
  });

  it('false alarms on a slice without positives: recall is undefined, but precision and f1 of 0 are real and fail', () => {
    const { compare, gates } = scopes(true);
    expect(compare.slices.find((s) => s.value === 'winter')!.undefinedMetrics).toEqual({ recall: "no row is of the positive class 'yes'" });
    expect(gates([on('recall', 'season=winter', 0.7), on('precision', 'season=winter', 0.8), on('f1', 'season=winter', 0.7)]).map((g) => g.status)).toEqual(['skipped', 'failed', 'failed']);
  });
});
