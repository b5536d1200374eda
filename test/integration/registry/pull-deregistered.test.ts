import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { exists } from '../../../src/core/fs.ts';
import { resolveModelRef } from '../../../src/registry/index.ts';
import { GIT_ENV, mlops, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

describe('a deregistered version is not available (GTO): pull refuses it by version, stages skip it', () => {
  it('pull name@version of a deregistered version: exit 2 with a message about pulling, nothing written', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    const m2 = await writeModel(join(box.root, 'm2'), 2);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m1]);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m2]);
    await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production']);
    await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.1', '--stage', 'production']);
    expect((await mlops(repo, ['registry', 'deprecate', 'weather', 'v0.1.0'])).code).toBe(0);

    const out = join(box.root, 'pulled');
    const pull = await mlops(repo, ['registry', 'pull', 'weather@v0.1.0', '-o', out]);
    expect(pull.code).toBe(2);
    expect(pull.err).toBe('mlops registry: weather@v0.1.0 was deregistered (tag weather@v0.1.0!): it can no longer be pulled\n');
    expect(await exists(out)).toBe(false);
    // evaluate --baseline and drift --reference resolve through the same code.
    await expect(resolveModelRef('weather@v0.1.0', { cwd: repo, env: GIT_ENV })).rejects.toThrow('weather@v0.1.0 was deregistered (tag weather@v0.1.0!): it can no longer be pulled');
    // promote keeps its own wording.
    const promote = await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'staging']);
    expect(promote.code).toBe(2);
    expect(promote.err).toMatch(/weather@v0\.1\.0 was deregistered \(tag weather@v0\.1\.0!\): it can no longer be assigned a stage/);

    // Active versions and stages still pull.
    expect((await mlops(repo, ['registry', 'pull', 'weather#production', '-o', out, '--json'])).json()).toMatchObject({ operation: 'created', version: 'v0.1.1', stage: 'production' });
  });

  it('pull name#stage skips a deregistered holder (the earlier one serves), and says why when none is left', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    const m2 = await writeModel(join(box.root, 'm2'), 2);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m1]);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m2]);
    await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.0', '--stage', 'production']);
    await mlops(repo, ['registry', 'promote', 'weather', 'v0.1.1', '--stage', 'production']);
    await mlops(repo, ['registry', 'deprecate', 'weather', 'v0.1.1']);

    const fallback = await mlops(repo, ['registry', 'pull', 'weather#production', '-o', join(box.root, 'a'), '--json']);
    expect(fallback.code).toBe(0);
    expect(fallback.json()).toMatchObject({ version: 'v0.1.0', stage: 'production' });
    const latest = await mlops(repo, ['registry', 'pull', 'weather@latest', '-o', join(box.root, 'b'), '--json']);
    expect(latest.json()).toMatchObject({ version: 'v0.1.0' });

    await mlops(repo, ['registry', 'deprecate', 'weather', 'v0.1.0']);
    const empty = await mlops(repo, ['registry', 'pull', 'weather#production', '-o', join(box.root, 'c')]);
    expect(empty.code).toBe(2);
    expect(empty.err).toBe("mlops registry: (weather#production): weather has no version in stage 'production' (v0.1.0, v0.1.1 were assigned to it and deregistered; a deregistered version can no longer be pulled)\n");
    const never = await mlops(repo, ['registry', 'pull', 'weather#staging', '-o', join(box.root, 'c')]);
    expect(never.err).toBe("mlops registry: (weather#staging): weather has no version in stage 'staging'\n");

    // Nothing is left for 'latest' either: said as such, not as an invalid version.
    const latestGone = await mlops(repo, ['registry', 'pull', 'weather@latest', '-o', join(box.root, 'c')]);
    expect(latestGone.code).toBe(2);
    expect(latestGone.err).toBe("mlops registry: weather has no active version for 'latest' (deregistered: v0.1.0, v0.1.1); it can no longer be pulled\n");
    const promoteGone = await mlops(repo, ['registry', 'promote', 'weather', 'latest', '--stage', 'staging']);
    expect(promoteGone.code).toBe(2);
    expect(promoteGone.err).toContain("weather has no active version for 'latest' (deregistered: v0.1.0, v0.1.1); it can no longer be assigned a stage");
    await expect(resolveModelRef('weather@latest', { cwd: repo, env: GIT_ENV })).rejects.toThrow("weather has no active version for 'latest'");
  });
});
