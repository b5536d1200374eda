import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCallerWorkflow, type CallerRunResult } from '../support/action-runner/index.ts';
import { EMULATOR_TOKENS } from '../support/github-emulator/index.ts';
import { git, readmeWorkflow, registerProduction, remoteRef, REPO, setupE2e, type E2eRepo } from './helpers.ts';

// README.md's scheduled drift workflow, verbatim: the production model's training profile
// (pulled from its GitHub Release) against monitoring/latest.csv; one retraining PR, left alone
// when a later run finds the same drift.
const BRANCH = 'refs/heads/mlops/retrain/weather';
const shared = mkdtempSync(join(tmpdir(), 'mlops-e2e-drift-model-'));
let trained: string | undefined;
let repo: E2eRepo | undefined;
afterEach(async () => { await repo?.close(); repo = undefined; });
afterAll(() => rmSync(shared, { recursive: true, force: true }));

/** A repository with weather#production registered (the model is trained once per file). */
async function productionRepo(emulatorOptions = {}): Promise<E2eRepo> {
  repo = await setupE2e(emulatorOptions);
  const model = await registerProduction(repo, trained);
  if (!trained) {
    trained = join(shared, 'model');
    cpSync(model, trained, { recursive: true });
  }
  return repo;
}

const scheduleEvent = { schedule: '17 6 * * 1-5', repository: { full_name: REPO } };

async function runDrift(r: E2eRepo, secrets: Record<string, string> = {}): Promise<CallerRunResult> {
  const sha = await git(r.work, 'rev-parse', 'origin/main');
  return runCallerWorkflow(readmeWorkflow('drift'), r.runOptions({ eventName: 'schedule', event: scheduleEvent, sha, ref: 'refs/heads/main', secrets }));
}

function driftJob(run: CallerRunResult) {
  const job = run.jobs.drift!.jobs.drift!;
  const context = `${job.result}\n${job.stderr.slice(-3000)}\n${job.annotations.map((a) => `${a.level}: ${a.message}`).join('\n')}`;
  return { job, context };
}

