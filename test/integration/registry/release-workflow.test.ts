import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { runWorkflowJob, type LocalActionContext } from '../../support/action-runner/index.ts';

const WORKFLOW = resolve(import.meta.dirname, '../../../.github/workflows/mlops-release.yml');

describe('.github/workflows/mlops-release.yml', () => {
  it('passes workflow_dispatch inputs to the release action and maps its outputs to the job', async () => {
    const calls: Array<Record<string, string>> = [];
    const checkouts: Array<Record<string, string>> = [];
    const result = await runWorkflowJob(WORKFLOW, 'release', {
      eventName: 'workflow_dispatch',
      inputs: { model: 'weather', version: 'v2.0.0', bump: 'minor', stage: 'production' },
      token: 'ghs_release_token',
      // Stand in for the action itself (its own test runs it for real): this checks the wiring.
      firstParty: {},
      localActions: {
        'actions/checkout': (ctx: LocalActionContext) => { checkouts.push(ctx.with); },
        'mlops-actions/mlops-actions/actions/release': (ctx: LocalActionContext) => {
          calls.push(ctx.with);
          ctx.setOutput('version', 'v2.0.0');
          ctx.setOutput('tag', 'weather@v2.0.0');
          ctx.setOutput('release-url', 'https://github.com/octo/models/releases/tag/weather%40v2.0.0');
        },
      },
    });
    expect(result.exitCode, `${result.stderr}\n${JSON.stringify(result.annotations)}\n${JSON.stringify(result.steps.map((s) => [s.name, s.outcome, s.stderr]))}`).toBe(0);
    expect(checkouts).toEqual([expect.objectContaining({ 'fetch-depth': '0' })]);
    expect(calls).toEqual([expect.objectContaining({ model: 'weather', version: 'v2.0.0', bump: 'minor', stage: 'production', token: 'ghs_release_token', artifact: '' })]);
    expect(result.outputs).toMatchObject({ version: 'v2.0.0', tag: 'weather@v2.0.0' });
  });

  it('declares workflow_call and workflow_dispatch with model/version/bump/stage, and only contents: write', () => {
    const doc = yaml.load(readFileSync(WORKFLOW, 'utf8')) as {
      on: Record<string, { inputs: Record<string, unknown>; outputs?: Record<string, unknown> }>;
      permissions: Record<string, string>;
      jobs: Record<string, { permissions?: Record<string, string> }>;
    };
    for (const trigger of ['workflow_call', 'workflow_dispatch']) {
      expect(Object.keys(doc.on[trigger]!.inputs)).toEqual(expect.arrayContaining(['model', 'version', 'bump', 'stage']));
    }
    expect(Object.keys(doc.on.workflow_call!.outputs!)).toEqual(['version', 'tag', 'release-url', 'operation']);
    expect(doc.permissions).toEqual({ contents: 'write' });
    for (const job of Object.values(doc.jobs)) expect(job.permissions ?? doc.permissions).toEqual({ contents: 'write' });
  });
});
