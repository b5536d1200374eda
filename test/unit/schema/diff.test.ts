import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../../src/schema/diff.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import type { FieldsMatch, TableSchema } from '../../../src/schema/types.ts';
import { validateSource } from '../../../src/schema/validate.ts';
import { memorySource } from './helpers.ts';

const s = (text: string) => parseSchema(text, 's.yaml');
const base = 'fields:\n  - { name: id, type: integer, constraints: { required: true } }\n  - { name: v, type: FIELD }';

/** Diff of two single-field variants of `v`. */
function diffField(older: string, newer: string) {
  return diffSchemas(s(base.replace('type: FIELD', older)), s(base.replace('type: FIELD', newer))).changes.map((c) => [c.severity, c.change]);
}

describe('diffSchemas classification', () => {
  it.each([
    ['type narrowed number → integer', 'type: number', 'type: integer', [['breaking', 'type.narrowed']]],
    ['type narrowed string → date', 'type: string', 'type: date', [['breaking', 'type.narrowed']]],
    ['type widened integer → number', 'type: integer', 'type: number', [['compatible', 'type.widened']]],
    ['type widened date → string', 'type: date', 'type: string', [['compatible', 'type.widened']]],
    ['format changed', 'type: date', 'type: date, format: "%d/%m/%Y"', [['breaking', 'format.changed']]],
    ['number form changed', 'type: number', 'type: number, decimalChar: ","', [['breaking', 'numberForm.changed']]],
    ['field missingValues set', 'type: number', 'type: number, missingValues: ["-"]', [['breaking', 'missingValues.changed']]],
    ['field missingValues extended', 'type: number, missingValues: ["-"]', 'type: number, missingValues: ["-", "n/a"]', [['compatible', 'missingValues.changed']]],
    ['categories value removed', 'type: string, categories: [a, b]', 'type: string, categories: [a]', [['breaking', 'enum.value.removed']]],
    ['required added', 'type: number', 'type: number, constraints: { required: true }', [['breaking', 'constraint.required.added']]],
    ['required removed', 'type: number, constraints: { required: true }', 'type: number', [['compatible', 'constraint.required.removed']]],
    ['unique added', 'type: number', 'type: number, constraints: { unique: true }', [['breaking', 'constraint.unique.added']]],
    ['minimum raised', 'type: number, constraints: { minimum: 0 }', 'type: number, constraints: { minimum: 1 }', [['breaking', 'constraint.minimum.tightened']]],
    ['minimum lowered', 'type: number, constraints: { minimum: 1 }', 'type: number, constraints: { minimum: 0 }', [['compatible', 'constraint.minimum.loosened']]],
    ['maximum added', 'type: number', 'type: number, constraints: { maximum: 9 }', [['breaking', 'constraint.maximum.added']]],
    ['maximum removed', 'type: number, constraints: { maximum: 9 }', 'type: number', [['compatible', 'constraint.maximum.removed']]],
    ['exclusiveMaximum lowered', 'type: number, constraints: { exclusiveMaximum: 9 }', 'type: number, constraints: { exclusiveMaximum: 8 }', [['breaking', 'constraint.exclusiveMaximum.tightened']]],
    ['date minimum raised', 'type: date, constraints: { minimum: "2020-01-01" }', 'type: date, constraints: { minimum: "2021-01-01" }', [['breaking', 'constraint.minimum.tightened']]],
    ['maxLength lowered', 'type: string, constraints: { maxLength: 9 }', 'type: string, constraints: { maxLength: 3 }', [['breaking', 'constraint.maxLength.tightened']]],
    ['minLength lowered', 'type: string, constraints: { minLength: 3 }', 'type: string, constraints: { minLength: 1 }', [['compatible', 'constraint.minLength.loosened']]],
    ['pattern added', 'type: string', 'type: string, constraints: { pattern: "[a-z]+" }', [['breaking', 'constraint.pattern.added']]],
    ['pattern changed', 'type: string, constraints: { pattern: "[a-z]+" }', 'type: string, constraints: { pattern: "[a-z]*" }', [['breaking', 'constraint.pattern.changed']]],
    ['pattern removed', 'type: string, constraints: { pattern: "[a-z]+" }', 'type: string', [['compatible', 'constraint.pattern.removed']]],
    ['enum value removed and added', 'type: string, constraints: { enum: [a, b] }', 'type: string, constraints: { enum: [a, c] }', [['breaking', 'enum.value.removed'], ['compatible', 'enum.value.added']]],
    ['enum on numbers compares values', 'type: integer, constraints: { enum: [1, 2] }', 'type: integer, constraints: { enum: ["2", "1"] }', []],
    ['enum added', 'type: string', 'type: string, constraints: { enum: [a] }', [['breaking', 'constraint.enum.added']]],
    ['mostly raised', 'type: string, mostly: 0.9', 'type: string, mostly: 0.95', [['breaking', 'mostly.tightened']]],
    ['maxNullFraction raised', 'type: string, maxNullFraction: 0.1', 'type: string, maxNullFraction: 0.2', [['compatible', 'maxNullFraction.loosened']]],
    ['role and drift changed', 'type: string, role: feature', 'type: string, role: label, drift: { method: psi }', [['compatible', 'role.changed'], ['compatible', 'drift.changed']]],
    ['no change', 'type: number, constraints: { minimum: 0 }', 'type: number, constraints: { minimum: 0 }', []],
  ])('%s', (_label, older, newer, expected) => {
    expect(diffField(older, newer)).toEqual(expected);
  });

  it('classifies column and table changes, breaking first', () => {
    const older = s('fields: [{ name: a }, { name: b }, { name: c }]\nprimaryKey: a\nmissingValues: ["", NA]');
    const newer = s('fieldsMatch: subset\nfields: [{ name: a }, { name: c }, { name: d }, { name: e, constraints: { required: true } }]\nmissingValues: [""]');
    const diff = diffSchemas(older, newer);
    // Under subset the removed b is an ignored extra column, but old data lacks d and e: exit 2.
    expect(diff.changes.map((c) => [c.severity, c.field, c.change])).toEqual([
      ['breaking', 'd', 'field.added'],
      ['breaking', 'e', 'field.added.required'],
      ['breaking', null, 'missingValues.removed'],
      ['compatible', 'b', 'field.removed'],
      ['compatible', null, 'fieldsMatch.loosened'],
      ['compatible', null, 'primaryKey.removed'],
    ]);
    expect(diff).toMatchObject({ breaking: true, breakingCount: 3, compatibleCount: 3 });
  });

  it('treats a stricter fieldsMatch, a reorder under exact and a new primary key as breaking', () => {
    const diff = diffSchemas(s('fieldsMatch: partial\nfields: [{ name: a }, { name: b }]'), s('fields: [{ name: b }, { name: a }]\nprimaryKey: [a, b]'));
    expect(diff.changes.map((c) => c.change)).toEqual(['fieldsMatch.tightened', 'primaryKey.added']);
    const reorder = diffSchemas(s('fields: [{ name: a }, { name: b }]'), s('fields: [{ name: b }, { name: a }]'));
    expect(reorder.changes.map((c) => [c.severity, c.change])).toEqual([['breaking', 'fields.reordered']]);
  });

  it('an identical schema has no changes', () => {
    const text = 'fields: [{ name: a, type: integer, constraints: { minimum: 1, enum: [1, 2] } }]\nprimaryKey: a';
    expect(diffSchemas(s(text), s(text))).toEqual({ breaking: false, breakingCount: 0, compatibleCount: 0, changes: [] });
  });
});

