/**
 * SemVer build metadata does not order versions: v1.0.0+build.2 next to v1.0.0 made two versions
 * of equal precedence, and which one `latest` (and `name@latest`) resolved to depended on the order
 * the tags happened to be read in. Such a registration is refused like a duplicate version.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, mlops, tagNames, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

describe('register --version with build metadata', () => {
  it('refuses a version that differs from a registered one only in build metadata (exit 2, no tag)', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    const m2 = await writeModel(join(box.root, 'm2'), 2);
    expect((await mlops(repo, ['registry', 'register', 'pen', '--model', m1, '--version', 'v1.0.0'])).code).toBe(0);
    await git(repo, 'commit', '--allow-empty', '-q', '-m', 'next');
    const twin = await mlops(repo, ['registry', 'register', 'pen', '--model', m2, '--version', '1.0.0+build.2']);
    expect(twin.code).toBe(2);
    expect(twin.err).toContain('pen v1.0.0+build.2 has the same precedence as the registered v1.0.0');
    expect(await tagNames(repo)).toEqual(['pen@v1.0.0']);
    // Other versions, prereleases and builds of them included, still register.
    const rc = await mlops(repo, ['registry', 'register', 'pen', '--model', m2, '--version', 'v1.1.0-rc.1+build.2']);
    expect(rc.code, rc.err).toBe(0);
    const show = await mlops(repo, ['registry', 'show', 'pen', '--json']);
    expect((show.json() as { latest: string }).latest).toBe('v1.1.0-rc.1+build.2');
  });

  it('a re-run naming the registered build-metadata version is still unchanged', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    expect((await mlops(repo, ['registry', 'register', 'pen', '--model', m1, '--version', 'v2.0.0+gpu'])).code).toBe(0);
    const again = await mlops(repo, ['registry', 'register', 'pen', '--model', m1, '--version', 'v2.0.0+gpu', '--json']);
    expect(again.code, again.err).toBe(0);
    expect((again.json() as { operation: string }).operation).toBe('unchanged');
  });
});
