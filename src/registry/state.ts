/**
 * The registry's state, folded from its tags. Tags are the only source of truth: nothing is
 * cached, so every clone that has fetched the tags sees the same registry.
 *
 * Ordering: GTO orders by tagger date, which has one-second resolution. Our tags also carry
 * `createdAt` with milliseconds in their metadata, and counted tags carry the model's counter; we
 * order by (time, registrations first, counter, tag name), which is total and stable.
 *
 * Stages: a stage holds the version whose most recent assignment to it is the latest among the
 * active versions still assigned to it (GTO's `--sort timestamp` view, one version per stage).
 * Deregistered versions hold no stage, as in GTO.
 */
import type { RawTag } from './git.ts';
import { parseTagMessage, type TagMetadata } from './metadata.ts';
import { compareSemVer } from './semver.ts';
import { parseTag, type TagEventKind } from './tags.ts';

/** One registry event (one annotated tag). */
export interface RegistryEvent {
  event: TagEventKind;
  tag: string;
  name: string;
  /** For assignments: the version assigned (from the metadata, else the version registered at the commit). */
  version: string | null;
  stage: string | null;
  counter: number | null;
  commit: string;
  /** Milliseconds since the epoch. */
  time: number;
  actor: string;
  metadata: TagMetadata | null;
  /** Tag object id. */
  object: string;
}

/** One registered version. */
export interface VersionState {
  version: string;
  tag: string;
  commit: string;
  registeredAt: number;
  actor: string;
  active: boolean;
  metadata: TagMetadata | null;
  /** Stages this version currently holds. */
  stages: string[];
}

/** One model of the registry. */
export interface ModelState {
  name: string;
  versions: VersionState[];
  /** Highest active version by SemVer precedence (GTO's "latest"). */
  latest: string | null;
  stages: Record<string, string>;
  deprecated: boolean;
  events: RegistryEvent[];
}

const RANK: Record<TagEventKind, number> = { registration: 0, assignment: 1, unassignment: 1, deregistration: 2, deprecation: 3 };

function eventTime(tag: RawTag, meta: TagMetadata | null): number {
  const t = meta?.createdAt ? Date.parse(meta.createdAt) : NaN;
  return Number.isFinite(t) ? t : tag.taggerTime * 1000;
}

/** Orders events totally: time, then registrations before what refers to them, then counter, then tag. */
export function compareEvents(a: RegistryEvent, b: RegistryEvent): number {
  return a.time - b.time || RANK[a.event] - RANK[b.event] || (a.counter ?? -1) - (b.counter ?? -1) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}

/** Turns tags into ordered events. Lightweight tags and non-registry tags are ignored. */
export function tagsToEvents(tags: RawTag[]): RegistryEvent[] {
  const events: RegistryEvent[] = [];
  for (const t of tags) {
    // GTO's rule, kept: only annotated tags are registry events (a lightweight tag has no author,
    // no date and no message, and anyone can create one by accident).
    if (!t.annotated || !t.commit) continue;
    const parsed = parseTag(t.name);
    if (!parsed) continue;
    const metadata = parseTagMessage(t.message);
    events.push({
      event: parsed.kind,
      tag: t.name,
      name: parsed.name,
      version: parsed.version ?? (metadata?.name === parsed.name && metadata.version ? metadata.version : null),
      stage: parsed.stage ?? null,
      counter: parsed.counter ?? null,
      commit: t.commit,
      time: eventTime(t, metadata),
      actor: metadata?.createdBy || t.taggerName || t.taggerEmail || 'unknown',
      metadata,
      object: t.object,
    });
  }
  events.sort(compareEvents);
  // Assignments written by GTO name no version: GTO finds it by commit. Resolve those the same way
  // (the latest version registered at that commit before the assignment).
  const byCommit = new Map<string, string>();
  const unresolved: RegistryEvent[] = [];
  for (const e of events) {
    if (e.event === 'registration' && e.version) byCommit.set(`${e.name}\0${e.commit}`, e.version);
    else if ((e.event === 'assignment' || e.event === 'unassignment') && e.version === null) {
      e.version = byCommit.get(`${e.name}\0${e.commit}`) ?? null;
      if (e.version === null) unresolved.push(e);
    }
  }
  // GTO's tags carry whole seconds: its assignment made in the same second as our registration
  // (milliseconds) sorts first. The version registered at that commit is still the one meant.
  for (const e of unresolved) {
    const first = events.find((r) => r.event === 'registration' && r.version && r.name === e.name && r.commit === e.commit);
    if (first) e.version = first.version;
  }
  return events;
}

