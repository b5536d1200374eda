import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/train/config.ts';
import { InputError } from '../../../src/core/errors.ts';

// Anchors and aliases are plain YAML (one list of features for data and drift, one label name for
// data.label and a slice): mlops.yaml refused every alias with 'unsupported YAML node'.
describe('mlops.yaml with YAML anchors and aliases', () => {
  it('reads an alias as the value it refers to', () => {
    const config = parseConfig([
      'data: { train: t.csv, label: &label species, features: &features [island, sex] }',
      'evaluate: { slices: [*label], metrics: [accuracy] }',
      'train: &train { epochs: 3, seed: 5 }',
      'drift: { features: [{ name: island, method: chi2 }] }',
      'model: { hidden: [8] }',
    ].join('\n'), '/p/mlops.yaml');
    expect(config.data.label).toBe('species');
    expect(config.data.features).toEqual(['island', 'sex']);
    expect(config.evaluate.slices).toEqual(['species']);
    expect(config.train).toMatchObject({ epochs: 3, seed: 5 });
  });

  it('checks an aliased value as if it were written there', () => {
    let error: unknown;
    try {
      parseConfig('x: &x ten\ntrain: { epochs: *x }\n', '/p/mlops.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    // The unknown top-level key comes first, at its line.
    expect((error as InputError).message).toMatch(/mlops\.yaml:1:1 \(x\): unknown key 'x'/);
    expect(() => parseConfig('data: { label: &n ten }\ntrain: { epochs: *n }\n', '/p/mlops.yaml')).toThrow(/\(train\.epochs\): expected an integer ≥ 1, got 'ten'/);
  });
});

describe('an alias inside the value it names', () => {
  it('is exit 2 at the alias, not a stack overflow', () => {
    expect(() => parseConfig('train: &x { epochs: 1, seed: [*x] }\n', '/p/mlops.yaml')).toThrow(/mlops\.yaml:1:31: the alias \*x is inside the value it names/);
  });
});
