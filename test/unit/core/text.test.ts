import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupDigits, plural } from '../../../src/core/text.ts';

describe('plural', () => {
  it('is singular for exactly one, groups digits, takes an irregular plural', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(1461, 'row')).toBe('1,461 rows');
    expect(plural(2, 'test row')).toBe('2 test rows');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});

describe('groupDigits', () => {
  it('writes integers exactly as toLocaleString("en-US") does', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -999_999, max: 999_999 })), (n) => {
      expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
    }), { numRuns: 2000 });
    for (const n of [0, 7, 999, 1000, -1000, 123_456, 1_000_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
  });
  it('leaves other numbers to toLocaleString', () => {
    for (const n of [1.5, 1234.5678, -0.25, 1e21, Infinity, NaN]) expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
  });
});
