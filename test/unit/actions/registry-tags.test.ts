import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchRegistryTags } from '../../../src/actions/registry-tags.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-registry-tags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });

/** An origin with two commits and a registry tag on the first (older than the shallow clone's one commit). */
function origin(name: string): string {
  const path = join(dir, name);
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q', path);
  writeFileSync(join(path, 'a.txt'), '1\n');
  git(path, 'add', 'a.txt');
  git(path, 'commit', '-q', '-m', 'one');
  git(path, 'tag', '-a', 'weather@v1.0.0', '-m', 'register');
  writeFileSync(join(path, 'a.txt'), '2\n');
  git(path, 'commit', '-q', '-am', 'two');
  return path;
}

function recorder() {
  const lines: string[] = [];
  return { lines, runtime: { info: (m: string) => lines.push(`info: ${m}`), annotate: (level: string, m: string) => lines.push(`${level}: ${m}`) } };
}

describe('fetchRegistryTags (actions in a shallow checkout)', () => {
  it("fetches the tags into actions/checkout's default clone (one commit, no tags)", async () => {
    const ws = join(dir, 'shallow');
    git(dir, 'clone', '-q', '--depth', '1', '--no-tags', `file://${origin('o1')}`, ws);
    expect(git(ws, 'tag', '--list')).toBe('');
    const { lines, runtime } = recorder();
    await fetchRegistryTags(ws, env, runtime);
    expect(git(ws, 'tag', '--list')).toBe('weather@v1.0.0\n');
    expect(lines).toEqual(['info: fetched the registry tags (the checkout is shallow)']);
  });

  it('a fetch that fails is a warning, and the checkout is left as it was', async () => {
    const source = origin('o2');
    const ws = join(dir, 'shallow-broken');
    git(dir, 'clone', '-q', '--depth', '1', '--no-tags', `file://${source}`, ws);
    rmSync(source, { recursive: true, force: true });
    const { lines, runtime } = recorder();
    await fetchRegistryTags(ws, env, runtime);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: could not fetch the registry tags into this shallow checkout \(.+\): registry references are looked up among the tags it has; check out with fetch-depth: 0/);
    expect(git(ws, 'tag', '--list')).toBe('');
  });

  it('a full clone is left alone (it has the tags)', async () => {
    const source = origin('o3');
    const ws = join(dir, 'full');
    git(dir, 'clone', '-q', '--no-tags', source, ws);
    const { lines, runtime } = recorder();
    await fetchRegistryTags(ws, env, runtime);
    expect(lines).toEqual([]);
    expect(git(ws, 'tag', '--list')).toBe('');
  });
});
