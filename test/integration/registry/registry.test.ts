import { describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { git, mlops, useSandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';
import { resolveModelRef } from '../../../src/registry/index.ts';

let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

describe('mlops registry (real git, local bare remote)', () => {
  it('register v1.0.0 and v1.1.0, promote both to production, roll back: production is v1.0.0, history in order', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    const m2 = await writeModel(join(box.root, 'm2'), 2);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.0.0', '--push'])).code).toBe(0);
    const r2 = await mlops(repo, ['registry', 'register', 'weather', '--model', m2, '--version', '1.1.0', '--push', '--json']);
    expect(r2.code).toBe(0);
    expect(r2.json()).toMatchObject({ operation: 'created', version: 'v1.1.0', tag: 'weather@v1.1.0', parentVersion: 'v1.0.0', pushed: true });

    expect((await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'production', '--push'])).code).toBe(0);
    const p2 = await mlops(repo, ['registry', 'promote', 'weather', 'v1.1.0', '--stage', 'production', '--push', '--json']);
    expect(p2.json()).toMatchObject({ operation: 'created', version: 'v1.1.0', previous: 'v1.0.0', tag: 'weather#production#2' });

    const rb = await mlops(repo, ['registry', 'rollback', 'weather', '--stage', 'production', '--push', '--json']);
    expect(rb.code).toBe(0);
    expect(rb.json()).toMatchObject({ operation: 'created', version: 'v1.0.0', previous: 'v1.1.0', tag: 'weather#production#4', unassignmentTag: 'weather#production!#3' });

    const list = await mlops(repo, ['registry', 'list', '--json']);
    expect(list.json()).toEqual([{ name: 'weather', latest: 'v1.1.0', stages: { production: 'v1.0.0' }, deprecated: false, versions: 2 }]);

    const history = (await mlops(repo, ['registry', 'history', 'weather', '--json'])).json() as Array<Record<string, unknown>>;
    expect(history.map((h) => [h.event, h.version, h.stage])).toEqual([
      ['registration', 'v1.0.0', null],
      ['registration', 'v1.1.0', null],
      ['assignment', 'v1.0.0', 'production'],
      ['assignment', 'v1.1.0', 'production'],
      ['unassignment', 'v1.1.0', 'production'],
      ['assignment', 'v1.0.0', 'production'],
    ]);
    const head = (await git(repo, 'rev-parse', 'HEAD')).trim();
    for (const h of history) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['time', 'event', 'name', 'version', 'stage', 'commit', 'actor']));
      expect(h.commit).toBe(head);
      expect(h.actor).toBe('Test Tagger <tagger@example.com>');
    }
    const times = history.map((h) => Date.parse(h.time as string));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Everything reached the remote; a fresh clone sees the same registry.
    expect(await tagNames(box.remote)).toEqual(['weather#production!#3', 'weather#production#1', 'weather#production#2', 'weather#production#4', 'weather@v1.0.0', 'weather@v1.1.0']);
    const other = await box.clone('other');
    expect((await mlops(other, ['registry', 'list', '--json'])).json()).toEqual(list.json());

    // A second rollback walks further back instead of toggling: nothing before v1.0.0.
    const rb2 = await mlops(repo, ['registry', 'rollback', 'weather', '--stage', 'production']);
    expect(rb2.code).toBe(2);
    expect(rb2.err).toMatch(/no earlier version/);
  });

  it('registering an existing version with another model fails with no new tag; re-runs are unchanged', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    const m2 = await writeModel(join(box.root, 'm2'), 2);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.1.0'])).code).toBe(0);
    const before = await git(repo, 'for-each-ref', 'refs/tags');
    const other = await mlops(repo, ['registry', 'register', 'weather', '--model', m2, '--version', 'v1.1.0']);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/already registered with a different model/);
    const same = await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.1.0', '--json']);
    expect(same.code).toBe(0);
    expect(same.json()).toMatchObject({ operation: 'unchanged', version: 'v1.1.0' });
    expect(await git(repo, 'for-each-ref', 'refs/tags')).toBe(before);
    // A bad stage is refused before anything is written.
    const badStage = await mlops(repo, ['registry', 'register', 'weather', '--model', m2, '--version', 'v9.0.0', '--stage', 'canary']);
    expect(badStage.code).toBe(2);
    expect(badStage.err).toMatch(/unknown stage 'canary'/);
    expect(await git(repo, 'for-each-ref', 'refs/tags')).toBe(before);

    const rerun = await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--bump', 'minor', '--idempotent', '--json']);
    expect(rerun.code).toBe(0);
    expect(rerun.json()).toMatchObject({ operation: 'unchanged', version: 'v1.1.0' });
    expect(await git(repo, 'for-each-ref', 'refs/tags')).toBe(before);

    const bumped = await mlops(repo, ['registry', 'register', 'weather', '--model', m2, '--bump', 'minor', '--json']);
    expect(bumped.json()).toMatchObject({ operation: 'created', version: 'v1.2.0' });
  });

  it('the first version defaults to v0.1.0, then patch bumps; the tag message carries the metadata', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    const first = await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--json']);
    expect(first.json()).toMatchObject({ version: 'v0.1.0', parentVersion: null });
    const m2 = await writeModel(join(box.root, 'm2'), 2);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', m2, '--json'])).json()).toMatchObject({ version: 'v0.1.1', parentVersion: 'v0.1.0' });

    expect(await git(repo, 'cat-file', '-t', 'weather@v0.1.1')).toBe('tag\n');
    const message = await git(repo, 'tag', '-l', '--format=%(contents)', 'weather@v0.1.1');
    expect(message.split('\n')[0]).toBe('Register model weather v0.1.1');
    const meta = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(message)![1]!);
    expect(meta).toMatchObject({
      schema: 'mlops.registry/v1', event: 'registration', name: 'weather', version: 'v0.1.1', parentVersion: 'v0.1.0',
      commit: (await git(repo, 'rev-parse', 'HEAD')).trim(),
      params: { epochs: 5 }, metrics: { accuracy: { value: expect.closeTo(0.82, 12) }, f1_macro: { value: 0.7, low: 0.65, high: 0.75 } },
      data: [{ path: 'data/train.csv', rows: 1002, role: 'train' }],
    });
    expect(meta.model.files.map((f: { path: string }) => f.path)).toEqual(['model.json', 'preprocessing.json', 'profile.json', 'run.json', 'weights/group1-shard1of1.bin']);
    expect(meta.artifacts.map((a: { name: string }) => a.name)).toEqual(['model.tar.gz', 'run.json', 'profile.json', 'model-card.md']);
    expect(typeof meta.createdAt).toBe('string');
  });

  it('two clones registering the same version concurrently: one wins, the loser is left as it was', async () => {
    const a = repo;
    const b = await box.clone('work-b');
    const ma = await writeModel(join(box.root, 'ma'), 3);
    const mb = await writeModel(join(box.root, 'mb'), 4);
    const tagsBefore = await tagNames(b);
    const [ra, rb] = await Promise.all([
      mlops(a, ['registry', 'register', 'weather', '--model', ma, '--version', 'v2.0.0', '--push', '--json']),
      mlops(b, ['registry', 'register', 'weather', '--model', mb, '--version', 'v2.0.0', '--push', '--json']),
    ]);
    expect([ra.code, rb.code].sort()).toEqual([0, 2]);
    const [winner, loser] = ra.code === 0 ? [a, b] : [b, a];
    const loserResult = ra.code === 0 ? rb : ra;
    expect(loserResult.err).toMatch(/refused tag 'weather@v2\.0\.0'/);
    // --json: the loser's stdout is the one error document (cli/main.ts), no registration result.
    expect(JSON.parse(loserResult.out)).toEqual({ error: expect.objectContaining({ command: 'registry', exitCode: 2, message: expect.stringMatching(/refused tag 'weather@v2\.0\.0'/) }) });
    expect(await tagNames(loser)).toEqual(ra.code === 0 ? tagsBefore : []);
    expect(await tagNames(box.remote)).toEqual(['weather@v2.0.0']);
    expect((await git(box.remote, 'rev-parse', 'weather@v2.0.0')).trim()).toBe((await git(winner, 'rev-parse', 'weather@v2.0.0')).trim());

    // Concurrent promotions race on the same counted tag name: one wins here too.
    await git(loser, 'fetch', '-q', '--tags', 'origin');
    const [pa, pb] = await Promise.all([
      mlops(a, ['registry', 'promote', 'weather', 'v2.0.0', '--stage', 'staging', '--push']),
      mlops(b, ['registry', 'promote', 'weather', 'v2.0.0', '--stage', 'staging', '--push']),
    ]);
    expect([pa.code, pb.code].sort()).toEqual([0, 2]);
    expect(await tagNames(box.remote)).toEqual(['weather#staging#1', 'weather@v2.0.0']);
  });

  it('pull verifies sha256: a tampered store blob fails with exit 2 naming the file; pull by stage works', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.0.0']);
    await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'staging']);
    const out = join(box.root, 'pulled');
    const ok = await mlops(repo, ['registry', 'pull', 'weather#staging', '-o', out, '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ operation: 'created', name: 'weather', version: 'v1.0.0', stage: 'staging' });
    for (const f of ['model.json', 'preprocessing.json', 'run.json', 'profile.json', 'weights/group1-shard1of1.bin']) {
      expect(await readFile(join(out, f))).toEqual(await readFile(join(m1, f)));
    }
    expect((await mlops(repo, ['registry', 'pull', 'weather@v1.0.0', '-o', out, '--json'])).json()).toMatchObject({ operation: 'unchanged' });

    // Tamper with the stored tarball.
    const storeDir = join(repo, '.mlops', 'artifacts', 'sha256');
    const message = await git(repo, 'tag', '-l', '--format=%(contents)', 'weather@v1.0.0');
    const sha = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(message)![1]!).artifacts[0].sha256 as string;
    const blob = join(storeDir, sha.slice(0, 2), sha);
    await chmod(blob, 0o644);
    const bytes = await readFile(blob);
    bytes[bytes.length - 20] ^= 0xff;
    await writeFile(blob, bytes);
    const out2 = join(box.root, 'pulled2');
    const bad = await mlops(repo, ['registry', 'pull', 'weather@v1.0.0', '-o', out2]);
    expect(bad.code).toBe(2);
    // The blob by its path in the repository (the message may name it relative to the working directory).
    expect(bad.err).toContain(join('.mlops', 'artifacts', 'sha256', sha.slice(0, 2), sha));
    expect(bad.err).toMatch(/checksum mismatch for model\.tar\.gz/);
    await expect(readdir(out2)).rejects.toThrow();
  });

  it('resolveModelRef pulls into .mlops/cache and re-pulls a cache copy that was altered', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.0.0']);
    await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'production']);
    const env = { GIT_CONFIG_GLOBAL: '/dev/null' };
    const resolved = await resolveModelRef('weather#production', { cwd: repo, env });
    expect(resolved).toMatchObject({ name: 'weather', version: 'v1.0.0', stage: 'production', dir: join(repo, '.mlops', 'cache', 'weather', 'v1.0.0') });
    await writeFile(join(resolved.dir, 'model.json'), 'tampered');
    const again = await resolveModelRef('weather@latest', { cwd: repo, env });
    expect(await readFile(join(again.dir, 'model.json'))).toEqual(await readFile(join(m1, 'model.json')));
    // The store and the cache keep themselves out of git.
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    await expect(resolveModelRef('weather#staging', { cwd: repo, env })).rejects.toThrow(/no version in stage 'staging'/);
  });

  it('ignores lightweight tags and non-registry tags; reads GTO-written annotated tags', async () => {
    const head = (await git(repo, 'rev-parse', 'HEAD')).trim();
    await git(repo, 'tag', 'ghost@v9.9.9');
    await git(repo, 'tag', 'ghost#production#1');
    await git(repo, 'tag', '-a', '-m', 'release', 'v1.0.0');
    // What GTO writes: plain text messages, assignment found by commit.
    await git(repo, 'tag', '-a', '-m', 'Registering artifact churn version v3.0.0', 'churn@v3.0.0', head);
    await git(repo, 'tag', '-a', '-m', 'Assigning stage prod to artifact churn version v3.0.0', 'churn#prod#1', head);
    const list = (await mlops(repo, ['registry', 'list', '--json'])).json();
    expect(list).toEqual([{ name: 'churn', latest: 'v3.0.0', stages: { prod: 'v3.0.0' }, deprecated: false, versions: 1 }]);
    const show = await mlops(repo, ['registry', 'show', 'ghost']);
    expect(show.code).toBe(2);
  });

  it('deprecate deregisters a version (name@vX.Y.Z!) and frees its stage; stages are checked against config', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    const m2 = await writeModel(join(box.root, 'm2'), 2);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.0.0']);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m2, '--version', 'v1.1.0']);
    await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'production']);
    await mlops(repo, ['registry', 'promote', 'weather', 'v1.1.0', '--stage', 'production']);
    const d = await mlops(repo, ['registry', 'deprecate', 'weather', 'v1.1.0', '--json']);
    expect(d.json()).toMatchObject({ operation: 'created', tag: 'weather@v1.1.0!', stages: { production: 'v1.0.0' } });
    expect((await mlops(repo, ['registry', 'deprecate', 'weather', 'v1.1.0', '--json'])).json()).toMatchObject({ operation: 'unchanged' });
    expect((await mlops(repo, ['registry', 'list', '--json'])).json()).toEqual([{ name: 'weather', latest: 'v1.0.0', stages: { production: 'v1.0.0' }, deprecated: false, versions: 1 }]);
    const promoteDead = await mlops(repo, ['registry', 'promote', 'weather', 'v1.1.0', '--stage', 'staging']);
    expect(promoteDead.code).toBe(2);
    expect(promoteDead.err).toMatch(/deregistered/);
    const history = (await mlops(repo, ['registry', 'history', 'weather', '--json'])).json() as Array<{ event: string }>;
    expect(history.at(-1)!.event).toBe('deregistration');

    const badStage = await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'canary']);
    expect(badStage.code).toBe(2);
    expect(badStage.err).toMatch(/unknown stage 'canary'/);
    await writeFile(join(repo, 'mlops.yaml'), 'name: weather\nregistry:\n  stages: [canary, production]\n');
    expect((await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'canary'])).code).toBe(0);

    const dm = await mlops(repo, ['registry', 'deprecate', 'weather', '--json']);
    expect(dm.json()).toMatchObject({ operation: 'created', tag: 'weather@deprecated' });
    expect((await mlops(repo, ['registry', 'list', '--json'])).json()).toMatchObject([{ deprecated: true }]);
  });
});

