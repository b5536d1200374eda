/**
 * Gate names and details carry text of the test data (a slice value a gate names, a class name):
 * in the PR comment they are data, shown as written — not HTML, not markdown, not @-mentions.
 */
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../../src/evaluate/compare.ts';
import { evaluateGates } from '../../../src/evaluate/gates.ts';
import { renderEvaluationReport } from '../../../src/evaluate/report.ts';
import { buildReport } from '../../../src/evaluate/result.ts';

function report() {
  const n = 80;
  const truth = Int32Array.from({ length: n }, (_, i) => i % 2);
  const proba = Float64Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? 0.3 : 0.7));
  const region = Array.from({ length: n }, (_, i) => (i < 40 ? '<b>north</b>' : '@org/team'));
  const compare = compareModels({ task: 'binary', classes: ['no', 'yes'], truth, candidate: { proba }, slices: [{ name: 'region', values: region }], minSliceSize: 10, metrics: ['accuracy'], bootstrap: { resamples: 50, confidence: 0.95, seed: 1 } });
  const slices = new Map(compare.slices.map((s) => [`${s.column}=${s.value}`, { n: s.n, small: s.small, candidate: s.candidate }]));
  const gates = evaluateGates(
    [{ kind: 'metric', metric: 'accuracy', min: 0.9, slice: 'region=<b>north</b>' }, { kind: 'metric', metric: 'accuracy', min: 0.9, slice: 'region=@org/team' }],
    { task: 'binary', overall: { n, candidate: compare.candidate.intervals }, slices, latency: null, hasBaseline: false, minSliceSize: 10 },
  );
  return buildReport({
    name: 'm', compare, latency: null, gates, candidateInfo: { dir: 'c', featureNames: ['x'] }, minSliceSize: 10,
    data: { path: 't.csv', rows: n, evaluatedRows: n, excludedRows: 0 }, bootstrap: { resamples: 50, confidence: 0.95, seed: 1 }, environment: { backend: 'cpu', device: 't', versions: {} },
  });
}

describe('gate text in the report', () => {
  it('a slice value in a failed gate is neither HTML nor an @-mention, in the verdict and in the gates table', () => {
    const r = report();
    expect(r.gates.map((g) => g.status)).toEqual(['failed', 'failed']);
    // The JSON keeps the text as written.
    expect(r.gates[0].name).toBe('accuracy [region=<b>north</b>] ≥ 0.9');
    const md = renderEvaluationReport(r);
    expect(md).not.toContain('<b>');
    expect(md).not.toMatch(/@org\/team/);
    const verdictLines = md.split('\n').filter((l) => l.startsWith('> - '));
    expect(verdictLines).toHaveLength(2);
    expect(verdictLines[0]).toContain('region=&#60;b>north&#60;/b>');
    // What is no markup stays readable (the markdown is also what a terminal shows).
    expect(verdictLines[0]).toContain('(95% CI [0.3748, 0.6004]) < min 0.9');
    expect(verdictLines[1]).toContain('@\u2060org/team');
    const gateRows = md.split('\n').filter((l) => l.startsWith('| accuracy ['));
    expect(gateRows).toHaveLength(2);
    for (const row of gateRows) expect(row).not.toMatch(/<b>|@org/);
  });

  it('emphasis, code, links and entities in a slice value stay text', () => {
    const r = report();
    r.gates[0].name = 'accuracy [x=*a* `b` [c](http://e) &amp; _d_ <!-- e] ≥ 0.9';
    const md = renderEvaluationReport(r);
    const line = md.split('\n').find((l) => l.startsWith('> - '))!;
    expect(line).toBe('> - **accuracy [x=&#42;a&#42; &#96;b&#96; [c&#93;(http://e) &#38;amp; &#95;d&#95; &#60;!-- e] ≥ 0.9**: accuracy on slice region=&#60;b>north&#60;/b> = 0.5 (95% CI [0.3748, 0.6004]) < min 0.9');
  });
});
