/**
 * Relative gates on small test sets. The plain percentile bootstrap is anti-conservative on few
 * rows: two models of EQUAL quality (A/A, different predictions) failed `log_loss maxIncrease: 0`
 * in 14% of seeds with 3 rows, 10% with 5, ~7% with 8–10 (nominal: 2.5%). Intervals are now
 * expanded percentile intervals, and below minPairedUnits rows no relative gate is judged.
 */
import { describe, expect, it } from 'vitest';
import * as bootstrap from '../../../src/evaluate/bootstrap.ts';
import { compareModels } from '../../../src/evaluate/compare.ts';
import { evaluateGates } from '../../../src/evaluate/gates.ts';
import { buildReport } from '../../../src/evaluate/result.ts';
import { createRandom } from '../../../src/evaluate/random.ts';
import type { GateConfig } from '../../../src/train/config.ts';

/** Binary A/A of equal quality: each model's probability of the true class ~ U(0.2, 1), independently. */
function equalQuality(seed: number, n: number) {
  const r = createRandom(seed * 7 + 1);
  const truth = new Int32Array(n);
  const candidate = new Float64Array(2 * n);
  const baseline = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const y = r.next() < 0.5 ? 1 : 0;
    truth[i] = y;
    for (const p of [candidate, baseline]) {
      const q = 0.2 + 0.8 * r.next();
      p[2 * i + y] = q;
      p[2 * i + 1 - y] = 1 - q;
    }
  }
  return { truth, candidate, baseline };
}

function verdicts(gates: GateConfig[], truth: Int32Array, candidate: Float64Array, baseline: Float64Array, resamples = 200) {
  const n = truth.length;
  const result = compareModels({
    task: 'binary', classes: ['a', 'b'], truth, candidate: { proba: candidate }, baseline: { proba: baseline },
    minSliceSize: 30, metrics: ['accuracy', 'log_loss'], bootstrap: { resamples, confidence: 0.95, seed: 42 },
  });
  return evaluateGates(gates, { task: 'binary', overall: { n, candidate: result.candidate.intervals, baseline: result.baseline!.intervals, deltas: result.deltas }, slices: new Map(), latency: null, hasBaseline: true, minSliceSize: 30, confidence: 0.95 });
}

describe('relative gates on small test sets', () => {
  it('3 rows that all favour the baseline by a hair are too few to fail a gate (1 chance in 8 with equal models)', () => {
    // Every row: the baseline gives the true class 0.80, the candidate 0.79.
    const truth = Int32Array.from([1, 0, 1]);
    const proba = (q: number) => Float64Array.from([1 - q, q, q, 1 - q, 1 - q, q]);
    const [logLoss, accuracy] = verdicts([{ kind: 'metric', metric: 'log_loss', maxIncrease: 0 }, { kind: 'metric', metric: 'accuracy', maxDrop: 0 }], truth, proba(0.79), proba(0.8));
    expect(logLoss).toMatchObject({ status: 'skipped', passed: true, inconclusive: true });
    expect(logLoss.detail).toContain('3 rows are too few');
    expect(logLoss.detail).toContain('at least 6 needed');
    // No difference at all: skipped, no warning.
    expect(accuracy).toMatchObject({ status: 'skipped', passed: true });
    expect(accuracy.inconclusive).toBeUndefined();
  });

  it('6 rows that all favour the baseline are enough (1 chance in 64): the gate fails', () => {
    const truth = Int32Array.from([1, 0, 1, 0, 1, 0]);
    const proba = (q: number) => Float64Array.from(Array.from(truth).flatMap((y) => (y ? [1 - q, q] : [q, 1 - q])));
    const [logLoss] = verdicts([{ kind: 'metric', metric: 'log_loss', maxIncrease: 0 }], truth, proba(0.7), proba(0.8));
    expect(logLoss.status).toBe('failed');
  });

  it('the fewest rows follow the confidence: 2^-n must reach (1 - confidence) / 2', () => {
    expect([0.9, 0.95, 0.99].map((c) => bootstrap.minPairedUnits(c))).toEqual([5, 6, 8]);
  });

  it('intervals are expanded percentile intervals: wider tails on few rows, the plain ones on many', () => {
    // α'/2 = Φ(−√(n/(n−1))·t(0.025, n−1)); t(0.025, 4) = 2.776445, t(0.025, 29) = 2.045230.
    expect(bootstrap.expandedTail(0.95, 5)).toBeCloseTo(0.000954, 5);
    expect(bootstrap.expandedTail(0.95, 30)).toBeCloseTo(0.018754, 5);
    expect(bootstrap.expandedTail(0.95, 100_000)).toBeCloseTo(0.025, 4);
    expect(bootstrap.expandedTail(0.95)).toBeCloseTo(0.025, 12);
  });

  it('A/A with 6 to 15 rows: equal models fail log_loss maxIncrease: 0 at close to the nominal 2.5%', () => {
    // The paired bootstrap of the log-loss delta as compareModels runs it (default 1000 resamples), on a weighted log loss alone to stay fast.
    const logLoss = (proba: Float64Array, truth: Int32Array) => (w?: Float64Array) => {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < truth.length; i++) {
        const weight = w ? w[i] : 1;
        sum -= weight * Math.log(proba[2 * i + truth[i]]);
        total += weight;
      }
      return { log_loss: sum / total };
    };
    let failed = 0;
    let runs = 0;
    for (const n of [6, 8, 10, 15]) {
      for (let seed = 0; seed < 150; seed++) {
        const { truth, candidate, baseline } = equalQuality(seed, n);
        const boot = bootstrap.pairedBootstrap(n, logLoss(candidate, truth), logLoss(baseline, truth), ['log_loss'], { resamples: 1000, confidence: 0.95, seed: 42 });
        const [g] = evaluateGates([{ kind: 'metric', metric: 'log_loss', maxIncrease: 0 }], { task: 'binary', overall: { n, candidate: boot.candidate, baseline: boot.baseline, deltas: boot.deltas }, slices: new Map(), latency: null, hasBaseline: true, minSliceSize: 30, confidence: 0.95 });
        runs++;
        if (g.status === 'failed') failed++;
      }
    }
    // Plain percentile intervals failed 42 of these 600 (7.0%), expanded ones 26 (4.3%); with 1000 seeds per n: 5.1%, 4.8%, 3.7%, 2.9%.
    expect(failed / runs).toBeLessThanOrEqual(0.05);
  });

  it('A/A with 3 to 5 rows never fails a relative gate', () => {
    for (const n of [3, 4, 5]) {
      for (let seed = 0; seed < 40; seed++) {
        const { truth, candidate, baseline } = equalQuality(seed, n);
        for (const g of verdicts([{ kind: 'metric', metric: 'log_loss', maxIncrease: 0 }, { kind: 'metric', metric: 'accuracy', maxDrop: 0 }], truth, candidate, baseline)) {
          expect(g.status).not.toBe('failed');
        }
      }
    }
  });
});

