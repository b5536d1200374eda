import { describe, expect, it } from 'vitest';
import { civilFromDays, civilMs, dayOfCivil, daysFromCivil, daysInMonth } from '../../../src/table/temporal.ts';

describe('dayOfCivil (a table lookup for 1900–2299)', () => {
  it('equals daysFromCivil for every existing date of 1890–2310 (inside the table and past both ends)', () => {
    const first = daysFromCivil(1890, 1, 1), last = daysFromCivil(2310, 12, 31);
    for (let day = first; day <= last; day++) {
      const [y, m, d] = civilFromDays(day);
      if (dayOfCivil(y, m, d) !== day) throw new Error(`dayOfCivil(${y}, ${m}, ${d}) = ${dayOfCivil(y, m, d)}, want ${day}`);
    }
  });

  it('is NaN for dates that do not exist, leap rules included, in and out of the table', () => {
    for (const y of [1, 1600, 1899, 1900, 2000, 2023, 2024, 2100, 2299, 2300, 9999]) {
      for (let m = 1; m <= 12; m++) {
        expect(dayOfCivil(y, m, 0)).toBeNaN();
        expect(dayOfCivil(y, m, daysInMonth(y, m))).toBe(daysFromCivil(y, m, daysInMonth(y, m)));
        expect(dayOfCivil(y, m, daysInMonth(y, m) + 1)).toBeNaN();
      }
      expect(dayOfCivil(y, 0, 1)).toBeNaN();
      expect(dayOfCivil(y, 13, 1)).toBeNaN();
    }
    expect(dayOfCivil(1900, 2, 29)).toBeNaN();
    expect(dayOfCivil(2000, 2, 29)).toBe(daysFromCivil(2000, 2, 29));
    expect(dayOfCivil(1970, 1, 1)).toBe(0);
  });

  it('gives civilMs its dates (as Date.UTC counts them)', () => {
    expect(civilMs(2024, 2, 29, 23, 59, 59, 999)).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(civilMs(2023, 2, 29)).toBeUndefined();
    expect(civilMs(1850, 6, 15, 12)).toBe(Date.UTC(1850, 5, 15, 12));
  });
});
