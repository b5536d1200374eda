/**
 * Semantic versions as GTO writes them in tags: `v` + SemVer 2.0.0 (prerelease and build allowed).
 * Kept tiny and dependency-free: the registry only parses, orders and bumps.
 */

/** A parsed `vMAJOR.MINOR.PATCH[-pre][+build]`. */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  build: string[];
}

const NUM = '0|[1-9]\\d*';
const PRE_ID = '0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*';
/** SemVer 2.0.0 body (without the `v`), as a regex source shared with the tag grammar. */
export const SEMVER_SOURCE = `(?:${NUM})\\.(?:${NUM})\\.(?:${NUM})(?:-(?:${PRE_ID})(?:\\.(?:${PRE_ID}))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?`;
const FULL = new RegExp(`^v(${NUM})\\.(${NUM})\\.(${NUM})(?:-((?:${PRE_ID})(?:\\.(?:${PRE_ID}))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$`);

/** Parses `vX.Y.Z…`; returns null when the text is not a valid tag version. */
export function parseSemVer(text: string): SemVer | null {
  const m = FULL.exec(text);
  if (!m) return null;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!parts.every(Number.isSafeInteger)) return null;
  return {
    major: parts[0]!, minor: parts[1]!, patch: parts[2]!,
    prerelease: m[4] ? m[4].split('.') : [],
    build: m[5] ? m[5].split('.') : [],
  };
}

/** True when `text` is a valid `vX.Y.Z` version. */
export function isSemVer(text: string): boolean {
  return parseSemVer(text) !== null;
}

/** Formats a version back to `vX.Y.Z[-pre][+build]`. */
export function formatSemVer(v: SemVer): string {
  return `v${v.major}.${v.minor}.${v.patch}${v.prerelease.length ? `-${v.prerelease.join('.')}` : ''}${v.build.length ? `+${v.build.join('.')}` : ''}`;
}

/** Accepts `1.2.3` or `v1.2.3` from a user and returns the canonical `v1.2.3`, or null. */
export function normalizeVersion(text: string): string | null {
  const withV = text.startsWith('v') ? text : `v${text}`;
  return parseSemVer(withV) ? withV : null;
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  // Numeric identifiers have no leading zeros (SemVer §9): the longer is the larger, and equal
  // lengths compare as text — exact beyond 2^53, where Number() would call two of them equal.
  if (an && bn) return Math.sign(a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer precedence (build metadata ignored, as the spec says). Throws on invalid input. */
export function compareSemVer(a: string, b: string): number {
  const x = parseSemVer(a);
  const y = parseSemVer(b);
  if (!x || !y) throw new Error(`not a version: ${x ? b : a}`);
  for (const k of ['major', 'minor', 'patch'] as const) {
    if (x[k] !== y[k]) return Math.sign(x[k] - y[k]);
  }
  if (!x.prerelease.length || !y.prerelease.length) return Math.sign(y.prerelease.length - x.prerelease.length) || 0;
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    if (i >= x.prerelease.length) return -1;
    if (i >= y.prerelease.length) return 1;
    const c = compareIdentifiers(x.prerelease[i]!, y.prerelease[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

export type Bump = 'major' | 'minor' | 'patch';

/** Next version after `from` (prerelease/build dropped, as GTO and npm do for a release bump). */
export function bumpVersion(from: string, bump: Bump): string {
  const v = parseSemVer(from);
  if (!v) throw new Error(`not a version: ${from}`);
  if (bump === 'major') return `v${v.major + 1}.0.0`;
  if (bump === 'minor') return `v${v.major}.${v.minor + 1}.0`;
  // A prerelease's patch bump releases it (v1.2.3-rc.1 → v1.2.3), per SemVer precedence.
  return v.prerelease.length ? `v${v.major}.${v.minor}.${v.patch}` : `v${v.major}.${v.minor}.${v.patch + 1}`;
}
