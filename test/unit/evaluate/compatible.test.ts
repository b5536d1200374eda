import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import type { EvaluatedModel } from '../../../src/evaluate/external.ts';
import { checkCompatible } from '../../../src/evaluate/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-compatible-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = (task: EvaluatedModel['task'], classes: string[]): EvaluatedModel => ({
  task, classes, labelName: 'y', featureNames: ['a', 'b'], preprocessing: {} as EvaluatedModel['preprocessing'],
  predict: () => { throw new Error('not called'); }, dispose: () => undefined,
});

describe('checkCompatible', () => {
  it('blames the file that states the baseline\'s label: preprocessing.json, or an external model\'s run.json', () => {
    const tfjs = join(dir, 'tfjs');
    const external = join(dir, 'external');
    for (const d of [tfjs, external]) rmSync(d, { recursive: true, force: true });
    mkdirSync(tfjs);
    mkdirSync(external);
    writeFileSync(join(tfjs, 'preprocessing.json'), '{}');
    writeFileSync(join(external, 'run.json'), '{}');
    const error = (baselineDir: string) => {
      try {
        checkCompatible(model('binary', ['0', '1']), model('regression', []), join(dir, 'candidate'), baselineDir);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('compatible');
    };
    expect(error(tfjs)).toBeInstanceOf(InputError);
    expect(error(tfjs).location).toEqual({ file: join(tfjs, 'preprocessing.json'), key: 'label.task' });
    expect(error(external).location).toEqual({ file: join(external, 'run.json'), key: 'label.task' });
    expect(checkCompatible(model('binary', ['0', '1']), model('binary', ['0', '1']), 'c', external)).toEqual({ added: [], removed: [] });
  });
});
