/**
 * Table Schema v2 `missingValues`: a list of texts, or of `{ value, label }` objects whose label
 * says why the value is missing (the table's list and a field's own).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { diffSchemas } from '../../../src/schema/diff.ts';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'missing-values-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LABELLED = [
  'missingValues:',
  '  - ""',
  '  - { value: "-99", label: "refused to answer" }',
  '  - { value: NA }',
  'fields:',
  '  - { name: age, type: integer, constraints: { minimum: 0 } }',
  '  - name: income',
  '    type: number',
  '    missingValues: [{ value: "n/a", label: "not asked" }, "?"]',
].join('\n');

describe('missingValues with labels (v2)', () => {
  it('load as the texts they name, for the table and for a field', () => {
    const schema = parseSchema(LABELLED, 's.yaml');
    expect(schema.missingValues).toEqual(['', '-99', 'NA']);
    expect(schema.fields[1].missingValues).toEqual(['n/a', '?']);
  });

  it('JSON schema files too', () => {
    const schema = parseSchema(JSON.stringify({ missingValues: [{ value: '.', label: 'dot' }], fields: [{ name: 'a', type: 'number' }] }), 's.json');
    expect(schema.missingValues).toEqual(['.']);
  });

  it('make those cells null when validating', async () => {
    const path = join(dir, 'survey.csv');
    await writeFile(path, 'age,income\n34,52000\n-99,n/a\nNA,?\n,-99\n');
    const report = await validateFile(path, parseSchema(LABELLED, 's.yaml'));
    // -99 is missing for age (the table's list) but a number for income (its own list replaces it).
    expect(report.errorCount).toBe(0);
    expect(report.columns.age.nulls).toBe(3);
    expect(report.columns.income.nulls).toBe(2);
  });

  it('a diff compares the texts: relabelling changes nothing, dropping a value is breaking', () => {
    const older = parseSchema(LABELLED, 'old.yaml');
    const relabelled = parseSchema(LABELLED.replace('refused to answer', 'refused'), 'new.yaml');
    expect(diffSchemas(older, relabelled).changes).toEqual([]);
    const dropped = parseSchema(LABELLED.replace('  - { value: "-99", label: "refused to answer" }\n', ''), 'new.yaml');
    expect(diffSchemas(older, dropped).changes.map((c) => [c.severity, c.change])).toEqual([['breaking', 'missingValues.removed']]);
  });

  it('an entry without a value, or with an unknown key, is an error at its place', () => {
    const at = (text: string) => {
      try {
        parseSchema(text, 's.yaml');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).message;
      }
      throw new Error('expected an InputError');
    };
    expect(at('missingValues:\n  - { label: x }\nfields: [{ name: a }]')).toMatch(/^s\.yaml:2:5 \(missingValues\[0\]\): missing required key 'value'/);
    expect(at('missingValues:\n  - { value: x, why: y }\nfields: [{ name: a }]')).toMatch(/^s\.yaml:2:\d+ \(missingValues\[0\]\.why\): unknown key 'why'/);
  });
});
