import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { loadSchema, parseSchema } from '../../../src/schema/load.ts';
import { parseJsonWithPositions, parseYamlWithPositions } from '../../../src/schema/positions.ts';

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
    // Semantic problems of the other fields are listed in the same run, in file order.
    expect(error.message).toMatch(/\n {2}s\.yaml:3:\d+ \(fields\[1\]\.constraints\.maxLength\): 'maxLength' does not apply to type 'number'\n {2}s\.yaml:4:\d+ \(fields\[2\]\.constraints\.minimum\): "2020-13-01" is not a valid date$/);
    const semantic = errorOf(() => parseSchema(text.replace('integr', 'integer'), 's.yaml'));
    expect(semantic.location).toMatchObject({ line: 3, key: 'fields[1].constraints.maxLength' });
    expect(semantic.message).toContain("'maxLength' does not apply to type 'number'");
    expect(semantic.message).toMatch(/s\.yaml:4:\d+ \(fields\[2\]\.constraints\.minimum\): "2020-13-01" is not a valid date/);
  });

  it('lists structural and semantic problems together, and checks no range around an invalid bound', () => {
    const text = [
      'fields:',
      '  - name: a',
      '    type: integer',
      '    constraints: {minimum: "abc", maximum: 1, exclusiveMinimum: 5}',
      '  - name: b',
      '    type: string',
      '    constraints: {pattern: "[", minLength: -1}',
    ].join('\n');
    const error = errorOf(() => parseSchema(text, 's.yaml'));
    expect(error.message.split('\n').map((line) => line.trim())).toEqual([
      's.yaml:4:19 (fields[0].constraints.minimum): "abc" is not a valid integer',
      's.yaml:7:19 (fields[1].constraints.pattern): invalid pattern: Invalid regular expression: /[/u: Unterminated character class',
      's.yaml:7:33 (fields[1].constraints.minLength): must be >= 0',
    ]);
    // With the bound fixed, the range is checked: the tighter lower bound is exclusiveMinimum 5.
    const range = errorOf(() => parseSchema(text.replace('"abc"', '0'), 's.yaml'));
    expect(range.message).toMatch(/^s\.yaml:4:5 \(fields\[0\]\.constraints\): the allowed range is empty \(lower bound exclusiveMinimum 5, upper bound maximum 1\)\n/);
  });

  it.each([
    ['minimum 0 and exclusiveMinimum 5 under maximum 3', '{ minimum: 0, exclusiveMinimum: 5, maximum: 3 }', /lower bound exclusiveMinimum 5, upper bound maximum 3/],
    ['equal exclusive bounds', '{ minimum: 2, exclusiveMaximum: 2 }', /lower bound minimum 2, upper bound exclusiveMaximum 2/],
    ['maximum above a tighter exclusiveMaximum', '{ minimum: 4, maximum: 9, exclusiveMaximum: 3 }', /upper bound exclusiveMaximum 3/],
  ])('finds the range empty with the tighter of two bounds: %s', (_label, constraints, message) => {
    expect(errorOf(() => parseSchema(`fields: [{ name: a, type: number, constraints: ${constraints} }]`, 's.yaml')).message).toMatch(message);
  });

  it('accepts a range that only one of two lower bounds would empty, and equal inclusive bounds', () => {
    expect(() => parseSchema('fields: [{ name: a, type: number, constraints: { minimum: 0, exclusiveMinimum: -1, maximum: 0 } }]', 's.yaml')).not.toThrow();
  });

  it('rejects a NaN bound: NaN is outside every range, so it would fail every value', () => {
    for (const bound of ['.nan', '"NaN"']) {
      const error = errorOf(() => parseSchema(`fields: [{ name: a, type: number, constraints: { minimum: ${bound}, maximum: 1 } }]`, 's.yaml'));
      expect(error.location.key).toBe('fields[0].constraints.minimum');
      expect(error.message).toMatch(/NaN cannot be a bound/);
      expect(error.message).not.toMatch(/range/);
    }
  });

  it('never crashes on structurally broken schemas: an InputError listing problems, or a schema (property)', () => {
    const keys = ['name', 'type', 'format', 'constraints', 'categories', 'decimalChar', 'groupChar', 'bareNumber', 'trueValues', 'delimiter', 'itemType', 'role', 'mostly'];
    const constraintKeys = ['required', 'unique', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'enum', 'jsonSchema'];
    const leaf = fc.oneof(fc.constantFrom('integer', 'number', 'date', 'string', 'list', 'a', '[', '%Y', '', ',', '2020-01-01'), fc.integer({ min: -3, max: 9 }), fc.boolean(), fc.constant(null));
    const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom('value', 'label', 'x'), leaf, { maxKeys: 2 }));
    const constraints = fc.dictionary(fc.constantFrom(...constraintKeys), value, { maxKeys: 5 });
    const field = fc.dictionary(fc.constantFrom(...keys), fc.oneof(value, constraints), { maxKeys: 6 });
    const schema = fc.record({ fields: fc.oneof(fc.array(fc.oneof(field, leaf), { maxLength: 4 }), leaf), primaryKey: value }, { requiredKeys: [] });
    fc.assert(fc.property(schema, (s) => {
      try {
        parseSchema(JSON.stringify(s), 's.json');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
    }), { numRuns: 1000 });
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

  it('reports a value that may take one of several forms once, as what is wrong with the form it has', () => {
    // primaryKey is a name or a list of names: an empty list is too short, not also "must be string".
    expect(errorOf(() => parseSchema('primaryKey: []\nfields: [{ name: a }]\n', 'k.yaml')).message).toBe('k.yaml:1:1 (primaryKey): must NOT have fewer than 1 items');
    expect(errorOf(() => parseSchema('primaryKey: [a, 5]\nfields: [{ name: a }]\n', 'k.yaml')).message).toBe('k.yaml:1:17 (primaryKey[1]): must be string');
    expect(errorOf(() => parseSchema('primaryKey: 5\nfields: [{ name: a }]\n', 'k.yaml')).message).toBe('k.yaml:1:1 (primaryKey): must be string or array');
    expect(errorOf(() => parseSchema('uniqueKeys: [5]\nfields: [{ name: a }]\n', 'k.yaml')).message).toBe('k.yaml:1:14 (uniqueKeys[0]): must be string or array');
    expect(errorOf(() => parseSchema('fields:\n  - { name: a, type: string, categories: [{ label: x }] }\n', 'c.yaml')).message).toBe("c.yaml:2:43 (fields[0].categories[0]): missing required key 'value'");
  });

  it('rejects empty and non-mapping documents', () => {
    expect(errorOf(() => parseSchema('  \n', 'e.yaml')).message).toBe('e.yaml: schema file is empty');
    expect(errorOf(() => parseSchema('- a\n- b\n', 'l.yaml')).message).toMatch(/must be a mapping/);
  });
});