describe('README drift workflow (end to end)', () => {
  it('with a PAT: opens one PR, pushes nothing when the next run finds the same drift, leaves it alone without drift', async () => {
    const r = await productionRepo();
    const pat = { MLOPS_TOKEN: EMULATOR_TOKENS.pat };

    const first = await runDrift(r, pat);
    const { job, context } = driftJob(first);
    expect(job.result, context).toBe('success');
    expect(first.jobs.drift!.outputs).toMatchObject({ drifted: 'true', operation: 'created' });
    expect(r.emu.state.pulls).toHaveLength(1);
    const pull = r.emu.state.pulls[0]!;
    expect(pull).toMatchObject({ head: 'mlops/retrain/weather', base: 'main', state: 'open' });
    expect(pull.user.login).toBe('mlops-user'); // opened with the PAT: it starts pull-request workflows
    expect(first.jobs.drift!.outputs['pr-url']).toContain(`/pull/${pull.number}`);
    const head1 = remoteRef(r.remote, BRANCH);
    expect(head1).not.toBeNull();
    // With a PAT no dispatch is needed.
    expect(r.emu.state.dispatches).toHaveLength(0);

    // Same data, same findings: the branch gets no commit (only checkedAt would differ), no PR write.
    const firstWrites = r.emu.requests.filter((q) => q.write).length;
    const second = await runDrift(r, pat);
    expect(driftJob(second).job.result, driftJob(second).context).toBe('success');
    expect(second.jobs.drift!.outputs.operation).toBe('unchanged');
    expect(r.emu.state.pulls).toHaveLength(1);
    const head2 = remoteRef(r.remote, BRANCH);
    expect(head2).toBe(head1);
    expect(r.emu.requests.filter((q) => q.write).length).toBe(firstWrites);

    // Monitoring data that looks like the training data: no drift, the PR and branch stay as they are.
    await git(r.work, 'checkout', '-q', 'main');
    const train = readFileSync(join(r.work, 'data', 'train.csv'), 'utf8').trimEnd().split('\n');
    const calm = `${train.filter((_, i) => i === 0 || i % 4 === 1).join('\n')}\n`;
    await r.commit({ 'monitoring/latest.csv': calm }, 'calm monitoring window');
    const writes = r.emu.requests.filter((q) => q.write).length;
    const third = await runDrift(r, pat);
    expect(driftJob(third).job.result, driftJob(third).context).toBe('success');
    expect(third.jobs.drift!.outputs).toMatchObject({ drifted: 'false', operation: 'skipped' });
    expect(remoteRef(r.remote, BRANCH)).toBe(head2);
    expect(r.emu.state.pulls).toHaveLength(1);
    expect(r.emu.requests.filter((q) => q.write).length).toBe(writes);

    // A window of a few rows: nothing can be judged. Still no PR, but a warning, not a silent pass.
    await r.commit({ 'monitoring/latest.csv': `${train.slice(0, 6).join('\n')}\n` }, 'a nearly empty monitoring window');
    const fourth = await runDrift(r, pat);
    const tiny = driftJob(fourth);
    expect(tiny.job.result, tiny.context).toBe('success');
    expect(fourth.jobs.drift!.outputs).toMatchObject({ drifted: 'false', operation: 'skipped' });
    expect(tiny.job.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContainEqual(expect.stringMatching(/^insufficient data: none of \d+ features could be compared \(fewer than 30 values on a side\)/));
    expect(r.emu.state.pulls).toHaveLength(1);
  });

  it('with GITHUB_TOKEN and "Allow GitHub Actions to create pull requests": opens the PR and dispatches the PR workflow on it', async () => {
    const r = await productionRepo({ allowActionsToCreatePullRequests: true });
    const run = await runDrift(r);
    const { job, context } = driftJob(run);
    expect(job.result, context).toBe('success');
    expect(r.emu.state.pulls).toHaveLength(1);
    const pull = r.emu.state.pulls[0]!;
    expect(pull.user.login).toBe('github-actions[bot]');
    // GITHUB_TOKEN pull requests start no workflows: the README's dispatch-workflow runs the PR check.
    expect(r.emu.state.dispatches).toHaveLength(1);
    const dispatch = r.emu.state.dispatches[0]!;
    expect(dispatch.workflow).toBe('mlops-pull-request.yml');
    expect(dispatch.ref.replace(/^refs\/heads\//, '')).toBe('mlops/retrain/weather');
    expect(String(dispatch.inputs.pr)).toBe(String(pull.number));
  });

  it('with GITHUB_TOKEN and the setting off: the job fails naming the setting, no PR; once it is on, the next run opens the PR and dispatches', async () => {
    const r = await productionRepo();
    const run = await runDrift(r);
    const { job } = driftJob(run);
    expect(job.result).toBe('failure');
    expect(`${job.stderr}\n${job.stdout}\n${job.annotations.map((a) => a.message).join('\n')}`).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    expect(r.emu.state.pulls).toHaveLength(0);
    const pushed = remoteRef(r.remote, BRANCH);
    expect(pushed).not.toBeNull();

    // The branch already records these findings, so nothing is pushed: the new pull request still
    // needs its dispatched run, or it would never be validated, trained and evaluated.
    r.emu.allowActionsToCreatePullRequests = true;
    const again = await runDrift(r);
    const second = driftJob(again);
    expect(second.job.result, second.context).toBe('success');
    expect(again.jobs.drift!.outputs.operation).toBe('created');
    expect(remoteRef(r.remote, BRANCH)).toBe(pushed);
    expect(r.emu.state.pulls).toHaveLength(1);
    expect(r.emu.state.dispatches.map((d) => d.inputs.pr)).toEqual([String(r.emu.state.pulls[0]!.number)]);
  });
});
