import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../support/action-runner/expressions.ts';
import { runCallerWorkflow } from '../../support/action-runner/index.ts';

/**
 * mlops-pull-request.yml under pull_request_target: actions/checkout checks out the base branch
 * there, so the workflow used to validate, train and evaluate the BASE and post "valid" and
 * "passed" comments — with a write token — on a pull request whose data it never read. It must
 * refuse to run instead, saying to use pull_request.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const WORKFLOW = resolve(ROOT, '.github/workflows/mlops-pull-request.yml');

const caller = (trigger: string) => `name: model check
on: ${trigger}
permissions: {}
jobs:
  mlops:
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-pull-request.yml@v1
    permissions: { contents: read, pull-requests: write }
    with: { config: mlops.yaml, data: data/train.csv, schema: schema.yaml }
`;

const fork = {
  number: 7,
  pull_request: { number: 7, head: { ref: 'feature', sha: 'a'.repeat(40), repo: { full_name: 'mallory/demo' } }, base: { ref: 'main', repo: { full_name: 'octo-org/demo' } } },
  repository: { full_name: 'octo-org/demo' },
};

describe('mlops-pull-request.yml refuses pull_request_target', () => {
  it('fails the validate job before any checkout, names pull_request, and runs nothing else', async () => {
    const run = await runCallerWorkflow(caller('pull_request_target'), {
      eventName: 'pull_request_target', event: fork, repository: 'octo-org/demo', token: 'ghs_writeTokenOfTheBase',
    });
    expect(run.success).toBe(false);
    const jobs = run.jobs.mlops!.jobs;
    expect(jobs.validate!.result).toBe('failure');
    expect(jobs.validate!.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['Refuse pull_request_target', 'failure'],
      ...jobs.validate!.steps.slice(1).map((s) => [s.name, 'skipped']),
    ]);
    expect(jobs.validate!.steps.length).toBeGreaterThan(1);
    expect(jobs.validate!.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/runs on pull_request, not pull_request_target/) }));
    for (const id of ['train', 'fork-guard', 'evaluate']) expect(jobs[id]!.result, id).toBe('skipped');
  });

  it('the refusal does not run for pull_request and the other events the workflow serves', () => {
    const doc = yaml.load(readFileSync(WORKFLOW, 'utf8')) as { jobs: { validate: { steps: Array<{ name?: string; if?: string }> } } };
    const refuse = doc.jobs.validate.steps.find((s) => s.name === 'Refuse pull_request_target')!;
    const runs = (eventName: string) => evaluateCondition(refuse.if!, { contexts: { github: { event_name: eventName, event: fork } }, failed: false, workspace: ROOT });
    expect(runs('pull_request_target')).toBe(true);
    for (const eventName of ['pull_request', 'workflow_dispatch', 'push', 'pull_request_review']) expect(runs(eventName), eventName).toBe(false);
  });
});