describe('JSON schema files', () => {
  it('are parsed as strict JSON, errors at file:line:col', () => {
    const cases: Array<[string, string, number, number]> = [
      ['{\n  "fields": [\n    {"name": "a"},\n  ]\n}\n', 'trailing comma before ]', 3, 18],
      ['{"fields": [{"name": "a",}]}', 'trailing comma before }', 1, 25],
      ['{\n  // a comment\n  "fields": []\n}', 'unexpected "/"', 2, 3],
      ["{'fields': []}", `unexpected "'"`, 1, 2],
      ['{"fields": [{"name": a}]}', 'unexpected "a"', 1, 22],
      ['{"fields": [{"name": "a" "type": "number"}]}', 'expected \',\' or \'}\' after the value of "name"', 1, 26],
      ['{"fields": [], "fields": []}', 'duplicate key "fields"', 1, 16],
      ['{"fields": [{"name": "a\tb"}]}', 'control character in a string', 1, 24],
      ['{"fields": [{"name": "\\x"}]}', "invalid escape '\\x'", 1, 23],
      ['{"fields": []} x', 'unexpected text after the JSON value', 1, 16],
      ['{"fields": [', 'unexpected end of input', 1, 13],
      ['{"fields": ["a', 'unterminated string', 1, 13],
    ];
    for (const [text, message, line, column] of cases) {
      const error = errorOf(() => parseSchema(text, 'schema.json'));
      expect(error.message).toContain(`JSON syntax error: ${message}`);
      expect(error.location).toEqual({ file: 'schema.json', line, column });
    }
  });

  it('accepts what JSON accepts, as JSON.parse reads it (escapes, numbers, a byte-order mark)', () => {
    const schema = parseSchema('\uFEFF{"fields": [{"name": "caf\\u00e9 \\"\\/\\\\", "type": "number", "constraints": {"minimum": -1.5e-3, "maximum": 1E2}}]}', 'S.JSON');
    expect(schema.fields[0]).toEqual({ name: 'café "/\\', type: 'number', constraints: { minimum: -0.0015, maximum: 100 } });
    // A "__proto__" key is data (an unknown key), not the object's prototype.
    expect(errorOf(() => parseSchema('{"fields": [{"name": "a", "__proto__": {"type": "x"}}]}', 's.json')).message).toMatch(/s\.json:1:27 \(fields\[0\]\.__proto__\): unknown key '__proto__'/);
  });

  it('reads every JSON document as JSON.parse does, and rejects what it rejects (property)', () => {
    fc.assert(fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', ' ', '\\', 'x', '1', '-', '.', '\n', '{', '['), (json, at, insert) => {
      const text = json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1));
      let expected: unknown;
      let valid = true;
      try { expected = JSON.parse(text); } catch { valid = false; }
      let actual: unknown;
      try {
        actual = parseJsonWithPositions(text, 'x.json').value;
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        // Stricter than JSON.parse only where one object holds a key twice.
        if (valid) expect((error as InputError).message).toMatch(/duplicate key/);
        return;
      }
      expect(valid).toBe(true);
      expect(actual).toStrictEqual(expected);
    }), { numRuns: 2000 });
  });

  it('locates keys and items exactly where the YAML reader does (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, 4), (value, indent) => {
      const text = JSON.stringify({ fields: value }, null, indent);
      expect(parseJsonWithPositions(text, 'x.json').positions).toEqual(parseYamlWithPositions(text, 'x.json').positions);
    }), { numRuns: 500 });
  });
});