describe('latency ratio gates on few rounds', () => {
  const size = (value: number, low: number, high: number) => ({
    batchSize: 1, rowsPerCall: 1,
    candidate: { p50: 2, p95: 2, p99: 2, mean: 2, throughput: 500, calls: 60 },
    baseline: { p50: 1, p95: 1, p99: 1, mean: 1, throughput: 1000, calls: 60 },
    ratio: { p50: { value, low, high }, p95: { value, low, high }, p99: { value, low, high }, throughput: { value: 1 / value, low: 1 / high, high: 1 / low } },
  });
  const judge = (rounds: number) => evaluateGates([{ kind: 'latency', latency: 'p95', maxRatio: 1.2 }], {
    task: 'binary', overall: { n: 500, candidate: {} }, slices: new Map(), hasBaseline: true, minSliceSize: 30, confidence: 0.95,
    latency: { clock: 'wall', sizes: [size(2, 1.8, 2.2)], rounds, samplesPerRound: 20, warmup: 3, resamples: 1000, confidence: 0.95 },
  })[0];

  it('3 rounds are too few to fail maxRatio (rounds are the independent units); 6 are enough', () => {
    const few = judge(3);
    expect(few).toMatchObject({ status: 'skipped', passed: true, inconclusive: true, value: 2 });
    expect(few.detail).toContain('3 rounds are too few');
    expect(judge(6)).toMatchObject({ status: 'failed', passed: false });
  });

  it('an undefined ratio (the baseline timed at 0 ms) is not judged, rather than read as within the threshold', () => {
    const gate = evaluateGates([{ kind: 'latency', latency: 'p95', maxRatio: 1.2 }], {
      task: 'binary', overall: { n: 500, candidate: {} }, slices: new Map(), hasBaseline: true, minSliceSize: 30, confidence: 0.95,
      latency: { clock: 'wall', sizes: [{ ...size(Number.NaN, Number.NaN, Number.NaN), baseline: { p50: 0, p95: 0, p99: 0, mean: 0, throughput: Infinity, calls: 60 } }], rounds: 30, samplesPerRound: 20, warmup: 3, resamples: 1000, confidence: 0.95 },
    })[0];
    expect(gate).toMatchObject({ status: 'skipped', passed: true, inconclusive: true });
    expect(gate.detail).toContain('undefined');
  });

  it('the ratio interval is expanded for the number of rounds', () => {
    expect(bootstrap.percentileInterval(1, Array.from({ length: 1001 }, (_, i) => i / 1000), 0.95, 5)).toMatchObject({ low: expect.closeTo(0.000954, 3), high: expect.closeTo(0.999046, 3) });
    expect(bootstrap.percentileInterval(1, Array.from({ length: 1001 }, (_, i) => i / 1000), 0.95)).toMatchObject({ low: expect.closeTo(0.025, 9), high: expect.closeTo(0.975, 9) });
  });
});

describe('the JSON says how intervals and relative gates are read', () => {
  it('bootstrap.interval and bootstrap.minRows follow the confidence', () => {
    const { truth, candidate } = equalQuality(1, 20);
    for (const [confidence, minRows] of [[0.95, 6], [0.99, 8]] as const) {
      const compare = compareModels({ task: 'binary', classes: ['a', 'b'], truth, candidate: { proba: candidate }, minSliceSize: 30, metrics: ['accuracy'], bootstrap: { resamples: 20, confidence, seed: 1 } });
      const report = buildReport({
        name: 'm', compare, latency: null, gates: [], candidateInfo: { dir: 'c', featureNames: ['x'] }, minSliceSize: 30,
        data: { path: 't.csv', rows: 20, evaluatedRows: 20, excludedRows: 0 }, bootstrap: { resamples: 20, confidence, seed: 1 }, environment: { backend: 'cpu', device: 't', versions: {} },
      });
      expect(report.bootstrap).toMatchObject({ confidence, interval: 'expanded-percentile', minRows });
    }
  });
});
