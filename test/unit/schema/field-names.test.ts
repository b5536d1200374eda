import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-field-names-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('fields named like members of Object', () => {
  it('__proto__ and constructor are validated and reported like any column', async () => {
    const path = join(dir, 'd.csv');
    await writeFile(path, '__proto__,constructor\n1,a\nx,b\n3,\n');
    const schema = parseSchema('fields:\n  - {name: __proto__, type: integer, constraints: {maximum: 2}}\n  - {name: constructor, type: string, constraints: {required: true}}\n', 's.yaml');
    const report = await validateFile(path, schema);
    expect(Object.keys(report.columns)).toEqual(['__proto__', 'constructor']);
    // Read as an integer column: 'x' is a type error, 3 is over the maximum.
    expect(Object.getOwnPropertyDescriptor(report.columns, '__proto__')?.value).toMatchObject({ type: 'integer', rows: 3, failures: { type: 1, maximum: 1 } });
    expect(report.columns.constructor).toMatchObject({ type: 'string', nulls: 1, failures: { required: 1 } });
    expect(report.errors.map((e) => [e.line, e.column, e.rule])).toEqual([[3, '__proto__', 'type'], [4, '__proto__', 'maximum'], [4, 'constructor', 'required']]);
    const parsed = JSON.parse(JSON.stringify(report.columns)) as object;
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value.failures).toEqual({ type: 1, maximum: 1 });
  });
});
