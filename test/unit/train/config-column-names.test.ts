import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/train/config.ts';

// pandas writes a frame built from a numpy array with columns 0, 1, 2, …: mlops.yaml then names
// them as YAML reads numbers (label: 4, features: [0, 1]), and was refused with 'expected a
// string, got 4'. A column name is the text as written.
describe('column names that YAML reads as numbers or booleans', () => {
  it('data.label and data.features are the names as written', () => {
    const config = parseConfig('data: { train: t.csv, label: 4, features: [0, 1, 2.50, true] }\n', '/p/mlops.yaml');
    expect(config.data.label).toBe('4');
    expect(config.data.features).toEqual(['0', '1', '2.50', 'true']);
  });

  it('a quoted name and text stay as they are; a list or mapping is still refused', () => {
    expect(parseConfig('data: { label: "007", features: [a] }\n', '/p/mlops.yaml').data.label).toBe('007');
    expect(() => parseConfig('data: { label: [a] }\n', '/p/mlops.yaml')).toThrow(/\(data\.label\): expected a string, got a list/);
    expect(() => parseConfig('data: { features: [0, 0] }\n', '/p/mlops.yaml')).toThrow(/data\.features/);
  });
});

describe('other keys that name columns', () => {
  it('evaluate.slices and drift.features[].name', () => {
    const config = parseConfig('evaluate: { slices: [3] }\ndrift: { features: [{ name: 0, method: ks }] }\n', '/p/mlops.yaml');
    expect(config.evaluate.slices).toEqual(['3']);
    expect(config.drift.features).toEqual([{ name: '0', method: 'ks' }]);
  });
});
