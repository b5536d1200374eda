/**
 * A report longer than a pull-request comment (a 120-class model: two 120×120 confusion matrices):
 * the comment is cut with a pointer to where the whole report is, and that place has it whole —
 * the job summary of actions/evaluate, the output and --report of mlops evaluate. Models are
 * external (a node stand-in serving fixed probabilities), so no training is needed.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import evaluateAction from '../../../src/actions/evaluate.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { COMMENT_LIMIT } from '../../../src/evaluate/report.ts';

const K = 120;
const N = 480;
const SERVER = `
const fs = require('node:fs');
const { classes, proba } = JSON.parse(fs.readFileSync(process.env.MLOPS_MODEL_DIR + '/model.json.txt', 'utf8'));
const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
say({ ready: true, task: 'multiclass', label: 'label', features: ['id'], classes });
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, rows } = JSON.parse(line);
  say({ id, probabilities: rows.map((r) => proba[r.id]) });
});
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-long-report-'));
  const classes = Array.from({ length: K }, (_, k) => `class_${String(k).padStart(3, '0')}`);
  await writeFile(join(dir, 'test.csv'), `id,label\n${Array.from({ length: N }, (_, i) => `${i},${classes[i % K]}`).join('\n')}\n`);
  await writeFile(join(dir, 'server.cjs'), SERVER);
  // Right on every other row, else a near miss: a full confusion matrix of small counts.
  const proba = Array.from({ length: N }, (_, i) => classes.map((_, k) => (k === (i % 2 ? i % K : (i + 1) % K) ? 0.5 : 0.5 / (K - 1))));
  await mkdir(join(dir, 'model'));
  await writeFile(join(dir, 'model', 'model.json.txt'), JSON.stringify({ classes, proba }));
  await writeFile(join(dir, 'model', 'run.json'), JSON.stringify({ trainer: 'external', predictCommand: 'node server.cjs' }));
  await writeFile(join(dir, 'mlops.yaml'), 'name: many\ndata: { test: test.csv, label: label }\nevaluate:\n  bootstrap: { resamples: 20 }\n  gates: [{ metric: accuracy, min: 0.4 }]\n');
}, 60_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const FOOTER = /<sub>Candidate `model` · Baseline `model` · test data `test\.csv` \(480 rows\)/;

describe('a report longer than a comment', () => {
  it('actions/evaluate: the job summary holds the whole report the cut comment points to', async () => {
    const summary = join(dir, 'summary.md');
    const output = join(dir, 'output.txt');
    await writeFile(summary, '');
    await writeFile(output, '');
    const io = memoryIo({ cwd: dir, env: {
      PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output,
      INPUT_CANDIDATE: 'model', INPUT_BASELINE: 'model', INPUT_LATENCY: 'false', INPUT_COMMENT: 'false', INPUT_REPORT: 'r.json',
    } });
    expect(await evaluateAction.run(io), io.err).toBe(0);
    const whole = await readFile(summary, 'utf8');
    expect(whole.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(whole).toMatch(FOOTER);
    expect(whole).toContain('**Per class (candidate)**');
    expect(whole).not.toContain('Report cut to fit');
    // The `markdown` output is the comment body: cut, pointing at the summary.
    const body = await readFile(join(dir, 'r.md'), 'utf8');
    expect(body.length).toBeLessThan(COMMENT_LIMIT);
    expect(body).toContain('Report cut to fit a comment; the full results are in the job summary');
    expect(whole.startsWith(body.slice(0, body.indexOf('<details>')))).toBe(true);
  });

  it('mlops evaluate: stdout and --report hold the whole report; the comment (outbox) is cut, pointing at them', async () => {
    const io = memoryIo({ cwd: dir, env: { PATH: process.env.PATH } });
    const code = await runCli(['evaluate', '--candidate', 'model', '--baseline', 'model', '--no-latency', '--report', 'report.md', '--comment'], io);
    expect(code, io.err).toBe(0);
    expect(io.out.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(io.out).toMatch(FOOTER);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toBe(io.out);
    const comment = await readFile(join(dir, '.mlops', 'outbox', 'evaluate-many.md'), 'utf8');
    expect(comment.length).toBeLessThan(COMMENT_LIMIT);
    expect(comment).toContain('Report cut to fit a comment; the full results are in the output of `mlops evaluate` (stdout, `--report <file>`, `--json`)');
  });
});
