import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubEmulator, EMULATOR_TOKENS } from '../../support/github-emulator/index.ts';
import type { GitHubEmulator } from '../../support/github-emulator/index.ts';
import { createOctokit, describeGitHubError, upsertStickyComment, GitHubError, stickyMarker } from '../../../src/github/index.ts';
import type { GitHubClient } from '../../../src/github/index.ts';

// GitHub's secondary rate limits sometimes answer 429 (or 403) with no `retry-after` and no
// x-ratelimit headers; its guidance is then to wait at least a minute before retrying. The tests
// scale every wait by retryAfterBaseValue: 1 (a "minute" is 60 ms here).
const owner = 'octo-org';
const repo = 'demo';
const full = `${owner}/${repo}`;

let emu: GitHubEmulator;
let logs: string[];

function client(extra: Parameters<typeof createOctokit>[0] = {}): GitHubClient {
  const sink = (level: string) => (message: string) => void logs.push(`${level}: ${message}`);
  return createOctokit({
    token: EMULATOR_TOKENS.actions, baseUrl: emu.url, env: {}, retryAfterBaseValue: 1, writeSpacingMs: 0,
    log: { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') },
    ...extra,
  });
}

beforeEach(async () => {
  emu = await startGitHubEmulator();
  logs = [];
});
afterEach(async () => {
  await emu.close(); // throws on any OpenAPI violation
});

const upsert = (octokit: GitHubClient, issueNumber: number, body: string) =>
  upsertStickyComment(octokit, { owner, repo, issueNumber, kind: 'validate', name: 'weather', body });

describe('rate limits without retry-after', () => {
  it('a plain 429 on comment creation is retried after a minute, and one comment is posted', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.injectFault('issues/create-comment', 429);
    const result = await upsert(client(), pr.number, 'rows: 10');
    expect(result.operation).toBe('created');
    expect(emu.commentsOn(full, pr.number).map((c) => c.body)).toEqual([`${stickyMarker('validate', 'weather')}\nrows: 10`]);
    expect(emu.requestsFor('issues/create-comment').map((r) => r.status)).toEqual([429, 201]);
    expect(logs.filter((l) => l.startsWith('warn:'))).toEqual([
      'warn: GitHub rate limit (429 Too Many Requests, no retry-after) on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying after 60s (retry 1 of 3)',
    ]);
  });

  it('a 429 that names a retry-after is retried after it; a GET is not retried sooner by the 5xx retries', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.injectFault('issues/list-comments', 429);
    emu.injectFault('issues/create-comment', { status: 429, retryAfter: 2 }, 429);
    const result = await upsert(client(), pr.number, 'rows: 10');
    expect(result.operation).toBe('created');
    expect(emu.requestsFor('issues/list-comments').map((r) => r.status)).toEqual([429, 200]);
    expect(emu.requestsFor('issues/create-comment').map((r) => r.status)).toEqual([429, 429, 201]);
    expect(logs.filter((l) => l.startsWith('warn:')).map((l) => l.replace(/ on .*: /, ': '))).toEqual([
      'warn: GitHub rate limit (429 Too Many Requests, no retry-after): retrying after 60s (retry 1 of 3)',
      'warn: GitHub rate limit (429 Too Many Requests): retrying after 2s (retry 1 of 3)',
      'warn: GitHub rate limit (429 Too Many Requests, no retry-after): retrying after 60s (retry 2 of 3)',
    ]);
  });

  it('a 429 that outlasts the retries fails with a message naming the rate limit, and posts nothing', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.injectFault('issues/create-comment', 429, 429, 429);
    const error = await upsert(client({ rateLimitRetries: 2 }), pr.number, 'rows: 10').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(429);
    expect((error as GitHubError).message).toBe(
      `Could not create the validate comment on pull request #${pr.number} in ${full}: GitHub answered 429 "Too Many Requests". `
      + "GitHub's secondary rate limit stopped the request even after the retries; wait a few minutes and re-run, and avoid many jobs writing at the same time.",
    );
    expect(emu.requestsFor('issues/create-comment')).toHaveLength(3);
    expect(emu.pendingFaults()).toBe(0);
    expect(emu.commentsOn(full, pr.number)).toHaveLength(0);
    expect(logs.at(-1)).toMatch(/^warn: GitHub rate limit \(429 Too Many Requests, no retry-after\) on POST .*: giving up after 2 retries$/);
  });

  it('a 403 that says "secondary rate limit" without retry-after is retried after a minute; a permission 403 is not retried', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.injectFault('issues/create-comment', { status: 403, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' });
    expect((await upsert(client(), pr.number, 'rows: 10')).operation).toBe('created');
    expect(emu.requestsFor('issues/create-comment').map((r) => r.status)).toEqual([403, 201]);
    expect(logs.some((l) => /^warn: GitHub secondary rate limit on POST .*: retrying after 60s/.test(l))).toBe(true);
    emu.injectFault('issues/update-comment', { status: 403, message: 'Resource not accessible by integration' });
    // defaultToken: the comment is github-actions[bot]'s, so a 403 on its edit is no other Bot's comment.
    const error = await upsertStickyComment(client(), { owner, repo, issueNumber: pr.number, kind: 'validate', name: 'weather', body: 'rows: 20', defaultToken: true }).catch((e: unknown) => e);
    expect((error as GitHubError).status).toBe(403);
    expect(emu.requestsFor('issues/update-comment')).toHaveLength(1);
  });

  it('describeGitHubError names the rate limit for a bare 429', () => {
    const error = Object.assign(new Error('Too Many Requests'), { status: 429, request: { method: 'GET', url: 'https://api.github.com/repos/o/r/issues/1/comments' }, response: { headers: {}, data: {} } });
    expect(describeGitHubError(error, 'list the comments')).toMatch(/^Could not list the comments: GitHub answered 429 "Too Many Requests"\. GitHub's secondary rate limit stopped the request even after the retries/);
  });
});
