import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDelta, formatDuration, formatInterval, formatNumber, formatPercent, MINUS } from '../../../src/report/index.ts';

describe('formatNumber', () => {
  it('keeps significant digits, including trailing zeros', () => {
    expect(formatNumber(0.8, 3)).toBe('0.800');
    expect(formatNumber(0.123456, 3)).toBe('0.123');
    expect(formatNumber(12.345, 2)).toBe('12');
    expect(formatNumber(0)).toBe('0.00');
    expect(formatNumber(0, 1)).toBe('0');
    expect(formatNumber(-2)).toBe(`${MINUS}2.00`);
    expect(formatNumber(-0)).toBe('0.00');
  });
  it('never rounds away integer digits and never prints 1.00e+3', () => {
    expect(formatNumber(1234567, 3)).toBe('1234567');
    expect(formatNumber(1234.5, 3)).toBe('1235');
    expect(formatNumber(999.6, 3)).toBe('1000');
  });
  it('uses exponents for tiny values', () => {
    expect(formatNumber(0.0000123456, 3)).toBe('1.23e-5');
    expect(formatNumber(0.000123456, 3)).toBe('0.000123');
    expect(formatNumber(-1e-9, 2)).toBe(`${MINUS}1.0e-9`);
  });
  it('handles non-finite values and trims on request', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe(`${MINUS}∞`);
    expect(formatNumber(0.5, 3, { trim: true })).toBe('0.5');
    expect(formatNumber(2, 3, { trim: true })).toBe('2');
  });
  it('round-trips to within the requested relative precision', () => {
    fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 8 }), (x, d) => {
      const text = formatNumber(x, d).replace(MINUS, '-');
      const back = Number(text);
      expect(Number.isFinite(back)).toBe(true);
      if (Math.abs(x) > 1e-300) expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.max(Math.abs(x) * 5 * 10 ** -d, 0.5));
    }));
  });
});

describe('formatDelta', () => {
  it('is signed and trimmed', () => {
    expect(formatDelta(0.012)).toBe('+0.012');
    expect(formatDelta(-0.003)).toBe(`${MINUS}0.003`);
    expect(formatDelta(0.0123456)).toBe('+0.0123');
    expect(formatDelta(0)).toBe('±0');
    expect(formatDelta(-0)).toBe('±0');
    expect(formatDelta(Infinity)).toBe('+∞');
    expect(formatDelta(-Infinity)).toBe(`${MINUS}∞`);
    expect(formatDelta(NaN)).toBe('NaN');
    expect(formatDelta(12.5, 2)).toBe('+13');
  });
});

describe('formatPercent, formatInterval, formatDuration', () => {
  it('formats', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect(formatPercent(-0.05)).toBe(`${MINUS}5.0%`);
    expect(formatPercent(-0.00001)).toBe('0.0%');
    expect(formatPercent(NaN)).toBe('NaN');
    expect(formatInterval(0.8012, 0.8451)).toBe('[0.801, 0.845]');
    expect(formatInterval(-Infinity, 2)).toBe(`[${MINUS}∞, 2.00]`);
    expect(formatDuration(0.25)).toBe('250 µs');
    expect(formatDuration(12.34)).toBe('12.3 ms');
    expect(formatDuration(4200)).toBe('4.20 s');
  });

  it('a duration that rounds up to 1000 of a unit is written in the next one (1.00 ms, not 1000 µs)', () => {
    expect(formatDuration(0.9996)).toBe('1.00 ms');
    expect(formatDuration(999.6)).toBe('1.00 s');
    expect(formatDuration(-0.9996)).toBe(`${MINUS}1.00 ms`);
    expect(formatDuration(0.99949)).toBe('999 µs');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(0.9996, 5)).toBe('999.60 µs');
  });
});