/** Folds the events of every model into model states, sorted by name. */
export function buildState(events: RegistryEvent[]): ModelState[] {
  const byName = new Map<string, RegistryEvent[]>();
  for (const e of events) {
    const list = byName.get(e.name) ?? [];
    list.push(e);
    byName.set(e.name, list);
  }
  return [...byName.keys()].sort().map((name) => foldModel(name, byName.get(name)!));
}

function foldModel(name: string, events: RegistryEvent[]): ModelState {
  const versions = new Map<string, VersionState>();
  let deprecated = false;
  // Per stage, per version: the order index of its latest assignment, or -1 after an unassignment.
  const assigned = new Map<string, Map<string, number>>();
  const deregisteredEarly = new Set<string>();
  events.forEach((e, index) => {
    switch (e.event) {
      case 'registration':
        if (e.version && !versions.has(e.version)) {
          versions.set(e.version, { version: e.version, tag: e.tag, commit: e.commit, registeredAt: e.time, actor: e.actor, active: true, metadata: e.metadata, stages: [] });
        }
        deprecated = false;
        break;
      case 'deregistration': {
        const v = e.version ? versions.get(e.version) : undefined;
        if (v) v.active = false;
        // Stamped before the registration (a writer's clock behind): a version's tag name can
        // never be registered again, so its deregistration counts whenever it was written.
        else if (e.version) deregisteredEarly.add(e.version);
        break;
      }
      case 'assignment':
      case 'unassignment': {
        if (!e.version || !e.stage) break;
        const stage = assigned.get(e.stage) ?? new Map<string, number>();
        stage.set(e.version, e.event === 'assignment' ? index : -1);
        assigned.set(e.stage, stage);
        break;
      }
      case 'deprecation':
        deprecated = true;
        break;
    }
  });
  for (const version of deregisteredEarly) {
    const v = versions.get(version);
    if (v) v.active = false;
  }
  const stages: Record<string, string> = {};
  for (const stage of [...assigned.keys()].sort()) {
    let best: string | null = null;
    let bestIndex = -1;
    for (const [version, index] of assigned.get(stage)!) {
      if (index > bestIndex && versions.get(version)?.active) {
        best = version;
        bestIndex = index;
      }
    }
    if (best) {
      stages[stage] = best;
      versions.get(best)!.stages.push(stage);
    }
  }
  const list = [...versions.values()].sort((a, b) => compareSemVer(a.version, b.version));
  const active = list.filter((v) => v.active);
  return { name, versions: list, latest: active.length ? active[active.length - 1]!.version : null, stages, deprecated, events };
}

/**
 * The version `rollback` should assign: the version that held the stage before the current one.
 * Assignments form a stack: a normal assignment pushes, a rollback pops back to its target, an
 * unassignment removes the version. So rolling back twice walks further back (v3 → v2 → v1)
 * instead of toggling between the last two. Deregistered versions are skipped.
 */
export function rollbackTarget(model: ModelState, stage: string): { from: string; to: string } | null {
  const current = model.stages[stage];
  if (!current) return null;
  const stack: string[] = [];
  for (const e of model.events) {
    if (e.stage !== stage || !e.version) continue;
    if (e.event === 'unassignment') {
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i] === e.version) stack.splice(i, 1);
    } else if (e.event === 'assignment') {
      if (e.metadata?.rollbackFrom && stack.includes(e.version)) {
        while (stack.length && stack[stack.length - 1] !== e.version) stack.pop();
      } else if (stack[stack.length - 1] !== e.version) {
        stack.push(e.version);
      }
    }
  }
  const active = new Set(model.versions.filter((v) => v.active).map((v) => v.version));
  const candidates = stack.filter((v) => active.has(v));
  while (candidates.length && candidates[candidates.length - 1] === current) candidates.pop();
  const to = candidates[candidates.length - 1];
  return to ? { from: current, to } : null;
}
