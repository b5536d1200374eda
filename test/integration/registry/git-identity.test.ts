import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { mlops, sandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

/**
 * An annotated tag names its tagger. A machine whose git has no identity (a CI runner, a fresh
 * container) cannot write one: register, promote and deprecate say how to give git one (exit 2)
 * rather than crash with git's message inside an internal error's stack trace.
 */
let box: Sandbox;
beforeEach(async () => { box = await sandbox(); });
afterEach(async () => { await box.cleanup(); });

describe('registry writes without a git identity', () => {
  it('exit 2 saying how to set one; no tag is written', async () => {
    const work = await box.clone('work');
    const model = await writeModel(join(box.root, 'm1'), 1);
    const home = join(box.root, 'home');
    await mkdir(home);
    const noIdentity = {
      GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, EMAIL: undefined, HOME: home,
      // git would otherwise guess user@host where the host name has a domain.
      GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true',
    };
    const run = await mlops(work, ['registry', 'register', 'weather', '--model', model, '--json'], noIdentity);
    expect(run.code).toBe(2);
    expect(run.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(run.err).toContain("git has no identity to write tag 'weather@v0.1.0' with");
    expect(run.err).toContain('GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL');
    expect(run.json()).toMatchObject({ error: { key: 'weather@v0.1.0' } });
    expect(await tagNames(work)).toEqual([]);

    // With an identity the same command works.
    expect((await mlops(work, ['registry', 'register', 'weather', '--model', model])).code).toBe(0);
    const promote = await mlops(work, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production'], noIdentity);
    expect(promote.code).toBe(2);
    expect(promote.err).toContain("git has no identity to write tag 'weather#production#1' with");
  });
});
