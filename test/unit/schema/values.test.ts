import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberSet } from '../../../src/schema/hash-set.ts';
import { compileStrptime, fieldParser } from '../../../src/schema/values.ts';

describe('NumberSet', () => {
  it('agrees with a JS Set on random doubles and integers (0 and -0 are one value)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double(), fc.constantFrom(0, -0, NaN, Infinity))), (xs) => {
      const ours = new NumberSet(4);
      const ref = new Set<number>();
      for (const x of xs) {
        const key = Object.is(x, -0) ? 0 : x;
        expect(ours.add(x)).toBe(!ref.has(key));
        ref.add(key);
      }
      expect(ours.size).toBe(ref.size);
      for (const x of xs) expect(ours.has(x)).toBe(true);
    }), { numRuns: 200 });
  });
});

describe('date and time parsing', () => {
  const date = fieldParser({ type: 'date' });
  const datetime = fieldParser({ type: 'datetime' });
  it('ISO dates equal Date.UTC for every day of random years, and reject impossible days', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      t.setUTCHours(0, 0, 0, 0);
      const exists = t.getUTCDate() === d;
      expect(date(text)).toBe(exists ? t.getTime() : undefined);
    }), { numRuns: 500 });
  });

  it('datetimes: fast path and offsets agree with Date.parse', () => {
    for (const text of ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59', '1999-12-31T00:00:00.5+01:30', '2024-01-01 10:00:00Z']) {
      const expected = Date.parse(text.replace(' ', 'T').replace(/(T\d\d:\d\d:\d\d(\.\d+)?)$/, '$1Z'));
      expect(datetime(text)).toBe(expected);
    }
    expect(datetime('2023-02-29T00:00:00Z')).toBeUndefined();
    expect(datetime('2024-01-01T24:00:00Z')).toBeUndefined();
  });

  it('strptime formats', () => {
    expect(compileStrptime('%d %b %Y %I:%M %p', 'datetime')('05 Mar 2021 01:30 PM')).toBe(Date.UTC(2021, 2, 5, 13, 30));
    expect(compileStrptime('%y%m%d', 'date')('991231')).toBe(Date.UTC(1999, 11, 31));
    expect(compileStrptime('%H:%M', 'time')('23:05')).toBe(23 * 3600 + 5 * 60);
    expect(compileStrptime('%d/%m/%Y', 'date')('31/02/2020')).toBeUndefined();
    expect(() => compileStrptime('%Q', 'date')).toThrow(/unsupported directive/);
  });
});
