import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlops, useSandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

// A remote can refuse a tag for reasons other than a concurrent writer: a pre-receive hook,
// GitHub's tag rulesets, missing permissions. Only "already exists" is the race that
// 'git fetch --tags' and a retry fix; any other refusal must be reported with the remote's reason.

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

describe('registry push declined by the remote', () => {
  it("quotes the remote's reason instead of claiming the tag already exists, and leaves no local tag", async () => {
    const hook = join(box.remote, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "tags are protected by policy" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const model = await writeModel(join(box.root, 'm1'), 1);
    const r = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--version', 'v1.0.0', '--push', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\(weather@v1\.0\.0\): the remote 'origin' declined tag 'weather@v1\.0\.0': .*pre-receive hook declined.*The local tag was removed again/);
    expect(r.err).not.toMatch(/already exists/);
    expect(JSON.parse(r.out)).toMatchObject({ error: { exitCode: 2, key: 'weather@v1.0.0' } });
    expect(await tagNames(repo)).toEqual([]);
    expect(await tagNames(box.remote)).toEqual([]);
  });

  it('a tag that already exists on the remote is still the concurrent-writer message', async () => {
    const other = await box.clone('other');
    expect((await mlops(other, ['registry', 'register', 'weather', '--model', await writeModel(join(box.root, 'm1'), 1), '--version', 'v1.0.0', '--push'])).code).toBe(0);
    const r = await mlops(repo, ['registry', 'register', 'weather', '--model', await writeModel(join(box.root, 'm2'), 2), '--version', 'v1.0.0', '--push']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refused tag 'weather@v1\.0\.0' — it already exists there \(someone else created it concurrently\)/);
    expect(await tagNames(repo)).toEqual([]);
  });
});
