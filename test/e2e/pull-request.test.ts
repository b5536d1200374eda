import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCallerWorkflow, type CallerRunResult } from '../support/action-runner/index.ts';
import type { Permissions } from '../support/action-runner/index.ts';
import { git, readmeWorkflow, registerProduction, REPO, scopedToken, setupE2e, stickyComments, type E2eRepo } from './helpers.ts';

// README.md's pull-request workflow, verbatim, run as GitHub runs it: the caller job calls
// .github/workflows/mlops-pull-request.yml, whose validate → train → evaluate jobs run the
// composite actions built from this working tree, against a real git remote and the emulator.
let repo: E2eRepo;
beforeEach(async () => { repo = await setupE2e(); });
afterEach(async () => { await repo.close(); });

function pullRequestEvent(number: number, headSha: string, baseSha: string, headRepo = REPO) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      head: { ref: 'feature', sha: headSha, repo: { full_name: headRepo } },
      base: { ref: 'main', sha: baseSha, repo: { full_name: REPO } },
    },
    repository: { full_name: REPO, name: 'demo', owner: { login: 'octo-org' } },
  };
}

/** The training data with some rows left out (another "data change" on the branch). */
function trainWithout(every: number): string {
  const lines = readFileSync(join(repo.work, 'data', 'train.csv'), 'utf8').trimEnd().split('\n');
  return `${lines.filter((_, i) => i === 0 || i % every !== 0).join('\n')}\n`;
}

/** Data rows of the branch's training data now. */
const dataRows = () => readFileSync(join(repo.work, 'data', 'train.csv'), 'utf8').trimEnd().split('\n').length - 1;

function describeRun(run: CallerRunResult): string {
  return Object.entries(run.jobs.mlops?.jobs ?? {}).map(([id, j]) => `--- ${id}: ${j.result}\n${j.stderr.slice(-3000)}\n${j.annotations.map((a) => `${a.level}: ${a.message}`).join('\n')}`).join('\n');
}

