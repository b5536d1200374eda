import { describe, expect, it } from 'vitest';
import { benchmarkLatency, type Predictor } from '../../../src/evaluate/latency.ts';
import { evaluateGates } from '../../../src/evaluate/gates.ts';
import type { GateConfig } from '../../../src/train/config.ts';

/** A fake model whose call costs `ms` of busy CPU per call (plus a little per row), like a real CPU-bound predict. */
function spinPredictor(ms: number, perRowMs = 0): Predictor & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    predict(start, count) {
      calls.push(start);
      const until = performance.now() + ms + perRowMs * count;
      let x = 0;
      while (performance.now() < until) x += Math.sqrt(x + 1);
      return x;
    },
  };
}

const gate: GateConfig[] = [{ kind: 'latency', latency: 'p95', maxRatio: 1.2 }];
// The config defaults (30 rounds × 20 calls): p95 then rests on ~30 tail calls, robust to a few preempted ones.
const options = { rows: 1000, batchSizes: [1], rounds: 30, warmup: 3, samplesPerRound: 20, resamples: 100, confidence: 0.95 };

function verdict(latency: Awaited<ReturnType<typeof benchmarkLatency>>) {
  const overall = { n: 0, candidate: {} };
  return evaluateGates(gate, { task: 'binary', overall, slices: new Map(), latency, hasBaseline: true, minSliceSize: 30 })[0];
}

describe('latency benchmark', () => {
  it('interleaves A B A B with the first mover alternating per round, same rows for both', async () => {
    const order: string[] = [];
    const rows: Record<string, number[]> = { A: [], B: [] };
    const make = (name: string): Predictor => ({ predict(start) { order.push(name); rows[name].push(start); } });
    await benchmarkLatency(make('A'), make('B'), { ...options, rounds: 4, warmup: 0, samplesPerRound: 2, seed: 1 });
    expect(order.join('')).toBe('ABAB' + 'BABA' + 'ABAB' + 'BABA');
    expect(rows.A).toEqual(rows.B);
  });

  it('reports percentiles, throughput and clamps batch sizes to the table', async () => {
    let t = 0;
    // A deterministic clock: the candidate takes 2 ms, the baseline 1 ms per call.
    const clockPredictor = (ms: number): Predictor => ({ predict() { t += ms; } });
    const r = await benchmarkLatency(clockPredictor(2), clockPredictor(1), { ...options, rows: 100, batchSizes: [1, 256], seed: 2, now: () => t });
    expect(r.sizes.map((s) => s.rowsPerCall)).toEqual([1, 100]);
    expect(r.sizes[0].candidate.p50).toBe(2);
    expect(r.sizes[0].baseline!.p99).toBe(1);
    expect(r.sizes[1].candidate.throughput).toBe(50_000);
    expect(r.sizes[0].ratio!.p95).toEqual({ value: 2, low: 2, high: 2 });
    expect(r.sizes[0].ratio!.throughput.value).toBe(0.5);
  });

  it('A/A: identical predictors pass maxRatio 1.2 in at least 95% of 40 comparisons', async () => {
    let passed = 0;
    const runs = 40;
    for (let i = 0; i < runs; i++) {
      const result = await benchmarkLatency(spinPredictor(0.02), spinPredictor(0.02), { ...options, seed: 100 + i });
      if (verdict(result).passed) passed++;
    }
    expect(passed / runs).toBeGreaterThanOrEqual(0.95);
  });

  it('a 3× slower candidate is flagged by maxRatio 1.2 in every run', async () => {
    for (let i = 0; i < 8; i++) {
      const result = await benchmarkLatency(spinPredictor(0.12), spinPredictor(0.04), { ...options, seed: 200 + i });
      const g = verdict(result);
      expect(g.status, g.detail).toBe('failed');
    }
  });

  it('without a baseline the ratio gate is skipped, not failed', async () => {
    const result = await benchmarkLatency(spinPredictor(0.05), undefined, { ...options, rounds: 3, seed: 3 });
    expect(result.sizes[0].ratio).toBeUndefined();
    expect(verdict(result)).toMatchObject({ status: 'skipped', passed: true });
  });

  // Which clock a run used and that wall-clock figures are kept alongside. How much CPU time a
  // sleeping call costs depends on the machine (shared CI runners), so no duration is asserted.
  it('cpu clock: the result says which clock it used and keeps the wall-clock figures', async () => {
    const sleeper: Predictor = { predict: () => new Promise((resolve) => setTimeout(resolve, 4)) };
    const r = await benchmarkLatency(sleeper, undefined, { ...options, rounds: 3, samplesPerRound: 2, warmup: 0, seed: 5, clock: 'cpu' });
    expect(r.clock).toBe('cpu');
    expect(r.sizes[0].wall).toBeDefined();
    expect(Number.isFinite(r.sizes[0].wall!.candidate.p50)).toBe(true);
    expect(Number.isFinite(r.sizes[0].candidate.p50)).toBe(true);
    const wallDefault = await benchmarkLatency(sleeper, undefined, { ...options, rounds: 3, samplesPerRound: 2, warmup: 0, seed: 5 });
    expect(wallDefault.clock).toBe('wall');
    expect(wallDefault.sizes[0].wall).toBeUndefined();
  });
});
