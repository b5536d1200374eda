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

  it('labels bins with the digits that tell their bounds apart (epoch seconds, values close together)', () => {
    const epoch = Array.from({ length: 100 }, (_, i) => String(1_700_000_000 + i * 900));
    expect([...new Set(sliceValues(epoch))]).toEqual(['[1700000000, 1700021600)', '[1700021600, 1700044100)', '[1700044100, 1700066600)', '[1700066600, 1700089100]']);
    const close = Array.from({ length: 100 }, (_, i) => (10.001 + i * 0.0001).toFixed(4));
    expect([...new Set(sliceValues(close))]).toEqual(['[10.001, 10.0034)', '[10.0034, 10.0059)', '[10.0059, 10.0084)', '[10.0084, 10.0109]']);
    // Four bins, as for any column: each row in exactly one, by its own value.
    expect(sliceValues(close).filter((v) => v === '[10.001, 10.0034)')).toHaveLength(24);
  });
});
