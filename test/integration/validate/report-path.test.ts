import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveReportPath } from '../../../src/actions/report-path.ts';
import { runWorkflowJob } from '../../support/action-runner/index.ts';
import { sourceActionCheckout } from '../../support/action-runner/source-checkout.ts';
import { tempDir } from './helpers.ts';

// Two validate steps (one per data file) and two drift checks in one job share $RUNNER_TEMP: each
// step's `report` output must stay its own report, not the file the next step wrote.

const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'example');
let dir: string;
let cleanup: () => Promise<void>;
let actionRoot: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  // actions/validate and actions/drift as the runner runs them, dist/mlops.mjs running the CLI from source.
  actionRoot = join(dir, 'repo');
  await sourceActionCheckout(actionRoot, 'validate');
  await sourceActionCheckout(actionRoot, 'drift');
});
afterAll(async () => cleanup());

const WORKFLOW = `name: reports
on: push
permissions: {}
jobs:
  check:
    runs-on: ubuntu-latest
    outputs:
      train: \${{ steps.train.outputs.report }}
      golden: \${{ steps.golden.outputs.report }}
      latest: \${{ steps.latest.outputs.report }}
      golden-drift: \${{ steps.golden-drift.outputs.report }}
    steps:
      - id: train
        continue-on-error: true
        uses: mlops-actions/mlops-actions/actions/validate@v1
        with: { data: data/train.csv, schema: schema.yaml, comment: false, setup-node: false }
      - id: golden
        continue-on-error: true
        uses: mlops-actions/mlops-actions/actions/validate@v1
        with: { data: data/golden.csv, schema: schema.yaml, comment: false, setup-node: false }
      - id: latest
        uses: mlops-actions/mlops-actions/actions/drift@v1
        with: { reference: data/train.csv, current: monitoring/latest.csv, open-pr: false, setup-node: false }
      - id: golden-drift
        uses: mlops-actions/mlops-actions/actions/drift@v1
        with: { reference: data/train.csv, current: data/golden.csv, open-pr: false, setup-node: false }
`;

describe('default report paths of actions/validate and actions/drift', () => {
  it('give every step of a job its own file: the first keeps the documented name, later ones are numbered', async () => {
    const workspace = join(dir, 'ws');
    await cp(EXAMPLE, workspace, { recursive: true });
    const file = join(dir, 'reports.yml');
    await writeFile(file, WORKFLOW);
    const runnerTemp = join(dir, 'runner-temp');
    const result = await runWorkflowJob(file, 'check', { workspace, runnerTemp, firstParty: { 'mlops-actions/mlops-actions': actionRoot } });
    expect(result.steps.map((s) => s.outcome), result.stderr).toEqual(['success', 'success', 'success', 'success']);
    expect(result.outputs).toEqual({
      train: join(runnerTemp, 'mlops-validate.json'),
      golden: join(runnerTemp, 'mlops-validate-2.json'),
      latest: join(runnerTemp, 'mlops-drift.json'),
      'golden-drift': join(runnerTemp, 'mlops-drift-2.json'),
    });
    const read = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
    expect((await read(result.outputs.train!)).file).toBe('data/train.csv');
    expect((await read(result.outputs.golden!)).file).toBe('data/golden.csv');
    expect(JSON.stringify((await read(result.outputs.latest!)).current)).toContain('monitoring/latest.csv');
    expect(JSON.stringify((await read(result.outputs['golden-drift']!)).current)).toContain('data/golden.csv');
  }, 120_000);

  it('reserves a name exclusively, so concurrent steps never share one', async () => {
    const temp = join(dir, 'concurrent');
    const paths = await Promise.all(Array.from({ length: 12 }, () => reserveReportPath(temp, 'mlops-validate')));
    expect(new Set(paths).size).toBe(12);
    expect(paths).toContain(join(temp, 'mlops-validate.json'));
    expect(paths).toContain(join(temp, 'mlops-validate-12.json'));
  });
});
