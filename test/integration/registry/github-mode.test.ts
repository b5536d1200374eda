import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EMULATOR_TOKENS, type GitHubEmulator } from '../../support/github-emulator/index.ts';
import { githubRegistry, mlops, tagNames, useGitHubSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let emu: GitHubEmulator;
let repo: string;
useGitHubSandbox((b, r, e) => { box = b; repo = r; emu = e; });

describe('registry in GitHub mode (GitHub API emulator)', () => {
  it('registers a version as a published release with its assets; a second run is unchanged', async () => {
    const model = await writeModel(join(box.root, 'm1'), 1);
    const registry = githubRegistry(repo, emu.url);
    const request = { name: 'weather', modelDir: model, bump: 'minor' as const, idempotent: true, description: 'Predicts the weather.' };
    const first = await registry().register(request);
    expect(first).toMatchObject({ operation: 'created', version: 'v0.1.0', tag: 'weather@v0.1.0', pushed: true, store: { kind: 'github', operation: 'created' } });
    expect(await tagNames(box.remote)).toEqual(['weather@v0.1.0']);

    expect(emu.state.releases).toHaveLength(1);
    const release = emu.state.releases[0]!;
    expect(release).toMatchObject({ tagName: 'weather@v0.1.0', draft: false, name: 'weather v0.1.0' });
    expect(release.body).toContain('Predicts the weather.');
    expect(release.body).toContain('## Limitations');
    expect(release.assets.map((a) => a.name).sort()).toEqual(['model-card.md', 'model.tar.gz', 'profile.json', 'run.json']);
    // Draft first, published last: nobody sees a release with half its assets.
    expect(emu.requestsFor('repos/create-release')[0]!.body).toMatchObject({ draft: true });
    // The assets are exactly the bytes the tag's metadata names.
    const message = (await import('node:child_process')).execFileSync('git', ['tag', '-l', '--format=%(contents)', 'weather@v0.1.0'], { cwd: repo }).toString();
    const meta = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(message)![1]!) as { artifacts: Array<{ name: string; sha256: string }> };
    for (const a of release.assets) {
      expect(createHash('sha256').update(a.data).digest('hex')).toBe(meta.artifacts.find((m) => m.name === a.name)!.sha256);
    }
    expect(release.assets.find((a) => a.name === 'run.json')!.data.equals(await readFile(join(model, 'run.json')))).toBe(true);

    const writesBefore = emu.requests.filter((r) => r.write).length;
    const second = await registry().register(request);
    expect(second).toMatchObject({ operation: 'unchanged', version: 'v0.1.0', store: { kind: 'github', operation: 'unchanged' } });
    expect(emu.requests.filter((r) => r.write).length).toBe(writesBefore);
    expect(emu.state.releases).toHaveLength(1);
    expect(await tagNames(box.remote)).toEqual(['weather@v0.1.0']);
  });

  it("publishes a model version without making it the repository's latest release; a SemVer prerelease is a prerelease", async () => {
    const registry = githubRegistry(repo, emu.url)();
    await registry.register({ name: 'weather', modelDir: await writeModel(join(box.root, 'm1'), 1), version: 'v1.0.0-rc.1' });
    await registry.register({ name: 'weather', modelDir: await writeModel(join(box.root, 'm2'), 2), version: 'v1.0.0' });
    expect(emu.state.releases.map((r) => [r.tagName, r.draft, r.prerelease])).toEqual([['weather@v1.0.0-rc.1', false, true], ['weather@v1.0.0', false, false]]);
    expect(emu.requestsFor('repos/create-release').map((r) => (r.body as { prerelease?: boolean }).prerelease)).toEqual([true, false]);
    // The publishing update says make_latest false: the repository's own releases keep /releases/latest.
    const publish = emu.requestsFor('repos/update-release').filter((r) => (r.body as { draft?: boolean }).draft === false);
    expect(publish.map((r) => (r.body as { make_latest?: string }).make_latest)).toEqual(['false', 'false']);
  });

  it('refuses GitHub mode without a repository or token (exit 2)', async () => {
    const model = await writeModel(join(box.root, 'm1'), 1);
    const r = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--store', 'github'], { GITHUB_TOKEN: EMULATOR_TOKENS.actions });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--repo owner\/name/);
    expect(await tagNames(repo)).toEqual([]);
  });
});
