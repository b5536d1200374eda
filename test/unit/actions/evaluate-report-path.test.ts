/**
 * The evaluate action's `report` input: the JSON and the markdown report never share a path, and
 * a path ending in .md gets the markdown (as `mlops evaluate --report x.md` does), not JSON in
 * `x.md` and the markdown in `x.md.md`.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import evaluateAction from '../../../src/actions/evaluate.ts';
import { evaluateReportPaths } from '../../../src/actions/report-path.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { parseConfig } from '../../../src/train/config.ts';
import { trainModel } from '../../../src/train/train.ts';

const FIXTURE = new URL('../../fixtures/evaluate/weather/', import.meta.url).pathname;
const CONFIG = `name: weather
data:
  train: ${FIXTURE}train.csv
  test: ${FIXTURE}test.csv
  label: weather
  features: [precipitation, temp_max, temp_min, wind]
model: { type: linear }
train: { epochs: 1, batchSize: 256, learningRate: 0.05, validationSplit: 0, seed: 1, backend: cpu }
evaluate:
  gates:
    - { metric: accuracy, min: 0 }
  bootstrap: { resamples: 20, seed: 7 }
`;

describe('evaluateReportPaths', () => {
  it.each([
    ['/w/eval.json', '/w/eval.json', '/w/eval.md'],
    ['/w/EVAL.JSON', '/w/EVAL.JSON', '/w/EVAL.md'],
    ['/w/eval.md', '/w/eval.json', '/w/eval.md'],
    ['/w/out/eval.MD', '/w/out/eval.json', '/w/out/eval.MD'],
    ['/w/eval', '/w/eval', '/w/eval.md'],
    ['/w/eval.txt', '/w/eval.txt', '/w/eval.txt.md'],
    ['/w/a.md.json', '/w/a.md.json', '/w/a.md.md'],
  ])('%s → JSON %s, markdown %s', (given, json, markdown) => {
    expect(evaluateReportPaths(given)).toEqual({ json, markdown });
    expect(json).not.toBe(markdown);
  });
});

describe('actions/evaluate with report: <name>.md', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlops-eval-report-'));
    await writeFile(join(dir, 'mlops.yaml'), CONFIG);
    await trainModel(parseConfig(CONFIG, join(dir, 'mlops.yaml')), { out: join(dir, 'model'), cwd: dir, backend: 'cpu' });
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('writes the markdown to the .md path and the JSON beside it; the outputs name both', async () => {
    await mkdir(join(dir, 'out'), { recursive: true });
    const outputFile = join(dir, 'github-output');
    await writeFile(outputFile, '');
    const io = memoryIo({ cwd: dir, env: {
      GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputFile,
      INPUT_CANDIDATE: join(dir, 'model'), INPUT_LATENCY: 'false', INPUT_COMMENT: 'false', INPUT_REPORT: 'out/eval.md',
    } });
    expect(await evaluateAction.run(io), io.err).toBe(0);
    const markdown = await readFile(join(dir, 'out', 'eval.md'), 'utf8');
    expect(() => JSON.parse(markdown)).toThrow();
    expect(markdown).toContain('accuracy');
    const json = JSON.parse(await readFile(join(dir, 'out', 'eval.json'), 'utf8')) as { passed: boolean };
    expect(json.passed).toBe(true);
    await expect(readFile(join(dir, 'out', 'eval.md.md'), 'utf8')).rejects.toThrow(/ENOENT/);
    const outputs = await readFile(outputFile, 'utf8');
    expect(outputs).toContain(`report=${join(dir, 'out', 'eval.json')}\n`);
    expect(outputs).toContain(`markdown=${join(dir, 'out', 'eval.md')}\n`);
  });
});
