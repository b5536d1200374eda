import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git, mlops, sandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

/**
 * docs/actions.md: an action step can be reproduced in a terminal with INPUT_<NAME> variables.
 * `mlops action release` with `store: local` needs no GitHub at all, yet it failed with "the
 * repository is unknown: GITHUB_REPOSITORY is not set (outside GitHub Actions pass --repo
 * owner/name)" — a flag `mlops action` does not have.
 */
let box: Sandbox;
beforeEach(async () => { box = await sandbox(); });
afterEach(async () => { await box.cleanup(); });

describe('mlops action release in a terminal', () => {
  it('store local, no push: registers in the local repository without GITHUB_REPOSITORY', async () => {
    const work = await box.clone('work');
    const model = await writeModel(join(box.root, 'model'), 3);
    const run = await mlops(work, ['action', 'release'], {
      GITHUB_REPOSITORY: undefined, INPUT_MODEL: 'weather', 'INPUT_MODEL-DIR': model, INPUT_STORE: 'local', INPUT_PUSH: 'false', INPUT_VERSION: 'v1.0.0',
    });
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain('output tag=weather@v1.0.0');
    expect(await git(work, 'tag', '-l')).toContain('weather@v1.0.0');
    expect(await tagNames(box.remote)).toEqual([]);
  });

  it('store github still needs the repository, and says which variable to set', async () => {
    const work = await box.clone('work2');
    const model = await writeModel(join(box.root, 'model2'), 4);
    const run = await mlops(work, ['action', 'release'], {
      GITHUB_REPOSITORY: undefined, INPUT_MODEL: 'weather', 'INPUT_MODEL-DIR': model, INPUT_TOKEN: 'ghp_x', INPUT_VERSION: 'v1.0.0',
    });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/GITHUB_REPOSITORY/);
    expect(run.err).not.toMatch(/--repo/);
  });
});
