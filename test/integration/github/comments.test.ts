import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { startGitHubEmulator, EMULATOR_TOKENS } from '../../support/github-emulator/index.ts';
import type { GitHubEmulator } from '../../support/github-emulator/index.ts';
import { createOctokit, upsertStickyComment, GitHubError, stickyMarker } from '../../../src/github/index.ts';
import type { GitHubClient } from '../../../src/github/index.ts';

const owner = 'octo-org';
const repo = 'demo';
const full = `${owner}/${repo}`;

let emu: GitHubEmulator;
let logs: string[];

function client(token: string = EMULATOR_TOKENS.actions, extra: Parameters<typeof createOctokit>[0] = {}): GitHubClient {
  const sink = (level: string) => (message: string) => void logs.push(`${level}: ${message}`);
  return createOctokit({
    token, baseUrl: emu.url, env: {}, retryAfterBaseValue: 1, writeSpacingMs: 0,
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

const upsert = (octokit: GitHubClient, issueNumber: number, body: string, name = 'weather') =>
  upsertStickyComment(octokit, { owner, repo, issueNumber, kind: 'validate', name, body, summaryUrl: 'https://example.test/run/1' });

describe('upsertStickyComment', () => {
  it('creates, then updates in place, then reports unchanged', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const octokit = client();
    const first = await upsert(octokit, pr.number, 'rows: 10');
    expect(first.operation).toBe('created');
    const second = await upsert(octokit, pr.number, 'rows: 20');
    expect(second).toMatchObject({ operation: 'updated', id: first.id });
    const third = await upsert(octokit, pr.number, 'rows: 20');
    expect(third).toMatchObject({ operation: 'unchanged', id: first.id });

    const comments = emu.commentsOn(full, pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toBe(`${stickyMarker('validate', 'weather')}\nrows: 20`);
    expect(comments[0].user.login).toBe('github-actions[bot]');
    // unchanged means no write at all
    expect(emu.requests.filter((r) => r.write)).toHaveLength(2);
  });

  it('keeps one comment per kind and name', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const octokit = client();
    await upsert(octokit, pr.number, 'a', 'weather');
    await upsert(octokit, pr.number, 'b', 'churn');
    await upsert(octokit, pr.number, 'c', 'weather');
    const bodies = emu.commentsOn(full, pr.number).map((c) => c.body);
    expect(bodies).toEqual([`${stickyMarker('validate', 'weather')}\nc`, `${stickyMarker('validate', 'churn')}\nb`]);
  });

  it('finds the sticky comment on page 2 of more than 100 comments', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    for (let i = 0; i < 130; i++) emu.addComment(full, pr.number, `chatter ${i}`);
    const old = emu.addComment(full, pr.number, `${stickyMarker('validate', 'weather')}\nold`, 'github-actions[bot]', 'Bot');
    for (let i = 0; i < 5; i++) emu.addComment(full, pr.number, `more ${i}`);

    const result = await upsert(client(), pr.number, 'new');
    expect(result).toMatchObject({ operation: 'updated', id: old.id });
    const ours = emu.commentsOn(full, pr.number).filter((c) => c.body.includes('mlops:validate:weather'));
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toContain('new');
    const pages = emu.requestsFor('issues/list-comments').map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    // The second page was fetched through GitHub-style /repositories/{id}/ Link URLs.
    expect(emu.requests.some((r) => r.operationId === 'issues/list-comments' && r.query.page === '2')).toBe(true);
  });

  it('never updates a comment by someone else that carries the same marker', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const foreign = emu.addComment(full, pr.number, `${stickyMarker('validate', 'weather')}\nnot yours`, 'someone-else', 'User');
    const result = await upsert(client(), pr.number, 'ours');
    expect(result.operation).toBe('created');
    expect(result.id).not.toBe(foreign.id);
    expect(emu.state.comments.find((c) => c.id === foreign.id)?.body).toContain('not yours');
  });

  it('uses GET /user for a PAT and matches that login', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.addComment(full, pr.number, `${stickyMarker('validate', 'weather')}\nbot's`, 'github-actions[bot]', 'Bot');
    const octokit = client(EMULATOR_TOKENS.pat);
    expect((await upsert(octokit, pr.number, 'one')).operation).toBe('created');
    expect((await upsert(octokit, pr.number, 'two')).operation).toBe('updated');
    const mine = emu.commentsOn(full, pr.number).filter((c) => c.user.login === 'mlops-user');
    expect(mine).toHaveLength(1);
    expect(emu.requestsFor('users/get-authenticated')).toHaveLength(1); // identity cached per client
  });

  it('skips when the run has no pull request', async () => {
    expect(await upsertStickyComment(client(), { owner, repo, issueNumber: undefined, kind: 'validate', name: 'w', body: 'x' })).toMatchObject({ operation: 'skipped' });
    expect(emu.requests).toHaveLength(0);
  });

  it('survives 502s and a secondary rate limit with one comment and never two writes at once', async () => {
    emu = await restartWith({ latencyMs: 15 });
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.injectFault('issues/list-comments', 502);
    emu.injectFault('issues/create-comment', 502, { status: 403, kind: 'secondary-rate-limit', retryAfter: 2 }, 500);
    emu.injectFault('issues/update-comment', { status: 429, kind: 'secondary-rate-limit', retryAfter: 1 });
    const octokit = client();
    // Several comments written concurrently: the client must still serialise the writes.
    const results = await Promise.all(['a', 'b', 'c'].map((name) => upsert(octokit, pr.number, `first ${name}`, name)));
    expect(results.map((r) => r.operation)).toEqual(['created', 'created', 'created']);
    const again = await upsert(octokit, pr.number, 'second a', 'a');
    expect(again.operation).toBe('updated');

    expect(emu.pendingFaults()).toBe(0);
    expect(emu.commentsOn(full, pr.number)).toHaveLength(3);
    expect(emu.maxConcurrentWrites).toBe(1);
    expect(logs.some((l) => /^warn: GitHub secondary rate limit on POST .*retrying after 2s/.test(l))).toBe(true);
  });

  it('a 502 after the comment was really posted does not produce a second comment', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.injectFault('issues/create-comment', {
      status: 502,
      // GitHub stored the comment, then the proxy failed: the client must not post it again.
      effect: (e) => { e.addComment(full, pr.number, `${stickyMarker('validate', 'weather')}\nfirst`, 'github-actions[bot]', 'Bot'); },
    });
    const result = await upsert(client(), pr.number, 'first');
    expect(result.operation).toBe('created');
    expect(emu.commentsOn(full, pr.number)).toHaveLength(1);
    expect(emu.requestsFor('issues/create-comment')).toHaveLength(1);
  });

  it('heals duplicates of our own comment so exactly one remains', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const keep = emu.addComment(full, pr.number, `${stickyMarker('validate', 'weather')}\nold 1`, 'github-actions[bot]', 'Bot');
    emu.addComment(full, pr.number, `${stickyMarker('validate', 'weather')}\nold 2`, 'github-actions[bot]', 'Bot');
    const foreign = emu.addComment(full, pr.number, `${stickyMarker('validate', 'weather')}\nsomeone else's`, 'someone-else', 'User');
    const result = await upsert(client(), pr.number, 'new');
    expect(result).toMatchObject({ operation: 'updated', id: keep.id });
    expect(emu.commentsOn(full, pr.number).map((c) => c.id)).toEqual([keep.id, foreign.id]);
  });

  it('the emulator does see concurrent writes from a client without the write queue (control)', async () => {
    emu = await restartWith({ latencyMs: 15 });
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const plain = new Octokit({ auth: EMULATOR_TOKENS.actions, baseUrl: emu.url, log: { debug() {}, info() {}, warn() {}, error() {} } });
    await Promise.all([1, 2, 3].map((i) => plain.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: `c${i}` })));
    expect(emu.maxConcurrentWrites).toBeGreaterThan(1);
  });

  it('names `pull-requests: write` when comment creation is forbidden', async () => {
    emu = await restartWith({ tokens: { [EMULATOR_TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation', permissions: { pull_requests: 'read', issues: 'read' } } } });
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const error = await upsert(client(), pr.number, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(403);
    expect((error as Error).message).toContain('`pull-requests: write`');
    expect((error as Error).message).toContain('Resource not accessible by integration');
  });

  it('never shows the token in logs, errors or the request log', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const secrets: string[] = [];
    const octokit = client(EMULATOR_TOKENS.pat, { onSecret: (v) => secrets.push(v) });
    expect(secrets).toEqual([EMULATOR_TOKENS.pat]);
    emu.injectFault('issues/create-comment', 502, { status: 403, kind: 'secondary-rate-limit', retryAfter: 1 });
    await upsert(octokit, pr.number, 'x');
    emu.injectFault('issues/update-comment', 403);
    const error = await upsert(octokit, pr.number, 'y').catch((e: unknown) => e) as GitHubError;
    const everything = [
      ...logs, error.message, String(error.stack), JSON.stringify(error), JSON.stringify((error as { cause?: unknown }).cause ?? null),
      JSON.stringify(emu.requests),
    ].join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(everything).not.toContain(EMULATOR_TOKENS.pat);
  });

  it('cuts a body over 65,536 characters with a pointer to the job summary', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const rows = Array.from({ length: 5000 }, (_, i) => `| row ${i} | ${'x'.repeat(20)} |`).join('\n');
    const body = `| a | b |\n| - | - |\n${rows}`;
    await upsert(client(), pr.number, body);
    const [comment] = emu.commentsOn(full, pr.number);
    expect(comment.body.length).toBeLessThanOrEqual(65_536);
    expect(comment.body).toContain('[job summary](https://example.test/run/1)');
    const lines = comment.body.split('\n');
    const lastRow = lines.filter((l) => l.startsWith('| row ')).at(-1)!;
    expect(lastRow).toMatch(/^\| row \d+ \| x{20} \|$/);
    // A second run with the same long body is recognised as unchanged.
    expect((await upsert(client(), pr.number, body)).operation).toBe('unchanged');
  });
});

async function restartWith(options: Parameters<typeof startGitHubEmulator>[0]): Promise<GitHubEmulator> {
  await emu.close();
  return startGitHubEmulator(options);
}
