import { describe, expect, it } from 'vitest';
import { applyPreprocessing, encodeLabels, fitPreprocessing, sortClasses } from '../../../src/train/preprocess.ts';
import { errorOf, makeTable } from './helpers.ts';

describe('fitPreprocessing', () => {
  const table = makeTable({
    x: [1, 2, null, 4, 100],
    color: ['red', 'red', 'blue', null, 'green'],
    y: ['b', 'a', 'b', 'a', 'b'],
  });

  it('imputes with the median, standardises, adds missing indicators and one-hot with an OOV bucket', () => {
    const spec = fitPreprocessing(table, { label: 'y', features: ['x', 'color'], maxCategories: 2 });
    const x = spec.features[0]!;
    expect(x).toMatchObject({ kind: 'numeric', median: 3, missingIndicator: true });
    // Imputed column 1,2,3,4,100 → mean 22, population std.
    const vals = [1, 2, 3, 4, 100];
    const mean = vals.reduce((s, v) => s + v, 0) / 5;
    const std = Math.sqrt(vals.reduce((s, v) => s + (v - mean) ** 2, 0) / 5);
    expect(x.kind === 'numeric' && x.mean).toBeCloseTo(mean, 12);
    expect(x.kind === 'numeric' && x.std).toBeCloseTo(std, 12);
    // Top-2 by count then value: red (2), blue (1, sorts before green).
    expect(spec.features[1]).toMatchObject({ kind: 'categorical', vocabulary: ['red', 'blue'], missingIndicator: true });
    expect(spec.outputs).toEqual(['x', 'x__missing', 'color=red', 'color=blue', 'color=__oov__', 'color__missing']);
    expect(spec.label).toEqual({ name: 'y', task: 'binary', classes: ['a', 'b'] });

    const m = applyPreprocessing(spec, table);
    const row = (i: number) => Array.from(m.subarray(i * 6, i * 6 + 6));
    expect(row(2)[0]).toBeCloseTo((3 - mean) / std, 5);
    expect(row(2).slice(1)).toEqual([1, 0, 1, 0, 0]);
    expect(row(3).slice(1)).toEqual([0, 0, 0, 0, 1]);
    expect(row(4).slice(1)).toEqual([0, 0, 0, 1, 0]); // green → OOV
    expect(Array.from(encodeLabels(spec, table).y)).toEqual([1, 0, 1, 0, 1]);
  });

  it('fits on the given rows only, and applies unseen values leniently', () => {
    const spec = fitPreprocessing(table, { label: 'y', features: ['x', 'color'], rows: [0, 1, 3] });
    expect(spec.features[0]).toMatchObject({ median: 2, missingIndicator: false });
    expect(spec.features[1]).toMatchObject({ vocabulary: ['red'], missingIndicator: true });
    expect(spec.fittedRows).toBe(3);
    const m = applyPreprocessing(spec, table, 2, 1);
    expect(m.length).toBe(spec.outputs.length);
    expect(Array.from(m.subarray(1))).toEqual([0, 1, 0]); // blue unseen → OOV
  });

  it('infers regression for a numeric label with many values, multiclass for few, and honours model.task', () => {
    const n = 30;
    const t = makeTable({ f: Array.from({ length: n }, (_, i) => i), y: Array.from({ length: n }, (_, i) => i * 1.5), k: Array.from({ length: n }, (_, i) => i % 3) });
    const reg = fitPreprocessing(t, { label: 'y', features: ['f'] });
    expect(reg.label.task).toBe('regression');
    expect(reg.label.mean).toBeCloseTo(21.75, 10);
    expect(fitPreprocessing(t, { label: 'k', features: ['f'] }).label).toMatchObject({ task: 'multiclass', classes: ['0', '1', '2'] });
    expect(fitPreprocessing(t, { label: 'k', features: ['f'], task: 'regression' }).label.task).toBe('regression');
  });

  it('sorts numeric classes numerically', () => {
    expect(sortClasses(['10', '2', '1'])).toEqual(['1', '2', '10']);
    expect(sortClasses(['b', 'B', 'a'])).toEqual(['B', 'a', 'b']);
  });

  it('rejects bad input with column and line', () => {
    expect(errorOf(() => fitPreprocessing(table, { label: 'nope', features: ['x'] })).message).toMatch(/label column 'nope' not found/);
    const one = makeTable({ x: [1, 2, 3], y: ['a', 'a', 'a'] });
    expect(errorOf(() => fitPreprocessing(one, { label: 'y', features: ['x'] })).message).toMatch(/only one class/);
    const allNull = makeTable({ x: [null, null, null], y: ['a', 'b', 'a'] });
    expect(errorOf(() => fitPreprocessing(allNull, { label: 'y', features: ['x'] })).message).toMatch(/'x' is null in every training row/);
    const text = makeTable({ x: Array.from({ length: 40 }, (_, i) => (i === 30 ? 'abc' : String(i))), y: Array.from({ length: 40 }, (_, i) => (i % 2 ? 'a' : 'b')) });
    const e = errorOf(() => fitPreprocessing(text, { label: 'y', features: ['x'] }));
    expect(e.message).toMatch(/non-numeric value 'abc' in numeric feature 'x'/);
    expect(e.location).toMatchObject({ line: 32, key: 'x' });
    // R's write.csv writes NA for missing values: the message says how to read it as one.
    const r = makeTable({ x: Array.from({ length: 40 }, (_, i) => (i === 3 ? 'NA' : String(i))), y: Array.from({ length: 40 }, (_, i) => (i % 2 ? 'a' : 'b')) });
    expect(errorOf(() => fitPreprocessing(r, { label: 'y', features: ['x'] })).message).toBe(
      "data.csv:5 (x): non-numeric value 'NA' in numeric feature 'x' (97.5% of its cells are numbers): if 'NA' marks a missing value, list it in the schema's missingValues (data.schema); if 'x' is a category, declare it type: string there");
    const inf = makeTable({ x: ['1', 'Infinity', '2'], y: ['a', 'b', 'a'] });
    expect(errorOf(() => fitPreprocessing(inf, { label: 'y', features: ['x'], kinds: { x: 'numeric' } })).location).toMatchObject({ line: 3, key: 'x' });
    const nan = makeTable({ x: [1, Number.NaN, 2], y: ['a', 'b', 'a'] });
    expect(errorOf(() => fitPreprocessing(nan, { label: 'y', features: ['x'] })).message).toMatch(/NaN value/);
  });
});

describe('cell checks cover rows outside the fitted split', () => {
  it('rejects a non-numeric cell that sits in a validation row', () => {
    const x = Array.from({ length: 40 }, (_, i) => String(i));
    x[39] = 'n/a';
    const t = makeTable({ x, y: Array.from({ length: 40 }, (_, i) => (i % 2 ? 'a' : 'b')) });
    const rows = Array.from({ length: 30 }, (_, i) => i);
    expect(() => fitPreprocessing(t, { label: 'y', features: ['x'], rows })).toThrow(/non-numeric value 'n\/a' in numeric feature 'x'/);
  });
});
