import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { git, mlops, useSandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

/**
 * `rollback` takes the stage from the version rolled back from in GTO's own terms (an unassignment
 * tag) and assigns the previous version again, pushed together. GTO decides which versions hold a
 * stage per version — the latest of its assignment/unassignment tags — and `gto which` then picks
 * the highest SemVer among them; with an assignment tag alone, the version rolled back from still
 * held the stage for GTO, and for mlops too as soon as the version rolled back to was deregistered.
 */
let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

interface HistoryEntry { event: string; version: string | null; stage: string | null }

/**
 * The versions that hold `stage` as GTO reads the tags: active versions whose latest event for the
 * stage is an assignment (`gto which` picks the highest SemVer of them, `gto show` the latest).
 */
async function gtoHolders(cwd: string, stage: string): Promise<string[]> {
  const history = (await mlops(cwd, ['registry', 'history', 'weather', '--json'])).json() as HistoryEntry[];
  const last = new Map<string, string>();
  for (const e of history) if (e.stage === stage && e.version) last.set(e.version, e.event);
  const deregistered = new Set(history.filter((e) => e.event === 'deregistration').map((e) => e.version));
  return [...last].filter(([v, event]) => event === 'assignment' && !deregistered.has(v)).map(([v]) => v).sort();
}

async function threeVersionsInProduction(): Promise<void> {
  for (const seed of [1, 2, 3]) {
    const model = await writeModel(join(box.root, `m${seed}`), seed);
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--version', `v${seed}.0.0`])).code).toBe(0);
    expect((await mlops(repo, ['registry', 'promote', 'weather', `v${seed}.0.0`, '--stage', 'production'])).code).toBe(0);
  }
}

describe('registry rollback', () => {
  it('unassigns the version rolled back from: GTO sees only the previous version in the stage, and deregistering it never hands the stage back', async () => {
    await threeVersionsInProduction();
    const rb = await mlops(repo, ['registry', 'rollback', 'weather', '--stage', 'production', '--json']);
    expect(rb.code, rb.err).toBe(0);
    expect(rb.json()).toMatchObject({ operation: 'created', version: 'v2.0.0', previous: 'v3.0.0', unassignmentTag: 'weather#production!#4', tag: 'weather#production#5' });
    expect(rb.err).toContain("Rolled back weather#production: v3.0.0 → v2.0.0 (tags 'weather#production!#4' unassigning v3.0.0, 'weather#production#5' assigning v2.0.0)");
    // The unassignment points at the commit of the version it concerns, as GTO writes it.
    expect(await git(repo, 'rev-parse', 'weather#production!#4^{commit}')).toBe(await git(repo, 'rev-parse', 'weather@v3.0.0^{commit}'));
    expect(await gtoHolders(repo, 'production')).toEqual(['v1.0.0', 'v2.0.0']);
    const pulled = await mlops(repo, ['registry', 'pull', 'weather#production', '-o', join(box.root, 'prod'), '--json']);
    expect(pulled.json()).toMatchObject({ version: 'v2.0.0', stage: 'production' });

    // v2.0.0 turns out bad too: production falls back to v1.0.0, never to v3.0.0, which was rolled back.
    const dep = await mlops(repo, ['registry', 'deprecate', 'weather', 'v2.0.0']);
    expect(dep.out).toContain('stage production now resolves to v1.0.0');
    expect((await mlops(repo, ['registry', 'list', '--json'])).json()).toMatchObject([{ stages: { production: 'v1.0.0' } }]);

    // Rolling back again walks on; then there is nothing earlier.
    expect((await mlops(repo, ['registry', 'promote', 'weather', 'v3.0.0', '--stage', 'production'])).code).toBe(0);
    expect((await mlops(repo, ['registry', 'rollback', 'weather', '--stage', 'production', '--json'])).json()).toMatchObject({ previous: 'v3.0.0', version: 'v1.0.0' });
    expect(await gtoHolders(repo, 'production')).toEqual(['v1.0.0']);
    expect((await mlops(repo, ['registry', 'rollback', 'weather', '--stage', 'production'])).err).toMatch(/no earlier version/);
  });

  it('pushes both tags in one atomic push; a clone that lost the race keeps neither', async () => {
    await threeVersionsInProduction();
    await git(repo, 'push', '-q', 'origin', '--tags');
    const other = await box.clone('other');

    const first = await mlops(repo, ['registry', 'rollback', 'weather', '--stage', 'production', '--push', '--json']);
    expect(first.json()).toMatchObject({ pushed: true, unassignmentTag: 'weather#production!#4', tag: 'weather#production#5' });
    expect(await tagNames(box.remote)).toEqual(expect.arrayContaining(['weather#production!#4', 'weather#production#5']));

    // The other clone has not fetched: it computes the same counters and loses.
    const before = await tagNames(other);
    const second = await mlops(other, ['registry', 'rollback', 'weather', '--stage', 'production', '--push']);
    expect(second.code).toBe(2);
    expect(second.err).toContain("refused tags 'weather#production!#4' and 'weather#production#5' — one of them already exists there");
    expect(await tagNames(other)).toEqual(before);
  });
});
