import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, mlops, useSandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

/** `refs/tags` with their objects: any new or moved tag changes it. */
const tagRefs = (cwd: string) => git(cwd, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags');

describe('mlops registry register: re-running is idempotent (DESIGN §1.4), real git with a local bare remote', () => {
  it('the same model directory at the same commit, registered twice without flags, is unchanged the second time: no new tag', async () => {
    const model = await writeModel(join(box.root, 'model'), 1);
    const first = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--json']);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ operation: 'created', version: 'v0.1.0', tag: 'weather@v0.1.0' });
    const before = await tagRefs(repo);

    const again = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--json']);
    expect(again.code).toBe(0);
    const head = (await git(repo, 'rev-parse', 'HEAD')).trim();
    expect(again.json()).toMatchObject({
      operation: 'unchanged', name: 'weather', version: 'v0.1.0', tag: 'weather@v0.1.0', commit: head,
      modelSha256: (first.json() as { modelSha256: string }).modelSha256, pushed: false,
    });
    // A bump asks for a new number only when there is something new to register.
    const bumped = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--bump', 'minor']);
    expect(bumped.code).toBe(0);
    expect(bumped.out).toMatch(/^weather v0\.1\.0 is already registered with this model at [0-9a-f]{12}: unchanged \(tag 'weather@v0\.1\.0'\)\n/);
    expect(await tagRefs(repo)).toBe(before);
    expect(await tagNames(repo)).toEqual(['weather@v0.1.0']);
    const show = (await mlops(repo, ['registry', 'show', 'weather', '--json'])).json() as { versions: unknown[] };
    expect(show.versions).toHaveLength(1);

    // Another model at the same commit is a new version (e.g. retrained on data not in git).
    const other = await writeModel(join(box.root, 'other'), 2);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', other, '--json'])).json()).toMatchObject({ operation: 'created', version: 'v0.1.1' });
    // And the first model is still found among older versions: unchanged, reported as v0.1.0.
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--json'])).json()).toMatchObject({ operation: 'unchanged', version: 'v0.1.0' });
    expect(await tagNames(repo)).toEqual(['weather@v0.1.0', 'weather@v0.1.1']);
  });

  it('--push on a re-run puts the existing tag on the remote and reports unchanged', async () => {
    const model = await writeModel(join(box.root, 'model'), 1);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', model])).code).toBe(0);
    expect(await tagNames(box.remote)).toEqual([]);

    const pushed = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--push', '--json']);
    expect(pushed.code).toBe(0);
    expect(pushed.json()).toMatchObject({ operation: 'unchanged', version: 'v0.1.0', pushed: true });
    expect(pushed.err).toMatch(/unchanged \(tag 'weather@v0\.1\.0', on origin\)/);
    expect(await tagNames(box.remote)).toEqual(['weather@v0.1.0']);
    // The remote holds the very tag object created the first time, not a new one.
    expect(await git(box.remote, 'rev-parse', 'weather@v0.1.0')).toBe(await git(repo, 'rev-parse', 'weather@v0.1.0'));

    // A fresh clone (a CI re-run) sees the pushed tag and does not register again.
    const clone = await box.clone('rerun');
    const rerun = await mlops(clone, ['registry', 'register', 'weather', '--model', model, '--push', '--json']);
    expect(rerun.code).toBe(0);
    expect(rerun.json()).toMatchObject({ operation: 'unchanged', version: 'v0.1.0', pushed: true });
    expect(await tagNames(box.remote)).toEqual(['weather@v0.1.0']);
  });

  it('a new commit registers the same model again as a new version', async () => {
    const model = await writeModel(join(box.root, 'model'), 1);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', model])).code).toBe(0);
    await writeFile(join(repo, 'CHANGES.md'), 'next\n');
    await git(repo, 'add', 'CHANGES.md');
    await git(repo, 'commit', '-q', '-m', 'next');
    const next = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--json']);
    expect(next.json()).toMatchObject({ operation: 'created', version: 'v0.1.1', parentVersion: 'v0.1.0' });
  });

  it('--version: the same version is unchanged; another version of the same model at the same commit is refused', async () => {
    const model = await writeModel(join(box.root, 'model'), 1);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--version', 'v1.0.0'])).code).toBe(0);
    const before = await tagRefs(repo);
    const same = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--version', '1.0.0', '--json']);
    expect(same.code).toBe(0);
    expect(same.json()).toMatchObject({ operation: 'unchanged', version: 'v1.0.0' });
    const other = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--version', 'v2.0.0']);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/weather v1\.0\.0 already registers this model .* at commit [0-9a-f]{12}; registering it again as v2\.0\.0 would duplicate it/);
    expect(await tagRefs(repo)).toBe(before);
  });

  it('a deregistered version does not count: the same model registers as a new version', async () => {
    const model = await writeModel(join(box.root, 'model'), 1);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', model])).code).toBe(0);
    expect((await mlops(repo, ['registry', 'deprecate', 'weather', 'v0.1.0'])).code).toBe(0);
    const again = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--json']);
    expect(again.json()).toMatchObject({ operation: 'created', version: 'v0.1.1' });
  });
});
