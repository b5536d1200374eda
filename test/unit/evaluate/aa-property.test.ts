import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../../src/evaluate/compare.ts';
import { evaluateGates } from '../../../src/evaluate/gates.ts';
import { metricsForTask } from '../../../src/evaluate/metrics/definitions.ts';

describe('A/A property', () => {
  it('a model compared with itself is never a metric regression, for any data and any maxDrop ≥ 0', () => {
    const problem = fc.integer({ min: 2, max: 4 }).chain((K) => fc.record({
      K: fc.constant(K),
      rows: fc.array(fc.record({ y: fc.integer({ min: 0, max: K - 1 }), p: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: K, maxLength: K }) }), { minLength: 5, maxLength: 60 }),
      maxDrop: fc.double({ min: 0, max: 0.5, noNaN: true }),
      seed: fc.nat(),
    }));
    fc.assert(fc.property(problem, ({ K, rows, maxDrop, seed }) => {
      const task = K === 2 ? 'binary' as const : 'multiclass' as const;
      const proba = new Float64Array(rows.length * K);
      rows.forEach((r, i) => {
        const sum = r.p.reduce((a, b) => a + b, 0);
        r.p.forEach((v, k) => { proba[i * K + k] = v / sum; });
      });
      const truth = Int32Array.from(rows, (r) => r.y);
      const classes = Array.from({ length: K }, (_, k) => `c${k}`);
      const result = compareModels({ task, classes, truth, candidate: { proba }, baseline: { proba: proba.slice() }, minSliceSize: 30, metrics: null, bootstrap: { resamples: 20, confidence: 0.95, seed } });
      const names = metricsForTask(task);
      const gates = names.map((metric) => ({ kind: 'metric' as const, metric, maxDrop }));
      const verdicts = evaluateGates(gates, { task, overall: { n: rows.length, candidate: result.candidate.intervals, baseline: result.baseline!.intervals, deltas: result.deltas }, slices: new Map(), latency: null, hasBaseline: true, minSliceSize: 30 });
      for (const v of verdicts) {
        expect(v.status).not.toBe('failed');
        expect(v.inconclusive).toBeUndefined();
      }
    }), { numRuns: 40, seed: 11 });
  });
});
