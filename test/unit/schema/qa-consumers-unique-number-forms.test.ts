import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';

// A number field in a local form (decimalChar, groupChar, bareNumber: false) is read as text, so
// validation can quote a bad cell as written; `unique` on it must still compare numbers.

describe('unique on a number field written in a local form', () => {
  it('reports duplicates by value (1,5 and 1,50 are one number), in one pass and in segments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-consumers-forms-'));
    const path = join(dir, 'data.csv');
    const cells = ['"1,5"', '"2,0"', '"1,50"', 'x', '"-0,0"', '"0"', '"2"'];
    writeFileSync(path, `price\n${Array.from({ length: 210 }, (_, i) => (i < 7 ? cells[i] : `"${i},25"`)).join('\n')}\n`);
    const schema = parseSchema('fields: [{ name: price, type: number, decimalChar: ",", constraints: { unique: true } }]', 'schema.yaml');
    for (const segmentBytes of [undefined, 1024]) {
      const report = await validateFile(path, schema, { segmentBytes });
      expect(report.errorsByRule).toEqual({ type: 1, unique: 3 });
      expect(report.errors.map((e) => [e.row, e.rule, e.value])).toEqual([[3, 'unique', '1,50'], [4, 'type', 'x'], [6, 'unique', '0'], [7, 'unique', '2']]);
      expect(report.columns.price).toMatchObject({ max: 209.25, valid: 206 });
    }
  });

  it('finds a duplicate across segments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-consumers-forms-'));
    const path = join(dir, 'data.csv');
    writeFileSync(path, `price\n${Array.from({ length: 400 }, (_, i) => `"${i === 399 ? 0 : i},5"`).join('\n')}\n`);
    const schema = parseSchema('fields: [{ name: price, type: number, decimalChar: ",", constraints: { unique: true } }]', 'schema.yaml');
    const one = await validateFile(path, schema, { segmentBytes: undefined });
    const segments = await validateFile(path, schema, { segmentBytes: 1024 });
    expect(one.errors.map((e) => [e.row, e.rule, e.value])).toEqual([[400, 'unique', '0,5']]);
    expect(segments).toEqual(one);
    // A primary key on it (which shares the field's set when its values are numbers) agrees.
    const keyed = parseSchema('primaryKey: price\nfields: [{ name: price, type: number, decimalChar: ",", constraints: { unique: true } }]', 'schema.yaml');
    const keyOne = await validateFile(path, keyed, { segmentBytes: undefined });
    expect(keyOne.errors.map((e) => [e.row, e.rule, e.value])).toEqual([[400, 'unique', '0,5'], [400, 'primaryKey', '0,5']]);
    expect(await validateFile(path, keyed, { segmentBytes: 1024 })).toEqual(keyOne);
  });
});
