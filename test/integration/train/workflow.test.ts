import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../support/action-runner/expressions.ts';
import { runWorkflowJob } from '../../support/action-runner/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const WORKFLOW = resolve(ROOT, '.github/workflows/mlops-train.yml');
const PULL_REQUEST_WORKFLOW = resolve(ROOT, '.github/workflows/mlops-pull-request.yml');

/** The two reusable workflows with a training job, and the names of their runs-on and opt-in inputs. */
const GUARDED = [
  { file: WORKFLOW, runsOn: 'runs-on', optIn: 'allow-forks-on-any-runner' },
  { file: PULL_REQUEST_WORKFLOW, runsOn: 'train-runs-on', optIn: 'train-allow-forks-on-any-runner' },
] as const;

function pullRequest(headRepo: string) {
  return {
    pull_request: { number: 7, head: { ref: 'feature', sha: 'a'.repeat(40), repo: { full_name: headRepo } }, base: { ref: 'main', repo: { full_name: 'octo/models' } } },
    repository: { full_name: 'octo/models' },
  };
}

function trainCondition(file: string): string {
  const doc = yaml.load(readFileSync(file, 'utf8')) as { jobs: { train: { if: string } } };
  return doc.jobs.train.if;
}

interface Case { event_name: string; event: Record<string, unknown>; server_url?: string }

/** Whether the train job's `if:` lets the job run, evaluated by GitHub's expression engine. */
function trainRuns(guarded: (typeof GUARDED)[number], runsOn: string, c: Case, optIn = false): boolean {
  const github = { event_name: c.event_name, event: c.event, repository: 'octo/models', server_url: c.server_url ?? 'https://github.com' };
  return evaluateCondition(trainCondition(guarded.file), { contexts: { github, inputs: { [guarded.runsOn]: runsOn, [guarded.optIn]: optIn } }, failed: false, workspace: ROOT });
}

const fork = pullRequest('mallory/models').pull_request;
const FORK_EVENTS: Record<string, Case> = {
  'fork pull_request': { event_name: 'pull_request', event: { pull_request: fork } },
  'fork pull_request_target': { event_name: 'pull_request_target', event: { pull_request: fork } },
  'fork pull_request_review': { event_name: 'pull_request_review', event: { pull_request: fork } },
  // A fork deleted after opening its pull request: head.repo is null.
  'deleted fork': { event_name: 'pull_request', event: { pull_request: { ...fork, head: { ...fork.head, repo: null } } } },
};
const TRUSTED_EVENTS: Record<string, Case> = {
  'same-repository pull_request': { event_name: 'pull_request', event: pullRequest('octo/models') },
  push: { event_name: 'push', event: { ref: 'refs/heads/main' } },
  schedule: { event_name: 'schedule', event: { schedule: '17 6 * * 1-5' } },
  workflow_dispatch: { event_name: 'workflow_dispatch', event: { inputs: { pr: '7' } } },
};

// Every form runs-on takes (a label, a list, a runner group), none of them GitHub-hosted.
const NOT_HOSTED = [
  '["self-hosted","gpu"]',
  '["gpu"]',
  '["linux","gpu-a100"]',
  '{"group":"gpu-runners"}',
  '{"group":"gpu-runners","labels":["self-hosted","gpu"]}',
  '{"group":"larger-runners","labels":["ubuntu-latest"]}',
  '"self-hosted"',
  '"gpu"',
  '"ubuntu-gpu"',
  '["ubuntu-latest","gpu"]',
  '["self-hosted","ubuntu-latest"]',
  '[["ubuntu-latest"]]',
  '[]',
  '""',
  'null',
];
const HOSTED = ['["ubuntu-latest"]', '"ubuntu-latest"', '["ubuntu-24.04"]', '["ubuntu-24.04-arm"]', '["windows-2022"]', '"windows-latest"', '["macos-14"]', '["macos-latest-xlarge"]', '["Ubuntu-Latest"]'];

describe('fork guard of the training jobs (mlops-train.yml, mlops-pull-request.yml)', () => {
  it('is one expression in both workflows, shown verbatim in docs/workflows.md', () => {
    const train = trainCondition(WORKFLOW);
    const pr = trainCondition(PULL_REQUEST_WORKFLOW);
    expect(train.replaceAll('inputs.runs-on', 'inputs.train-runs-on').replaceAll('inputs.allow-forks', 'inputs.train-allow-forks')).toBe(pr);
    // The block as written in the workflow file (lines and all), from `if: >-` to `runs-on:`.
    const text = readFileSync(PULL_REQUEST_WORKFLOW, 'utf8');
    const block = /\n {4}(if: >-\n {6}!github\.event\.pull_request\n[\s\S]*?)\n {4}runs-on:/.exec(text)![1]!.replace(/^ {4}/gm, '');
    const docs = readFileSync(resolve(ROOT, 'docs/workflows.md'), 'utf8');
    expect(docs).toContain(`\`\`\`yaml\n${block}\n\`\`\``);
  });

  for (const guarded of GUARDED) {
    const name = guarded.file.split('/').pop()!;
    describe(name, () => {
      it.each(Object.entries(FORK_EVENTS))('%s: never runs on a runner that is not a GitHub-hosted label (deny by default)', (_label, c) => {
        for (const runsOn of NOT_HOSTED) expect(trainRuns(guarded, runsOn, c), runsOn).toBe(false);
      });

      it.each(Object.entries(FORK_EVENTS))('%s: runs on one GitHub-hosted label on github.com, or with the opt-in', (_label, c) => {
        for (const runsOn of HOSTED) expect(trainRuns(guarded, runsOn, c), runsOn).toBe(true);
        // GitHub Enterprise Server has no GitHub-hosted runners: "ubuntu-latest" there is a label of yours.
        expect(trainRuns(guarded, '["ubuntu-latest"]', { ...c, server_url: 'https://ghe.example.com' })).toBe(false);
        for (const runsOn of NOT_HOSTED) expect(trainRuns(guarded, runsOn, c, true), runsOn).toBe(true);
      });

      it.each(Object.entries(TRUSTED_EVENTS))('%s: runs on any runner', (_label, c) => {
        for (const runsOn of [...NOT_HOSTED, ...HOSTED]) expect(trainRuns(guarded, runsOn, c), runsOn).toBe(true);
      });
    });
  }
});

