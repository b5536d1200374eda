/**
 * JSON Lines and JSON array keys that are also names of Object.prototype members: a row without
 * such a key has a null cell, not the inherited function.
 */
import { describe, expect, it } from 'vitest';
import { profileFile } from '../../../src/profile/index.ts';
import { validateFile } from '../../../src/schema/file.ts';
import { inferSchema } from '../../../src/schema/infer.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { columnNumbers, columnStrings, readTable } from '../../../src/table/index.ts';
import { useTempFiles } from '../../support/temp-files.ts';

const file = useTempFiles('json-keys-');

const ROWS: Array<Record<string, unknown>> = [
  { constructor: 'Acme Builders', toString: 3, valueOf: 'x', hasOwnProperty: true, x: 1 },
  { x: 2 },
];

describe('JSON keys named like Object.prototype members', () => {
  for (const [ext, text] of [['jsonl', `${ROWS.map((r) => JSON.stringify(r)).join('\n')}\n`], ['json', JSON.stringify(ROWS, null, 2)]] as const) {
    it(`a .${ext} row without them has null cells, for reading, profiling, inferring and validating`, async () => {
      const path = await file(text, ext);
      const t = await readTable(path);
      expect(t.fieldNames).toEqual(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'x']);
      expect(columnStrings(t.columns[0])).toEqual(['Acme Builders', null]);
      expect(t.columns[1].kind).toBe('number');
      expect(Array.from(columnNumbers(t.columns[1]))).toEqual([3, Number.NaN]);
      expect(columnStrings(t.columns[2])).toEqual(['x', null]);
      expect(columnStrings(t.columns[3])).toEqual(['true', null]);
      const profile = await profileFile(path);
      expect(profile.columns.map((c) => c.nulls)).toEqual([1, 1, 1, 1, 0]);
      const schema = await inferSchema(path);
      expect(schema.fields[0]).toMatchObject({ name: 'constructor', type: 'string' });
      expect(schema.fields[0].constraints?.required).toBeUndefined();
      const required = parseSchema('fields:\n  - {name: constructor, type: string, constraints: {required: true}}\n  - {name: toString, type: integer}\n  - {name: valueOf}\n  - {name: hasOwnProperty, type: boolean}\n  - {name: x, type: integer}\n', 's.yaml');
      const report = await validateFile(path, required);
      expect(report.errorsByRule).toEqual({ required: 1 });
    });
  }
});

describe('CSV columns named like Object.prototype members', () => {
  it('are read as the schema says, not as the inherited member configures them', async () => {
    // A date field makes the read options carry `temporal`: `temporal.toString` was Object's.
    const path = await file('day,toString,constructor,amount\n2024-01-01,a,1,"1.000,5"\n2024-01-02,b,2,"2,25"\n', 'csv');
    const schema = parseSchema('fields:\n  - {name: day, type: date}\n  - {name: toString, type: string}\n  - {name: constructor, type: string, missingValues: ["-"]}\n  - {name: amount, type: number, decimalChar: ",", groupChar: "."}\n', 's.yaml');
    const report = await validateFile(path, schema);
    expect(report.errors).toEqual([]);
    expect(report.columns.amount).toMatchObject({ min: 2.25, max: 1000.5 });
    // Number forms (train and drift read such fields through them) leave other columns as they are.
    const t = await readTable(path, { numberForms: { amount: { decimalChar: ',', groupChar: '.' } }, fieldMissingValues: { amount: [''] } });
    expect(t.columns.map((c) => c.kind)).toEqual(['string', 'string', 'string', 'number']);
    expect(columnStrings(t.columns[2])).toEqual(['1', '2']);
    expect(Array.from(columnNumbers(t.columns[3]))).toEqual([1000.5, 2.25]);
  });
});