describe('diffSchemas: columns follow the new schema\'s fieldsMatch', () => {
  const older = 'fields:\n  - { name: temp, type: number }\n';
  const added = (mode: string, extra = '', table = '') =>
    diffSchemas(s(older), s(`${mode ? `fieldsMatch: ${mode}\n` : ''}${table}fields:\n  - { name: temp, type: number }\n  - { name: humidity, type: number${extra} }\n`));

  it.each([
    ['(default exact)', 'breaking', ''],
    ['exact', 'breaking', 'exact'],
    ['equal', 'breaking', 'equal'],
    ['subset', 'breaking', 'subset'],
    ['superset', 'compatible', 'superset'],
    ['partial', 'compatible', 'partial'],
  ])('a column added under %s is %s', (_label, severity, mode) => {
    const change = added(mode).changes.find((c) => c.field === 'humidity');
    expect(change).toMatchObject({ severity, change: 'field.added' });
  });

  it('names why an added column breaks old data', () => {
    expect(added('').changes[0].message).toBe("column 'humidity' added: old data without it fails validation (fieldsMatch: exact needs every schema field in the data)");
    expect(added('superset').changes.find((c) => c.field === 'humidity')?.message).toBe("column 'humidity' added (fieldsMatch: superset lets old data lack it)");
  });

  it.each([
    ['required', ', constraints: { required: true }', '', 'field.added.required', 'but it is required'],
    ['maxNullFraction below 1', ', maxNullFraction: 0.5', '', 'field.added', 'but its maxNullFraction 0.5 fails when every cell is missing'],
    ['in the primary key', '', 'primaryKey: humidity\n', 'field.added', 'but it is part of the primary key'],
  ])('under superset and partial an added column that is %s still breaks', (_label, extra, table, change, why) => {
    for (const mode of ['superset', 'partial']) {
      const c = added(mode, extra, table).changes.find((x) => x.field === 'humidity');
      expect(c).toMatchObject({ severity: 'breaking', change });
      expect(c?.message).toContain(why);
    }
  });

  it('an added column whose maxNullFraction is 1 may be absent under superset', () => {
    expect(added('superset', ', maxNullFraction: 1').changes.find((c) => c.field === 'humidity')?.severity).toBe('compatible');
  });

  it.each([
    ['exact', 'breaking'], ['equal', 'breaking'], ['superset', 'breaking'], ['subset', 'compatible'], ['partial', 'compatible'],
  ])('a column removed under %s is %s', (mode, severity) => {
    // a is required, so old data always has it (under partial one schema field must be present).
    const a = '{ name: a, constraints: { required: true } }';
    const diff = diffSchemas(s(`fieldsMatch: ${mode}\nfields: [${a}, { name: b }]`), s(`fieldsMatch: ${mode}\nfields: [${a}]`));
    expect(diff.changes.map((c) => [c.severity, c.field, c.change])).toEqual([[severity, 'b', 'field.removed']]);
  });

  it('under partial, old data that may hold only removed columns breaks', () => {
    const diff = diffSchemas(s('fieldsMatch: superset\nfields: [{ name: a }, { name: b }]'), s('fieldsMatch: partial\nfields: [{ name: a }, { name: c }]'));
    // Data [b] is valid under superset (a absent) and has none of a, c: partial exits 2.
    expect(diff.changes.map((c) => [c.severity, c.change])).toEqual([['breaking', 'fields.noneKept'], ['compatible', 'field.removed'], ['compatible', 'field.added'], ['compatible', 'fieldsMatch.loosened']]);
    // Under exact the old data always has a, which the new schema keeps.
    expect(diffSchemas(s('fields: [{ name: a }, { name: b }]'), s('fieldsMatch: partial\nfields: [{ name: a }, { name: c }]')).breaking).toBe(false);
  });

  it.each([
    ['exact', 'equal', 'compatible'], ['exact', 'superset', 'compatible'], ['equal', 'subset', 'compatible'], ['subset', 'partial', 'compatible'],
    ['superset', 'partial', 'compatible'], ['equal', 'exact', 'breaking'], ['subset', 'superset', 'breaking'], ['superset', 'subset', 'breaking'],
    ['partial', 'superset', 'breaking'], ['partial', 'equal', 'breaking'],
  ])('fieldsMatch %s → %s is %s', (from, to, severity) => {
    const diff = diffSchemas(s(`fieldsMatch: ${from}\nfields: [{ name: a }, { name: b }]`), s(`fieldsMatch: ${to}\nfields: [{ name: a }, { name: b }]`));
    expect(diff.changes).toMatchObject([{ severity, field: null, change: severity === 'breaking' ? 'fieldsMatch.tightened' : 'fieldsMatch.loosened', from, to }]);
  });
});

