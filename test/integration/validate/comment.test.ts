/**
 * Issue 3's acceptance, through the real composite action (actions/validate, bundled from the
 * working tree) run as the runner runs it, against the OpenAPI-checked GitHub emulator.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
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

async function validate(data: string, token: string = EMULATOR_TOKENS.actions): Promise<RunResult> {
  return runCompositeAction(join(root, 'actions', 'validate'), {
    inputs: { data, schema: 'data/schema.yaml', 'setup-node': 'false' },
    workspace: dir,
    token,
    repository: REPO,
    eventName: 'pull_request',
    event: { pull_request: { number: prNumber, head: { sha: 'a'.repeat(40), ref: 'feature' }, base: { ref: 'main' } }, number: prNumber },
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

  it('a 403 on comment creation fails the step naming pull-requests: write', async () => {
    emu.injectFault('issues/create-comment', { status: 403, message: 'Resource not accessible by integration' });
    const run = await validate('data/weather.csv');
    expect(run.exitCode).not.toBe(0);
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message).join('\n');
    expect(errors).toContain('pull-requests: write');
    // The validation result itself is still in the summary and the report.
    expect(run.summary).toContain('**Valid**');
    expect(JSON.parse(await readFile(run.outputs.report ?? join(dir, 'missing'), 'utf8').catch(() => '{}')).valid ?? true).toBe(true);
  });
});
