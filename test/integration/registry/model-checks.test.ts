import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, mlops, useSandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

// What `registry register` refuses before any tag exists (versions are immutable), and the
// grammar of the names it takes.

let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

const GRAMMAR = '[a-z0-9]([a-z0-9-_]*[a-z0-9])?';

describe('register: the model directory (DESIGN §5)', () => {
  it('refuses a directory that is not a model, naming the directory and the missing files; nothing is tagged', async () => {
    const x = join(box.root, 'x');
    await mkdir(x);
    await writeFile(join(x, 'readme'), 'hi\n');
    const r = await mlops(repo, ['registry', 'register', 'pen', '--model', x, '--version', 'v6.0.1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(x);
    expect(r.err).toMatch(/not a model directory: missing model\.json, preprocessing\.json, run\.json, profile\.json/);
    expect(await tagNames(repo)).toEqual([]);
    // So there is nothing to promote either.
    expect((await mlops(repo, ['registry', 'promote', 'pen', 'v6.0.1', '--stage', 'production'])).code).toBe(2);
    expect(await tagNames(repo)).toEqual([]);
  });

  it('names exactly the files that are missing, and weight files model.json names', async () => {
    const m = await writeModel(join(box.root, 'm'), 1);
    await rm(join(m, 'preprocessing.json'));
    await rm(join(m, 'profile.json'));
    const r = await mlops(repo, ['registry', 'register', 'pen', '--model', m]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing preprocessing\.json, profile\.json — /);

    const w = await writeModel(join(box.root, 'w'), 2);
    await writeFile(join(w, 'model.json'), JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['weights/group1-shard1of1.bin', 'weights.bin'], weights: [] }] }));
    const weights = await mlops(repo, ['registry', 'register', 'pen', '--model', w]);
    expect(weights.code).toBe(2);
    expect(weights.err).toMatch(/missing the weight file weights\.bin that model\.json names/);
    await writeFile(join(w, 'weights.bin'), 'w');
    expect((await mlops(repo, ['registry', 'register', 'pen', '--model', w])).code).toBe(0);

    const bad = await writeModel(join(box.root, 'bad'), 3);
    await writeFile(join(bad, 'profile.json'), '[1, 2]');
    const malformed = await mlops(repo, ['registry', 'register', 'pen', '--model', bad]);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain(`${join(bad, 'profile.json')}: profile.json must hold a JSON object`);
    expect(await tagNames(repo)).toEqual(['pen@v0.1.0']);
  });

  it('a model of an external trainer needs run.json, profile.json and its own model file', async () => {
    const e = join(box.root, 'external');
    await mkdir(e);
    await writeFile(join(e, 'run.json'), JSON.stringify({ format: 'mlops-run', version: 1, name: 'pen', trainer: 'external', metrics: { accuracy: 0.9 } }));
    await writeFile(join(e, 'profile.json'), JSON.stringify({ format: 'mlops-profile', version: 1, rows: 10, columns: [], sources: [] }));
    await writeFile(join(e, 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));
    const none = await mlops(repo, ['registry', 'register', 'pen', '--model', e]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/external trainer, but the directory holds no model file besides metrics\.json, profile\.json, run\.json/);
    await writeFile(join(e, 'model.joblib'), 'pickled');
    const ok = await mlops(repo, ['registry', 'register', 'pen', '--model', e, '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.json()).toMatchObject({ operation: 'created', tag: 'pen@v0.1.0' });
  });

  it('refuses another name than the one run.json records', async () => {
    const m = await writeModel(join(box.root, 'm'), 1);
    const run = JSON.parse(await readFile(join(m, 'run.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(m, 'run.json'), JSON.stringify({ ...run, name: 'weather' }));
    const r = await mlops(repo, ['registry', 'register', 'penguins', '--model', m]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(m, 'run.json')} (name): run.json names this model 'weather', not 'penguins'`);
    expect(await tagNames(repo)).toEqual([]);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', m])).code).toBe(0);
  });
});

describe('model names (DESIGN §3 grammar)', () => {
  it('every subcommand that takes a name refuses one outside the grammar with exit 2 and the grammar', async () => {
    const m = await writeModel(join(box.root, 'm'), 1);
    expect((await mlops(repo, ['registry', 'register', 'pen', '--model', m, '--version', 'v1.0.0'])).code).toBe(0);
    const runs = [
      ['register', 'Pen', '--model', m, '--version', 'v1.2.0'],
      ['register', 'pen.v2', '--model', m],
      ['promote', 'Pen', 'v1.0.0', '--stage', 'production'],
      ['rollback', 'Pen', '--stage', 'production'],
      ['deprecate', 'Pen'],
      ['show', 'Pen'],
      ['history', 'Pen'],
      ['pull', 'Pen@v1.0.0', '-o', join(box.root, 'out')],
    ];
    for (const args of runs) {
      const r = await mlops(repo, ['registry', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(GRAMMAR);
    }
    expect((await mlops(repo, ['registry', 'register', 'Pen', '--model', m])).err).toContain("did you mean 'pen'?");
    expect(await tagNames(repo)).toEqual(['pen@v1.0.0']);
    expect((await mlops(repo, ['registry', 'list', '--json'])).json()).toMatchObject([{ name: 'pen' }]);
  });

  it('a model GTO registered under a wider name is still read', async () => {
    await git(repo, 'tag', '-a', 'Pen@v1.0.0', '-m', 'Registering artifact Pen version v1.0.0');
    const show = await mlops(repo, ['registry', 'show', 'Pen', '--json']);
    expect(show.code, show.err).toBe(0);
    expect(show.json()).toMatchObject({ name: 'Pen', latest: 'v1.0.0' });
    expect((await mlops(repo, ['registry', 'history', 'Pen', '--json'])).code).toBe(0);
    // …but mlops registers no new version under it.
    const m = await writeModel(join(box.root, 'm'), 1);
    expect((await mlops(repo, ['registry', 'register', 'Pen', '--model', m])).code).toBe(2);
  });
});

describe('register outside a usable repository', () => {
  it('says "not a git repository" outside one, and "no commit yet" in a fresh one', async () => {
    const m = await writeModel(join(box.root, 'm'), 1);
    const outside = await mkdtemp(join(tmpdir(), 'mlops-norepo-'));
    try {
      const r = await mlops(outside, ['registry', 'register', 'x', '--model', m]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/not a git repository/);
      expect(r.err).not.toMatch(/no such commit/);
      expect((await mlops(outside, ['registry', 'list'])).err).toMatch(/not a git repository/);

      await git(outside, '-c', 'init.defaultBranch=main', 'init', '-q');
      const empty = await mlops(outside, ['registry', 'register', 'x', '--model', m]);
      expect(empty.code).toBe(2);
      expect(empty.err).toMatch(/the repository has no commit yet/);
      expect(await tagNames(outside)).toEqual([]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
