import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { DRIFT_METHODS, METHODS_FOR_KIND, type DriftMethod } from '../../../src/drift/policy.ts';
import { createProfiler } from '../../../src/profile/index.ts';
import type { DatasetProfile } from '../../../src/profile/types.ts';
import type { Column } from '../../../src/table/types.ts';
import { loadConfig } from '../../../src/train/config.ts';

/** A profile of one batch of columns (numbers, or text when any cell is a string). */
function profileOf(names: string[], values: Array<Array<number | string>>): DatasetProfile {
  const length = values[0]!.length;
  const columns: Column[] = names.map((name, j) => {
    const cells = values[j]!;
    if (cells.every((v) => typeof v === 'number')) {
      return { kind: 'number', name, values: Float64Array.from(cells as number[]), nulls: new Uint8Array(length), invalid: [] };
    }
    const dictionary = [...new Set(cells.map(String))];
    return { kind: 'string', name, codes: Int32Array.from(cells, (v) => dictionary.indexOf(String(v))), dictionary };
  });
  const profiler = createProfiler(names);
  profiler.add({ length, rowOffset: 0, lines: new Float64Array(length), columns });
  return profiler.finish([]);
}

const n = 300;
const island = Array.from({ length: n }, (_, i) => ['Biscoe', 'Dream', 'Torgersen'][i % 3]!);
const mass = Array.from({ length: n }, (_, i) => 3000 + ((i * 37) % 2000));
const rooms = Array.from({ length: n }, (_, i) => 1 + (i % 6)); // integers, 6 values: categorical by default
const profile = profileOf(['island', 'mass', 'rooms'], [island, mass, rooms]);

describe('a forced drift method', () => {
  it('runs as named whenever the column can take it (the report never shows another method)', () => {
    for (const [name, kind] of [['island', 'categorical'], ['mass', 'numeric']] as const) {
      for (const method of METHODS_FOR_KIND[kind]) {
        const column = compareProfiles(profile, profile, { features: [name], overrides: [{ name, method }] }).columns[0]!;
        expect([column.name, column.type, column.method]).toEqual([name, kind, method]);
      }
    }
  });

  it('that the column cannot take is an error at the place it was written, naming the column and its kind', () => {
    const at = { file: '/p/mlops.yaml', line: 7, column: 24, key: 'drift.features[0].method' };
    const attempt = (name: string, method: DriftMethod) => () => compareProfiles(profile, profile, { features: [name], overrides: [{ name, method, methodAt: at }] });
    expect(attempt('island', 'ks')).toThrow(new InputError("ks needs a numeric column; 'island' is categorical (text values). Methods for categorical columns: chisquare, ztest, psi, jensenshannon, hellinger, or auto", at));
    expect(attempt('island', 'ks')).toThrow('/p/mlops.yaml:7:24 (drift.features[0].method): ks needs a numeric column');
    expect(attempt('island', 'wasserstein')).toThrow("wasserstein needs a numeric column; 'island' is categorical");
    expect(attempt('mass', 'ztest')).toThrow("/p/mlops.yaml:7:24 (drift.features[0].method): ztest compares categories; 'mass' is numeric. Methods for numeric columns: ks, wasserstein, psi, chisquare, jensenshannon, hellinger, or auto");
    // Every method is allowed for at least one kind, and the lists cover every method.
    expect(new Set([...METHODS_FOR_KIND.numeric, ...METHODS_FOR_KIND.categorical])).toEqual(new Set(DRIFT_METHODS));
  });

  it('ks or wasserstein on integers with few values (categorical by default) runs on their numbers', () => {
    expect(compareProfiles(profile, profile, { features: ['rooms'] }).columns[0]!.type).toBe('categorical');
    for (const method of ['ks', 'wasserstein'] as const) {
      const column = compareProfiles(profile, profile, { features: ['rooms'], overrides: [{ name: 'rooms', method }] }).columns[0]!;
      expect([column.type, column.method, column.drifted]).toEqual(['numeric', method, false]);
    }
  });
});

describe('drift methods in mlops.yaml and the schema', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlops-drift-method-'));
    await writeFile(join(dir, 'd.csv'), `island,mass\n${island.map((v, i) => `${v},${mass[i]}`).join('\n')}\n`);
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  const check = async (yaml: string, schema?: string) => {
    await writeFile(join(dir, 'm.yaml'), yaml);
    if (schema !== undefined) await writeFile(join(dir, 's.yaml'), schema);
    const config = await loadConfig(join(dir, 'm.yaml'));
    return runDriftCheck({ cwd: dir, reference: join(dir, 'd.csv'), current: join(dir, 'd.csv'), config, ...(schema !== undefined ? { schema: join(dir, 's.yaml') } : {}) });
  };

  it('an unknown method names the file, line and column of the value', async () => {
    const yaml = 'name: m\ndrift:\n  features:\n    - name: island\n      method: bogus\n';
    await expect(check(yaml)).rejects.toThrow(`${join(dir, 'm.yaml')}:5:15 (drift.features[0].method): unknown drift method 'bogus' (expected auto or one of ks, wasserstein, psi, chisquare, ztest, jensenshannon, hellinger; also accepted:`);
  });

  it('a method the column cannot take is refused at its line, in mlops.yaml or in the schema', async () => {
    await expect(check('name: m\ndrift:\n  features:\n    - { name: mass }\n    - { name: island, method: ks }\n'))
      .rejects.toThrow(`${join(dir, 'm.yaml')}:5:31 (drift.features[1].method): ks needs a numeric column; 'island' is categorical (text values)`);
    const schema = 'fields:\n  - name: island\n    type: string\n    drift: { method: wasserstein }\n  - name: mass\n    type: number\n';
    await expect(check('name: m\n', schema)).rejects.toThrow(`${join(dir, 's.yaml')}:4:14 (fields[0].drift.method): wasserstein needs a numeric column; 'island' is categorical`);
  });

  it('accepts the other tools\u2019 spellings and reports the canonical name', async () => {
    const result = await check('name: m\ndrift:\n  features:\n    - { name: island, method: chi2 }\n    - { name: mass, method: kolmogorov_smirnov }\n');
    expect(Object.fromEntries(result.report.columns.map((c) => [c.name, c.method]))).toEqual({ island: 'chisquare', mass: 'ks' });
  });
});
