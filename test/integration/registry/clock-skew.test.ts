/**
 * Events are ordered by the time in their metadata. A writer whose clock is behind the one that
 * wrote the stage's last assignment (a laptop a few minutes slow, after a CI runner promoted)
 * timestamped its promotion before that assignment: `promote` said "Assigned production → v2",
 * yet production still resolved to v1, and every re-run wrote yet another tag ("created" each
 * time, never "unchanged"). A new tag is now stamped after every event it was computed from.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRegistry } from '../../../src/registry/index.ts';
import { formatTagMessage, METADATA_SCHEMA } from '../../../src/registry/metadata.ts';
import { buildState, tagsToEvents } from '../../../src/registry/state.ts';
import { GIT_ENV, tagNames, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

const at = (iso: string) => () => new Date(iso);

describe('a writer whose clock is behind', () => {
  it('promote: the stage holds the version it promoted, and a re-run is unchanged', async () => {
    const runner = new GitRegistry({ cwd: repo, env: GIT_ENV, now: at('2026-01-01T10:05:00.000Z') });
    await runner.register({ name: 'pen', modelDir: await writeModel(join(box.root, 'm1'), 1), version: 'v1.0.0' });
    await runner.register({ name: 'pen', modelDir: await writeModel(join(box.root, 'm2'), 2), version: 'v2.0.0' });
    await runner.promote({ name: 'pen', version: 'v1.0.0', stage: 'production' });
    const laptop = new GitRegistry({ cwd: repo, env: GIT_ENV, now: at('2026-01-01T10:00:00.000Z') });
    const promoted = await laptop.promote({ name: 'pen', version: 'v2.0.0', stage: 'production' });
    expect(promoted).toMatchObject({ operation: 'created', previous: 'v1.0.0', version: 'v2.0.0' });
    expect((await laptop.model('pen'))!.stages.production).toBe('v2.0.0');
    expect((await laptop.promote({ name: 'pen', version: 'v2.0.0', stage: 'production' })).operation).toBe('unchanged');
    expect((await tagNames(repo)).filter((t) => t.includes('#'))).toEqual(['pen#production#1', 'pen#production#2']);
    // Rolling back from the laptop goes back to v1.0.0, and history lists the events in the order they were made.
    const back = await laptop.rollback({ name: 'pen', stage: 'production' });
    expect(back).toMatchObject({ version: 'v1.0.0', previous: 'v2.0.0' });
    expect((await laptop.model('pen'))!.stages.production).toBe('v1.0.0');
    const events = (await laptop.history('pen')).map((e) => `${e.event} ${e.version} ${e.stage ?? ''}`.trim());
    expect(events.slice(-4)).toEqual(['assignment v1.0.0 production', 'assignment v2.0.0 production', 'unassignment v2.0.0 production', 'assignment v1.0.0 production']);
  });

  it('deprecate: a version deregistered from a slow clock is deregistered', async () => {
    const runner = new GitRegistry({ cwd: repo, env: GIT_ENV, now: at('2026-01-01T10:05:00.000Z') });
    await runner.register({ name: 'pen', modelDir: await writeModel(join(box.root, 'm1'), 1), version: 'v1.0.0' });
    await runner.promote({ name: 'pen', version: 'v1.0.0', stage: 'staging' });
    const laptop = new GitRegistry({ cwd: repo, env: GIT_ENV, now: at('2026-01-01T09:00:00.000Z') });
    await laptop.deprecate({ name: 'pen', version: 'v1.0.0' });
    const state = (await laptop.model('pen'))!;
    expect(state.versions[0]!.active).toBe(false);
    expect(state.stages).toEqual({});
    const events = (await laptop.history('pen')).map((e) => e.event);
    expect(events).toEqual(['registration', 'assignment', 'deregistration']);
  });
});

describe('tags already written by a slow clock', () => {
  it('a deregistration stamped before its registration still deregisters the version', () => {
    const commit = '1'.repeat(40);
    const raw = (name: string, event: 'registration' | 'deregistration', createdAt: string) => ({
      name, object: `obj-${name}`, annotated: true, commit, taggerName: 'T', taggerEmail: 't@example.com', taggerTime: 0,
      message: formatTagMessage('m', { schema: METADATA_SCHEMA, event, name: 'pen', version: 'v1.0.0', commit, createdBy: 'x', createdAt }),
    });
    const [model] = buildState(tagsToEvents([
      raw('pen@v1.0.0', 'registration', '2026-01-01T10:05:00.000Z'),
      raw('pen@v1.0.0!', 'deregistration', '2026-01-01T09:00:00.000Z'),
    ]));
    expect(model!.versions[0]!.active).toBe(false);
    expect(model!.latest).toBeNull();
  });
});

describe('GTO tags next to ours', () => {
  it("a GTO assignment (whole-second date, no version in its message) made in the second of our registration resolves to that version", () => {
    const commit = '2'.repeat(40);
    const ours = {
      name: 'pen@v1.0.0', object: 'o1', annotated: true, commit, taggerName: 'T', taggerEmail: 't@example.com', taggerTime: 1_767_261_600,
      message: formatTagMessage('m', { schema: METADATA_SCHEMA, event: 'registration', name: 'pen', version: 'v1.0.0', commit, createdBy: 'x', createdAt: '2026-01-01T10:00:00.700Z' }),
    };
    const gto = { name: 'pen#prod#1', object: 'o2', annotated: true, commit, taggerName: 'G', taggerEmail: 'g@example.com', taggerTime: 1_767_261_600, message: 'Assigning stage prod to artifact pen version v1.0.0' };
    const [model] = buildState(tagsToEvents([ours, gto]));
    expect(model!.stages).toEqual({ prod: 'v1.0.0' });
  });
});
