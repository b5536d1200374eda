/**
 * A fair latency comparison of two models in the same process.
 *
 * Why interleave: a shared CI machine drifts (other jobs, CPU frequency, GC). Timing the baseline
 * for 10 s and then the candidate for 10 s turns that drift into a fake regression. Here every
 * timed call of one model is immediately followed by the same call (same rows) of the other —
 * A B A B … — and which model goes first alternates from round to round, so drift and
 * first-mover cache effects fall on both equally. The ratio's interval comes from a bootstrap
 * over ROUNDS (not single calls): calls inside a round share the machine's state, so rounds are
 * the independent units.
 */
import { percentileInterval, quantileSorted, type Interval } from './bootstrap.ts';
import { createRandom } from './random.ts';

/**
 * Something that predicts rows [start, start+count) of a fixed test table. The real one wraps
 * LoadedModel.predict (preprocessing included — serving pays for it); tests use fakes with
 * controlled costs.
 */
export interface Predictor {
  predict(start: number, count: number): unknown;
}

export interface LatencyOptions {
  /** Rows available in the test table. */
  rows: number;
  /** Rows per call; sizes above `rows` are clamped to `rows`. */
  batchSizes: number[];
  /** Interleaved rounds per batch size. */
  rounds: number;
  /** Untimed calls per model and batch size before timing starts (JIT, caches, lazy kernels). */
  warmup: number;
  /** Timed calls per model per round. */
  samplesPerRound: number;
  resamples: number;
  confidence: number;
  seed: number;
  /**
   * What a call's duration means. `wall`: elapsed time (what a caller waits). `cpu`: CPU time of
   * this process during the call — on a shared, overloaded machine wall-clock tails are mostly the
   * scheduler (time this process was not running), which hits both models and drowns a real
   * difference; CPU time keeps the model's own work (and GC) and drops that noise. Only meaningful
   * for backends that compute on the calling thread (tfjs cpu, single-threaded wasm). Default wall.
   */
  clock?: LatencyClock;
  /** Clock in milliseconds (tests may inject one; used for `wall`). */
  now?: () => number;
}

export type LatencyClock = 'wall' | 'cpu';

/** Per-call latency percentiles (ms) and throughput (rows/s) of one model at one batch size. */
export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  throughput: number;
  calls: number;
}

export type LatencyPercentileName = 'p50' | 'p95' | 'p99';
export const LATENCY_PERCENTILES: readonly LatencyPercentileName[] = ['p50', 'p95', 'p99'];

export interface LatencySizeResult {
  /** Requested rows per call. */
  batchSize: number;
  /** Rows actually predicted per call (clamped to the test table). */
  rowsPerCall: number;
  candidate: LatencyStats;
  baseline?: LatencyStats;
  /** candidate / baseline per percentile (and throughput), with a bootstrap interval over rounds. */
  ratio?: Record<LatencyPercentileName | 'throughput', Interval>;
  /** With the cpu clock: the same calls' wall-clock statistics, for reference. */
  wall?: { candidate: LatencyStats; baseline?: LatencyStats };
}

export interface LatencyResult {
  /** The clock the percentiles, ratios and gates use. */
  clock: LatencyClock;
  sizes: LatencySizeResult[];
  rounds: number;
  samplesPerRound: number;
  warmup: number;
  resamples: number;
  confidence: number;
}

const Q: Record<LatencyPercentileName, number> = { p50: 0.5, p95: 0.95, p99: 0.99 };

function stats(sortedMs: Float64Array, rowsPerCall: number): LatencyStats {
  let sum = 0;
  for (const v of sortedMs) sum += v;
  const mean = sum / sortedMs.length;
  return {
    p50: quantileSorted(sortedMs, 0.5),
    p95: quantileSorted(sortedMs, 0.95),
    p99: quantileSorted(sortedMs, 0.99),
    mean,
    throughput: mean > 0 ? (rowsPerCall * 1000) / mean : Number.POSITIVE_INFINITY,
    calls: sortedMs.length,
  };
}

/** One call's duration in ms: [chosen clock, wall clock]. */
async function timeCall(predictor: Predictor, start: number, count: number, now: () => number, clock: LatencyClock): Promise<[number, number]> {
  const c0 = clock === 'cpu' ? process.cpuUsage() : undefined;
  const t0 = now();
  const result = predictor.predict(start, count);
  // Await only real promises: awaiting a plain value would add a microtask to sync predictors.
  if (result && typeof (result as PromiseLike<unknown>).then === 'function') await result;
  const wall = now() - t0;
  if (!c0) return [wall, wall];
  const cpu = process.cpuUsage(c0);
  return [(cpu.user + cpu.system) / 1000, wall];
}

/**
 * Times candidate (and baseline, when given) per batch size with interleaved rounds and returns
 * percentiles, throughput and — with a baseline — the candidate/baseline ratios with intervals.
 */