/** Whether data with `header` (two rows of '1' in every column) passes `schema`; exit 2 (a thrown InputError) fails. */
async function passes(schema: TableSchema, header: string[]): Promise<boolean> {
  try {
    const report = await validateSource(memorySource(header, [header.map(() => '1'), header.map(() => '1')]), schema);
    return report.valid;
  } catch {
    return false;
  }
}

/** Every non-empty subset of `names`, in their order and reversed. */
function headers(names: string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << names.length; mask++) {
    const h = names.filter((_, i) => mask & (1 << i));
    out.push(h, [...h].reverse());
  }
  return out;
}

describe('diffSchemas agrees with validation (differential)', () => {
  const MODES: FieldsMatch[] = ['exact', 'equal', 'subset', 'superset', 'partial'];
  // Old fields → new fields; `zz` is a column in neither schema.
  const SCENARIOS: Array<[string, string, string]> = [
    ['column added', '[{ name: a }, { name: b }]', '[{ name: a }, { name: b }, { name: c }]'],
    ['required column added', '[{ name: a }, { name: b }]', '[{ name: a }, { name: b }, { name: c, constraints: { required: true } }]'],
    ['column added as the primary key', '[{ name: a }, { name: b }]', '[{ name: a }, { name: b }, { name: c }]\nprimaryKey: c'],
    ['column with maxNullFraction added', '[{ name: a }, { name: b }]', '[{ name: a }, { name: b }, { name: c, maxNullFraction: 0.5 }]'],
    ['column removed', '[{ name: a }, { name: b }, { name: c }]', '[{ name: a }, { name: b }]'],
    ['column renamed', '[{ name: a }, { name: b }]', '[{ name: a }, { name: c }]'],
    ['every column replaced', '[{ name: a }, { name: b }]', '[{ name: c }, { name: d }]'],
    ['required column kept, other renamed', '[{ name: a, constraints: { required: true } }, { name: b }]', '[{ name: a, constraints: { required: true } }, { name: c }]'],
    ['same columns', '[{ name: a }, { name: b }]', '[{ name: a }, { name: b }]'],
  ];

  it.each(SCENARIOS)('%s: breaking exactly when some data valid under the old schema fails the new one, for every pair of modes', async (_label, oldFields, newFields) => {
    const names = [...new Set([...`${oldFields}${newFields}`.matchAll(/name: (\w+)/g)].map((m) => m[1])), 'zz'];
    const cases = headers(names);
    const mismatches: string[] = [];
    for (const om of MODES) {
      for (const nm of MODES) {
        const older = s(`fieldsMatch: ${om}\nfields: ${oldFields}`), newer = s(`fieldsMatch: ${nm}\nfields: ${newFields}`);
        let failing: string[] | undefined;
        for (const h of cases) {
          if ((await passes(older, h)) && !(await passes(newer, h))) { failing = h; break; }
        }
        const diff = diffSchemas(older, newer);
        if (diff.breaking !== (failing !== undefined)) {
          mismatches.push(`${om} → ${nm}: diff says ${diff.breaking ? 'breaking' : 'compatible'}${failing ? `, but old-valid data [${failing.join(',')}] fails the new schema` : ''} (${diff.changes.map((c) => `${c.severity} ${c.change}`).join('; ')})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
