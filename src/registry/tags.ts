/**
 * The registry's tag grammar — GTO's, so repositories already managed with GTO keep working:
 *
 *   name@vX.Y.Z            registration of a version
 *   name@vX.Y.Z!           deregistration of that version
 *   name#stage#N           assignment of a stage (N = the model's highest counter + 1)
 *   name#stage!#N          unassignment of a stage
 *   name@deprecated        deprecation of the whole model
 *
 * Every form may carry a `#N` counter (GTO writes it on assignments and unassignments; its
 * "simple" notation omits it). A model living in a sub-directory is `dir:name`, written
 * `dir=name` inside the tag because `:` is not allowed in git ref names.
 *
 * Names: GTO's current rule, `[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?` (older GTO releases were
 * lowercase-only and had no `_`; mlops.yaml names are the lowercase subset), minus `//`, which git
 * refuses in ref names.
 */
import { SEMVER_SOURCE, isSemVer } from './semver.ts';

export type TagEventKind = 'registration' | 'deregistration' | 'assignment' | 'unassignment' | 'deprecation';

/** The meaning of one registry tag. */
export interface ParsedTag {
  kind: TagEventKind;
  /** Model name, `dir:name` for GTO's nested form. */
  name: string;
  /** Set for registration / deregistration. */
  version?: string;
  /** Set for assignment / unassignment. */
  stage?: string;
  /** The `#N` suffix, when present. */
  counter?: number;
}

