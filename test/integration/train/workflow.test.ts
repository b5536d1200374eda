import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWorkflowJob } from '../../support/action-runner/index.ts';

const WORKFLOW = resolve(import.meta.dirname, '../../../.github/workflows/mlops-train.yml');

function pullRequest(headRepo: string) {
  return {
    pull_request: { number: 7, head: { ref: 'feature', sha: 'a'.repeat(40), repo: { full_name: headRepo } }, base: { ref: 'main', repo: { full_name: 'octo/models' } } },
    repository: { full_name: 'octo/models' },
  };
}

describe('.github/workflows/mlops-train.yml fork guard', () => {
  it('never runs a fork pull request on self-hosted runners (the default runs-on)', async () => {
    const result = await runWorkflowJob(WORKFLOW, 'train', { event: pullRequest('mallory/models'), eventName: 'pull_request', repository: 'octo/models' });
    expect(result.ran).toBe(false);
    expect(result.steps).toHaveLength(0);
    const target = await runWorkflowJob(WORKFLOW, 'train', { event: pullRequest('mallory/models'), eventName: 'pull_request_target', repository: 'octo/models' });
    expect(target.ran).toBe(false);
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
});