describe('README pull-request workflow (end to end)', () => {
  it('first model: validates, trains, evaluates; two runs leave one comment per kind, updated in place', async () => {
    const baseSha = await git(repo.work, 'rev-parse', 'HEAD');
    await git(repo.work, 'checkout', '-q', '-b', 'feature');
    const head1 = await repo.commit({ 'data/train.csv': trainWithout(7) }, 'drop some rows');
    const pr = repo.emu.addPullRequest(REPO, { head: 'feature', base: 'main', title: 'More data' });
    const yaml = readmeWorkflow('pull-request');

    const first = await runCallerWorkflow(yaml, repo.runOptions({ eventName: 'pull_request', event: pullRequestEvent(pr.number, head1, baseSha), sha: head1, ref: `refs/pull/${pr.number}/merge` }));
    const jobs = first.jobs.mlops!.jobs;
    expect(Object.keys(jobs)).toEqual(['validate', 'train', 'fork-guard', 'evaluate', 'evaluation-outdated']);
    // Training ran, so the fork guard has nothing to explain, and the evaluation is of this head.
    expect(jobs['fork-guard']!.result).toBe('skipped');
    expect(jobs['evaluation-outdated']!.result).toBe('skipped');
    expect(jobs.validate!.result, describeRun(first)).toBe('success');
    expect(jobs.train!.result, describeRun(first)).toBe('success');
    expect(jobs.train!.runsOn).toEqual(['ubuntu-latest']);
    // The base branch's schema was found and handed to validate.
    const baseStep = jobs.validate!.steps.find((s) => s.id === 'base')!;
    expect(baseStep.outcome).toBe('success');
    expect(baseStep.outputs.path).toMatch(/mlops-base-schema\/schema\.yaml$/);
    // The evaluate job's result is the gate verdict: it fails exactly when a gate fails.
    const passed = jobs.evaluate!.outputs.passed;
    expect(['true', 'false'], describeRun(first)).toContain(passed);
    expect(jobs.evaluate!.result, describeRun(first)).toBe(passed === 'true' ? 'success' : 'failure');
    expect(first.jobs.mlops!.outputs.passed).toBe(passed);
    expect(first.jobs.mlops!.outputs['artifact-name']).toBe('mlops-model');

    const evaluate1 = stickyComments(repo.emu, pr.number, 'evaluate');
    expect(evaluate1).toHaveLength(1);
    expect(evaluate1[0]!.body).toContain('<!-- mlops:evaluate:weather -->');
    expect(first.jobs.mlops!.outputs['comment-url']).toContain(String(evaluate1[0]!.id));
    // actions/validate posts its own sticky comment (the report with the schema diff).
    const validate1 = stickyComments(repo.emu, pr.number, 'validate');
    expect(validate1).toHaveLength(1);
    expect(validate1[0]!.body).toContain('<!-- mlops:validate:data/train.csv -->');
    expect(validate1[0]!.body).toContain(`**Valid**: ${dataRows()} rows`);
    // The base branch's schema reached validate: the comment has the schema diff section.
    expect(validate1[0]!.body).toMatch(/Schema changes against the base branch\s+No changes/);

    // Another push to the branch with other data: the same comments are updated, none added.
    const head2 = await repo.commit({ 'data/train.csv': trainWithout(5) }, 'drop more rows');
    const second = await runCallerWorkflow(yaml, repo.runOptions({ keepDirs: true, eventName: 'pull_request', event: pullRequestEvent(pr.number, head2, baseSha), sha: head2, ref: `refs/pull/${pr.number}/merge` }));
    const markdownPath = second.jobs.mlops!.jobs.evaluate!.steps.find((s) => s.id === 'evaluate')!.outputs.markdown!;
    const markdown2 = readFileSync(markdownPath, 'utf8');
    second.cleanup();
    expect(second.jobs.mlops!.jobs.train!.result, describeRun(second)).toBe('success');
    const evaluate2 = stickyComments(repo.emu, pr.number, 'evaluate');
    expect(evaluate2.map((c) => c.id)).toEqual([evaluate1[0]!.id]);
    // The comment now shows the second run's report (whether or not its numbers moved).
    expect(evaluate2[0]!.body.replace(/^<!--.*-->\n/, '').trim()).toBe(markdown2.replace(/^<!--.*-->\n/, '').trim());
    const validate2 = stickyComments(repo.emu, pr.number, 'validate');
    expect(validate2.map((c) => c.id)).toEqual([validate1[0]!.id]);
    expect(validate2[0]!.body).toContain(`**Valid**: ${dataRows()} rows`); // the second run's data
    expect(repo.emu.state.comments.filter((c) => c.issueNumber === pr.number)).toHaveLength(2);
    expect(repo.emu.requestsFor('issues/create-comment')).toHaveLength(2);

    // The drift check's path: the caller dispatched on the branch with `pr` (GITHUB_TOKEN PRs start
    // no workflows). The comment still lands on that PR, in place.
    const dispatched = await runCallerWorkflow(yaml, repo.runOptions({ eventName: 'workflow_dispatch', event: { inputs: { pr: String(pr.number) }, ref: 'refs/heads/feature', repository: { full_name: REPO } }, sha: head2, ref: 'refs/heads/feature' }));
    const djobs = dispatched.jobs.mlops!.jobs;
    expect(djobs.validate!.steps.find((s) => s.id === 'base')!.outcome).toBe('skipped');
    expect(djobs.train!.result, describeRun(dispatched)).toBe('success');
    expect(['true', 'false']).toContain(djobs.evaluate!.outputs.passed);
    expect(dispatched.jobs.mlops!.outputs['comment-url']).toContain(String(evaluate1[0]!.id));
    expect(stickyComments(repo.emu, pr.number, 'evaluate').map((c) => c.id)).toEqual([evaluate1[0]!.id]);
    expect(stickyComments(repo.emu, pr.number, 'validate').map((c) => c.id)).toEqual([validate1[0]!.id]);
    expect(repo.emu.requestsFor('issues/create-comment')).toHaveLength(2);

    // A push whose data fails validation is not trained or evaluated: the evaluation comment, still
    // the earlier commit's verdict, says so above its report (the same comment, no new one).
    const broken = `${readFileSync(join(repo.work, 'data', 'train.csv'), 'utf8')}not-a-date,winter,x,1,1,1,rain\n`;
    const head3 = await repo.commit({ 'data/train.csv': broken }, 'a bad row');
    const third = await runCallerWorkflow(yaml, repo.runOptions({ eventName: 'pull_request', event: pullRequestEvent(pr.number, head3, baseSha), sha: head3, ref: `refs/pull/${pr.number}/merge` }));
    const tjobs = third.jobs.mlops!.jobs;
    expect(tjobs.validate!.result, describeRun(third)).toBe('failure');
    expect([tjobs.train!.result, tjobs.evaluate!.result]).toEqual(['skipped', 'skipped']);
    expect(tjobs['evaluation-outdated']!.result, describeRun(third)).toBe('success');
    const evaluate3 = stickyComments(repo.emu, pr.number, 'evaluate');
    expect(evaluate3.map((c) => c.id)).toEqual([evaluate1[0]!.id]);
    expect(evaluate3[0]!.body).toContain(`> **Not evaluated at \`${head3.slice(0, 7)}\`:** validation failed (see the validation comment).`);
    expect(evaluate3[0]!.body).toContain(markdown2.replace(/^<!--.*-->\n/, '').trim().split('\n')[0]);
    expect(repo.emu.requestsFor('issues/create-comment')).toHaveLength(2);
  });

  it('evaluates against weather#production pulled from the release store', async () => {
    await registerProduction(repo);
    const baseSha = await git(repo.work, 'rev-parse', 'HEAD');
    await git(repo.work, 'checkout', '-q', '-b', 'feature');
    const head = await repo.commit({ 'data/train.csv': trainWithout(7) }, 'drop some rows');
    const pr = repo.emu.addPullRequest(REPO, { head: 'feature', base: 'main', title: 'More data' });
    const run = await runCallerWorkflow(readmeWorkflow('pull-request'), repo.runOptions({ eventName: 'pull_request', event: pullRequestEvent(pr.number, head, baseSha), sha: head }));
    const evaluate = run.jobs.mlops!.jobs.evaluate!;
    expect(['true', 'false'], describeRun(run)).toContain(evaluate.outputs.passed);
    expect(evaluate.result).toBe(evaluate.outputs.passed === 'true' ? 'success' : 'failure');
    expect(evaluate.stdout + evaluate.stderr).toContain('baseline: weather#production');
    const comments = stickyComments(repo.emu, pr.number, 'evaluate');
    expect(comments).toHaveLength(1);
    // The report names the baseline and the commit it was trained at (main's, where it was registered).
    expect(comments[0]!.body).toContain(`Baseline \`weather#production\`, commit ${baseSha.slice(0, 7)}`);
  });

  it('never trains a fork pull request on a runner that may be self-hosted, and says why', async () => {
    const baseSha = await git(repo.work, 'rev-parse', 'HEAD');
    await git(repo.work, 'checkout', '-q', '-b', 'feature');
    const head = await repo.commit({ 'data/train.csv': trainWithout(7) }, 'fork change');
    const pr = repo.emu.addPullRequest(REPO, { head: 'feature', base: 'main', login: 'someone-else' });
    // A runner group names no `self-hosted` label, and is still your machine.
    const yaml = readmeWorkflow('pull-request').replace(/train-runs-on: '\["ubuntu-latest"\]'/, `train-runs-on: '{"group": "gpu-runners"}'`);
    expect(yaml).toContain('gpu-runners');
    const run = await runCallerWorkflow(yaml, repo.runOptions({ eventName: 'pull_request', event: pullRequestEvent(pr.number, head, baseSha, 'someone-else/demo'), sha: head }));
    const jobs = run.jobs.mlops!.jobs;
    expect(jobs.validate!.result, describeRun(run)).toBe('success');
    expect(jobs.train!.result).toBe('skipped');
    expect(jobs.evaluate!.result).toBe('skipped');
    expect(jobs.train!.steps).toHaveLength(0);
    // A skipped job shows no reason: the fork-guard job gives it.
    expect(jobs['fork-guard']!.result).toBe('success');
    expect(jobs['fork-guard']!.annotations.map((a) => a.title)).toEqual(['Training skipped (fork pull request)']);
    expect(run.success).toBe(true);
  });

  it('a fork pull request (read-only GITHUB_TOKEN) still validates, trains and evaluates; the comments are skipped with warnings', async () => {
    const baseSha = await git(repo.work, 'rev-parse', 'HEAD');
    await git(repo.work, 'checkout', '-q', '-b', 'feature');
    const head = await repo.commit({ 'data/train.csv': trainWithout(7) }, 'fork change');
    const pr = repo.emu.addPullRequest(REPO, { head: 'feature', base: 'main', login: 'someone-else' });
    // GitHub gives a fork's pull_request runs a read-only GITHUB_TOKEN whatever `permissions:` asks for.
    const readOnly = (permissions: Permissions) => scopedToken(Object.fromEntries(Object.entries(permissions).map(([k, v]) => [k, v === 'write' ? 'read' : v])) as Permissions);
    const run = await runCallerWorkflow(readmeWorkflow('pull-request'), repo.runOptions({
      eventName: 'pull_request', event: pullRequestEvent(pr.number, head, baseSha, 'someone-else/demo'), sha: head, ref: `refs/pull/${pr.number}/merge`, tokenFor: readOnly,
    }));
    const jobs = run.jobs.mlops!.jobs;
    expect(jobs.validate!.result, describeRun(run)).toBe('success');
    expect(jobs.validate!.outputs.valid).toBe('true');
    expect(jobs.train!.result, describeRun(run)).toBe('success');
    // The evaluate job's result is the gate verdict, as on a same-repository pull request.
    const passed = jobs.evaluate!.outputs.passed;
    expect(['true', 'false'], describeRun(run)).toContain(passed);
    expect(jobs.evaluate!.result).toBe(passed === 'true' ? 'success' : 'failure');
    for (const [job, kind] of [['validate', 'validate'], ['evaluate', 'evaluate']] as const) {
      const warnings = jobs[job]!.annotations.filter((a) => a.level === 'warning' && a.title === 'Pull-request comment skipped');
      expect(warnings.map((a) => a.message), job).toEqual([expect.stringMatching(new RegExp(`^The ${kind} comment was not posted: this pull request comes from the fork someone-else/demo, and GitHub gives workflows run for fork pull requests a read-only GITHUB_TOKEN`))]);
      expect(jobs[job]!.annotations.filter((a) => a.level === 'error' && /comment|internal error/i.test(a.message)), job).toEqual([]);
    }
    expect(jobs.validate!.summary).toContain('**Valid**');
    expect(repo.emu.state.comments).toEqual([]);
    expect(repo.emu.requestsFor('issues/create-comment').map((r) => r.status)).toEqual([403, 403]);
    expect(run.jobs.mlops!.outputs['comment-url']).toBe('');
  });

  it('comment: false turns both comments off', async () => {
    const baseSha = await git(repo.work, 'rev-parse', 'HEAD');
    await git(repo.work, 'checkout', '-q', '-b', 'feature');
    const head = await repo.commit({ 'data/train.csv': trainWithout(7) }, 'drop some rows');
    const pr = repo.emu.addPullRequest(REPO, { head: 'feature', base: 'main' });
    const yaml = readmeWorkflow('pull-request').replace(/(\n\s+)schema: schema\.yaml/, '$1schema: schema.yaml$1comment: false');
    expect(yaml).toContain('comment: false');
    const run = await runCallerWorkflow(yaml, repo.runOptions({ eventName: 'pull_request', event: pullRequestEvent(pr.number, head, baseSha), sha: head }));
    const jobs = run.jobs.mlops!.jobs;
    expect(jobs.validate!.result, describeRun(run)).toBe('success');
    expect(['true', 'false'], describeRun(run)).toContain(jobs.evaluate!.outputs.passed);
    expect(repo.emu.requests.filter((r) => r.path.includes('/comments') || r.operationId === 'users/get-authenticated')).toEqual([]);
    expect(repo.emu.state.comments).toEqual([]);
  });
});