describe('push failures', () => {
  it('an unreachable remote: exit 2, the new tag is removed again, nothing else changed', async () => {
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.0.0'])).code).toBe(0);
    await git(repo, 'remote', 'set-url', 'origin', join(box.root, 'no-such-remote.git'));
    const before = await git(repo, 'for-each-ref', 'refs/tags');
    const p = await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'production', '--push']);
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/could not push tag 'weather#production#1'.*local tag was removed/);
    expect(await git(repo, 'for-each-ref', 'refs/tags')).toBe(before);
    // Values git would read as options are refused.
    expect((await mlops(repo, ['registry', 'promote', 'weather', 'v1.0.0', '--stage', 'production', '--push', '--remote=--receive-pack=touch x'])).code).toBe(2);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--commit=--all'])).err).toMatch(/invalid revision/);
    expect(await git(repo, 'for-each-ref', 'refs/tags')).toBe(before);
  });
});

describe('pull from another clone (store fallback)', () => {
  it('a fresh clone has no local store: pull says so; a fallback store serves the bytes, verified', async () => {
    const { GitRegistry, LocalArtifactStore, ReleaseArtifactStore } = await import('../../../src/registry/index.ts');
    const { GIT_ENV } = await import('./helpers.ts');
    const m1 = await writeModel(join(box.root, 'm1'), 1);
    await mlops(repo, ['registry', 'register', 'weather', '--model', m1, '--version', 'v1.0.0', '--push']);
    const fresh = await box.clone('fresh');
    const missing = await mlops(fresh, ['registry', 'pull', 'weather@v1.0.0', '-o', join(box.root, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/not in the local store .*--store github/);

    // A release-like store that serves the registering clone's blobs (as GitHub Releases would).
    const origin = new LocalArtifactStore(join(repo, '.mlops', 'artifacts'));
    let tamper = false;
    const backend = {
      location: 'fake/releases',
      ensureRelease: async () => ({ operation: 'unchanged' as const, url: 'https://example/release' }),
      async downloadAsset({ tag, assetName, dest }: { tag: string; assetName: string; dest: string }) {
        const message = await git(fresh, 'tag', '-l', '--format=%(contents)', tag);
        const asset = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(message)![1]!).artifacts.find((a: { name: string }) => a.name === assetName);
        const bytes = await readFile(origin.blobPath(asset.sha256));
        if (tamper) bytes[100] ^= 1;
        await writeFile(dest, bytes);
        return { source: `https://example/download/${assetName}` };
      },
    };
    const registry = new GitRegistry({ cwd: fresh, env: GIT_ENV, fallbackStores: [new ReleaseArtifactStore(backend)] });
    const ok = await registry.pull('weather@v1.0.0', join(box.root, 'y'));
    expect(ok.operation).toBe('created');
    expect(await readFile(join(box.root, 'y', 'model.json'))).toEqual(await readFile(join(m1, 'model.json')));
    tamper = true;
    await expect(registry.pull('weather@v1.0.0', join(box.root, 'z'))).rejects.toThrow(/https:\/\/example\/download\/model\.tar\.gz.*checksum mismatch for model\.tar\.gz/);
  });
});
