/**
 * A lightweight tag shaped like a registration (`git tag pen@v1.0.0`, easy to make by accident) is
 * not a registry event. Still, `register --version v1.0.0` said "pen v1.0.0 is already registered
 * with a different model" (nothing is registered), and `register` without a version stopped at
 * "tag 'pen@v0.1.0' already exists" for a first model. The first now names the tag for what it is;
 * a bump steps over such names.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, mlops, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

describe('register next to lightweight tags of registry shape', () => {
  it('an explicit version names the lightweight tag; a bump steps over it', async () => {
    await git(repo, 'tag', 'pen@v1.0.0');
    await git(repo, 'tag', 'pen@v0.1.0');
    const model = await writeModel(join(box.root, 'm'), 1);
    const explicit = await mlops(repo, ['registry', 'register', 'pen', '--model', model, '--version', 'v1.0.0']);
    expect(explicit.code).toBe(2);
    expect(explicit.err).toContain("tag 'pen@v1.0.0' already exists but is no registry version");
    expect(explicit.err).not.toContain('already registered');
    const bumped = await mlops(repo, ['registry', 'register', 'pen', '--model', model, '--json']);
    expect(bumped.code, bumped.err).toBe(0);
    expect((bumped.json() as { version: string }).version).toBe('v0.1.1');
  });
});