export async function benchmarkLatency(candidate: Predictor, baseline: Predictor | undefined, options: LatencyOptions): Promise<LatencyResult> {
  const now = options.now ?? (() => performance.now());
  const clock = options.clock ?? 'wall';
  const random = createRandom(options.seed);
  const sizes: LatencySizeResult[] = [];
  for (const batchSize of options.batchSizes) {
    const rowsPerCall = Math.max(1, Math.min(batchSize, options.rows));
    const pickStart = () => random.int(options.rows - rowsPerCall + 1);
    for (let w = 0; w < options.warmup; w++) {
      const start = pickStart();
      await timeCall(candidate, start, rowsPerCall, now, clock);
      if (baseline) await timeCall(baseline, start, rowsPerCall, now, clock);
    }
    const k = options.samplesPerRound;
    // times[round * k + j]
    const timesC = new Float64Array(options.rounds * k);
    const timesB = new Float64Array(baseline ? options.rounds * k : 0);
    const wallC = new Float64Array(timesC.length);
    const wallB = new Float64Array(timesB.length);
    const record = async (which: 'C' | 'B', index: number, start: number) => {
      const [t, wall] = await timeCall(which === 'C' ? candidate : baseline!, start, rowsPerCall, now, clock);
      (which === 'C' ? timesC : timesB)[index] = t;
      (which === 'C' ? wallC : wallB)[index] = wall;
    };
    for (let r = 0; r < options.rounds; r++) {
      const candidateFirst = r % 2 === 0;
      for (let j = 0; j < k; j++) {
        const start = pickStart();
        if (!baseline) {
          await record('C', r * k + j, start);
        } else if (candidateFirst) {
          await record('C', r * k + j, start);
          await record('B', r * k + j, start);
        } else {
          await record('B', r * k + j, start);
          await record('C', r * k + j, start);
        }
      }
    }
    const result: LatencySizeResult = {
      batchSize,
      rowsPerCall,
      candidate: stats(Float64Array.from(timesC).sort(), rowsPerCall),
    };
    if (baseline) {
      result.baseline = stats(Float64Array.from(timesB).sort(), rowsPerCall);
      result.ratio = ratioIntervals(timesC, timesB, options.rounds, k, result.candidate, result.baseline, options);
    }
    if (clock === 'cpu') {
      result.wall = { candidate: stats(wallC.sort(), rowsPerCall), ...(baseline ? { baseline: stats(wallB.sort(), rowsPerCall) } : {}) };
    }
    sizes.push(result);
  }
  return {
    clock,
    sizes,
    rounds: options.rounds,
    samplesPerRound: options.samplesPerRound,
    warmup: options.warmup,
    resamples: options.resamples,
    confidence: options.confidence,
  };
}

/**
 * Bootstrap over rounds: each replicate draws `rounds` round indices with replacement and takes
 * the SAME rounds for both models (pairing keeps machine drift out of the ratio).
 */
export function ratioIntervals(
  timesC: Float64Array,
  timesB: Float64Array,
  rounds: number,
  perRound: number,
  pointC: LatencyStats,
  pointB: LatencyStats,
  options: Pick<LatencyOptions, 'resamples' | 'confidence' | 'seed'>,
): Record<LatencyPercentileName | 'throughput', Interval> {
  const random = createRandom(options.seed ^ 0x5bd1e995);
  const reps = { p50: new Float64Array(options.resamples), p95: new Float64Array(options.resamples), p99: new Float64Array(options.resamples), throughput: new Float64Array(options.resamples) };
  const c = new Float64Array(rounds * perRound);
  const b = new Float64Array(rounds * perRound);
  for (let s = 0; s < options.resamples; s++) {
    let sumC = 0;
    let sumB = 0;
    for (let r = 0; r < rounds; r++) {
      const pick = random.int(rounds);
      for (let j = 0; j < perRound; j++) {
        c[r * perRound + j] = timesC[pick * perRound + j];
        b[r * perRound + j] = timesB[pick * perRound + j];
        sumC += timesC[pick * perRound + j];
        sumB += timesB[pick * perRound + j];
      }
    }
    c.sort();
    b.sort();
    for (const p of LATENCY_PERCENTILES) reps[p][s] = quantileSorted(c, Q[p]) / quantileSorted(b, Q[p]);
    // Throughput ratio = baseline mean time / candidate mean time (rows per call are equal).
    reps.throughput[s] = sumB / sumC;
  }
  const out = {} as Record<LatencyPercentileName | 'throughput', Interval>;
  for (const p of LATENCY_PERCENTILES) {
    const { value, low, high } = percentileInterval(pointC[p] / pointB[p], reps[p], options.confidence, rounds);
    out[p] = { value, low, high };
  }
  const t = percentileInterval(pointC.throughput / pointB.throughput, reps.throughput, options.confidence, rounds);
  out.throughput = { value: t.value, low: t.low, high: t.high };
  return out;
}
