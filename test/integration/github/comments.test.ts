import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { startGitHubEmulator, EMULATOR_TOKENS } from '../../support/github-emulator/index.ts';
import type { GitHubEmulator } from '../../support/github-emulator/index.ts';
import { createOctokit, markStickyComment, upsertStickyComment, GitHubError, stickyMarker } from '../../../src/github/index.ts';
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

/** A GitHub App installation token: `GET /user` answers 403, comments are by `<app-slug>[bot]`. */
const APP_TOKEN = 'ghs_EmulatorAppInstallationToken000000003';
const APP_LOGIN = 'my-mlops-app[bot]';
const withApp = () => restartWith({
  tokens: {
    [EMULATOR_TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation' },
    [APP_TOKEN]: { login: APP_LOGIN, type: 'Bot', kind: 'installation' },
    [EMULATOR_TOKENS.other]: { login: 'someone-else', type: 'User', kind: 'pat' },
  },
});
const marker = stickyMarker('validate', 'weather');
const upsertAs = (octokit: GitHubClient, issueNumber: number, body: string, extra: Partial<Parameters<typeof upsertStickyComment>[1]> = {}) =>
  upsertStickyComment(octokit, { owner, repo, issueNumber, kind: 'validate', name: 'weather', body, ...extra });

describe('upsertStickyComment with a GitHub App token (GET /user is 403)', () => {
  it('finds its own comment by the marker and a Bot author: three runs leave one comment, updated in place', async () => {
    emu = await withApp();
    const pr = emu.addPullRequest(full, { head: 'feature' });
    // One client per run, as three workflow runs would have.
    const first = await upsertAs(client(APP_TOKEN), pr.number, 'run 1', { defaultToken: false });
    const second = await upsertAs(client(APP_TOKEN), pr.number, 'run 2', { defaultToken: false });
    const third = await upsertAs(client(APP_TOKEN), pr.number, 'run 2', { defaultToken: false });
    expect([first.operation, second.operation, third.operation]).toEqual(['created', 'updated', 'unchanged']);
    expect(second.id).toBe(first.id);
    expect(emu.commentsOn(full, pr.number).map((c) => [c.user.login, c.body])).toEqual([[APP_LOGIN, `${marker}\nrun 2`]]);
    expect(emu.requestsFor('users/get-authenticated').map((r) => r.status)).toEqual([403, 403, 403]);
  });

  it('leaves github-actions[bot]\'s comment (an earlier GITHUB_TOKEN run) alone when the token is known not to be GITHUB_TOKEN', async () => {
    emu = await withApp();
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const actions = emu.addComment(full, pr.number, `${marker}\nfrom GITHUB_TOKEN`, 'github-actions[bot]', 'Bot');
    for (const body of ['run 1', 'run 2', 'run 3']) await upsertAs(client(APP_TOKEN), pr.number, body, { defaultToken: false });
    const comments = emu.commentsOn(full, pr.number);
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([['github-actions[bot]', `${marker}\nfrom GITHUB_TOKEN`], [APP_LOGIN, `${marker}\nrun 3`]]);
    expect(comments[0]!.id).toBe(actions.id);
    // Never even tried to edit or delete the other Bot's comment.
    expect(emu.requests.filter((r) => r.write && r.path.endsWith(`/comments/${actions.id}`))).toEqual([]);
  });

  it('without knowing which token it has, tries github-actions[bot]\'s comment, and on 403 keeps to its own', async () => {
    emu = await withApp();
    const pr = emu.addPullRequest(full, { head: 'feature' });
    emu.addComment(full, pr.number, `${marker}\nfrom GITHUB_TOKEN`, 'github-actions[bot]', 'Bot');
    const results = [];
    for (const body of ['run 1', 'run 2', 'run 2']) results.push((await upsertAs(client(APP_TOKEN), pr.number, body)).operation);
    expect(results).toEqual(['created', 'updated', 'unchanged']);
    expect(emu.commentsOn(full, pr.number).map((c) => [c.user.login, c.body])).toEqual([['github-actions[bot]', `${marker}\nfrom GITHUB_TOKEN`], [APP_LOGIN, `${marker}\nrun 2`]]);
  });

  it('with GITHUB_TOKEN known (defaultToken), matches only github-actions[bot], never an App\'s comment', async () => {
    emu = await withApp();
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const app = emu.addComment(full, pr.number, `${marker}\nfrom the App`, APP_LOGIN, 'Bot');
    expect((await upsertAs(client(), pr.number, 'one', { defaultToken: true })).operation).toBe('created');
    expect((await upsertAs(client(), pr.number, 'two', { defaultToken: true })).operation).toBe('updated');
    expect(emu.commentsOn(full, pr.number).map((c) => [c.user.login, c.body])).toEqual([[APP_LOGIN, `${marker}\nfrom the App`], ['github-actions[bot]', `${marker}\ntwo`]]);
    expect(emu.requests.filter((r) => r.write && r.path.endsWith(`/comments/${app.id}`))).toEqual([]);
  });

  it('authorLogin (the comment-author input) names the account outright', async () => {
    emu = await withApp();
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const other = emu.addComment(full, pr.number, `${marker}\nanother bot`, 'other-app[bot]', 'Bot');
    const first = await upsertAs(client(APP_TOKEN), pr.number, 'one', { authorLogin: APP_LOGIN });
    const second = await upsertAs(client(APP_TOKEN), pr.number, 'two', { authorLogin: APP_LOGIN });
    expect([first.operation, second.operation]).toEqual(['created', 'updated']);
    expect(second.id).toBe(first.id);
    expect(emu.state.comments.find((c) => c.id === other.id)?.body).toBe(`${marker}\nanother bot`);
    // The identity was given: GET /user is not asked.
    expect(emu.requestsFor('users/get-authenticated')).toHaveLength(0);
  });
});

describe('upsertStickyComment: only comments that start with the marker are sticky comments', () => {
  it('never overwrites or deletes a github-actions[bot] comment that merely quotes the marker', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const quoting = emu.addComment(full, pr.number, `Reports are found by the marker \`${marker}\`. Please do not edit them.`, 'github-actions[bot]', 'Bot');
    const first = await upsert(client(), pr.number, 'report 1');
    expect(first.operation).toBe('created');
    expect(first.id).not.toBe(quoting.id);
    // A later run updates the real one and neither touches nor "heals away" the quoting comment.
    const second = await upsert(client(), pr.number, 'report 2');
    expect(second).toMatchObject({ operation: 'updated', id: first.id });
    const comments = emu.commentsOn(full, pr.number);
    expect(comments.map((c) => c.id)).toEqual([quoting.id, first.id]);
    expect(comments[0]!.body).toBe(`Reports are found by the marker \`${marker}\`. Please do not edit them.`);
    expect(emu.requestsFor('issues/delete-comment')).toHaveLength(0);
  });

  it('a marker for another name that shares a prefix is another comment', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const longer = emu.addComment(full, pr.number, `${stickyMarker('validate', 'weather-2')}\nother`, 'github-actions[bot]', 'Bot');
    expect((await upsert(client(), pr.number, 'mine')).operation).toBe('created');
    expect(emu.state.comments.find((c) => c.id === longer.id)?.body).toBe(`${stickyMarker('validate', 'weather-2')}\nother`);
  });

  it('a name with "--" and ">" (a data path) gets an escaped marker, found again on the next run', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const name = 'data/train--v2>x.csv';
    const first = await upsert(client(), pr.number, 'one', name);
    const second = await upsert(client(), pr.number, 'two', name);
    expect([first.operation, second.operation]).toEqual(['created', 'updated']);
    const [comment] = emu.commentsOn(full, pr.number);
    expect(comment!.body).toBe('<!-- mlops:validate:data/train%2D-v2%3Ex.csv -->\ntwo');
  });
});

