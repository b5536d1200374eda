import { describe, expect, it } from 'vitest';
import { configLocation, parseConfig } from '../../../src/train/config.ts';
import { fitPreprocessing } from '../../../src/train/preprocess.ts';
import { classCountProblem, labelTask, MAX_CLASSES } from '../../../src/train/task.ts';
import { makeTable } from './helpers.ts';

describe('labelTask: the one rule of mlops init and mlops train', () => {
  it('whole numbers with few values are classes; fractions or many values are a quantity; text is classes', () => {
    expect(labelTask(['0', '1'])).toBe('binary');
    expect(labelTask(['0', '1', '2'])).toBe('multiclass');
    expect(labelTask(['1.0', '2.0', '3.0'])).toBe('multiclass');
    expect(labelTask(Array.from({ length: 20 }, (_, i) => String(i)))).toBe('multiclass');
    expect(labelTask(Array.from({ length: 21 }, (_, i) => String(i)))).toBe('regression');
    expect(labelTask(['0.5', '1', '1.5'])).toBe('regression');
    expect(labelTask(['3.25', '7.5'])).toBe('regression');
    expect(labelTask(['no', 'yes'])).toBe('binary');
    expect(labelTask(['true', 'false'])).toBe('binary');
    expect(labelTask(['Adelie', 'Gentoo', 'Chinstrap'])).toBe('multiclass');
    expect(labelTask(['1', '2', 'three'])).toBe('multiclass');
  });

  it('codes with a leading zero (zip, product codes) are classes and categorical features, as schema infer reads them', () => {
    const codes = Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(3, '0'));
    expect(labelTask(codes)).toBe('multiclass');
    expect(labelTask(Array.from({ length: 25 }, (_, i) => String(i + 1)))).toBe('regression');
    expect(labelTask(['0.5', '00.75', '1'])).toBe('multiclass');
    // A zip code decides the label here: as a number (00501 = 501, 90210) it would be an ordering that means nothing.
    const zips = ['00501', '02134', '10001', '90210', '07030'];
    const rows = Array.from({ length: 100 }, (_, i) => zips[i % 5]!);
    const spec = fitPreprocessing(makeTable({ zip: rows, n: rows.map((_, i) => String(i)), y: rows.map((z) => (z === '00501' || z === '90210' ? 'yes' : 'no')) }),
      { label: 'y', features: ['zip', 'n'] });
    expect(spec.features.map((f) => [f.name, f.kind])).toEqual([['zip', 'categorical'], ['n', 'numeric']]);
    expect(spec.outputs.filter((o) => o.startsWith('zip='))).toEqual(['zip=00501', 'zip=02134', 'zip=07030', 'zip=10001', 'zip=90210', 'zip=__oov__']);
    // One code among numbers is enough, as in schema infer; a plain 0 or 0.5 is a number.
    const mixed = fitPreprocessing(makeTable({ a: ['12', '0', '0.5', '7', '012'], b: ['12', '0', '0.5', '7', '-3'], y: ['p', 'q', 'p', 'q', 'p'] }),
      { label: 'y', features: ['a', 'b'] });
    expect(mixed.features.map((f) => f.kind)).toEqual(['categorical', 'numeric']);
    // model.task: regression still reads a code-like target as the number it is asked to be.
    const forced = fitPreprocessing(makeTable({ x: [1, 2, 3, 4], y: ['01', '02', '03', '05'] }), { label: 'y', features: ['x'], task: 'regression' });
    expect(forced.label).toMatchObject({ task: 'regression', mean: 2.75 });
  });

  it('classCountProblem refuses (nearly) one class per row, and more than MAX_CLASSES classes', () => {
    expect(classCountProblem(1461, 1461)).toMatch(/1461 classes in 1461 rows: every row is a class of its own/);
    expect(classCountProblem(800, 1000)).toMatch(/nearly every row is a class of its own/);
    expect(classCountProblem(400, 1000)).toBeNull();
    // Small data with few classes is not refused for its share.
    expect(classCountProblem(3, 4)).toBeNull();
    expect(classCountProblem(20, 20)).toBeNull();
    expect(classCountProblem(MAX_CLASSES + 1, 100_000)).toMatch(/more than the 1000 a classifier is built for/);
  });

  it('fitPreprocessing decides as labelTask does: 0/1 binary, 0/1/2 multiclass, a measurement regression', () => {
    const x = Array.from({ length: 60 }, (_, i) => i);
    const fit = (label: (i: number) => string) => fitPreprocessing(makeTable({ x, y: x.map(label) }), { label: 'y', features: ['x'] }).label;
    expect(fit((i) => (i % 10 === 0 ? '1' : '0'))).toMatchObject({ task: 'binary', classes: ['0', '1'] });
    expect(fit((i) => String(i % 3))).toMatchObject({ task: 'multiclass', classes: ['0', '1', '2'] });
    // A number column (a schema's integer) decides alike.
    expect(fitPreprocessing(makeTable({ x, y: x.map((i) => i % 2) }), { label: 'y', features: ['x'] }).label).toMatchObject({ task: 'binary', classes: ['0', '1'] });
    expect(fit((i) => (i % 3 + 0.5).toFixed(1)).task).toBe('regression');
    expect(fit((i) => String(i * 7)).task).toBe('regression');
    expect(() => fit((i) => `id-${i}`)).toThrow(/'y' cannot be a classification label: 60 classes in 60 rows/);
  });
});

describe('configLocation', () => {
  it('names the line and column of a value, or of its nearest written parent', () => {
    const config = parseConfig('name: m\ndata:\n  label: y\n  features: [a, b]\nevaluate: { gates: [{ metric: acc, min: 1 }] }\n', 'cfg/mlops.yaml');
    expect(configLocation(config, 'data.label')).toEqual({ file: config.configPath, line: 3, column: 10, key: 'data.label' });
    expect(configLocation(config, 'data.features[1]')).toEqual({ file: config.configPath, line: 4, column: 17, key: 'data.features[1]' });
    expect(configLocation(config, 'evaluate.gates[0].metric')).toMatchObject({ line: 5, column: 31 });
    expect(configLocation(config, 'evaluate.slices')).toMatchObject({ line: 5, column: 11, key: 'evaluate.slices' });
    expect(configLocation(config, 'drift.current')).toEqual({ file: config.configPath, key: 'drift.current' });
  });
});
