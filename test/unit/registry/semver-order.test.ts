/**
 * SemVer precedence of numeric prerelease identifiers. They were compared as JavaScript numbers,
 * so two identifiers beyond 2^53 (build numbers, timestamps in nanoseconds) compared equal: the
 * later one was refused as "the same precedence" and `latest` could pick either.
 */
import { describe, expect, it } from 'vitest';
import { compareSemVer } from '../../../src/registry/semver.ts';

describe('compareSemVer', () => {
  it('orders numeric prerelease identifiers exactly, also beyond 2^53', () => {
    expect(compareSemVer('v1.0.0-18446744073709551616', 'v1.0.0-18446744073709551615')).toBe(1);
    expect(compareSemVer('v1.0.0-rc.9007199254740993', 'v1.0.0-rc.9007199254740992')).toBe(1);
    expect(compareSemVer('v1.0.0-rc.10', 'v1.0.0-rc.9')).toBe(1);
    expect(compareSemVer('v1.0.0-rc.2', 'v1.0.0-rc.10')).toBe(-1);
    expect(compareSemVer('v1.0.0-rc.10', 'v1.0.0-rc.10')).toBe(0);
  });

  it('keeps the SemVer §11 example order', () => {
    const order = ['v1.0.0-alpha', 'v1.0.0-alpha.1', 'v1.0.0-alpha.beta', 'v1.0.0-beta', 'v1.0.0-beta.2', 'v1.0.0-beta.11', 'v1.0.0-rc.1', 'v1.0.0'];
    const shuffled = [...order].reverse();
    expect(shuffled.sort(compareSemVer)).toEqual(order);
    expect(compareSemVer('v1.0.0+build.1', 'v1.0.0+build.2')).toBe(0);
  });
});
