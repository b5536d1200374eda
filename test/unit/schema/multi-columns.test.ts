/**
 * The totals of a validation of several files (shards) keep every column, whatever its name:
 * `constructor`, `toString` or `__proto__` are ordinary column names.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { multiValidation } from '../../../src/schema/multi.ts';
import type { ValidationReport } from '../../../src/schema/report-types.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'multi-columns-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('multiValidation column totals', () => {
  it('sum columns named like Object.prototype members, and leave Object.prototype alone', async () => {
    const schema = parseSchema('fields:\n  - {name: constructor, type: integer}\n  - {name: toString, type: string}\n  - {name: valueOf, type: integer}\n', 's.yaml');
    const reports: ValidationReport[] = [];
    for (const [name, text] of [['a.csv', 'constructor,toString,valueOf\n1,a,\n2,b,5\n'], ['b.csv', 'constructor,toString,valueOf\n7,,x\n']]) {
      const path = join(dir, name);
      await writeFile(path, text);
      reports.push(await validateFile(path, schema));
    }
    const doc = multiValidation(reports);
    expect(Object.keys(doc.columns)).toEqual(['constructor', 'toString', 'valueOf']);
    expect(doc.columns.constructor).toMatchObject({ rows: 3, nulls: 0, valid: 3, min: 1, max: 7 });
    expect(doc.columns.toString).toMatchObject({ rows: 3, nulls: 1, valid: 2 });
    expect(doc.columns.valueOf).toMatchObject({ rows: 3, nulls: 1, valid: 1, failures: { type: 1 }, errorCount: 1 });
    expect(JSON.parse(JSON.stringify(doc)).columns.valueOf.rows).toBe(3);
    // The totals were once added onto the inherited members themselves.
    expect(Object.hasOwn(Object, 'rows')).toBe(false);
    expect(Object.hasOwn(Object.prototype.toString, 'rows')).toBe(false);
    expect(({} as Record<string, unknown>).rows).toBeUndefined();
  });

  it('a column named __proto__ is a column of the totals, not their prototype', () => {
    const column = { type: 'integer', present: true, rows: 2, nulls: 0, nullFraction: 0, valid: 2, failures: {}, errorCount: 0, min: 1, max: 2, minLength: null, maxLength: null };
    const report = { valid: true, rows: 2, errorCount: 0, errors: [], columns: Object.fromEntries([['__proto__', column]]), errorsByRule: {}, file: 'a.csv' } as unknown as ValidationReport;
    const doc = multiValidation([report, { ...report, file: 'b.csv' }]);
    expect(Object.keys(doc.columns)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(doc)).columns.__proto__).toMatchObject({ rows: 4, min: 1, max: 2 });
    expect(({} as Record<string, unknown>).rows).toBeUndefined();
  });
});