describe('.github/workflows/mlops-train.yml fork guard', () => {
  it('never runs a fork pull request on self-hosted runners (the default runs-on)', async () => {
    const result = await runWorkflowJob(WORKFLOW, 'train', { event: pullRequest('mallory/models'), eventName: 'pull_request', repository: 'octo/models' });
    expect(result.ran).toBe(false);
    expect(result.steps).toHaveLength(0);
    const target = await runWorkflowJob(WORKFLOW, 'train', { event: pullRequest('mallory/models'), eventName: 'pull_request_target', repository: 'octo/models' });
    expect(target.ran).toBe(false);
    const group = await runWorkflowJob(WORKFLOW, 'train', {
      event: pullRequest('mallory/models'), eventName: 'pull_request', repository: 'octo/models', inputs: { 'runs-on': '{"group":"gpu-runners"}' },
    });
    expect(group.ran).toBe(false);
  });

  it('runs same-repository pull requests, and fork pull requests on GitHub-hosted runners', async () => {
    // The steps themselves are not the point here (the action has its own test): stop them early.
    const stop = { 'actions/checkout': () => { throw new Error('stop after the guard'); } };
    const same = await runWorkflowJob(WORKFLOW, 'train', { event: pullRequest('octo/models'), eventName: 'pull_request', repository: 'octo/models', localActions: stop });
    expect(same.ran).toBe(true);
    const hosted = await runWorkflowJob(WORKFLOW, 'train', {
      event: pullRequest('mallory/models'), eventName: 'pull_request', repository: 'octo/models', localActions: stop,
      inputs: { 'runs-on': '["ubuntu-latest"]' },
    });
    expect(hosted.ran).toBe(true);
  });

  it('says why when the guard skipped training (a skipped job shows no reason), and only then', async () => {
    const skipped = await runWorkflowJob(WORKFLOW, 'fork-guard', {
      event: pullRequest('mallory/models'), eventName: 'pull_request', repository: 'octo/models',
      inputs: { 'runs-on': '{"group":"gpu-runners"}' }, needs: { train: { result: 'skipped', outputs: {} } },
    });
    expect(skipped.ran).toBe(true);
    expect(skipped.exitCode).toBe(0);
    expect(skipped.annotations).toEqual([expect.objectContaining({ level: 'warning', title: 'Training skipped (fork pull request)' })]);
    expect(skipped.summary).toContain('### Training skipped: fork pull request');
    expect(skipped.summary).toContain('`{"group":"gpu-runners"}`');
    const trained = await runWorkflowJob(WORKFLOW, 'fork-guard', {
      event: pullRequest('octo/models'), eventName: 'pull_request', repository: 'octo/models', needs: { train: { result: 'success', outputs: {} } },
    });
    expect(trained.ran).toBe(false);
  });
});

describe('.github/workflows/mlops-pull-request.yml fork guard', () => {
  it('says why when the guard skipped training, not when validation failed', async () => {
    const needs = (validate: string) => ({ validate: { result: validate, outputs: {} }, train: { result: 'skipped', outputs: {} } });
    const skipped = await runWorkflowJob(PULL_REQUEST_WORKFLOW, 'fork-guard', {
      event: pullRequest('mallory/models'), eventName: 'pull_request', repository: 'octo/models',
      inputs: { data: 'data/train.csv', schema: 'schema.yaml', 'train-runs-on': '["gpu"]' }, needs: needs('success'),
    });
    expect(skipped.ran).toBe(true);
    expect(skipped.annotations).toEqual([expect.objectContaining({ level: 'warning', title: 'Training skipped (fork pull request)' })]);
    expect(skipped.summary).toContain('`["gpu"]`');
    const invalid = await runWorkflowJob(PULL_REQUEST_WORKFLOW, 'fork-guard', {
      event: pullRequest('mallory/models'), eventName: 'pull_request', repository: 'octo/models',
      inputs: { data: 'data/train.csv', schema: 'schema.yaml' }, needs: needs('failure'),
    });
    expect(invalid.ran).toBe(false);
  });
});
