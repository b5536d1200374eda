import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCallerWorkflow, type CallerRunResult } from '../support/action-runner/index.ts';
import { git, readmeWorkflow, setupE2e, type E2eRepo } from './helpers.ts';

// README.md's release workflow, verbatim: a push to main trains (mlops-train.yml) and registers
// (mlops-release.yml): tags in the real remote, the GitHub Release with its assets in the emulator.
let repo: E2eRepo;
beforeEach(async () => { repo = await setupE2e(); });
afterEach(async () => { await repo.close(); });

const tags = async () => (await git(repo.remote, 'tag', '-l')).split('\n').filter(Boolean).sort();

function describeRun(run: CallerRunResult): string {
  return Object.entries(run.jobs).flatMap(([caller, c]) => Object.entries(c.jobs).map(([id, j]) => `--- ${caller}/${id}: ${j.result}\n${j.stderr.slice(-3000)}\n${j.annotations.map((a) => `${a.level}: ${a.message}`).join('\n')}`)).join('\n');
}

describe('README release workflow (end to end)', () => {
  it('a push to main trains, registers weather@v0.1.0 with its release and stage; a re-run duplicates nothing', async () => {
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const yaml = readmeWorkflow('release');
    const options = (extra = {}) => repo.runOptions({ ...extra, eventName: 'push', event: { ref: 'refs/heads/main', after: sha, repository: { full_name: 'octo-org/demo' } }, sha, ref: 'refs/heads/main' });

    const first = await runCallerWorkflow(yaml, options({ keepDirs: true }));
    expect(first.jobs.train!.result, describeRun(first)).toBe('success');
    expect(first.jobs.release!.result, describeRun(first)).toBe('success');
    // needs.train.outputs.artifact-name reached the release workflow.
    expect(first.jobs.train!.outputs['artifact-name']).toBe('mlops-model');
    expect(first.jobs.release!.inputs).toMatchObject({ artifact: 'mlops-model', bump: 'minor', stage: 'staging', config: 'mlops.yaml' });
    expect(first.jobs.release!.outputs).toMatchObject({ version: 'v0.1.0', tag: 'weather@v0.1.0', operation: 'created' });
    expect(await tags()).toEqual(['weather#staging#1', 'weather@v0.1.0']);
    expect(await git(repo.remote, 'rev-parse', 'weather@v0.1.0^{commit}')).toBe(sha);
    expect(repo.emu.state.releases).toHaveLength(1);
    const release = repo.emu.state.releases[0]!;
    expect(release).toMatchObject({ tagName: 'weather@v0.1.0', draft: false });
    expect(release.assets.map((a) => a.name).sort()).toEqual(['model-card.md', 'model.tar.gz', 'profile.json', 'run.json']);
    expect(first.jobs.release!.outputs['release-url']).toContain('weather');
    const card = release.assets.find((a) => a.name === 'model-card.md')!.data.toString('utf8');
    expect(card).toContain('weather');

    // "Re-run" the release job of that workflow run (same commit, same model artifact): the
    // registration at this commit is found, nothing is written.
    const writes = repo.emu.requests.filter((r) => r.write).length;
    const rerun = await runCallerWorkflow(yaml, options({ rerun: { previous: first, jobs: ['release'] } }));
    first.cleanup();
    expect(rerun.jobs.release!.result, describeRun(rerun)).toBe('success');
    expect(rerun.jobs.release!.outputs.version).toBe('v0.1.0');
    // The workflow exposes the action's operation (docs/workflows.md cites it).
    expect(rerun.jobs.release!.outputs.operation).toBe('unchanged');
    expect(rerun.jobs.release!.jobs.release!.steps.find((s) => s.id === 'release')!.outputs.operation).toBe('unchanged');
    expect(await tags()).toEqual(['weather#staging#1', 'weather@v0.1.0']);
    expect(repo.emu.state.releases).toHaveLength(1);
    expect(repo.emu.state.releases[0]!.assets).toHaveLength(4);
    expect(repo.emu.requests.filter((r) => r.write).length).toBe(writes);

    // A new run of the whole workflow at the same commit trains a new model (different bytes):
    // that is the next version (documented: versions are models, not commits), with its own
    // release; v0.1.0 and its release stay as they were and staging moves on.
    const again = await runCallerWorkflow(yaml, options());
    expect(again.jobs.release!.result, describeRun(again)).toBe('success');
    const version = again.jobs.release!.outputs.version;
    if (version === 'v0.1.0') {
      // Bit-identical retraining (deterministic backend): then it is the same registration.
      expect(await tags()).toEqual(['weather#staging#1', 'weather@v0.1.0']);
      expect(repo.emu.state.releases).toHaveLength(1);
    } else {
      expect(version).toBe('v0.2.0');
      expect(await tags()).toEqual(['weather#staging#1', 'weather#staging#2', 'weather@v0.1.0', 'weather@v0.2.0']);
      expect(repo.emu.state.releases.map((r) => r.tagName).sort()).toEqual(['weather@v0.1.0', 'weather@v0.2.0']);
      expect(repo.emu.state.releases.every((r) => r.assets.length === 4)).toBe(true);
    }
  });

  it('refuses to run when the caller grants less than the called workflow needs', async () => {
    const yaml = readmeWorkflow('release').replace(/permissions:\n {6}contents: write/, 'permissions:\n      contents: read');
    expect(yaml).not.toBe(readmeWorkflow('release'));
    await expect(runCallerWorkflow(yaml, repo.runOptions({ eventName: 'push', event: {} })))
      .rejects.toThrow(/nested job 'release' is requesting 'contents: write', but is only allowed 'contents: read'/);
    expect(await tags()).toEqual([]);
  });
});