describe('the drift extension', () => {
  it('a drift method no spelling matches fails when the schema loads, at its line (not when drift first runs)', () => {
    const yaml = 'fields:\n  - name: mass\n    type: number\n    drift: { method: wasserstien }\n  - name: island\n    type: string\n    drift: { method: JS }\n';
    expect(errorOf(() => parseSchema(yaml, 's.yaml')).message).toBe(
      "s.yaml:4:14 (fields[0].drift.method): unknown drift method 'wasserstien' (expected auto or one of ks, wasserstein, psi, chisquare, ztest, jensenshannon, hellinger; also accepted: kolmogorov_smirnov, wasserstein_distance, chi2, chi_square, z, jensen_shannon, js)",
    );
    // Other tools' spellings, any case, and auto are methods.
    expect(parseSchema(yaml.replace('wasserstien', 'Wasserstein_Distance'), 's.yaml').fields[1].drift).toEqual({ method: 'JS' });
    expect(parseSchema(yaml.replace('wasserstien', 'auto'), 's.yaml').fields).toHaveLength(2);
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

  it('reads a schema from a pipe (--schema <(git show main:schema.yaml)) and names a directory as one', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // The writer blocks until the pipe is opened for reading: a child process feeds it.
    const writer = spawn('sh', ['-c', `printf 'fields:\\n  - name: x\\n    type: integer\\n' > '${fifo}'`]);
    const closed = new Promise((resolve) => writer.on('close', resolve));
    const schema = await loadSchema(fifo);
    expect(schema.fields).toEqual([{ name: 'x', type: 'integer' }]);
    await closed;
    await expect(loadSchema(dir)).rejects.toThrow(`${dir}: schema file is a directory`);
  });
});
