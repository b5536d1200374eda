import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../../src/schema/diff.ts';
import { parseSchema } from '../../../src/schema/load.ts';

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
    expect(diff.changes.map((c) => [c.severity, c.field, c.change])).toEqual([
      ['breaking', 'b', 'field.removed'],
      ['breaking', 'e', 'field.added.required'],
      ['breaking', null, 'missingValues.removed'],
      ['compatible', 'd', 'field.added'],
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
