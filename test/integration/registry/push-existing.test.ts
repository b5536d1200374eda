import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, mlops, useSandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

/**
 * README: tags stay local "until you add `--push`". A promote or deprecate that already happened
 * locally is `unchanged` the second time — it used to push nothing then, so `--push` never put
 * the stage or deprecation on the remote (register did push its existing tag). Real git, local
 * bare remote.
 */
let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

const objectOf = async (cwd: string, tag: string) => (await git(cwd, 'rev-parse', `refs/tags/${tag}`)).trim();

async function registerPushed(seed: number): Promise<void> {
  const model = await writeModel(join(box.root, `model${seed}`), seed);
  const r = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--push']);
  expect(r.code, r.err).toBe(0);
}

describe('--push after the same write was done locally', () => {
  it('promote: unchanged locally, the existing assignment tag is pushed (the very object)', async () => {
    await registerPushed(1);
    expect((await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production'])).code).toBe(0);
    expect(await tagNames(box.remote)).toEqual(['weather@v0.1.0']);

    const again = await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production', '--push', '--json']);
    expect(again.code, again.err).toBe(0);
    expect(again.json()).toMatchObject({ operation: 'unchanged', version: 'v0.1.0', stage: 'production', tag: 'weather#production#1', pushed: true });
    expect(await tagNames(repo)).toEqual(['weather#production#1', 'weather@v0.1.0']);
    expect(await tagNames(box.remote)).toEqual(['weather#production#1', 'weather@v0.1.0']);
    expect(await objectOf(box.remote, 'weather#production#1')).toBe(await objectOf(repo, 'weather#production#1'));

    // Another clone now sees the stage.
    const other = await box.clone('other');
    await git(other, 'fetch', '-q', '--tags');
    expect((await mlops(other, ['registry', 'show', 'weather', '--json'])).json()).toMatchObject({ stages: { production: 'v0.1.0' } });
    // Without --push it stays a pure no-op.
    expect((await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production', '--json'])).json())
      .toMatchObject({ operation: 'unchanged', tag: null, pushed: false });
    // The human line says which tag the remote holds when --push sent one, and nothing more without it.
    const human = await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production', '--push']);
    expect(`${human.out}${human.err}`).toContain("weather#production already holds v0.1.0: unchanged (tag 'weather#production#1' on origin)");
    const quiet = await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production']);
    expect(`${quiet.out}${quiet.err}`).toContain('weather#production already holds v0.1.0: unchanged\n');
  });

  it('promote: the tag pushed is the assignment that makes the stage hold the version (its latest)', async () => {
    await registerPushed(1);
    await registerPushed(2);
    for (const v of ['v0.1.0', 'v0.1.1', 'v0.1.0']) {
      expect((await mlops(repo, ['registry', 'promote', 'weather', v, '--stage', 'staging'])).code).toBe(0);
    }
    const again = await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'staging', '--push', '--json']);
    expect(again.json()).toMatchObject({ operation: 'unchanged', tag: 'weather#staging#3', pushed: true });
    expect(await tagNames(box.remote)).toEqual(['weather#staging#3', 'weather@v0.1.0', 'weather@v0.1.1']);
  });

  it('deprecate <version> and deprecate <model>: unchanged locally, the existing tag is pushed', async () => {
    await registerPushed(1);
    await registerPushed(2);
    expect((await mlops(repo, ['registry', 'deprecate', 'weather', 'v0.1.0'])).code).toBe(0);
    const dereg = await mlops(repo, ['registry', 'deprecate', 'weather', 'v0.1.0', '--push', '--json']);
    expect(dereg.code, dereg.err).toBe(0);
    expect(dereg.json()).toMatchObject({ operation: 'unchanged', version: 'v0.1.0', tag: 'weather@v0.1.0!', pushed: true });
    expect(await tagNames(box.remote)).toContain('weather@v0.1.0!');

    expect((await mlops(repo, ['registry', 'deprecate', 'weather'])).code).toBe(0);
    const model = await mlops(repo, ['registry', 'deprecate', 'weather', '--push', '--json']);
    expect(model.code, model.err).toBe(0);
    expect(model.json()).toMatchObject({ operation: 'unchanged', version: null, tag: 'weather@deprecated', pushed: true });
    expect(await tagNames(box.remote)).toEqual(['weather@deprecated', 'weather@v0.1.0', 'weather@v0.1.0!', 'weather@v0.1.1']);
    expect(await objectOf(box.remote, 'weather@deprecated')).toBe(await objectOf(repo, 'weather@deprecated'));
  });

  it('a remote holding a different tag of that name refuses it: exit 2, nothing overwritten, the local tag kept', async () => {
    await registerPushed(1);
    expect((await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production'])).code).toBe(0);
    const mine = await objectOf(repo, 'weather#production#1');
    // Another clone wrote and pushed a tag of the same name first (a concurrent writer).
    const other = await box.clone('other');
    await git(other, 'tag', '-a', '-m', 'someone else', 'weather#production#1', 'HEAD');
    await git(other, 'push', '-q', 'origin', 'refs/tags/weather#production#1');
    const theirs = await objectOf(box.remote, 'weather#production#1');

    const r = await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production', '--push']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/remote 'origin' already has a different tag 'weather#production#1'.*git fetch --tags --force origin/);
    expect(await objectOf(box.remote, 'weather#production#1')).toBe(theirs);
    expect(await objectOf(repo, 'weather#production#1')).toBe(mine);
  });
});

describe('mlops action release (store local): a re-run with push after a run without it', () => {
  it('pushes the registration and the stage assignment that the first run left local', async () => {
    const model = await writeModel(join(box.root, 'model'), 3);
    const inputs = { GITHUB_REPOSITORY: undefined, INPUT_MODEL: 'weather', 'INPUT_MODEL-DIR': model, INPUT_STORE: 'local', INPUT_STAGE: 'production' };
    const first = await mlops(repo, ['action', 'release'], { ...inputs, INPUT_PUSH: 'false' });
    expect(first.code, first.err).toBe(0);
    expect(await tagNames(box.remote)).toEqual([]);

    const rerun = await mlops(repo, ['action', 'release'], { ...inputs, INPUT_PUSH: 'true' });
    expect(rerun.code, rerun.err).toBe(0);
    expect(rerun.err).toContain('output operation=unchanged');
    expect(rerun.err).toContain('production: already v0.1.0 (tag weather#production#1 on origin)');
    expect(await tagNames(repo)).toEqual(['weather#production#1', 'weather@v0.1.0']);
    expect(await tagNames(box.remote)).toEqual(['weather#production#1', 'weather@v0.1.0']);
  });
});
