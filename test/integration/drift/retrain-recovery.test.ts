import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { EMULATOR_TOKENS, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.ts';
import { GIT_ENV, exampleRemote, gitWith } from './example-remote.ts';

// The retraining pull request after something went wrong or right in between: a first attempt
// that failed half-way (PR creation refused, dispatch refused), and a pull request merged with
// its branch kept (GitHub's default: branches are not deleted on merge).

const gitEnv = GIT_ENV;
// The test's own git runs synchronously, so the push hook below must not wait for this process:
// it skips pushes made here (drift() syncs the emulator before each run instead).
const git = gitWith({ MLOPS_TEST_PUSH: '1' });
const REPO = 'octo-org/demo';
const BRANCH = 'mlops/retrain/weather';
const WORKFLOW = 'mlops-pull-request.yml';

let root: string;
let work: string;
let remote: string;
let emu: GitHubEmulator;
let hookServer: Server;

beforeEach(async () => {
  ({ root, remote, work } = exampleRemote('mlops-drift-recovery-', git));
  emu = await startGitHubEmulator();
  // GitHub's side of the remote: a post-receive hook tells the emulator about every push, while
  // the push runs (the product opens the PR right after pushing).
  hookServer = createServer((req, res) => {
    req.resume().on('end', () => {
      syncRefs();
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/`;
  const hookScript = join(root, 'post-receive.mjs');
  // Bounded: a push that blocked this process's event loop would otherwise hang the suite.
  writeFileSync(hookScript, `if (!process.env.MLOPS_TEST_PUSH) process.stdin.resume().on('end', async () => { await fetch(${JSON.stringify(hookUrl)}, { method: 'POST', signal: AbortSignal.timeout(10000) }).catch(() => {}); });\n`);
  writeFileSync(join(remote, 'hooks', 'post-receive'), `#!/bin/sh\nexec "${process.execPath}" "${hookScript}"\n`);
  chmodSync(join(remote, 'hooks', 'post-receive'), 0o755);
  syncRefs();
});
afterEach(async () => {
  await new Promise<void>((r) => hookServer.close(() => r()));
  emu.assertNoViolations();
  await emu.close();
  rmSync(root, { recursive: true, force: true });
});

/** The emulator's branches become the bare repository's (deleted ones included). */
function syncRefs(): void {
  const refs = emu.state.repos.get(REPO)!.refs;
  for (const ref of [...refs.keys()]) if (ref.startsWith('refs/heads/')) refs.delete(ref);
  for (const line of git(remote, 'for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads').split('\n').filter(Boolean)) {
    const [sha, ref] = line.split(' ');
    emu.addBranch(REPO, ref!.slice('refs/heads/'.length), sha);
  }
}

const remoteHead = (ref: string) => {
  try {
    return git(remote, 'rev-parse', `refs/heads/${ref}`);
  } catch {
    return null;
  }
};

type Token = 'github-token' | 'pat';

/** `mlops drift --open-pr` as the drift action runs it; GITHUB_TOKEN dispatches the PR workflow. */
async function drift(token: Token, current = 'monitoring/latest.csv') {
  syncRefs();
  const env = {
    ...gitEnv,
    GITHUB_API_URL: emu.url,
    GITHUB_REPOSITORY: REPO,
    MLOPS_GITHUB_WRITE_SPACING_MS: '0',
    ...(token === 'github-token' ? { GITHUB_TOKEN: EMULATOR_TOKENS.actions, MLOPS_TOKEN_IS_GITHUB_TOKEN: 'true' } : { GITHUB_TOKEN: EMULATOR_TOKENS.pat }),
  };
  const io = memoryIo({ cwd: work, env });
  const code = await runCli(['drift', '--reference', 'data/train.csv', '--current', current, '--open-pr', '--dispatch', WORKFLOW, '--json'], io);
  return { code, io, json: code === 0 && io.out ? JSON.parse(io.out) : null };
}

/** Another monitoring window (every third row left out): new findings. */
function newWindow(): string {
  const rows = readFileSync(join(work, 'monitoring/latest.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(work, 'monitoring/window-2.csv'), `${rows.filter((_, i) => i === 0 || i % 3 !== 0).join('\n')}\n`);
  return 'monitoring/window-2.csv';
}

const writes = () => emu.requests.filter((q) => q.write).length;

describe('retraining pull request with GITHUB_TOKEN: the PR workflow is dispatched for every PR commit that has no run', () => {
  it('after PR creation was refused (the repository setting was off), the next run opens the PR and dispatches', async () => {
    const first = await drift('github-token');
    expect(first.code).not.toBe(0);
    expect(first.io.err).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    const head = remoteHead(BRANCH);
    expect(head).not.toBeNull(); // the branch was pushed before the PR was refused
    expect(emu.state.pulls).toHaveLength(0);
    expect(emu.state.dispatches).toHaveLength(0);

    // An admin turns the setting on; the next run finds the branch already recording these findings.
    emu.allowActionsToCreatePullRequests = true;
    const second = await drift('github-token');
    expect(second.code, second.io.err).toBe(0);
    expect(second.json.retrain).toMatchObject({ operation: 'created', commit: head, dispatched: WORKFLOW });
    expect(remoteHead(BRANCH)).toBe(head);
    expect(emu.state.pulls).toHaveLength(1);
    expect(emu.state.dispatches).toEqual([{ repo: REPO, workflow: WORKFLOW, ref: BRANCH, inputs: { pr: String(emu.state.pulls[0]!.number) } }]);

    // Same findings again: the PR's commit has its dispatched run, so nothing is written.
    const before = writes();
    const third = await drift('github-token');
    expect(third.json.retrain).toMatchObject({ operation: 'unchanged', dispatched: null });
    expect(writes()).toBe(before);
    expect(emu.state.dispatches).toHaveLength(1);
  });

  it('after the dispatch was refused, the next run dispatches at the same commit (once)', async () => {
    emu.allowActionsToCreatePullRequests = true;
    emu.injectFault('actions/create-workflow-dispatch', { status: 403, message: 'Resource not accessible by integration' });
    const first = await drift('github-token');
    expect(first.code).not.toBe(0);
    expect(first.io.err).toContain('actions: write');
    expect(emu.state.pulls).toHaveLength(1);
    expect(emu.state.dispatches).toHaveLength(0);
    const head = remoteHead(BRANCH);

    const second = await drift('github-token');
    expect(second.code, second.io.err).toBe(0);
    expect(second.json.retrain).toMatchObject({ operation: 'unchanged', commit: head, dispatched: WORKFLOW });
    expect(second.json.retrain.message).toContain(`no run of it had been dispatched at ${head!.slice(0, 7)} yet`);
    expect(emu.state.dispatches).toHaveLength(1);
    expect(emu.state.workflowRuns.map((r) => r.headSha)).toEqual([head]);

    const third = await drift('github-token');
    expect(third.json.retrain).toMatchObject({ operation: 'unchanged', dispatched: null });
    expect(emu.state.dispatches).toHaveLength(1);
  });

  it('a new commit on the branch is dispatched even when an earlier commit had its run', async () => {
    emu.allowActionsToCreatePullRequests = true;
    expect((await drift('github-token')).json.retrain.dispatched).toBe(WORKFLOW);
    const updated = await drift('github-token', newWindow());
    expect(updated.json.retrain).toMatchObject({ operation: 'updated', dispatched: WORKFLOW });
    expect(emu.state.workflowRuns.map((r) => r.headSha)).toEqual([git(remote, 'rev-parse', `${remoteHead(BRANCH)}^`), remoteHead(BRANCH)]);
  });
});

describe('retraining pull request merged, branch kept', () => {
  /** Merges the retraining branch into main the way a maintainer would, and closes its PR. */
  function merge(how: 'fast-forward' | 'merge commit' | 'squash' | 'rebase'): void {
    git(work, 'fetch', '-q', 'origin');
    git(work, 'checkout', '-q', 'main');
    git(work, 'merge', '-q', 'origin/main');
    if (how === 'fast-forward') git(work, 'merge', '-q', '--ff-only', `origin/${BRANCH}`);
    if (how === 'rebase') git(work, 'cherry-pick', `main..origin/${BRANCH}`);
    if (how === 'merge commit') git(work, 'merge', '-q', '--no-ff', '-m', 'Merge retraining', `origin/${BRANCH}`);
    if (how === 'squash') {
      git(work, 'merge', '-q', '--squash', `origin/${BRANCH}`);
      git(work, 'commit', '-q', '-m', 'Retrain weather (#1)');
    }
    git(work, 'push', '-q', 'origin', 'main');
    for (const pull of emu.state.pulls) pull.state = 'closed';
  }

  it.each(['fast-forward', 'merge commit', 'squash', 'rebase'] as const)('%s: the same findings again are "unchanged" (no PR); new findings rebuild the branch on main and open a new PR', async (how) => {
    const first = await drift('pat');
    expect(first.json.retrain.operation).toBe('created');
    if (how !== 'fast-forward') {
      // Someone else's commit on main after the pull request was opened: main and the branch differ.
      git(work, 'checkout', '-q', 'main');
      writeFileSync(join(work, 'NOTES.md'), 'notes\n');
      git(work, 'add', 'NOTES.md');
      git(work, 'commit', '-q', '-m', 'notes');
      git(work, 'push', '-q', 'origin', 'main');
    }
    merge(how);
    // After a fast-forward main is the branch's commit: this failed with GitHub's 422 "No commits
    // between main and mlops/retrain/weather", reported as an internal error.
    if (how === 'fast-forward') expect(remoteHead('main')).toBe(remoteHead(BRANCH));
    const merged = remoteHead(BRANCH);

    // The findings are what main now records: nothing to propose.
    const before = writes();
    const same = await drift('pat');
    expect(same.code, same.io.err).toBe(0);
    expect(same.json.retrain).toMatchObject({ operation: 'unchanged', pullRequest: null });
    expect(same.json.retrain.message).toBe(`main already records these findings (${BRANCH} was merged into it), so nothing was pushed and no pull request was opened`);
    expect(writes()).toBe(before);
    expect(remoteHead(BRANCH)).toBe(merged);
    expect(emu.state.pulls.filter((p) => p.state === 'open')).toHaveLength(0);

    // New findings: one new commit on top of main (not of the merged branch), a new pull request.
    const next = await drift('pat', newWindow());
    expect(next.code, next.io.err).toBe(0);
    expect(next.json.retrain).toMatchObject({ operation: 'created', pullRequest: { number: 2, operation: 'created' } });
    expect(next.json.retrain.message).toContain(`${BRANCH} had been merged into main, so the new commit was built on main`);
    const head = remoteHead(BRANCH)!;
    expect(git(remote, 'rev-parse', `${head}^`)).toBe(remoteHead('main'));
    expect(git(remote, 'diff', '--name-only', 'main', head)).toBe('.mlops/retrain/weather.json');
    expect(emu.state.pulls.filter((p) => p.state === 'open').map((p) => p.number)).toEqual([2]);
  });

  it('branch deleted on merge: the same findings open no new branch or PR', async () => {
    await drift('pat');
    merge('merge commit');
    git(remote, 'update-ref', '-d', `refs/heads/${BRANCH}`);
    const same = await drift('pat');
    expect(same.json.retrain).toMatchObject({ operation: 'unchanged', pullRequest: null });
    expect(same.json.retrain.message).toBe('main already records these findings, so nothing was pushed and no pull request was opened');
    expect(remoteHead(BRANCH)).toBeNull();
    expect(emu.state.pulls).toHaveLength(1);
  });

  it('a commit pushed to the kept branch after a squash merge is built on, never dropped', async () => {
    await drift('pat');
    merge('squash');
    git(work, 'checkout', '-q', '-b', 'follow-up', `origin/${BRANCH}`);
    writeFileSync(join(work, 'EXTRA.md'), 'extra\n');
    git(work, 'add', 'EXTRA.md');
    git(work, 'commit', '-q', '-m', 'follow-up on the retraining branch');
    const theirs = git(work, 'rev-parse', 'HEAD');
    git(work, 'push', '-q', 'origin', `HEAD:refs/heads/${BRANCH}`);
    git(work, 'checkout', '-q', 'main');
    const next = await drift('pat', newWindow());
    expect(next.code, next.io.err).toBe(0);
    expect(next.json.retrain.message).not.toContain('had been merged');
    expect(git(remote, 'rev-parse', `${remoteHead(BRANCH)}^`)).toBe(theirs);
  });
});

describe('retraining pull request closed without merging', () => {
  it.each(['pat', 'github-token'] as const)('%s: the same findings do not open it again (nor dispatch); new findings open a new one', async (token) => {
    emu.allowActionsToCreatePullRequests = true;
    const first = await drift(token);
    expect(first.json.retrain.operation).toBe('created');
    const head = remoteHead(BRANCH);
    // A maintainer declines the retraining: the pull request is closed, the branch kept.
    emu.state.pulls[0]!.state = 'closed';

    const before = writes();
    const same = await drift(token);
    expect(same.code, same.io.err).toBe(0);
    expect(same.json.drifted).toBe(true);
    expect(same.json.retrain).toMatchObject({ operation: 'unchanged', pullRequest: null, dispatched: null, commit: head });
    expect(same.json.retrain.message).toMatch(/^pull request #1 \(\S+\/pull\/1\) was closed without merging and mlops\/retrain\/weather still records these findings, so no pull request was opened again/);
    expect(writes()).toBe(before);
    expect(emu.state.pulls.filter((p) => p.state === 'open')).toHaveLength(0);
    expect(remoteHead(BRANCH)).toBe(head);

    // The next window's findings are new: one new commit on the branch and a new pull request.
    const next = await drift(token, newWindow());
    expect(next.code, next.io.err).toBe(0);
    expect(next.json.retrain).toMatchObject({ operation: 'created', pullRequest: { number: 2, operation: 'created' } });
    expect(git(remote, 'rev-parse', `${remoteHead(BRANCH)}^`)).toBe(head);
    expect(emu.state.pulls.filter((p) => p.state === 'open').map((p) => p.number)).toEqual([2]);
    if (token === 'github-token') expect(emu.state.dispatches.map((d) => d.inputs.pr)).toEqual(['1', '2']);
  });
});
