import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { git, mlops, sandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

/**
 * `--fetch` (and the release action, which fetches before it registers) reads the remote's tags;
 * a remote git cannot reach or read — a mistyped name, the network, credentials a checkout did not
 * persist — is the user's to fix: exit 2 quoting git, not an internal error with a stack trace.
 */
let box: Sandbox;
beforeEach(async () => { box = await sandbox(); });
afterEach(async () => { await box.cleanup(); });

describe('fetching the registry tags', () => {
  it('registry --fetch from a remote git cannot read: exit 2 quoting git', async () => {
    const work = await box.clone('work');
    const run = await mlops(work, ['registry', 'list', '--fetch', '--remote', 'upstream', '--json']);
    expect(run.code).toBe(2);
    expect(run.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(run.err).toContain("mlops registry: (remote): could not fetch the registry tags from 'upstream': fatal: 'upstream' does not appear to be a git repository");
    expect(run.json()).toMatchObject({ error: { key: 'remote' } });
  });

  it('the release action with push: the same, and nothing is tagged', async () => {
    const work = await box.clone('work');
    await git(work, 'remote', 'set-url', 'origin', join(box.root, 'gone.git'));
    const model = await writeModel(join(box.root, 'model'), 3);
    const run = await mlops(work, ['action', 'release'], {
      GITHUB_REPOSITORY: undefined, INPUT_MODEL: 'weather', 'INPUT_MODEL-DIR': model, INPUT_STORE: 'local', INPUT_PUSH: 'true',
    });
    expect(run.code).toBe(2);
    expect(run.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(run.err).toContain("could not fetch the registry tags from 'origin'");
    expect(await tagNames(work)).toEqual([]);
  });
});
