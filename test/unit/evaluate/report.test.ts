import { describe, expect, it } from 'vitest';
import { compareModels, type CompareInput } from '../../../src/evaluate/compare.ts';
import { evaluateGates } from '../../../src/evaluate/gates.ts';
import { benchmarkLatency, type Predictor } from '../../../src/evaluate/latency.ts';
import { createRandom } from '../../../src/evaluate/random.ts';
import { COMMENT_LIMIT, renderEvaluationReport } from '../../../src/evaluate/report.ts';
import { buildReport } from '../../../src/evaluate/result.ts';
import type { GateConfig } from '../../../src/train/config.ts';

function problem(n: number, seed: number, classes = ['a', 'b', 'c']) {
  const random = createRandom(seed);
  const K = classes.length;
  const truth = new Int32Array(n);
  const good = new Float64Array(n * K);
  const bad = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    truth[i] = random.int(K);
    for (const [proba, strength] of [[good, 2.5], [bad, 0.6]] as const) {
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const z = Math.exp((k === truth[i] ? strength : 0) + random.next() * 1.5);
        proba[i * K + k] = z;
        sum += z;
      }
      for (let k = 0; k < K; k++) proba[i * K + k] /= sum;
    }
  }
  return { truth, good, bad, classes };
}

async function fullReport(over: Partial<CompareInput> = {}, gates: GateConfig[] = []) {
  const p = problem(600, 1);
  const input: CompareInput = {
    task: 'multiclass', classes: p.classes, truth: p.truth, candidate: { proba: p.bad }, baseline: { proba: p.good },
    cost: { matrix: [[0, 1, 5], [1, 0, 1], [10, 1, 0]] }, minSliceSize: 30, metrics: null,
    bootstrap: { resamples: 100, confidence: 0.95, seed: 3 }, ...over,
  };
  const compare = compareModels(input);
  let t = 0;
  const clock = (ms: number): Predictor => ({ predict() { t += ms; } });
  const latency = await benchmarkLatency(clock(1.5), clock(1), { rows: 600, batchSizes: [1, 256], rounds: 6, warmup: 0, samplesPerRound: 3, resamples: 50, confidence: 0.95, seed: 1, now: () => t });
  const overall = { n: compare.n, candidate: compare.candidate.intervals, baseline: compare.baseline?.intervals, deltas: compare.deltas };
  const slices = new Map(compare.slices.map((s) => [`${s.column}=${s.value}`, { n: s.n, small: s.small, candidate: s.candidate, baseline: s.baseline, deltas: s.deltas }]));
  const gateResults = evaluateGates(gates, { task: 'multiclass', overall, slices, latency, hasBaseline: true, minSliceSize: 30, confidence: input.bootstrap.confidence });
  return buildReport({
    name: 'weather', compare, latency, gates: gateResults, candidateInfo: { dir: 'cand', featureNames: ['x'], commit: 'abcdef1234567' },
    baselineInfo: { dir: '/cache/weather/v1.2.0', ref: 'weather#production', name: 'weather', version: 'v1.2.0', featureNames: ['x'] },
    minSliceSize: 30, data: { path: 'data/test.csv', rows: 600, evaluatedRows: 600, excludedRows: 0 },
    bootstrap: input.bootstrap, environment: { backend: 'cpu', device: 'test', versions: {} },
  });
}

