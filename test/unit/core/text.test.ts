import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/core/text.ts';

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
