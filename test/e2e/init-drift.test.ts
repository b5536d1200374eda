import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCallerWorkflow } from '../support/action-runner/index.ts';
import { git, REPO, setupE2e, type E2eRepo } from './helpers.ts';

// `mlops init` writes the scheduled drift workflow but leaves drift.current commented out (it
// cannot know where production data lands). That workflow must not fail every run meanwhile.
let repo: E2eRepo | undefined;
afterEach(async () => { await repo?.close(); repo = undefined; });

describe('the drift workflow mlops init writes', () => {
  it('passes with a notice, and opens nothing, until drift.current is set', async () => {
    const r = await setupE2e();
    repo = r;
    const init = await r.mlops(r.work, ['init', 'data/train.csv', '--label', 'weather', '--test', 'data/golden.csv', '--force']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('set drift.current in mlops.yaml');
    const files = ['mlops.yaml', 'schema.yaml', '.github/workflows/mlops-drift.yml'];
    const written = Object.fromEntries(files.map((f) => [f, readFileSync(join(r.work, f), 'utf8')]));
    expect(written['mlops.yaml']).toMatch(/^# drift:/m);
    await r.commit(written, 'mlops init');
    const sha = await git(r.work, 'rev-parse', 'HEAD');

    const run = await runCallerWorkflow(written['.github/workflows/mlops-drift.yml']!, r.runOptions({
      eventName: 'schedule', event: { schedule: '17 6 * * 1-5', repository: { full_name: REPO } }, sha, ref: 'refs/heads/main',
    }));
    const job = run.jobs.drift!.jobs.drift!;
    const annotations = job.annotations.map((a) => `${a.level}: ${a.message}`);
    expect(job.result, `${job.stderr.slice(-2000)}\n${annotations.join('\n')}`).toBe('success');
    expect(run.jobs.drift!.outputs).toMatchObject({ drifted: 'false', operation: 'skipped', 'pr-url': '' });
    expect(annotations).toContainEqual(expect.stringMatching(/^notice: drift check skipped: mlops\.yaml has no drift\.current/));
    expect(annotations.filter((a) => a.startsWith('error'))).toEqual([]);
    expect(r.emu.state.pulls).toHaveLength(0);
  });
});