describe('comparison and report', () => {
  it('says when the candidate has the baseline\'s very weights (a retrain that changed nothing), and only then', async () => {
    const { good } = problem(600, 1);
    const report = await fullReport({ candidate: { proba: good } });
    const sha = 'ab'.repeat(32);
    report.candidate.model.weightsSha256 = sha;
    report.baseline!.model.weightsSha256 = sha;
    expect(renderEvaluationReport(report)).toContain("The candidate's weights are byte-identical to the baseline's (sha256 `abababababab`)");
    report.candidate.model.weightsSha256 = 'cd'.repeat(32);
    expect(renderEvaluationReport(report)).not.toContain('byte-identical');
    delete report.candidate.model.weightsSha256;
    delete report.baseline!.model.weightsSha256;
    expect(renderEvaluationReport(report)).not.toContain('byte-identical'); // external models record none
  });

  it('does not call weights byte-identical when the metrics differ, whatever the run records say', async () => {
    // Two models whose run.json name one sha256 (a copied record, an external trainer's shared
    // config file) but whose predictions differ: the deltas are not "zero by construction".
    const report = await fullReport();
    report.candidate.model.weightsSha256 = 'ab'.repeat(32);
    report.baseline!.model.weightsSha256 = 'ab'.repeat(32);
    expect(report.deltas.accuracy.value).not.toBe(0);
    expect(renderEvaluationReport(report)).not.toContain('byte-identical');
  });

  it('expected cost from the matrix (rows true, columns predicted) is a lower-is-better metric', async () => {
    const report = await fullReport();
    const { truth, bad } = problem(600, 1);
    let manual = 0;
    for (let i = 0; i < 600; i++) {
      let best = 0;
      for (let k = 1; k < 3; k++) if (bad[i * 3 + k] > bad[i * 3 + best]) best = k;
      manual += [[0, 1, 5], [1, 0, 1], [10, 1, 0]][truth[i]][best];
    }
    expect(report.candidate.metrics.cost).toBeCloseTo(manual / 600, 12);
    expect(report.deltas.cost.direction).toBe('lower');
    expect(report.deltas.cost.improved).toBe(false);
    expect(report.shownMetrics).toContain('cost');
  });

  it('regression cost = perUnitError × MAE', () => {
    const y = Float64Array.from([1, 2, 3, 4]);
    const r = compareModels({ task: 'regression', truth: y, candidate: { values: Float64Array.from([1, 2, 4, 6]) }, cost: { perUnitError: 2.5 }, minSliceSize: 1, metrics: ['mae'], bootstrap: { resamples: 10, confidence: 0.95, seed: 1 } });
    expect(r.candidate.metrics.cost).toBeCloseTo(2.5 * 0.75, 12);
    expect(r.baseline).toBeNull();
    expect(r.deltas).toEqual({});
  });

  it('rejects unknown metrics, a wrong-sized cost matrix and an empty test set', () => {
    const p = problem(50, 2);
    const base = { task: 'multiclass' as const, classes: p.classes, truth: p.truth, candidate: { proba: p.good }, minSliceSize: 30, bootstrap: { resamples: 10, confidence: 0.95, seed: 1 } };
    expect(() => compareModels({ ...base, metrics: ['accuracy', 'nope'] })).toThrow(/unknown metric 'nope'/);
    expect(() => compareModels({ ...base, metrics: ['mae'] })).toThrow(/does not apply/);
    expect(() => compareModels({ ...base, metrics: null, cost: { matrix: [[0, 1], [1, 0]] } })).toThrow(/2×2 but the model has 3 classes/);
    expect(() => compareModels({ ...base, metrics: null, truth: new Int32Array(0), candidate: { proba: new Float64Array(0) } })).toThrow(/empty/);
  });

  it('slices: small ones are marked and get no interval; rare values beyond the cap merge into (other)', () => {
    const p = problem(300, 4);
    const values = Array.from({ length: 300 }, (_, i) => (i < 200 ? 'big' : i < 210 ? 'tiny' : `v${i % 60}`));
    const r = compareModels({
      task: 'multiclass', classes: p.classes, truth: p.truth, candidate: { proba: p.good }, baseline: { proba: p.bad },
      slices: [{ name: 'group', values }], minSliceSize: 30, metrics: ['accuracy'], maxSliceValues: 10,
      bootstrap: { resamples: 50, confidence: 0.95, seed: 1 },
    });
    const big = r.slices.find((s) => s.value === 'big')!;
    expect(big).toMatchObject({ n: 200, small: false });
    expect(big.deltas!.accuracy.low).toBeLessThanOrEqual(big.deltas!.accuracy.value);
    const tiny = r.slices.find((s) => s.value === 'tiny')!;
    expect(tiny.small).toBe(true);
    expect(Number.isNaN(tiny.candidate.accuracy.low)).toBe(true);
    expect(r.slices).toHaveLength(10);
    expect(r.slices.at(-1)!.value).toBe('(other)');
    expect(r.slices.reduce((s, x) => s + x.n, 0)).toBe(300);
  });

  it('names the interval level evaluate.bootstrap.confidence set, not always 95%', async () => {
    const gates: GateConfig[] = [{ kind: 'metric', metric: 'accuracy', maxDrop: 0.01, min: 0.2 }, { kind: 'latency', latency: 'p95', maxRatio: 1.2 }];
    const report = await fullReport({ bootstrap: { resamples: 100, confidence: 0.9, seed: 3 } }, gates);
    const md = renderEvaluationReport(report);
    expect(md).not.toContain('95%');
    expect(md).toMatch(/\| +90% CI of Δ \|/);
    expect(md).toContain('Ratio [90% CI]');
    expect(md).toContain('the whole 90% interval is beyond the threshold');
    for (const g of report.gates) expect(g.detail).toContain('(90% CI ');
    const alone = await fullReport({ bootstrap: { resamples: 100, confidence: 0.975, seed: 3 }, baseline: undefined });
    expect(renderEvaluationReport(alone)).toMatch(/\| +97\.5% CI +\|/);
  });

  it('renders the verdict first, the tables, details and a chart', async () => {
    const report = await fullReport({}, [
      { kind: 'metric', metric: 'accuracy', maxDrop: 0.01 },
      { kind: 'metric', metric: 'accuracy', min: 0.2 },
      { kind: 'latency', latency: 'p95', maxRatio: 1.2 },
    ]);
    expect(report.passed).toBe(false);
    const md = renderEvaluationReport(report, { runUrl: 'https://github.com/o/r/actions/runs/1', commit: '0123456789abcdef' });
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^## Evaluation of `weather`/);
    expect(md.indexOf('> [!CAUTION]')).toBeLessThan(md.indexOf('### Metrics'));
    expect(md).toContain('| Metric');
    expect(md).toContain('95% CI of Δ');
    expect(md).toMatch(/\*\*Batch size 256\*\*/);
    expect(md).toContain('```mermaid');
    expect(md).toContain('<summary>Confusion matrix and per-class scores</summary>');
    expect(md).toContain('<summary>Calibration');
    expect(md).toContain('`weather#production`');
    expect(md).toContain('[workflow run](https://github.com/o/r/actions/runs/1)');
    expect(md).toContain('1.50× [1.50, 1.50]');
  });

  it('stays under 65,536 characters with a huge slice list', async () => {
    const p = problem(600, 1);
    const slices = Array.from({ length: 12 }, (_, c) => ({ name: `column_with_a_long_name_${c}`, values: Array.from({ length: 600 }, (_, i) => `value-${(i * (c + 7)) % 300}-padding-text`) }));
    const report = await fullReport({ slices, maxSliceValues: 1000, truth: p.truth }, [{ kind: 'metric', metric: 'f1_macro', maxDrop: 0.5 }]);
    expect(report.slices.length).toBeGreaterThan(1500);
    const md = renderEvaluationReport(report, { maxSliceRows: 100000 });
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(md).toMatch(/Report cut to fit a comment/);
    expect(md.startsWith('## Evaluation')).toBe(true);
    // Cut on structure: no unclosed <details>.
    expect((md.match(/<details/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  });

  it('no baseline: candidate-only tables and a NOTE verdict', async () => {
    const p = problem(200, 5);
    const compare = compareModels({ task: 'multiclass', classes: p.classes, truth: p.truth, candidate: { proba: p.good }, minSliceSize: 30, metrics: null, bootstrap: { resamples: 50, confidence: 0.95, seed: 1 } });
    const gates = evaluateGates([{ kind: 'metric', metric: 'accuracy', maxDrop: 0.01 }], { task: 'multiclass', overall: { n: 200, candidate: compare.candidate.intervals }, slices: new Map(), latency: null, hasBaseline: false, minSliceSize: 30 });
    const report = buildReport({ name: 'm', compare, latency: null, gates, candidateInfo: { dir: 'c', featureNames: [] }, minSliceSize: 30, data: { path: 't.csv', rows: 200, evaluatedRows: 200, excludedRows: 0 }, bootstrap: { resamples: 50, confidence: 0.95, seed: 1 }, environment: { backend: 'cpu', device: '', versions: {} } });
    expect(report.passed).toBe(true);
    expect(report.baseline).toBeNull();
    expect(report.gates[0].status).toBe('skipped');
    const md = renderEvaluationReport(report);
    expect(md).toContain('> [!NOTE]');
    expect(md).toContain('no baseline');
    // Every gate skipped is not "all 0 gates passed".
    expect(md).toContain('**No gate could be judged** (1 skipped)');
    expect(md).not.toContain('All 0 gates');
    expect(md).toContain('| Metric');
    expect(md).not.toContain('Baseline |');
  });
});

describe('data text in the report', () => {
  it('shows class names, slice values and slice columns as written: no tag dropped, no mention, no emphasis', async () => {
    const p = problem(600, 1);
    const values = Array.from({ length: 600 }, (_, i) => ['<NA>', '@org/team', '*x*'][i % 3]);
    const report = await fullReport({ classes: ['<NA>', '@org/team', 'a_b'], slices: [{ name: '<region>', values }] });
    const md = renderEvaluationReport(report);
    expect(p.classes).toHaveLength(3);
    // Every line that shows one of the values keeps it readable and inert.
    expect(md).toContain('| &#60;NA&#62;');
    expect(md).toContain('@\u2060org/team');
    expect(md).toContain('&#42;x&#42;');
    expect(md).toContain('**&#60;region&#62;**');
    expect(md).toContain('a_b');
    expect(md).not.toMatch(/(^|[^&#\w])<NA>/);
    expect(md).not.toMatch(/@org\/team/);
  });
});
