import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { loadSchema, parseSchema } from '../../../src/schema/load.ts';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseSchema', () => {
  it('loads YAML with the ML extensions and defaults the type to any', () => {
    const schema = parseSchema(
      [
        'fieldsMatch: subset',
        'missingValues: ["", "NA"]',
        'primaryKey: [a, b]',
        'fields:',
        '  - name: a',
        '    type: integer',
        '    role: id',
        '    constraints: { required: true, unique: true, minimum: 1 }',
        '  - name: b',
        '    mostly: 0.95',
        '    maxNullFraction: 0.1',
        '    drift: { method: psi, threshold: 0.2, critical: true }',
      ].join('\n'),
      's.yaml',
    );
    expect(schema.fields.map((f) => [f.name, f.type])).toEqual([['a', 'integer'], ['b', 'any']]);
    expect(schema.fields[1]).toMatchObject({ mostly: 0.95, maxNullFraction: 0.1, drift: { method: 'psi', threshold: 0.2, critical: true } });
    expect(schema.primaryKey).toEqual(['a', 'b']);
    expect(schema.source?.path).toBe('s.yaml');
  });

  it('loads a Frictionless schema as written: number forms, foreignKeys (kept, not checked), $schema', () => {
    const schema = parseSchema(JSON.stringify({
      $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
      fields: [
        { name: 'id', type: 'integer', groupChar: ' ' },
        { name: 'price', type: 'number', decimalChar: ',', groupChar: '.', bareNumber: false, constraints: { minimum: '0,5' } },
        { name: 'country', type: 'string' },
      ],
      foreignKeys: [{ fields: 'country', reference: { resource: 'countries', fields: 'code' } }],
    }), 's.json');
    expect(schema.fields[1]).toMatchObject({ decimalChar: ',', groupChar: '.', bareNumber: false });
    expect(schema.foreignKeys).toHaveLength(1);
  });

  it('rejects number forms on other types, decimalChar on integers, and equal decimal and group marks', () => {
    expect(errorOf(() => parseSchema('fields:\n  - { name: a, type: string, decimalChar: "," }\n', 's.yaml')).message).toMatch(/s\.yaml:2:\d+ \(fields\[0\]\.decimalChar\): only number and integer fields take decimalChar/);
    expect(errorOf(() => parseSchema('fields:\n  - { name: a, type: integer, decimalChar: "," }\n', 's.yaml')).message).toMatch(/integer fields have no decimalChar/);
    expect(errorOf(() => parseSchema('fields:\n  - { name: a, type: number, decimalChar: ",", groupChar: "," }\n', 's.yaml')).message).toMatch(/groupChar must differ from decimalChar/);
    expect(errorOf(() => parseSchema('fields:\n  - { name: a, type: number, decimalChar: ",," }\n', 's.yaml')).location.key).toBe('fields[0].decimalChar');
  });

  it('rejects an unknown key at its line and column with the key path', () => {
    const text = 'fields:\n  - name: a\n    type: integer\n    constraints:\n      minimun: 3\n';
    const error = errorOf(() => parseSchema(text, 'bad.yaml'));
    expect(error.location).toMatchObject({ file: 'bad.yaml', line: 5, column: 7, key: 'fields[0].constraints.minimun' });
    expect(error.message).toBe("bad.yaml:5:7 (fields[0].constraints.minimun): unknown key 'minimun'");
  });

  it('rejects unknown keys in JSON schemas with positions too', () => {
    const text = '{\n  "fields": [\n    {"name": "a", "type": "number"},\n    {"name": "b", "colour": "red"}\n  ]\n}\n';
    const error = errorOf(() => parseSchema(text, 's.json'));
    expect(error.location).toMatchObject({ line: 4, column: 19, key: 'fields[1].colour' });
  });

  it('reports YAML syntax errors at line:col', () => {
    const error = errorOf(() => parseSchema('fields:\n  - name: a\n    type: [integer\n  - name: b\n', 'syntax.yaml'));
    expect(error.message).toMatch(/^syntax\.yaml:\d+:\d+: YAML syntax error: /);
    expect(error.location.line).toBeGreaterThanOrEqual(3);
    const dup = errorOf(() => parseSchema('fields: []\nfields: []\n', 'dup.yaml'));
    expect(dup.location).toMatchObject({ line: 2 });
    expect(dup.message).toMatch(/duplicated mapping key/);
  });

  it('lists every problem, located, with the first as the error location', () => {
    const text = [
      'fields:',
      '  - { name: a, type: integr }',
      '  - { name: b, type: number, constraints: { maxLength: 3 } }',
      '  - { name: c, type: date, constraints: { minimum: "2020-13-01" } }',
    ].join('\n');
    const error = errorOf(() => parseSchema(text, 's.yaml'));
    expect(error.location).toMatchObject({ line: 2, key: 'fields[0].type' });
    expect(error.message).toMatch(/must be one of "string", "number"/);
    // Semantic problems are reported once the structure is valid.
    const semantic = errorOf(() => parseSchema(text.replace('integr', 'integer'), 's.yaml'));
    expect(semantic.location).toMatchObject({ line: 3, key: 'fields[1].constraints.maxLength' });
    expect(semantic.message).toContain("'maxLength' does not apply to type 'number'");
    expect(semantic.message).toMatch(/s\.yaml:4:\d+ \(fields\[2\]\.constraints\.minimum\): "2020-13-01" is not a valid date/);
  });

  it.each([
    ['duplicate field names', 'fields: [{ name: a }, { name: a }]', 'fields[1].name', /duplicate field name 'a'/],
    ['primary key naming no field', 'fields: [{ name: a }]\nprimaryKey: [a, z]', 'primaryKey[1]', /'z' is not a field/],
    ['invalid pattern', 'fields: [{ name: a, type: string, constraints: { pattern: "(" } }]', 'fields[0].constraints.pattern', /invalid pattern/],
    ['empty range', 'fields: [{ name: a, type: integer, constraints: { minimum: 5, maximum: 2 } }]', 'fields[0].constraints', /range is empty/],
    ['enum value of the wrong type', 'fields: [{ name: a, type: integer, constraints: { enum: [1, "x"] } }]', 'fields[0].constraints.enum[1]', /"x" is not a valid integer/],
    ['unsupported date directive', 'fields: [{ name: a, type: date, format: "%Q" }]', 'fields[0].format', /unsupported directive/],
    ['mostly above 1', 'fields: [{ name: a, mostly: 1.5 }]', 'fields[0].mostly', /must be <= 1/],
    ['fieldsMatch typo', 'fieldsMatch: sub\nfields: [{ name: a }]', 'fieldsMatch', /must be one of "exact", "equal"/],
    ['missing fields', 'name: x', '', /missing required key 'fields'/],
  ])('rejects %s', (_label, text, key, message) => {
    const error = errorOf(() => parseSchema(text, 's.yaml'));
    if (key) expect(error.location.key).toBe(key);
    expect(error.message).toMatch(message);
    expect(error.location.line).toBeGreaterThan(0);
  });

  it('rejects empty and non-mapping documents', () => {
    expect(errorOf(() => parseSchema('  \n', 'e.yaml')).message).toBe('e.yaml: schema file is empty');
    expect(errorOf(() => parseSchema('- a\n- b\n', 'l.yaml')).message).toMatch(/must be a mapping/);
  });
});

describe('loadSchema', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-schema-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('reads YAML and JSON files and names a missing file', async () => {
    await writeFile(join(dir, 's.json'), JSON.stringify({ fields: [{ name: 'x', type: 'number' }] }));
    expect((await loadSchema(join(dir, 's.json'))).fields[0].type).toBe('number');
    await expect(loadSchema(join(dir, 'nope.yaml'))).rejects.toThrow(/nope\.yaml: schema file not found/);
  });
});
