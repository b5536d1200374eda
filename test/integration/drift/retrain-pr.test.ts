import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { EMULATOR_TOKENS, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.ts';
import { GIT_ENV, exampleRemote, gitWith } from './example-remote.ts';

const gitEnv = GIT_ENV;
const git = gitWith();

let root: string;
let work: string;
let remote: string;
let emu: GitHubEmulator;

beforeEach(async () => {
  ({ root, remote, work } = exampleRemote('mlops-drift-pr-', git));
  emu = await startGitHubEmulator();
  // The emulator stands in for the GitHub side of the remote: the branch exists there once pushed.
  emu.addBranch('octo-org/demo', 'mlops/retrain/weather');
});
afterEach(async () => {
  emu.assertNoViolations();
  await emu.close();
  rmSync(root, { recursive: true, force: true });
});

const env = () => ({
  ...gitEnv,
  GITHUB_API_URL: emu.url,
  GITHUB_REPOSITORY: 'octo-org/demo',
  GITHUB_TOKEN: EMULATOR_TOKENS.pat,
});

async function drift(current: string, extra: string[] = []) {
  const io = memoryIo({ cwd: work, env: env() });
  const code = await runCli(['drift', '--reference', 'data/train.csv', '--current', current, '--open-pr', '--json', ...extra], io);
  return { code, io, json: io.out ? JSON.parse(io.out) : null };
}

const remoteBranchHead = () => {
  try {
    return git(remote, 'rev-parse', 'refs/heads/mlops/retrain/weather');
  } catch {
    return null;
  }
};

describe('retraining pull request (real git + GitHub emulator)', () => {
  it('opens one PR on drift, leaves it alone on a re-run with the same findings, updates it on new findings and leaves it alone without drift', async () => {
    const first = await drift('monitoring/latest.csv');
    expect(first.code, first.io.err).toBe(0);
    expect(first.json.drifted).toBe(true);
    expect(first.json.retrain.operation).toBe('created');
    expect(emu.state.pulls).toHaveLength(1);
    const pull = emu.state.pulls[0];
    expect(pull).toMatchObject({ head: 'mlops/retrain/weather', base: 'main', labels: ['retrain', 'drift'], state: 'open' });
    expect(pull.body).toContain('Dataset drift detected');
    const head1 = remoteBranchHead();
    expect(head1).not.toBeNull();
    const record = JSON.parse(git(remote, 'show', `${head1}:.mlops/retrain/weather.json`));
    expect(record.drift.drifted).toBe(true);
    // Data inside the checkout is recorded relative to it: no runner paths in git.
    expect(record.drift.current.sources.map((x: { path: string }) => x.path)).toEqual(['monitoring/latest.csv']);
    // The user's checkout is untouched: still on main, clean.
    expect(git(work, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(work, 'status', '--porcelain')).toBe('');

    // The same data again: the record would differ only in checkedAt, so nothing is pushed or written.
    const writes = emu.requests.filter((q) => q.write).length;
    const again = await drift('monitoring/latest.csv');
    expect(again.code, again.io.err).toBe(0);
    expect(again.json.retrain.operation).toBe('unchanged');
    expect(again.json.retrain.commit).toBe(head1);
    expect(again.json.retrain.message).toContain('already records these findings');
    expect(remoteBranchHead()).toBe(head1);
    expect(emu.requests.filter((q) => q.write).length).toBe(writes);
    expect(emu.state.pulls).toHaveLength(1);
    // A pull request body edited meanwhile is refreshed; the branch still gets no commit.
    emu.state.pulls[0]!.body = 'edited by hand';
    const refreshed = await drift('monitoring/latest.csv');
    expect(refreshed.json.retrain).toMatchObject({ operation: 'updated', commit: head1, pullRequest: { operation: 'updated' } });
    expect(emu.state.pulls[0]!.body).toContain('Dataset drift detected');
    expect(remoteBranchHead()).toBe(head1);

    // New findings (a window without every third row): a new commit on the branch, the PR updated.
    const latest = readFileSync(join(work, 'monitoring/latest.csv'), 'utf8');
    const rows = latest.trimEnd().split('\n');
    writeFileSync(join(work, 'monitoring/latest.csv'), `${rows.filter((_, i) => i === 0 || i % 3 !== 0).join('\n')}\n`);
    const second = await drift('monitoring/latest.csv');
    expect(second.code).toBe(0);
    expect(second.json.drifted).toBe(true);
    expect(second.json.retrain.operation).toBe('updated');
    expect(emu.state.pulls).toHaveLength(1);
    const head2 = remoteBranchHead();
    expect(head2).not.toBe(head1);
    expect(git(remote, 'rev-parse', `${head2}^`)).toBe(head1); // a new commit on top, not a rewrite
    writeFileSync(join(work, 'monitoring/latest.csv'), latest);

    const calm = await drift('data/train.csv');
    expect(calm.json.drifted).toBe(false);
    expect(calm.json.retrain.operation).toBe('skipped');
    expect(remoteBranchHead()).toBe(head2);
    expect(emu.state.pulls).toHaveLength(1);
  });

  it('survives injected 502s and a secondary rate limit with exactly one PR', async () => {
    emu.injectFault('pulls/list', 502);
    emu.injectFault('pulls/create', { status: 403, kind: 'secondary-rate-limit', retryAfter: 1 }, 502);
    const run = await drift('monitoring/latest.csv');
    expect(run.code, run.io.err).toBe(0);
    expect(emu.state.pulls).toHaveLength(1);
    expect(emu.pendingFaults()).toBe(0);
    expect(Math.max(...emu.requests.map((r) => r.concurrentWrites))).toBe(1);
  });

  it('--fail-on-drift exits 1; without GitHub the PR goes to the outbox, and a re-run pushes nothing', async () => {
    const io = memoryIo({ cwd: work, env: gitEnv });
    const code = await runCli(['drift', '--reference', 'data/train.csv', '--current', 'monitoring/latest.csv', '--open-pr', '--fail-on-drift'], io);
    expect(code).toBe(1);
    const outbox = readFileSync(join(work, '.mlops/outbox/retrain-weather.md'), 'utf8');
    expect(outbox).toContain('<!-- mlops:retrain:weather -->');
    const head = remoteBranchHead();
    expect(head).not.toBeNull();
    const again = memoryIo({ cwd: work, env: gitEnv });
    expect(await runCli(['drift', '--reference', 'data/train.csv', '--current', 'monitoring/latest.csv', '--open-pr', '--json'], again)).toBe(0);
    expect(JSON.parse(again.out).retrain).toMatchObject({ operation: 'unchanged', commit: head });
    expect(remoteBranchHead()).toBe(head);
    expect(emu.requests).toHaveLength(0);
  });
});