describe('upsertStickyComment: overlapping runs', () => {
  const addOurs = (issueNumber: number, text: string) => emu.addComment(full, issueNumber, `${marker}\n${text}`, 'github-actions[bot]', 'Bot');

  it('a duplicate already deleted by another run (404 on delete) is done, not a failure', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const keep = addOurs(pr.number, 'old 1');
    const duplicate = addOurs(pr.number, 'old 2');
    // The other run deletes it between our list and our delete.
    emu.injectFault('issues/delete-comment', { status: 404, effect: (e) => { e.state.comments = e.state.comments.filter((c) => c.id !== duplicate.id); } });
    const result = await upsert(client(), pr.number, 'new');
    expect(result).toMatchObject({ operation: 'updated', id: keep.id });
    expect(emu.commentsOn(full, pr.number).map((c) => [c.id, c.body])).toEqual([[keep.id, `${marker}\nnew`]]);
    expect(emu.pendingFaults()).toBe(0);
  });

  it('a comment deleted before its update (404) is replaced by a new one', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const old = addOurs(pr.number, 'old');
    emu.injectFault('issues/update-comment', { status: 404, effect: (e) => { e.state.comments = e.state.comments.filter((c) => c.id !== old.id); } });
    const result = await upsert(client(), pr.number, 'new');
    expect(result.operation).toBe('created');
    expect(emu.commentsOn(full, pr.number).map((c) => c.body)).toEqual([`${marker}\nnew`]);
  });

  it('a 404 on update with a duplicate left keeps the duplicate instead of creating a third', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const gone = addOurs(pr.number, 'old 1');
    const next = addOurs(pr.number, 'old 2');
    emu.injectFault('issues/update-comment', { status: 404, effect: (e) => { e.state.comments = e.state.comments.filter((c) => c.id !== gone.id); } });
    const result = await upsert(client(), pr.number, 'new');
    expect(result).toMatchObject({ operation: 'updated', id: next.id });
    expect(emu.commentsOn(full, pr.number).map((c) => [c.id, c.body])).toEqual([[next.id, `${marker}\nnew`]]);
    expect(emu.requestsFor('issues/create-comment')).toHaveLength(0);
  });

  it('two runs racing, then two runs healing at once: both succeed and exactly one comment remains', async () => {
    emu = await restartWith({ latencyMs: 20 });
    const pr = emu.addPullRequest(full, { head: 'feature' });
    // Two pushes in quick succession: both runs find nothing and create (a lost race).
    await Promise.all([upsert(client(), pr.number, 'run A'), upsert(client(), pr.number, 'run B')]);
    expect(emu.commentsOn(full, pr.number)).toHaveLength(2);
    // The next two runs overlap too: both update the first and both delete the duplicate.
    const results = await Promise.allSettled([upsert(client(), pr.number, 'run C'), upsert(client(), pr.number, 'run D')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(emu.commentsOn(full, pr.number)).toHaveLength(1);
    expect(emu.requestsFor('issues/delete-comment').map((r) => r.status).sort()).toEqual([204, 404]);
  });

  it('any other failure of the delete still fails the run', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    addOurs(pr.number, 'old 1');
    addOurs(pr.number, 'old 2');
    emu.injectFault('issues/delete-comment', 401);
    const error = await upsert(client(), pr.number, 'new').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(401);
  });
});

