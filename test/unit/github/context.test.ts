import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRunContext } from '../../../src/github/index.ts';
import { InputError } from '../../../src/core/errors.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-ctx-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function envFor(eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  const path = join(dir, `${eventName}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return {
    GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: path,
    GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/heads/main', GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1', GITHUB_ACTOR: 'octocat', ...extra,
  };
}

const prPayload = { number: 7, pull_request: { number: 7, head: { sha: 'b'.repeat(40), ref: 'feature' }, base: { ref: 'main' } } };

describe('resolveRunContext', () => {
  it('pull_request: PR number and head sha from the payload', async () => {
    const ctx = resolveRunContext(await envFor('pull_request', prPayload, { GITHUB_REF: 'refs/pull/7/merge' }));
    expect(ctx).toMatchObject({
      owner: 'octo-org', repo: 'demo', prNumber: 7, sha: 'b'.repeat(40), ref: 'refs/pull/7/merge', headRef: 'feature', baseRef: 'main',
      eventName: 'pull_request', actor: 'octocat', runUrl: 'https://github.com/octo-org/demo/actions/runs/42',
    });
  });

  it('pull_request_target behaves the same', async () => {
    const ctx = resolveRunContext(await envFor('pull_request_target', prPayload));
    expect(ctx.prNumber).toBe(7);
    expect(ctx.sha).toBe('b'.repeat(40));
  });

  it('workflow_dispatch: the `pr` input, as a string', async () => {
    const ctx = resolveRunContext(await envFor('workflow_dispatch', { inputs: { pr: '12' } }));
    expect(ctx.prNumber).toBe(12);
    expect(ctx.sha).toBe('a'.repeat(40));
  });

  it('workflow_dispatch without a pr input, push and schedule have no PR', async () => {
    for (const [event, payload] of [['workflow_dispatch', { inputs: { pr: '' } }], ['push', { after: 'x' }], ['schedule', { schedule: '0 * * * *' }]] as const) {
      const ctx = resolveRunContext(await envFor(event, payload));
      expect(ctx.prNumber).toBeUndefined();
      expect(ctx.eventName).toBe(event);
    }
  });

  it('issue_comment on a pull request', async () => {
    const ctx = resolveRunContext(await envFor('issue_comment', { issue: { number: 3, pull_request: { url: 'x' } } }));
    expect(ctx.prNumber).toBe(3);
    const onIssue = resolveRunContext(await envFor('issue_comment', { issue: { number: 4 } }));
    expect(onIssue.prNumber).toBeUndefined();
  });

  it('--pr overrides the event; bad numbers are InputErrors naming the key', async () => {
    expect(resolveRunContext(await envFor('pull_request', prPayload), { pr: '#9' }).prNumber).toBe(9);
    expect(() => resolveRunContext({ GITHUB_REPOSITORY: 'o/r' }, { pr: 'abc' })).toThrow(InputError);
    expect(() => resolveRunContext({ GITHUB_REPOSITORY: 'o/r' }, { pr: 'abc' })).toThrow(/\(pr\)/);
    const bad = await envFor('workflow_dispatch', { inputs: { pr: '0' } });
    expect(() => resolveRunContext(bad)).toThrow(/inputs\.pr/);
  });

  it('GHES: server and API URLs from the environment; run attempt in the URL', async () => {
    const ctx = resolveRunContext(await envFor('push', {}, { GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_API_URL: 'https://ghe.example.com/api/v3', GITHUB_RUN_ATTEMPT: '2' }));
    expect(ctx.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(ctx.runUrl).toBe('https://ghe.example.com/octo-org/demo/actions/runs/42/attempts/2');
  });

  it('no repository → InputError; --repo works locally without any event', () => {
    expect(() => resolveRunContext({})).toThrow(/GITHUB_REPOSITORY/);
    const ctx = resolveRunContext({}, { repository: 'me/proj', pr: 5, sha: 'c'.repeat(40) });
    expect(ctx).toMatchObject({ owner: 'me', repo: 'proj', prNumber: 5, sha: 'c'.repeat(40), eventName: 'local', payload: {} });
    expect(ctx.runUrl).toBeUndefined();
    expect(() => resolveRunContext({}, { repository: 'not-a-repo' })).toThrow(/owner\/name/);
  });

  it('a malformed payload is an InputError naming the file', async () => {
    const env = await envFor('pull_request', '{ not json');
    expect(() => resolveRunContext(env)).toThrow(InputError);
    expect(() => resolveRunContext(env)).toThrow(env.GITHUB_EVENT_PATH);
  });
});
