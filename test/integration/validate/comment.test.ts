/**
 * Issue 3's acceptance, through the real composite action (actions/validate, bundled from the
 * working tree) run as the runner runs it, against the OpenAPI-checked GitHub emulator.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionsCheckout } from '../../support/action-runner/checkout.ts';
import { runCompositeAction, type RunResult } from '../../support/action-runner/index.ts';
import { EMULATOR_TOKENS, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.ts';
import { FIXTURES, injectFaults, tempDir } from './helpers.ts';

const REPO = 'octo-org/demo';
let root: string;
let dir: string;
let cleanup: () => Promise<void>;
let emu: GitHubEmulator;
let prNumber: number;

beforeAll(async () => {
  root = actionsCheckout();
  ({ dir, cleanup } = await tempDir());
  await mkdir(join(dir, 'data'), { recursive: true });
  await copyFile(join(FIXTURES, 'weather.csv'), join(dir, 'data', 'weather.csv'));
  await copyFile(join(FIXTURES, 'weather.schema.yaml'), join(dir, 'data', 'schema.yaml'));
  await injectFaults(join(FIXTURES, 'weather.csv'), join(dir, 'data', 'bad.csv'), { 5: { cell: 2, value: '99' } });
});
afterAll(async () => cleanup());
beforeEach(async () => {
  emu = await startGitHubEmulator({ latencyMs: 5 });
  prNumber = emu.addPullRequest(REPO, { head: 'feature' }).number;
});
afterEach(async () => {
  emu.assertNoViolations();
  await emu.close();
});

async function validate(data: string, token: string = EMULATOR_TOKENS.actions, options: { inputs?: Record<string, string>; headRepo?: string } = {}): Promise<RunResult> {
  const headRepo = options.headRepo ?? REPO;
  return runCompositeAction(join(root, 'actions', 'validate'), {
    inputs: { data, schema: 'data/schema.yaml', 'setup-node': 'false', ...options.inputs },
    workspace: dir,
    token,
    repository: REPO,
    eventName: 'pull_request',
    event: { pull_request: { number: prNumber, head: { sha: 'a'.repeat(40), ref: 'feature', repo: { full_name: headRepo } }, base: { ref: 'main', repo: { full_name: REPO } } }, number: prNumber },
    env: { GITHUB_API_URL: emu.url, MLOPS_GITHUB_WRITE_SPACING_MS: '0' },
  });
}

const ours = () => emu.commentsOn(REPO, prNumber).filter((c) => c.body.includes('<!-- mlops:validate:'));

describe('actions/validate on a pull request: one sticky comment', () => {
  it('creates one comment, then updates that same comment; the token never leaks', async () => {
    const first = await validate('data/weather.csv');
    expect(first.exitCode, first.stderr).toBe(0);
    expect(ours()).toHaveLength(1);
    const id = ours()[0].id;
    expect(ours()[0].body).toContain('**Valid**');

    const second = await validate('data/bad.csv');
    expect(second.exitCode).toBe(1);
    // Another data file is another sticky comment; the same file updates its own.
    const third = await validate('data/weather.csv');
    expect(third.exitCode).toBe(0);
    const weather = ours().filter((c) => c.body.includes('mlops:validate:data/weather.csv'));
    expect(weather).toHaveLength(1);
    expect(weather[0].id).toBe(id);
    expect(ours()).toHaveLength(2);

    for (const run of [first, second, third]) {
      // `::add-mask::<value>` is how a secret is registered: the runner consumes it and never logs it.
      const logged = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
      expect(run.masks).toContain(EMULATOR_TOKENS.actions);
      const everything = [logged, run.summary, JSON.stringify(run.outputs), JSON.stringify(run.annotations)].join('\n');
      const at = everything.indexOf(EMULATOR_TOKENS.actions);
      expect(at, at >= 0 ? everything.slice(Math.max(0, at - 300), at + 60) : "").toBe(-1);
    }
  });

  it('survives 502s and a secondary rate limit with exactly one comment and no concurrent writes', async () => {
    emu.injectFault('issues/list-comments', 502);
    emu.injectFault('issues/create-comment', 502, { status: 403, kind: 'secondary-rate-limit', retryAfter: 1 });
    const run = await validate('data/weather.csv');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(emu.pendingFaults()).toBe(0);
    expect(Math.max(...emu.requests.filter((r) => r.write).map((r) => r.concurrentWrites))).toBe(1);
  });

  it('finds its old comment on page 2 of a pull request with more than 100 comments', async () => {
    await validate('data/weather.csv');
    const id = ours()[0].id;
    for (let i = 0; i < 120; i++) emu.addComment(REPO, prNumber, `chatter ${i}`);
    const run = await validate('data/weather.csv');
    expect(run.exitCode).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].id).toBe(id);
    expect(emu.requestsFor('issues/list-comments').some((r) => r.query.page === '2')).toBe(true);
  });

  it('a token that may not comment (403) skips the comment with a warning; the step keeps the validation\'s exit code', async () => {
    emu.injectFault('issues/create-comment', { status: 403, message: 'Resource not accessible by integration' });
    const run = await validate('data/weather.csv');
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    const warnings = run.annotations.filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.title).toBe('Pull-request comment skipped');
    expect(warnings[0]!.message).toContain('GitHub answered 403 "Resource not accessible by integration"');
    expect(warnings[0]!.message).toContain('pull-requests: write');
    expect(warnings[0]!.message).toContain('`comment: false`');
    // The validation result itself is in the summary, the outputs and the report.
    expect(run.summary).toContain('**Valid**');
    expect(run.outputs.valid).toBe('true');
    expect(ours()).toHaveLength(0);

    // Invalid data with a read-only token: exit 1 (the check failed), not 2.
    emu.injectFault('issues/create-comment', { status: 403, message: 'Resource not accessible by integration' });
    const bad = await validate('data/bad.csv');
    expect(bad.exitCode).toBe(1);
    expect(bad.annotations.filter((a) => a.level === 'warning').map((a) => a.title)).toEqual(['Pull-request comment skipped']);
    expect(bad.outputs.valid).toBe('false');
  });

  it('on a fork pull request with a read-only GITHUB_TOKEN the warning says so', async () => {
    await emu.close();
    emu = await startGitHubEmulator({ tokens: { [EMULATOR_TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation', permissions: { pull_requests: 'read', issues: 'read', contents: 'read' } } } });
    prNumber = emu.addPullRequest(REPO, { head: 'feature', login: 'someone-else' }).number;
    const run = await validate('data/weather.csv', EMULATOR_TOKENS.actions, { headRepo: 'someone-else/demo' });
    expect(run.exitCode, run.stdout).toBe(0);
    const [warning] = run.annotations.filter((a) => a.level === 'warning');
    expect(warning!.message).toBe('The validate comment was not posted: this pull request comes from the fork someone-else/demo, and GitHub gives workflows run for fork pull requests a read-only GITHUB_TOKEN (GitHub answered 403 "Resource not accessible by integration" when we create the validate comment on pull request #1 in octo-org/demo). The report is in the job summary and the step outputs; set `comment: false` to turn the comment off for pull requests from forks.');
    expect(run.stdout).not.toContain('internal error');
  });

  it('comment: false posts nothing and asks GitHub nothing', async () => {
    const run = await validate('data/weather.csv', EMULATOR_TOKENS.actions, { inputs: { comment: 'false' } });
    expect(run.exitCode).toBe(0);
    expect(emu.requests).toHaveLength(0);
    expect(run.annotations).toEqual([]);
  });

  it('any other GitHub error fails the step with one ::error:: line naming the fix, no stack trace', async () => {
    emu.injectFault('issues/list-comments', 404);
    const run = await validate('data/weather.csv');
    expect(run.exitCode).toBe(2);
    const errorLines = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errorLines).toEqual(['::error::Could not list the comments of pull request #1 in octo-org/demo: GitHub answered 404 "Not Found". The token cannot see this repository or the object does not exist: check the owner/name, that a fine-grained PAT or App installation includes this repository with `pull-requests: read`, and that GITHUB_TOKEN is only used for the repository running the workflow.']);
    expect(run.stdout + run.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('a data path with "--" validates and keeps one comment under an escaped marker', async () => {
    await copyFile(join(dir, 'data', 'weather.csv'), join(dir, 'data', 'train--v2.csv'));
    const first = await validate('data/train--v2.csv');
    expect(first.exitCode, first.stdout).toBe(0);
    const second = await validate('data/train--v2.csv');
    expect(second.exitCode, second.stdout).toBe(0);
    const comments = ours();
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith('<!-- mlops:validate:data/train%2D-v2.csv -->\n')).toBe(true);
    // Same data, same body: found under the same marker, no write.
    expect(second.stdout).toContain(`validate comment unchanged on pull request #${prNumber}`);
    expect(emu.requestsFor('issues/create-comment')).toHaveLength(1);
  });

  it('with a GitHub App token (GET /user is 403) three runs leave one comment', async () => {
    await emu.close();
    const app = 'ghs_EmulatorAppInstallationToken000000003';
    emu = await startGitHubEmulator({ tokens: {
      [EMULATOR_TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation' },
      [app]: { login: 'my-mlops-app[bot]', type: 'Bot', kind: 'installation' },
    } });
    prNumber = emu.addPullRequest(REPO, { head: 'feature' }).number;
    // An earlier run with GITHUB_TOKEN left its comment; the App's runs must not touch it.
    emu.addComment(REPO, prNumber, '<!-- mlops:validate:data/weather.csv -->\nold', 'github-actions[bot]', 'Bot');
    const operations: string[] = [];
    for (const data of ['data/weather.csv', 'data/weather.csv', 'data/weather.csv']) {
      if (operations.length === 1) emu.state.comments.at(-1)!.body += '\nedited since';
      // github.token is the workflow's GITHUB_TOKEN; the token input is the App's.
      const run = await validate(data, EMULATOR_TOKENS.actions, { inputs: { token: app } });
      expect(run.exitCode, run.stdout).toBe(0);
      operations.push(/validate comment (\w+)/.exec(run.stdout)?.[1] ?? '');
    }
    expect(operations).toEqual(['created', 'updated', 'unchanged']);
    expect(ours().map((c) => c.user.login)).toEqual(['github-actions[bot]', 'my-mlops-app[bot]']);
    expect(emu.requests.filter((r) => r.write).map((r) => `${r.method} ${r.status} ${r.login}`)).toEqual(['POST 201 my-mlops-app[bot]', 'PATCH 200 my-mlops-app[bot]']);
  });

  it('comment-author names the App account', async () => {
    await emu.close();
    const app = 'ghs_EmulatorAppInstallationToken000000003';
    emu = await startGitHubEmulator({ tokens: { [app]: { login: 'my-mlops-app[bot]', type: 'Bot', kind: 'installation' } } });
    prNumber = emu.addPullRequest(REPO, { head: 'feature' }).number;
    emu.addComment(REPO, prNumber, '<!-- mlops:validate:data/weather.csv -->\nanother app', 'other-app[bot]', 'Bot');
    for (let i = 0; i < 2; i++) {
      const run = await validate('data/weather.csv', app, { inputs: { 'comment-author': 'my-mlops-app[bot]' } });
      expect(run.exitCode, run.stdout).toBe(0);
    }
    expect(ours().map((c) => c.user.login)).toEqual(['other-app[bot]', 'my-mlops-app[bot]']);
    expect(emu.requestsFor('users/get-authenticated')).toHaveLength(0);
  });
});
