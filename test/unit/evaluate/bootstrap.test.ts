import { describe, expect, it } from 'vitest';
import { pairedBootstrap, percentileInterval, quantile, resampleCounts } from '../../../src/evaluate/bootstrap.ts';
import { prepareClassification } from '../../../src/evaluate/metrics/classification.ts';
import { createRandom } from '../../../src/evaluate/random.ts';
import { compareModels } from '../../../src/evaluate/compare.ts';

/** A synthetic binary problem: scores informative with the given noise. */
function binaryProblem(n: number, seed: number, noise: number) {
  const random = createRandom(seed);
  const y = new Int32Array(n);
  const proba = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    y[i] = random.next() < 0.5 ? 1 : 0;
    const z = (y[i] ? 1 : -1) + noise * (random.next() + random.next() + random.next() - 1.5) * 2;
    const p = 1 / (1 + Math.exp(-z));
    proba[i * 2] = 1 - p;
    proba[i * 2 + 1] = p;
  }
  return { y, proba };
}

describe('bootstrap', () => {
  it('quantile matches numpy linear interpolation', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 5], 0.25)).toBe(2.5);
    expect(quantile([3, Number.NaN, 1], 1)).toBe(3);
  });

  it('resample counts sum to n and are seeded', () => {
    const a = resampleCounts(createRandom(5), new Float64Array(100));
    const b = resampleCounts(createRandom(5), new Float64Array(100));
    expect(a.reduce((s, v) => s + v, 0)).toBe(100);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(resampleCounts(createRandom(6), new Float64Array(100)))).not.toEqual(Array.from(a));
  });

  it('is deterministic for a seed and changes with it', () => {
    const { y, proba } = binaryProblem(300, 1, 1);
    const ev = prepareClassification({ task: 'binary', classes: ['n', 'y'], y, proba });
    const run = (seed: number) => pairedBootstrap(300, ev.compute, undefined, ['accuracy', 'roc_auc'], { resamples: 200, confidence: 0.95, seed });
    expect(run(3)).toEqual(run(3));
    expect(run(3).candidate.accuracy.low).not.toBe(run(4).candidate.accuracy.low);
  });

  it('paired interval of a model against itself is exactly zero wide; unpaired would not be', () => {
    const { y, proba } = binaryProblem(400, 2, 1.5);
    const result = compareModels({
      task: 'binary', classes: ['n', 'y'], truth: y, candidate: { proba }, baseline: { proba: proba.slice() },
      minSliceSize: 30, metrics: null, bootstrap: { resamples: 300, confidence: 0.95, seed: 9 },
    });
    for (const [name, d] of Object.entries(result.deltas)) {
      expect([name, d.value, d.low, d.high]).toEqual([name, 0, 0, 0]);
    }
    // Unpaired: two independent resamples of the same model give a delta interval of real width.
    const ev = prepareClassification({ task: 'binary', classes: ['n', 'y'], y, proba });
    const ra = createRandom(1);
    const rb = createRandom(2);
    const deltas: number[] = [];
    for (let r = 0; r < 300; r++) {
      deltas.push(ev.compute(resampleCounts(ra, new Float64Array(400))).accuracy - ev.compute(resampleCounts(rb, new Float64Array(400))).accuracy);
    }
    const unpaired = percentileInterval(0, deltas, 0.95);
    expect(unpaired.high - unpaired.low).toBeGreaterThan(0.02);
  });

  it('95% intervals cover the true accuracy in most of repeated experiments (coverage sanity)', () => {
    // Population: each row is correct with probability 0.8. Coverage of nominal 95% should be ~0.9–1.
    const trials = 40;
    let covered = 0;
    const random = createRandom(77);
    for (let t = 0; t < trials; t++) {
      const n = 200;
      const y = new Int32Array(n);
      const proba = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        y[i] = random.int(2);
        const correct = random.next() < 0.8;
        const predictedPositive = correct ? y[i] === 1 : y[i] === 0;
        proba[i * 2 + 1] = predictedPositive ? 0.7 : 0.3;
        proba[i * 2] = 1 - proba[i * 2 + 1];
      }
      const ev = prepareClassification({ task: 'binary', classes: ['n', 'y'], y, proba });
      const r = pairedBootstrap(n, ev.compute, undefined, ['accuracy'], { resamples: 150, confidence: 0.95, seed: t });
      if (r.candidate.accuracy.low <= 0.8 && 0.8 <= r.candidate.accuracy.high) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.85);
    expect(covered / trials).toBeLessThanOrEqual(1);
  });

  it('reports undefined replicates instead of crashing (ROC AUC with a single class)', () => {
    const y = Int32Array.from([1, 1, 1, 0]);
    const proba = Float64Array.from([0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.9, 0.1]);
    const ev = prepareClassification({ task: 'binary', classes: ['n', 'y'], y, proba });
    const r = pairedBootstrap(4, ev.compute, undefined, ['roc_auc'], { resamples: 200, confidence: 0.95, seed: 1 });
    expect(r.candidate.roc_auc.value).toBe(1);
    expect((r.candidate.roc_auc as { undefinedShare?: number }).undefinedShare).toBeGreaterThan(0);
  });
});