async function restartWith(options: Parameters<typeof startGitHubEmulator>[0]): Promise<GitHubEmulator> {
  await emu.close();
  return startGitHubEmulator(options);
}

describe('markStickyComment', () => {
  const mark = (octokit: GitHubClient, issueNumber: number, notice: string, name = 'weather') =>
    markStickyComment(octokit, { owner, repo, issueNumber, kind: 'evaluate', name, notice, summaryUrl: 'https://example.test/run/2' });
  const evaluate = (octokit: GitHubClient, issueNumber: number, body: string) =>
    upsertStickyComment(octokit, { owner, repo, issueNumber, kind: 'evaluate', name: 'weather', body });

  it('puts a notice above the report, replaces its own notice, and the next report drops it', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const octokit = client();
    const posted = await evaluate(octokit, pr.number, '## Evaluation\npassed');
    const marker = stickyMarker('evaluate', 'weather');

    const first = await mark(octokit, pr.number, '> [!WARNING]\n> Not evaluated for abc1234.');
    expect(first).toMatchObject({ operation: 'updated', id: posted.id });
    const body = () => emu.commentsOn(full, pr.number)[0].body;
    expect(body()).toBe(`${marker}\n<!-- mlops:notice -->\n> [!WARNING]\n> Not evaluated for abc1234.\n<!-- /mlops:notice -->\n## Evaluation\npassed`);
    expect((await mark(octokit, pr.number, '> [!WARNING]\n> Not evaluated for abc1234.')).operation).toBe('unchanged');

    await mark(octokit, pr.number, '> [!WARNING]\n> Not evaluated for def5678.');
    expect(body()).toBe(`${marker}\n<!-- mlops:notice -->\n> [!WARNING]\n> Not evaluated for def5678.\n<!-- /mlops:notice -->\n## Evaluation\npassed`);

    await evaluate(octokit, pr.number, '## Evaluation\nfailed');
    expect(body()).toBe(`${marker}\n## Evaluation\nfailed`);
    expect(emu.commentsOn(full, pr.number)).toHaveLength(1);
  });

  it('skips when there is no report to mark, and never touches a comment by someone else', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const octokit = client();
    expect(await mark(octokit, pr.number, 'outdated')).toMatchObject({ operation: 'skipped', reason: expect.stringContaining('no evaluate comment for weather') });
    const foreign = emu.addComment(full, pr.number, `${stickyMarker('evaluate', 'weather')}\nquoted by a person`, 'someone-else', 'User');
    expect((await mark(octokit, pr.number, 'outdated')).operation).toBe('skipped');
    expect(emu.commentsOn(full, pr.number).find((c) => c.id === foreign.id)?.body).toBe(`${stickyMarker('evaluate', 'weather')}\nquoted by a person`);
    expect(emu.requests.filter((r) => r.write)).toHaveLength(0);
  });

  it('keeps the comment within GitHub\'s limit when the notice is added to a report cut to fit', async () => {
    const pr = emu.addPullRequest(full, { head: 'feature' });
    const octokit = client();
    await upsertStickyComment(octokit, { owner, repo, issueNumber: pr.number, kind: 'evaluate', name: 'weather', body: `${'row\n'.repeat(300)}end`, maxChars: 1000 });
    await markStickyComment(octokit, { owner, repo, issueNumber: pr.number, kind: 'evaluate', name: 'weather', notice: 'N'.repeat(200), maxChars: 1000 });
    const body = emu.commentsOn(full, pr.number)[0].body;
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(body).toContain('N'.repeat(200));
    expect(body.match(/This comment was cut to fit/g)).toHaveLength(1);
  });
});
