import { describe, expect, it } from 'vitest';
import { sliceValues } from '../../../src/evaluate/run.ts';

describe('slice values', () => {
  it('keeps categorical and low-cardinality numeric columns as they are', () => {
    expect(sliceValues(['winter', null, 'summer'])).toEqual(['winter', null, 'summer']);
    expect(sliceValues(['1', '2', '1', '3'])).toEqual(['1', '2', '1', '3']);
    // One non-number among numbers: not a numeric column.
    const mixed = [...Array.from({ length: 30 }, (_, i) => String(i)), 'n/a'];
    expect(sliceValues(mixed)).toEqual(mixed);
  });

  it('cuts a numeric column with many values into quartile bins, missing cells kept apart', () => {
    const texts = [...Array.from({ length: 100 }, (_, i) => String(i % 40)), null];
    const out = sliceValues(texts);
    const counts = new Map<string | null, number>();
    for (const v of out) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()]).toEqual(['[0, 8)', '[8, 16)', '[16, 27)', '[27, 39]', null]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(101);
    expect(out[39]).toBe('[27, 39]');
  });
});