const NAME_SOURCE = '[a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?';
const DIR_SOURCE = '[a-zA-Z0-9_./-]+';
const NAME_RE = new RegExp(`^${NAME_SOURCE}$`);
const DIR_RE = new RegExp(`^${DIR_SOURCE}$`);
const TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIR_SOURCE}=)?${NAME_SOURCE})` +
    `(?:(?:#(?<stage>${NAME_SOURCE})|@(?<version>v${SEMVER_SOURCE}))(?<cancel>!?)|@(?<deprecated>deprecated))` +
    '(?:#(?<counter>[0-9]+))?$',
);

/** True when `value` is a valid model or stage name (no `dir:` prefix). */
export function isValidName(value: string): boolean {
  return NAME_RE.test(value) && !value.includes('//');
}

function isValidDir(value: string): boolean {
  // git ref rules: no empty component, no `..`, no component starting with `.`, no `.lock` suffix.
  if (!DIR_RE.test(value) || value.startsWith('/') || value.endsWith('/')) return false;
  return value.split('/').every((c) => c !== '' && !c.startsWith('.') && !c.startsWith('-') && !c.endsWith('.lock') && !c.includes('..'));
}

/** True when `value` is a valid model name, optionally `dir:name`. */
export function isValidModelName(value: string): boolean {
  const colon = value.lastIndexOf(':');
  if (colon < 0) return isValidName(value);
  return isValidDir(value.slice(0, colon)) && isValidName(value.slice(colon + 1));
}

/** A human explanation of the name rule, for error messages. */
export const NAME_RULE = "letters, digits, '-', '_' and '/', starting and ending with a letter or digit (optionally 'dir:name')";

/**
 * The names mlops gives models: mlops.yaml's `name` (DESIGN §3), the lower-case subset of GTO's
 * rule. New versions are registered only under such names, so `Pen` can never sit next to `pen`;
 * wider names that GTO wrote are still read (see GitRegistry).
 */
export const MODEL_NAME_GRAMMAR = '[a-z0-9]([a-z0-9-_]*[a-z0-9])?';
const MODEL_NAME_RE = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/;

/** True when `value` follows {@link MODEL_NAME_GRAMMAR}. */
export function isModelName(value: string): boolean {
  return MODEL_NAME_RE.test(value);
}

/** The error message for a name outside {@link MODEL_NAME_GRAMMAR}, with a suggestion when one is obvious. */
export function modelNameProblem(value: string): string {
  const lower = value.toLowerCase();
  const hint = lower !== value && isModelName(lower) ? ` (did you mean '${lower}'?)` : '';
  return `invalid model name '${value}': model names match ${MODEL_NAME_GRAMMAR} — lower-case letters, digits, '-' and '_', ` +
    `starting and ending with a letter or digit, as mlops.yaml's name${hint}`;
}

/**
 * Parses a tag name. Returns null for tags that are not registry tags (release tags like `v1.2.0`,
 * malformed names) — those are simply not part of the registry.
 */
export function parseTag(tag: string): ParsedTag | null {
  const m = TAG_RE.exec(tag);
  if (!m?.groups) return null;
  const g = m.groups;
  const artifact = g.artifact!;
  const eq = artifact.lastIndexOf('=');
  const name = eq < 0 ? artifact : `${artifact.slice(0, eq)}:${artifact.slice(eq + 1)}`;
  if (!isValidModelName(name)) return null;
  let counter: number | undefined;
  if (g.counter !== undefined) {
    counter = Number(g.counter);
    if (!Number.isSafeInteger(counter)) return null;
  }
  const cancelled = g.cancel === '!';
  let parsed: ParsedTag;
  if (g.deprecated) parsed = { kind: 'deprecation', name };
  else if (g.version) parsed = { kind: cancelled ? 'deregistration' : 'registration', name, version: g.version };
  else {
    if (!isValidName(g.stage!)) return null;
    parsed = { kind: cancelled ? 'unassignment' : 'assignment', name, stage: g.stage! };
  }
  if (counter !== undefined) parsed.counter = counter;
  return parsed;
}

/** Formats a tag; throws when a part is invalid, so a bad tag can never be created. */
export function formatTag(tag: ParsedTag): string {
  if (!isValidModelName(tag.name)) throw new Error(`invalid model name '${tag.name}': ${NAME_RULE}`);
  const artifact = tag.name.replace(/:(?=[^:]*$)/, '=');
  let out: string;
  switch (tag.kind) {
    case 'registration':
    case 'deregistration':
      if (!tag.version || !isSemVer(tag.version)) throw new Error(`invalid version '${tag.version}': expected vX.Y.Z`);
      out = `${artifact}@${tag.version}${tag.kind === 'deregistration' ? '!' : ''}`;
      break;
    case 'assignment':
    case 'unassignment':
      if (!tag.stage || !isValidName(tag.stage)) throw new Error(`invalid stage '${tag.stage}': ${NAME_RULE}`);
      out = `${artifact}#${tag.stage}${tag.kind === 'unassignment' ? '!' : ''}`;
      break;
    case 'deprecation':
      out = `${artifact}@deprecated`;
      break;
  }
  if (tag.counter !== undefined) {
    if (!Number.isSafeInteger(tag.counter) || tag.counter < 0) throw new Error(`invalid counter ${tag.counter}`);
    out += `#${tag.counter}`;
  }
  return out;
}

/**
 * The counter for a model's next counted tag: GTO numbers all counted tags of one model with a
 * single sequence (max over every action and stage, + 1). That makes the counter unique per model,
 * so two clones promoting concurrently create the same tag name and git lets only one push win.
 */
export function nextCounter(tags: Iterable<string>, name: string): number {
  let max = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p && p.name === name && p.counter !== undefined && p.counter > max) max = p.counter;
  }
  return max + 1;
}

/** A reference to a model version as users write it: `name@vX.Y.Z`, `name@latest` or `name#stage`. */
export interface ModelRef {
  name: string;
  version?: string;
  latest?: boolean;
  stage?: string;
}

/** Parses `name@vX.Y.Z` / `name@X.Y.Z` / `name@latest` / `name#stage`; null when it is not a reference. */
export function parseModelRef(ref: string): ModelRef | null {
  const at = ref.lastIndexOf('@');
  const hash = ref.lastIndexOf('#');
  if (at > 0 && hash < 0) {
    const name = ref.slice(0, at);
    const rest = ref.slice(at + 1);
    if (!isValidModelName(name)) return null;
    if (rest === 'latest' || rest === 'greatest') return { name, latest: true };
    const version = rest.startsWith('v') ? rest : `v${rest}`;
    return isSemVer(version) ? { name, version } : null;
  }
  if (hash > 0 && at < 0) {
    const name = ref.slice(0, hash);
    const stage = ref.slice(hash + 1);
    return isValidModelName(name) && isValidName(stage) ? { name, stage } : null;
  }
  return null;
}
