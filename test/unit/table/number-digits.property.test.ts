import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../src/table/csv.ts';
import type { NumberColumn } from '../../../src/table/types.ts';

// The scanner parses plain decimals inline, the first 9 digits in int32 arithmetic and the rest in
// doubles; `detect` columns keep the digits after the point. Every split of the digits (integer
// part, fraction, leading zeros, signs, 1 to 17 digits) must give exactly what Number() gives.

const digitsText = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const decimal = fc.record({
  sign: fc.constantFrom('', '-', '+'),
  int: fc.integer({ min: 0, max: 17 }).chain(digitsText),
  frac: fc.option(fc.integer({ min: 0, max: 17 }).chain(digitsText), { nil: undefined }),
}).map(({ sign, int, frac }) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}`)
  .filter((t) => /\d/.test(t));

describe('inline decimal parsing', () => {
  it('number columns read every decimal as Number() does', () => {
    fc.assert(fc.property(fc.array(decimal, { minLength: 1, maxLength: 30 }), (texts) => {
      const [batch] = parseCsvText(`x\n${texts.join('\n')}\n`, { decoding: { x: 'number' } }, 64);
      const col = batch.columns[0] as NumberColumn;
      texts.forEach((t, i) => {
        const want = Number(t);
        expect(Number.isNaN(col.values[i]) ? NaN : col.values[i], t).toBe(Number.isNaN(want) ? NaN : want);
        expect(col.nulls[i], t).toBe(0);
      });
    }), { seed: 20261128, numRuns: 400 });
  });

  it('detect columns read canonical decimals as numbers with their fraction digits, the rest as text', () => {
    fc.assert(fc.property(fc.array(decimal, { minLength: 1, maxLength: 30 }), (texts) => {
      const [batch] = parseCsvText(`x\n${texts.join('\n')}\n`, { decoding: { x: 'detect' } }, 64);
      const col = batch.columns[0];
      if (col.kind !== 'number') return; // mostly text: the column switched to a dictionary (tested elsewhere)
      const invalid = new Map(col.invalid.map((c) => [c.index, c.text]));
      texts.forEach((t, i) => {
        if (invalid.has(i)) {
          expect(invalid.get(i)).toBe(t);
          return;
        }
        expect(col.values[i], t).toBe(Number(t));
        // What detection keeps must print the text back exactly.
        expect(col.values[i].toFixed(col.fractionDigits![i]), t).toBe(t.replace(/^\+/, ''));
      });
    }), { seed: 20261128, numRuns: 400 });
  });
});
