/**
 * `mlops evaluate` end to end on real models trained by src/train (tiny epochs) on a real fixture
 * (Seattle weather, test/fixtures/evaluate/weather). Covers the statistical acceptance of issue 5:
 * A/A is never a regression, a candidate trained on 30%-noisy labels is flagged by maxDrop, a much
 * wider (slower) network is flagged by maxRatio; and the exit-2 cases.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import evaluateAction from '../../../src/actions/evaluate.ts';
import { verdictLine } from '../../../src/cli/commands/evaluate.ts';
import { parseConfig } from '../../../src/train/config.ts';
import { trainModel } from '../../../src/train/train.ts';
import { runCompositeAction } from '../../support/action-runner/index.ts';
import { EMULATOR_TOKENS, startGitHubEmulator } from '../../support/github-emulator/index.ts';

const REPO = new URL('../../../', import.meta.url).pathname;

const FIXTURE = new URL('../../fixtures/evaluate/weather/', import.meta.url).pathname;
let dir: string;

function config(opts: { train?: string; hidden?: string; epochs?: number; gates?: string; extra?: string; test?: string } = {}): string {
  return `name: weather
data:
  train: ${FIXTURE}${opts.train ?? 'train.csv'}
  test: ${opts.test ?? `${FIXTURE}test.csv`}
  label: weather
  features: [precipitation, temp_max, temp_min, wind]
model: { type: mlp, hidden: ${opts.hidden ?? '[16]'}, activation: relu, dropout: 0 }
train: { epochs: ${opts.epochs ?? 10}, batchSize: 64, learningRate: 0.02, validationSplit: 0.2, seed: 1, backend: cpu, earlyStopping: { patience: 0 } }
evaluate:
  slices: [season]
  gates:
${opts.gates ?? '    - { metric: accuracy, min: 0.5 }'}
  latency: { batchSizes: [1, 16], rounds: 8, samplesPerRound: 4, warmup: 2 }
  bootstrap: { resamples: 200, seed: 7 }
${opts.extra ?? ''}`;
}

async function writeConfig(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function train(name: string, text: string): Promise<string> {
  const path = await writeConfig(`${name}.yaml`, text);
  const out = join(dir, name);
  await trainModel(parseConfig(text, path), { out, cwd: dir, backend: 'cpu' });
  return out;
}

async function evaluate(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo({ cwd: dir, env });
  const code = await runCli(['evaluate', '--backend', 'cpu', ...args], io);
  return { code, out: io.out, err: io.err, json: () => JSON.parse(io.out) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-evaluate-'));
  await train('baseline', config());
  await train('noisy', config({ train: 'train_noisy.csv' }));
  await train('wide', config({ hidden: '[256, 256]', epochs: 1 }));
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('mlops evaluate (real models)', () => {
  it('A/A: a model against itself passes every gate, with zero-width deltas, and prints the DESIGN §4 JSON', async () => {
    const cfg = await writeConfig('aa.yaml', config({ gates: [
      '    - { metric: accuracy, maxDrop: 0 }',
      '    - { metric: log_loss, maxDrop: 0 }',
      '    - { metric: f1_macro, maxDrop: 0, min: 0.2 }',
      '    - { latency: p50, maxRatio: 1.2 }',
    ].join('\n') }));
    const r = await evaluate(['--config', cfg, '--candidate', 'baseline', '--baseline', 'baseline', '--json']);
    expect(r.code, r.err).toBe(0);
    const doc = r.json();
    // DESIGN §4 contract.
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['passed', 'candidate', 'baseline', 'deltas', 'latency', 'gates']));
    expect(doc.passed).toBe(true);
    expect(doc.candidate.metrics.accuracy).toBeGreaterThan(0.5);
    expect(doc.baseline.metrics).toEqual(doc.candidate.metrics);
    for (const p of ['p50', 'p95', 'p99']) expect(Object.keys(doc.latency.ratio[p]).sort()).toEqual(['high', 'low', 'value']);
    expect(doc.latency.candidate.p50).toBeGreaterThan(0);
    expect(doc.latency.bySize.map((s: { batchSize: number }) => s.batchSize)).toEqual([1, 16]);
    for (const g of doc.gates) expect(Object.keys(g)).toEqual(expect.arrayContaining(['name', 'passed', 'detail']));
    for (const [name, d] of Object.entries(doc.deltas) as [string, { value: number; low: number; high: number }][]) {
      if (d.value === null) continue;
      expect([name, d.value, d.low, d.high]).toEqual([name, 0, 0, 0]);
    }
    expect(doc.slices.map((s: { value: string }) => s.value).sort()).toEqual(['autumn', 'spring', 'summer', 'winter']);
    expect(doc.candidate.confusion).toHaveLength(doc.classes.length);
    expect(r.err).toContain('## Evaluation of `weather`');
  });

  it('a candidate trained on 30%-noisy labels is flagged by maxDrop (exit 1)', async () => {
    const cfg = await writeConfig('noise.yaml', config({ gates: '    - { metric: log_loss, maxDrop: 0.02 }\n    - { metric: brier, maxDrop: 0.01 }' }));
    const r = await evaluate(['--config', cfg, '--candidate', 'noisy', '--baseline', 'baseline', '--json', '--no-latency']);
    expect(r.code, r.err).toBe(1);
    const doc = r.json();
    expect(doc.passed).toBe(false);
    const logLoss = doc.gates.find((g: { metric?: string }) => g.metric === 'log_loss');
    expect(logLoss).toMatchObject({ status: 'failed', passed: false, kind: 'maxDrop' });
    expect(doc.deltas.log_loss.low).toBeGreaterThan(0.02);
    expect(doc.deltas.log_loss.improved).toBe(false);
    expect(doc.latency).toBeNull();
    expect(r.err).toMatch(/gate\(s\) failed: log_loss/);
  });

  it('a much wider (slower) network is flagged by the latency ratio gate', async () => {
    // p50: with 32 timed calls per size (kept small for test time) the tails of a busy 2-core test
    // machine are scheduler noise; the p95/p99 acceptance runs on controlled fakes (unit tests).
    const cfg = await writeConfig('slow.yaml', config({ gates: '    - { latency: p50, maxRatio: 1.2 }\n    - { latency: p50, batchSize: 16, maxRatio: 1.2 }' }));
    const r = await evaluate(['--config', cfg, '--candidate', 'wide', '--baseline', 'baseline', '--json', '--resamples', '50']);
    expect(r.code, r.err).toBe(1);
    const doc = r.json();
    const gates = doc.gates as { status: string; interval: { low: number }; batchSize: number }[];
    expect(gates.map((g) => [g.batchSize, g.status])).toEqual([[1, 'failed'], [16, 'failed']]);
    expect(doc.latency.ratio.p50.low).toBeGreaterThan(1.2);
    expect(doc.latency.clock).toBe('wall');
  });

  it('no baseline: candidate only, relative gates skipped; --report and --comment fall back to the outbox', async () => {
    const cfg = await writeConfig('first.yaml', config({ gates: '    - { metric: accuracy, maxDrop: 0.01, min: 0.5 }\n    - { latency: p95, maxRatio: 1.2, maxMs: 10000 }' }));
    const r = await evaluate(['--config', cfg, '--candidate', 'baseline', '--json', '--comment', '--report', 'out/report.md', '--resamples', '50']);
    expect(r.code, r.err).toBe(0);
    const doc = r.json();
    expect(doc.baseline).toBeNull();
    expect(doc.latency.ratio).toBeNull();
    expect(doc.gates.map((g: { kind: string; status: string }) => `${g.kind}:${g.status}`)).toEqual(['min:passed', 'maxDrop:skipped', 'maxMs:passed', 'maxRatio:skipped']);
    // The last line counts the skipped gates apart: they decided nothing.
    expect(r.err).toMatch(/\nevaluate: passed \(2 of 4 gates passed; 2 skipped\)\n$/);
    const outbox = await readFile(join(dir, '.mlops/outbox/evaluate-weather.md'), 'utf8');
    expect(outbox).toContain('## Evaluation of `weather`');
    expect(r.err).toMatch(/no GITHUB_TOKEN: comment written to .*evaluate-weather\.md/);
    expect(await readFile(join(dir, 'out/report.md'), 'utf8')).toBe(outbox);
  });

  it('--comment posts one sticky comment on the pull request and updates it in place', async () => {
    const emu = await startGitHubEmulator();
    try {
      const pr = emu.addPullRequest('octo-org/demo', { head: 'feature' });
      const event = join(dir, 'event.json');
      await writeFile(event, JSON.stringify({ pull_request: { number: pr.number, head: { sha: 'a'.repeat(40), ref: 'feature' }, base: { ref: 'main' } }, number: pr.number }));
      const env = { GITHUB_TOKEN: EMULATOR_TOKENS.actions, GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_API_URL: emu.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', GITHUB_SHA: 'b'.repeat(40) };
      const cfg = await writeConfig('pr.yaml', config());
      const first = await evaluate(['--config', cfg, '--candidate', 'noisy', '--baseline', 'baseline', '--comment', '--no-latency', '--resamples', '20'], env);
      expect(first.code, first.err).toBe(0);
      expect(first.err).toMatch(/evaluate comment created on pull request #/);
      const second = await evaluate(['--config', cfg, '--candidate', 'baseline', '--baseline', 'baseline', '--comment', '--no-latency', '--resamples', '20'], env);
      expect(second.err).toMatch(/evaluate comment updated/);
      const comments = emu.commentsOn('octo-org/demo', pr.number);
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toContain('<!-- mlops:evaluate:weather -->');
      expect(comments[0].body).toContain('actions/runs/42');
      emu.assertNoViolations();
    } finally {
      await emu.close();
    }
    // A read-only token (a fork's pull request): a warning, the report and the gates' exit code.
    const readOnly = await startGitHubEmulator({ tokens: { [EMULATOR_TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation', permissions: { pull_requests: 'read', issues: 'read', contents: 'read' } } } });
    try {
      const pr = readOnly.addPullRequest('octo-org/demo', { head: 'feature' });
      const event = join(dir, 'event-ro.json');
      await writeFile(event, JSON.stringify({ pull_request: { number: pr.number, head: { sha: 'a'.repeat(40), ref: 'feature' }, base: { ref: 'main' } }, number: pr.number }));
      const env = { GITHUB_TOKEN: EMULATOR_TOKENS.actions, GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_API_URL: readOnly.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '43', GITHUB_SHA: 'b'.repeat(40) };
      const cfg = await writeConfig('pr-ro.yaml', config());
      const r = await evaluate(['--config', cfg, '--candidate', 'noisy', '--baseline', 'baseline', '--comment', '--no-latency', '--resamples', '20'], env);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/^mlops evaluate: warning: the comment was not posted: .*403/m);
      expect(r.out).toContain('## Evaluation of `weather`');
      expect(readOnly.commentsOn('octo-org/demo', pr.number)).toHaveLength(0);
    } finally {
      await readOnly.close();
    }
  });

  it('test rows of a class the model never saw count as wrong predictions; rows without a label are left out', async () => {
    // A model trained without 'fog', evaluated on test data with its 40 fog rows and one row whose label is empty.
    const trainText = (await readFile(join(FIXTURE, 'train.csv'), 'utf8')).split('\n').filter((l) => !l.endsWith(',fog')).join('\n');
    await writeFile(join(dir, 'train-nofog.csv'), trainText);
    const testLines = (await readFile(join(FIXTURE, 'test.csv'), 'utf8')).trimEnd().split('\n');
    testLines[1] = testLines[1].replace(/,[a-z]+$/, ',');
    await writeFile(join(dir, 'test-unlabelled.csv'), `${testLines.join('\n')}\n`);
    const text = config({ test: join(dir, 'test-unlabelled.csv'), gates: '    - { metric: accuracy, min: 0.1 }' }).replace(`${FIXTURE}train.csv`, join(dir, 'train-nofog.csv'));
    const model = await train('nofog', text);
    const r = await evaluate(['--config', await writeConfig('nofog-eval.yaml', text), '--candidate', model, '--json', '--no-latency', '--resamples', '50']);
    expect(r.code, r.err).toBe(0);
    const doc = r.json();
    expect(doc.classes).toEqual(['drizzle', 'rain', 'snow', 'sun', 'fog']);
    expect(doc.unseenClasses).toEqual(['fog']);
    expect(doc.data).toMatchObject({ rows: 487, evaluatedRows: 486, excludedRows: 1, unseenClassRows: 40 });
    const confusion = doc.candidate.confusion as number[][];
    // The unseen class is a row of the confusion matrix (all of it wrong) and a column never predicted.
    expect(confusion[4].reduce((a, b) => a + b, 0)).toBe(40);
    expect(confusion[4][4]).toBe(0);
    expect(confusion.map((row) => row[4])).toEqual([0, 0, 0, 0, 0]);
    const total = confusion.flat().reduce((a, b) => a + b, 0);
    const correct = confusion.reduce((a, row, k) => a + row[k], 0);
    expect(total).toBe(486);
    expect(doc.candidate.metrics.accuracy).toBeCloseTo(correct / 486, 12);
    expect(doc.candidate.perClass.fog).toMatchObject({ support: 40, recall: 0, precision: 0, predicted: 0 });
    const recalls = doc.classes.map((c: string) => doc.candidate.perClass[c].recall as number);
    expect(doc.candidate.metrics.balanced_accuracy).toBeCloseTo(recalls.reduce((a: number, b: number) => a + b, 0) / 5, 12);
    expect(r.err).toMatch(/warning: 40 test row\(s\) are of a class the model never saw in training \('fog'\): it cannot predict it, so they count as wrong predictions/);
    expect(r.err).toMatch(/warning: 1 test row\(s\) have no 'weather' label and are not scored/);
    expect(r.err).toContain('fog (unseen)');
    expect(r.err).toMatch(/40 of `fog` \(never seen in training\) scored as wrong predictions, 1 without a usable label excluded/);
  });

  it('a binary model with a positiveClass: unseen classes follow the two, as negatives, and cost their column\'s worst error', async () => {
    const trainText = (await readFile(join(FIXTURE, 'train.csv'), 'utf8')).split('\n').filter((l, i) => i === 0 || /,(rain|sun)$/.test(l)).join('\n');
    await writeFile(join(dir, 'train-rain-sun.csv'), `${trainText}\n`);
    const text = config({ gates: '    - { metric: recall, min: 0 }', extra: '  positiveClass: rain\n  cost: { matrix: [[0, 4], [1, 0]] }\n' }).replace(`${FIXTURE}train.csv`, join(dir, 'train-rain-sun.csv'));
    const model = await train('rainsun', text);
    const r = await evaluate(['--config', await writeConfig('rainsun-eval.yaml', text), '--candidate', model, '--json', '--no-latency', '--resamples', '50']);
    expect(r.code, r.err).toBe(0);
    const doc = r.json();
    expect(doc.task).toBe('binary');
    expect(doc.classes).toEqual(['sun', 'rain', 'drizzle', 'fog', 'snow']);
    expect(doc.unseenClasses).toEqual(['drizzle', 'fog', 'snow']);
    expect(doc.data).toMatchObject({ rows: 487, evaluatedRows: 487, excludedRows: 0, unseenClassRows: 64 });
    const m = doc.candidate.confusion as number[][];
    expect(m.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([194, 229, 20, 40, 4]);
    // recall and precision are about rain; unseen rows predicted rain are false positives.
    const predictedRain = m.reduce((a, row) => a + row[1], 0);
    expect(doc.candidate.metrics.recall).toBeCloseTo(m[1][1] / 229, 12);
    expect(doc.candidate.metrics.precision).toBeCloseTo(m[1][1] / predictedRain, 12);
    expect(doc.candidate.metrics.accuracy).toBeCloseTo((m[0][0] + m[1][1]) / 487, 12);
    // Cost, in [rain, sun] order [[0, 4], [1, 0]]: true rain predicted sun costs 4, true sun predicted rain 1;
    // an unseen row costs 4 when predicted sun (that column's worst) and 1 when predicted rain.
    const unseenAsSun = m[2][0] + m[3][0] + m[4][0];
    const unseenAsRain = m[2][1] + m[3][1] + m[4][1];
    expect(doc.candidate.metrics.cost).toBeCloseTo((4 * m[1][0] + 1 * m[0][1] + 4 * unseenAsSun + 1 * unseenAsRain) / 487, 12);
    expect(doc.candidate.metrics.brier).toBeGreaterThan(0);
  });

  it('evaluate.bootstrap.confidence: the gates and the report name the level the intervals have', async () => {
    const cfg = await writeConfig('ci90.yaml', config({ gates: '    - { metric: accuracy, min: 0.5, maxDrop: 0.01 }' }).replace('bootstrap: { resamples: 200, seed: 7 }', 'bootstrap: { resamples: 200, seed: 7, confidence: 0.9 }'));
    const r = await evaluate(['--config', cfg, '--candidate', 'noisy', '--baseline', 'baseline', '--no-latency', '--json']);
    const doc = r.json();
    expect(doc.bootstrap.confidence).toBe(0.9);
    expect(doc.gates.map((g: { detail: string }) => g.detail)).toEqual([expect.stringContaining('(90% CI ['), expect.stringContaining('(90% CI ')]);
    expect(r.err).toMatch(/\| +90% CI of Δ \|/);
    expect(r.err).not.toContain('95%');
  });

  it('a gate on a slice judges a metric that evaluate.metrics does not show (it was skipped as undefined)', async () => {
    const cfg = await writeConfig('slice-metric.yaml', `${config({ gates: '    - { metric: recall_weighted, min: 0.99, slice: season=summer }\n    - { metric: precision_micro, maxDrop: 0.5, slice: season=summer }' })}  metrics: [accuracy]\n`);
    const r = await evaluate(['--config', cfg, '--candidate', 'noisy', '--baseline', 'baseline', '--no-latency', '--json']);
    const doc = r.json();
    expect(doc.gates.map((g: { status: string }) => g.status)).toEqual(['failed', 'passed']);
    expect(doc.gates[0].detail).toMatch(/^recall_weighted on slice season=summer = 0\.\d+ \(95% CI \[/);
    const summer = doc.slices.find((s: { value: string }) => s.value === 'summer');
    expect(Object.keys(summer.candidate)).toEqual(['accuracy', 'recall_weighted', 'precision_micro']);
    expect(r.code).toBe(1);
  });

  describe('bad input exits 2 and says why', () => {
    it('unknown metric in a gate', async () => {
      const cfg = await writeConfig('bad-gate.yaml', config({ gates: '    - { metric: acuracy, min: 0.5 }' }));
      const r = await evaluate(['--config', cfg, '--candidate', 'baseline', '--no-latency']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/bad-gate\.yaml:12:17 \(evaluate\.gates\[0\]\.metric\): unknown metric 'acuracy'/);
    });

    it('config errors found at evaluation name the line and column of the value', async () => {
      // Flow style, on the line of `evaluate:` itself.
      const flow = `name: weather\ndata:\n  train: ${FIXTURE}train.csv\n  test: ${FIXTURE}test.csv\n  label: weather\n  features: [precipitation, temp_max, temp_min, wind]\nevaluate: { slices: [season], gates: [{ metric: "acuracy", min: 0.5 }] }\n`;
      const gate = await evaluate(['--config', await writeConfig('flow-gate.yaml', flow), '--candidate', 'baseline', '--no-latency']);
      expect([gate.code, gate.err]).toEqual([2, expect.stringMatching(/flow-gate\.yaml:7:49 \(evaluate\.gates\[0\]\.metric\): unknown metric 'acuracy'/)]);
      const slices = await evaluate(['--config', await writeConfig('bad-slice.yaml', config().replace('slices: [season]', 'slices: [season, Season]')), '--candidate', 'baseline', '--no-latency']);
      expect([slices.code, slices.err]).toEqual([2, expect.stringMatching(/bad-slice\.yaml:10:20 \(evaluate\.slices\[1\]\): slice column 'Season' is not in the test data \(did you mean "season"\?\)/)]);
      const gateSlice = await evaluate(['--config', await writeConfig('bad-gate-slice.yaml', config({ gates: '    - { metric: accuracy, min: 0.1, slice: region=north }' })), '--candidate', 'baseline', '--no-latency']);
      expect([gateSlice.code, gateSlice.err]).toEqual([2, expect.stringMatching(/bad-gate-slice\.yaml:12:44 \(evaluate\.gates\[0\]\.slice\): slice column 'region' is not in the test data/)]);
      const positive = await evaluate(['--config', await writeConfig('bad-positive.yaml', config({ extra: '  positiveClass: sun\n' })), '--candidate', 'baseline', '--no-latency']);
      expect([positive.code, positive.err]).toEqual([2, expect.stringMatching(/bad-positive\.yaml:15:18 \(evaluate\.positiveClass\): evaluate\.positiveClass applies to binary classification/)]);
    });

    it('test data without the label, without a feature, or with no rows', async () => {
      const cfg = await writeConfig('plain.yaml', config());
      const text = await readFile(join(FIXTURE, 'test.csv'), 'utf8');
      const lines = text.trimEnd().split('\n');
      const drop = (col: string) => {
        const idx = lines[0].split(',').indexOf(col);
        return `${lines.map((l) => l.split(',').filter((_, i) => i !== idx).join(',')).join('\n')}\n`;
      };
      await writeFile(join(dir, 'nolabel.csv'), drop('weather'));
      await writeFile(join(dir, 'nowind.csv'), drop('wind'));
      await writeFile(join(dir, 'empty.csv'), `${lines[0]}\n`);
      const noLabel = await evaluate(['--config', cfg, '--candidate', 'baseline', '--data', 'nolabel.csv', '--no-latency']);
      expect([noLabel.code, noLabel.err]).toEqual([2, expect.stringMatching(/nolabel\.csv \(weather\): the test data has no label column 'weather'/)]);
      const noFeature = await evaluate(['--config', cfg, '--candidate', 'baseline', '--data', 'nowind.csv', '--no-latency']);
      expect([noFeature.code, noFeature.err]).toEqual([2, expect.stringMatching(/lacks feature column\(s\) 'wind' needed by the candidate/)]);
      const empty = await evaluate(['--config', cfg, '--candidate', 'baseline', '--data', 'empty.csv', '--no-latency']);
      expect([empty.code, empty.err]).toEqual([2, expect.stringMatching(/test set is empty/)]);
    });

    it('incompatible candidate and baseline (different classes), naming the difference', async () => {
      const other = join(dir, 'other-classes');
      await cp(join(dir, 'baseline'), other, { recursive: true });
      const file = join(other, 'preprocessing.json');
      const spec = JSON.parse(await readFile(file, 'utf8'));
      spec.label.classes = spec.label.classes.map((c: string) => (c === 'snow' ? 'hail' : c));
      await writeFile(file, JSON.stringify(spec));
      const cfg = await writeConfig('plain2.yaml', config());
      const r = await evaluate(['--config', cfg, '--candidate', 'baseline', '--baseline', other, '--no-latency']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/incompatible models: different classes \(candidate only: snow; baseline only: hail\)/);
    });

    it('a model that predicts NaN (diverged weights, a feature value out of range) is refused at the row, not scored with its gates skipped', async () => {
      const cfg = await writeConfig('nan.yaml', config({ gates: '    - { metric: log_loss, max: 2 }\n    - { metric: f1_macro, maxDrop: 0.05 }' }));
      const diverged = join(dir, 'diverged');
      await cp(join(dir, 'baseline'), diverged, { recursive: true });
      const weights = await readFile(join(diverged, 'weights.bin'));
      await writeFile(join(diverged, 'weights.bin'), Buffer.alloc(weights.length, 0xff)); // every float32 NaN
      const candidate = await evaluate(['--config', cfg, '--candidate', 'diverged', '--baseline', 'baseline', '--no-latency']);
      expect([candidate.code, candidate.err]).toEqual([2, expect.stringMatching(/test\.csv:2: the candidate \(\S*diverged\) predicts NaN for this row and \d+ more of the \d+ test rows: a prediction that is not a number cannot be scored/)]);
      // Alone (a first model), its log_loss gate was skipped as undefined and the run passed.
      expect((await evaluate(['--config', cfg, '--candidate', 'diverged', '--no-latency'])).code).toBe(2);
      const baseline = await evaluate(['--config', cfg, '--candidate', 'baseline', '--baseline', 'diverged', '--no-latency']);
      expect([baseline.code, baseline.err]).toEqual([2, expect.stringMatching(/the baseline \(\S*diverged\) predicts NaN/)]);
      // One float32 overflow in the test data makes that row's probabilities NaN: its line is named.
      const lines = (await readFile(join(FIXTURE, 'test.csv'), 'utf8')).trimEnd().split('\n');
      const wind = lines[0].split(',').indexOf('wind');
      lines[5] = lines[5].split(',').map((v, i) => (i === wind ? '1e300' : v)).join(',');
      await writeFile(join(dir, 'overflow.csv'), `${lines.join('\n')}\n`);
      const overflow = await evaluate(['--config', cfg, '--candidate', 'baseline', '--data', 'overflow.csv', '--no-latency']);
      expect([overflow.code, overflow.err]).toEqual([2, expect.stringMatching(/overflow\.csv:6: the candidate \(\S*baseline\) predicts NaN for this row: /)]);
    });

    it('a baseline that is neither a directory nor a registry reference; a missing candidate', async () => {
      const cfg = await writeConfig('plain3.yaml', config());
      const r = await evaluate(['--config', cfg, '--candidate', 'baseline', '--baseline', 'no such thing', '--no-latency']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/neither a model directory nor a registry reference/);
      const missing = await evaluate(['--config', cfg, '--candidate', 'nope', '--no-latency']);
      expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/candidate model directory not found/)]);
      const usage = await evaluate(['--config', cfg]);
      expect([usage.code, usage.err]).toEqual([2, expect.stringMatching(/missing --candidate/)]);
    });
  });

  it('actions/evaluate: downloads the candidate artifact, evaluates, writes the summary and outputs', async () => {
    // The action runs dist/mlops.mjs; a stand-in entry runs the TypeScript sources through tsx so
    // this tests the real code without a bundle build.
    const root = join(dir, 'action-root');
    await mkdir(join(root, 'actions/evaluate'), { recursive: true });
    await mkdir(join(root, 'dist'), { recursive: true });
    await cp(join(REPO, 'actions/evaluate/action.yml'), join(root, 'actions/evaluate/action.yml'));
    await writeFile(join(root, 'dist/mlops.mjs'), [
      `import { register } from ${JSON.stringify(join(REPO, 'node_modules/tsx/dist/esm/api/index.mjs'))};`,
      'register();',
      `const { runCli } = await import(${JSON.stringify(join(REPO, 'src/cli/main.ts'))});`,
      'process.exitCode = await runCli(process.argv.slice(2));',
    ].join('\n'));
    const workspace = join(dir, 'workspace');
    const artifacts = join(dir, 'artifacts');
    await mkdir(workspace, { recursive: true });
    await cp(join(dir, 'noisy'), join(artifacts, 'weather-model'), { recursive: true });
    await writeFile(join(workspace, 'mlops.yaml'), config({ gates: '    - { metric: log_loss, maxDrop: 0.02 }' }));
    const result = await runCompositeAction(join(root, 'actions/evaluate/action.yml'), {
      workspace,
      artifactDir: artifacts,
      inputs: { artifact: 'weather-model', baseline: join(dir, 'baseline'), latency: 'false', comment: 'false', report: 'out/evaluate.json' },
      stepTimeoutMs: 120_000,
    });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.outputs.passed).toBe('false');
    expect(result.outputs.report).toBe(join(workspace, 'out/evaluate.json'));
    const report = JSON.parse(await readFile(result.outputs.report, 'utf8'));
    expect(report.gates[0]).toMatchObject({ metric: 'log_loss', status: 'failed' });
    expect(await readFile(result.outputs.markdown, 'utf8')).toContain('## Evaluation of `weather`');
    expect(result.summary).toContain('> [!CAUTION]');
    expect(result.annotations.some((a) => a.level === 'error' && /Gate failed: log_loss/.test(a.title ?? ''))).toBe(true);
    // Without `report`, two evaluate steps of one job (the same RUNNER_TEMP) keep their own reports.
    const runnerTemp = join(dir, 'runner-temp');
    await mkdir(runnerTemp, { recursive: true });
    const paths: string[] = [];
    for (let step = 0; step < 2; step++) {
      const again = await runCompositeAction(join(root, 'actions/evaluate/action.yml'), {
        workspace, artifactDir: artifacts, runnerTemp, stepTimeoutMs: 120_000,
        inputs: { artifact: 'weather-model', baseline: join(dir, 'baseline'), latency: 'false', comment: 'false' },
      });
      expect(again.exitCode, again.stderr).toBe(1);
      paths.push(again.outputs.report);
      expect(JSON.parse(await readFile(again.outputs.report, 'utf8')).gates[0]).toMatchObject({ metric: 'log_loss' });
    }
    expect(paths).toEqual([join(runnerTemp, 'mlops-evaluate-weather.json'), join(runnerTemp, 'mlops-evaluate-weather-2.json')]);
  }, 240_000);

  it('--baseline name#stage resolves through the registry (git tags) and shows the version', async () => {
    const repo = join(dir, 'repo');
    await mkdir(repo, { recursive: true });
    const gitEnv = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    Object.assign(process.env, gitEnv);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...gitEnv } });
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    await writeFile(join(repo, 'README.md'), 'x\n');
    git('add', 'README.md');
    git('commit', '-q', '-m', 'init');
    const cli = async (...args: string[]) => {
      const io = memoryIo({ cwd: repo, env: { ...process.env } });
      const code = await runCli(args, io);
      expect(code, io.err).toBe(0);
    };
    await cli('registry', 'register', 'weather', '--model', join(dir, 'baseline'), '--version', 'v1.0.0');
    await cli('registry', 'promote', 'weather', 'v1.0.0', '--stage', 'production');
    const cfg = await writeConfig('reg.yaml', config({ gates: '    - { metric: log_loss, maxDrop: 0.02 }' }));
    const io = memoryIo({ cwd: repo, env: { ...process.env } });
    const code = await runCli(['evaluate', '--backend', 'cpu', '--config', cfg, '--candidate', join(dir, 'noisy'), '--baseline', 'weather#production', '--json', '--no-latency', '--resamples', '50'], io);
    expect(code, io.err).toBe(1);
    const doc = JSON.parse(io.out);
    expect(doc.baseline.model).toMatchObject({ ref: 'weather#production', name: 'weather', version: 'v1.0.0' });
    expect(io.err).toContain('`weather#production`');
  });

  it('action entry without a baseline input: no <name>#production yet means the first model (in-process)', async () => {
    const workspace = join(dir, 'ws-first');
    await mkdir(workspace, { recursive: true });
    await writeFile(join(workspace, 'mlops.yaml'), config({ gates: '    - { metric: accuracy, maxDrop: 0.01, min: 0.5 }' }));
    const io = memoryIo({ cwd: workspace, env: { GITHUB_WORKSPACE: workspace, INPUT_CANDIDATE: join(dir, 'baseline'), INPUT_LATENCY: 'false', INPUT_COMMENT: 'false', INPUT_REPORT: 'r.json' } });
    const code = await evaluateAction.run(io);
    expect(code, io.err).toBe(0);
    expect(io.out + io.err).toMatch(/no baseline \(.*not a git repository/);
    const report = JSON.parse(await readFile(join(workspace, 'r.json'), 'utf8'));
    expect(report.baseline).toBeNull();
    expect(report.gates.map((g: { status: string }) => g.status)).toEqual(['passed', 'skipped']);
  });

  it("action entry in a shallow checkout (actions/checkout's default): fetches the registry tags, then finds <name>#production", async () => {
    const origin = join(dir, 'shallow-origin');
    await mkdir(origin, { recursive: true });
    const gitEnv = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    Object.assign(process.env, gitEnv);
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' });
    git(origin, '-c', 'init.defaultBranch=main', 'init', '-q');
    await writeFile(join(origin, 'README.md'), 'x\n');
    git(origin, 'add', 'README.md');
    git(origin, 'commit', '-q', '-m', 'init');
    for (const args of [['registry', 'register', 'weather', '--model', join(dir, 'baseline'), '--version', 'v1.0.0'], ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'production']]) {
      const io = memoryIo({ cwd: origin, env: { ...process.env } });
      expect(await runCli(args, io), io.err).toBe(0);
    }
    // As actions/checkout clones by default: one commit, no tags.
    const workspace = join(dir, 'ws-shallow');
    git(dir, 'clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, workspace);
    expect(git(workspace, 'tag', '--list')).toBe('');
    // The model's artifacts, as the release store would serve them on GitHub.
    await cp(join(origin, '.mlops', 'artifacts'), join(workspace, '.mlops', 'artifacts'), { recursive: true });
    await writeFile(join(workspace, 'mlops.yaml'), config({ gates: '    - { metric: accuracy, maxDrop: 0.5 }' }));
    const io = memoryIo({ cwd: workspace, env: { ...process.env, GITHUB_WORKSPACE: workspace, INPUT_CANDIDATE: join(dir, 'baseline'), INPUT_LATENCY: 'false', INPUT_COMMENT: 'false', INPUT_REPORT: 'r.json' } });
    const code = await evaluateAction.run(io);
    expect(code, io.err).toBe(0);
    expect(io.out + io.err).toContain('fetched the registry tags (the checkout is shallow)');
    expect(io.out + io.err).toContain('baseline: weather#production');
    const report = JSON.parse(await readFile(join(workspace, 'r.json'), 'utf8'));
    expect(report.baseline.model).toMatchObject({ name: 'weather', version: 'v1.0.0' });
  });

  it('action entry: a registry with versions but none in production says so instead of "first model"', async () => {
    const workspace = join(dir, 'ws-staging-only');
    await mkdir(workspace, { recursive: true });
    const gitEnv = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    Object.assign(process.env, gitEnv);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, env: { ...process.env, ...gitEnv } });
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    await writeFile(join(workspace, 'README.md'), 'x\n');
    git('add', 'README.md');
    git('commit', '-q', '-m', 'init');
    for (const args of [['registry', 'register', 'weather', '--model', join(dir, 'baseline'), '--version', 'v1.0.0'], ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'staging']]) {
      const cli = memoryIo({ cwd: workspace, env: { ...process.env } });
      expect(await runCli(args, cli), cli.err).toBe(0);
    }
    await writeFile(join(workspace, 'mlops.yaml'), config({ gates: '    - { metric: accuracy, maxDrop: 0.01, min: 0.5 }' }));
    const io = memoryIo({ cwd: workspace, env: { ...process.env, GITHUB_WORKSPACE: workspace, INPUT_CANDIDATE: join(dir, 'baseline'), INPUT_LATENCY: 'false', INPUT_COMMENT: 'false', INPUT_REPORT: 'r.json' } });
    expect(await evaluateAction.run(io), io.err).toBe(0);
    const report = JSON.parse(await readFile(join(workspace, 'r.json'), 'utf8'));
    expect(report.baseline).toBeNull();
    expect(report.noBaseline).toBe("weather has no version in stage 'production'");
    // The comment body (the action's markdown output, beside the JSON report).
    const markdown = await readFile(join(workspace, 'r.md'), 'utf8');
    expect(markdown).toContain("with no baseline (weather has no version in stage 'production': baseline-relative gates are skipped)");
    expect(markdown).not.toContain('first model');
  });

  it('regression: sklearn-style error metrics, cost per unit of error, slices', async () => {
    const text = config({ epochs: 8, gates: '    - { metric: mae, max: 10 }\n    - { metric: rmse, maxIncrease: 0 }\n    - { metric: cost, maxDrop: 0 }' })
      .replace('label: weather', 'label: temp_max')
      .replace('features: [precipitation, temp_max, temp_min, wind]', 'features: [precipitation, temp_min, wind]')
      .replace('model: { type: mlp,', 'model: { task: regression, type: mlp,')
      .concat('  cost: { perUnitError: 2 }\n');
    const model = await train('regressor', text);
    const cfg = await writeConfig('regressor-eval.yaml', text);
    const r = await evaluate(['--config', cfg, '--candidate', model, '--baseline', model, '--json', '--no-latency', '--resamples', '50']);
    expect(r.code, r.err).toBe(0);
    const doc = r.json();
    expect(doc.task).toBe('regression');
    expect(doc.shownMetrics).toEqual(['mae', 'rmse', 'r2', 'mape', 'median_ae', 'cost']);
    expect(doc.candidate.metrics.cost).toBeCloseTo(2 * doc.candidate.metrics.mae, 12);
    expect(doc.candidate.metrics.r2).toBeGreaterThan(0.5);
    expect(doc.gates.map((g: { status: string }) => g.status)).toEqual(['passed', 'passed', 'passed']);
    expect(doc.candidate.confusion).toBeUndefined();
    expect(doc.slices).toHaveLength(4);
  });
});

describe("mlops evaluate's verdict line on stderr", () => {
  const gate = (name: string, status: 'passed' | 'failed' | 'skipped', inconclusive?: boolean) => ({ name, status, ...(inconclusive ? { inconclusive } : {}) });
  it('does not count skipped gates as passed: a first model with relative gates only had none judged', () => {
    expect(verdictLine([gate('accuracy drop ≤ 0.02', 'skipped'), gate('latency p95 @1 ratio ≤ 1.5', 'skipped')]))
      .toBe('evaluate: passed (no gate could be judged: 2 skipped)');
    expect(verdictLine([])).toBe('evaluate: passed (no gates configured)');
    expect(verdictLine([gate('a', 'passed')])).toBe('evaluate: passed (1 of 1 gate passed)');
    expect(verdictLine([gate('a', 'passed'), gate('b', 'passed', true), gate('c', 'skipped')]))
      .toBe('evaluate: passed (2 of 3 gates passed, 1 of them inconclusive; 1 skipped)');
    expect(verdictLine([gate('a', 'failed'), gate('b', 'skipped'), gate('c', 'failed')])).toBe('evaluate: 2 gate(s) failed: a; c');
  });

  it('counts an inconclusive skipped gate (too few rows to judge) among the skipped ones, not the passed', () => {
    expect(verdictLine([gate('a', 'passed'), gate('b', 'skipped', true)]))
      .toBe('evaluate: passed (1 of 2 gates passed; 1 skipped, 1 of them inconclusive)');
    expect(verdictLine([gate('a', 'passed', true), gate('b', 'skipped', true), gate('c', 'skipped')]))
      .toBe('evaluate: passed (1 of 3 gates passed, 1 of them inconclusive; 2 skipped, 1 of them inconclusive)');
    expect(verdictLine([gate('a', 'skipped', true)])).toBe('evaluate: passed (no gate could be judged: 1 skipped, 1 of them inconclusive)');
  });
});
