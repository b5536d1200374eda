import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { readOptionsForSchema, validateSource } from '../../../src/schema/validate.ts';
import type { ValidationError } from '../../../src/schema/report-types.ts';
import { csvRows, memorySource, setup } from './helpers.ts';

/** Validates `data` (header + rows, comma-separated) against a one-or-more-field YAML schema. */
async function run(schemaYaml: string, data: string, options: { batchRows?: number; maxErrors?: number } = {}) {
  const { header, rows } = csvRows(data);
  const { schema, source } = setup(schemaYaml, header, rows, options);
  return validateSource(source, schema, { maxErrors: options.maxErrors });
}

const brief = (errors: ValidationError[]) => errors.map((e) => [e.line, e.rule, e.value]);

describe('readOptionsForSchema', () => {
  it('asks for numbers on number/integer fields, strings elsewhere, and the missing values', () => {
    const schema = parseSchema('missingValues: ["", NA]\nfields: [{name: a, type: integer}, {name: b, type: number}, {name: c, type: date}, {name: d}]', 's.yaml');
    expect(readOptionsForSchema(schema)).toEqual({
      missingValues: ['', 'NA'], defaultDecoding: 'string', decoding: { a: 'number', b: 'number', c: 'string', d: 'string' },
      // The CSV reader may hand the ISO date over as epoch milliseconds (test/integration/validate/temporal.test.ts).
      temporal: { c: 'date' },
    });
    expect(readOptionsForSchema(schema, ['x', 'c', 'a']).columns).toEqual(['a', 'c']);
  });

  it('reads numbers in a local form (decimalChar, groupChar, bareNumber: false) as text for the field parser', () => {
    const schema = parseSchema('fields: [{name: a, type: number, decimalChar: ","}, {name: b, type: integer, groupChar: "."}, {name: c, type: number, bareNumber: false}, {name: d, type: number}]', 's.yaml');
    expect(readOptionsForSchema(schema).decoding).toEqual({ a: 'string', b: 'string', c: 'string', d: 'number' });
  });
});

describe('text lengths count code points', () => {
  it('as Array.from does, surrogate pairs and lone surrogates included', async () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'é', '😀', '\u{1D11E}', '\uD800', '\uDFFF', '\uDC00\uD800'),
      fc.integer({ min: 0x20, max: 0xffff }).filter((c) => c !== 0x2c && c !== 0x22).map((c) => String.fromCharCode(c)),
    );
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 20 }), async (texts) => {
      const lengths = texts.map((t) => Array.from(t).length);
      const report = await run('fields: [{ name: a, type: string, constraints: { maxLength: 6 } }]', `a\n${texts.join('\n')}`);
      // The report's range is that of the valid values.
      const valid = lengths.filter((n) => n <= 6);
      expect(report.columns.a.minLength).toBe(valid.length ? Math.min(...valid) : null);
      expect(report.columns.a.maxLength).toBe(valid.length ? Math.max(...valid) : null);
      expect(report.errorCount).toBe(lengths.filter((n) => n > 6).length);
    }), { numRuns: 200 });
  });
});

describe('validateSource: types', () => {
  it.each([
    ['integer', 'a\n1\n-2\n1.5\nx\n+7', [[4, 'type', 1.5], [5, 'type', 'x']]],
    ['number', 'a\n1.5\n-2e3\nNaN\nabc\nINF', [[5, 'type', 'abc']]],
    ['boolean', 'a\ntrue\nFALSE\n1\nyes\n0', [[5, 'type', 'yes']]],
    ['date', 'a\n2024-02-29\n2023-02-29\n2024-1-01\n2024-12-31', [[3, 'type', '2023-02-29'], [4, 'type', '2024-1-01']]],
    ['datetime', 'a\n2024-01-01T10:00:00Z\n2024-01-01T10:00:00.250+02:00\n2024-01-01T25:00:00Z\n2024-01-01', [[4, 'type', '2024-01-01T25:00:00Z'], [5, 'type', '2024-01-01']]],
    ['time', 'a\n23:59:59\n24:00:00\n12:00', [[3, 'type', '24:00:00'], [4, 'type', '12:00']]],
    ['year', 'a\n1999\n99\n2024', [[3, 'type', '99']]],
    ['string', 'a\nanything\n12', []],
    ['any', 'a\nanything\n12', []],
  ])('%s', async (type, data, expected) => {
    const report = await run(`fields: [{ name: a, type: ${type} }]`, data);
    expect(brief(report.errors)).toEqual(expected);
    expect(report.errorCount).toBe(expected.length);
    expect(report.valid).toBe(expected.length === 0);
  });

  it('honours formats: strptime dates, string formats, custom boolean values', async () => {
    const dates = await run('fields: [{ name: a, type: date, format: "%d/%m/%Y", constraints: { minimum: "01/02/2020" } }]', 'a\n15/03/2020\n2020-03-15\n31/01/2020');
    expect(brief(dates.errors)).toEqual([[3, 'type', '2020-03-15'], [4, 'minimum', '31/01/2020']]);
    const emails = await run('fields: [{ name: a, type: string, format: email }]', 'a\nx@y.org\nnot-an-email');
    expect(brief(emails.errors)).toEqual([[3, 'type', 'not-an-email']]);
    const uuids = await run('fields: [{ name: a, type: string, format: uuid }]', 'a\n123e4567-e89b-12d3-a456-426614174000\n123');
    expect(brief(uuids.errors)).toEqual([[3, 'type', '123']]);
    const yn = await run('fields: [{ name: a, type: boolean, trueValues: [Y], falseValues: [N] }]', 'a\nY\nN\ntrue');
    expect(brief(yn.errors)).toEqual([[4, 'type', 'true']]);
  });
});

describe('validateSource: constraints', () => {
  it.each([
    ['required', 'integer', '{ required: true }', 'a\n1\n\n3\n\n', [[3, 'required', null], [5, 'required', null]]],
    ['minimum', 'number', '{ minimum: 0 }', 'a\n0\n-0.1\n5', [[3, 'minimum', -0.1]]],
    ['maximum', 'integer', '{ maximum: 10 }', 'a\n10\n11', [[3, 'maximum', 11]]],
    ['exclusiveMinimum', 'number', '{ exclusiveMinimum: 0 }', 'a\n0\n0.5', [[2, 'exclusiveMinimum', 0]]],
    ['exclusiveMaximum', 'number', '{ exclusiveMaximum: 1 }', 'a\n1\n0.99', [[2, 'exclusiveMaximum', 1]]],
    ['date bounds', 'date', '{ minimum: "2020-01-01", exclusiveMaximum: "2021-01-01" }', 'a\n2019-12-31\n2020-06-01\n2021-01-01', [[2, 'minimum', '2019-12-31'], [4, 'exclusiveMaximum', '2021-01-01']]],
    ['minLength', 'string', '{ minLength: 2 }', 'a\nab\na', [[3, 'minLength', 'a']]],
    ['maxLength counts characters', 'string', '{ maxLength: 2 }', 'a\n😀😀\nabc', [[3, 'maxLength', 'abc']]],
    ['pattern matches the whole value', 'string', '{ pattern: "[a-z]+" }', 'a\nabc\nabc1\n1abc', [[3, 'pattern', 'abc1'], [4, 'pattern', '1abc']]],
    ['enum on strings', 'string', '{ enum: [x, y] }', 'a\nx\nz\ny', [[3, 'enum', 'z']]],
    ['enum on integers compares values', 'integer', '{ enum: [0, 1] }', 'a\n1\n+1\n2', [[4, 'enum', 2]]],
    ['unique', 'string', '{ unique: true }', 'a\nx\ny\nx\n\n\nx', [[4, 'unique', 'x'], [7, 'unique', 'x']]],
    ['unique on numbers compares values', 'number', '{ unique: true }', 'a\n1\n1.0\n2\n', [[3, 'unique', 1]]],
  ])('%s', async (_label, type, constraints, data, expected) => {
    const report = await run(`fields: [{ name: a, type: ${type}, constraints: ${constraints} }]`, data, { batchRows: 2 });
    expect(brief(report.errors)).toEqual(expected);
    expect(report.errorCount).toBe(expected.length);
  });

  it('counts every failing rule of a cell, a type error alone, and nulls only as required', async () => {
    const report = await run('fields: [{ name: a, type: string, constraints: { minLength: 3, pattern: "[0-9]+", enum: ["123", "4567"] } }]', 'a\n12\n123\n\nab');
    expect(brief(report.errors)).toEqual([[2, 'minLength', '12'], [2, 'enum', '12'], [5, 'minLength', 'ab'], [5, 'pattern', 'ab'], [5, 'enum', 'ab']]);
    const typed = await run('fields: [{ name: a, type: integer, constraints: { minimum: 5 } }]', 'a\nx\n\n1');
    expect(brief(typed.errors)).toEqual([[2, 'type', 'x'], [4, 'minimum', 1]]);
  });

  it('checks uniqueness on values that fail other constraints, the same for strings and numbers', async () => {
    for (const type of ['string', 'integer']) {
      const report = await run(`fields: [{ name: a, type: ${type}, constraints: { unique: true, enum: ["1", "2"] } }]`, 'a\n1\n7\n7\nx\nx', { batchRows: 2 });
      const expected = type === 'string'
        ? [[3, 'enum', '7'], [4, 'enum', '7'], [4, 'unique', '7'], [5, 'enum', 'x'], [6, 'enum', 'x'], [6, 'unique', 'x']]
        : [[3, 'enum', 7], [4, 'enum', 7], [4, 'unique', 7], [5, 'type', 'x'], [6, 'type', 'x']];
      expect(brief(report.errors)).toEqual(expected);
      expect(report.columns.a.valid).toBe(1);
    }
  });

  it('finds duplicates across batches and inside one batch', async () => {
    const data = `a\n${['1', '2', '3', '1', '2', '2', '4', '3', '5'].join('\n')}`;
    for (const batchRows of [1, 2, 4, 100]) {
      const report = await run('fields: [{ name: a, type: integer, constraints: { unique: true } }]', data, { batchRows });
      expect(report.errors.map((e) => e.row)).toEqual([4, 5, 6, 8]);
      const strings = await run('fields: [{ name: a, type: string, constraints: { unique: true } }]', data, { batchRows });
      expect(strings.errors.map((e) => e.row)).toEqual([4, 5, 6, 8]);
    }
  });
});

describe('validateSource: keys', () => {
  it('checks a single primary key: nulls and duplicates', async () => {
    const report = await run('fields: [{ name: id, type: integer }, { name: v }]\nprimaryKey: id', 'id,v\n1,a\n2,b\n1,c\n,d', { batchRows: 2 });
    expect(report.errors.map((e) => [e.line, e.rule, e.column, e.value])).toEqual([[4, 'primaryKey', 'id', 1], [5, 'primaryKey', 'id', null]]);
  });

  it('a unique numeric primary key reports unique and primaryKey on the same rows, across batches', async () => {
    const report = await run('fields: [{ name: id, type: integer, constraints: { unique: true } }]\nprimaryKey: id', 'id\n1\n2\n\n1\n3\n2\n2', { batchRows: 2 });
    expect(report.errors.map((e) => [e.row, e.rule, e.value])).toEqual([
      [3, 'primaryKey', null], [4, 'unique', 1], [4, 'primaryKey', 1], [6, 'unique', 2], [6, 'primaryKey', 2], [7, 'unique', 2], [7, 'primaryKey', 2],
    ]);
    expect(report.errorsByRule).toEqual({ unique: 3, primaryKey: 4 });
  });

  it('checks a composite primary key over mixed column kinds', async () => {
    const report = await run('fields: [{ name: k, type: string }, { name: n, type: integer }]\nprimaryKey: [k, n]', 'k,n\na,1\na,2\nb,1\na,1\nb,1', { batchRows: 2 });
    expect(report.errors.map((e) => [e.row, e.rule, e.value])).toEqual([[4, 'primaryKey', '["a","1"]'], [5, 'primaryKey', '["b","1"]']]);
    expect(report.errors[0].message).toContain('primary key (k, n)');
  });

  it('unique keys skip rows with a null part', async () => {
    const report = await run('fields: [{ name: k }, { name: n }]\nuniqueKeys: [[k, n]]', 'k,n\na,\na,\na,1\na,1');
    expect(report.errors.map((e) => [e.row, e.rule])).toEqual([[4, 'uniqueKeys']]);
  });
});

describe('validateSource: column-level checks', () => {
  it('mostly: tolerates row failures above the share and reports the observed fraction', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => (i < 2 ? '-1' : String(i)));
    const pass = await run('fields: [{ name: a, type: integer, mostly: 0.9, constraints: { minimum: 0 } }]', `a\n${rows.join('\n')}\n`);
    expect(pass.valid).toBe(true);
    expect(pass.errorCount).toBe(0);
    expect(pass.columns.a.mostly).toEqual({ required: 0.9, observed: 0.9, passed: true });
    expect(pass.columns.a.failures).toEqual({ minimum: 2 });
    const fail = await run('fields: [{ name: a, type: integer, mostly: 0.95, constraints: { minimum: 0 } }]', `a\n${rows.join('\n')}\n\n`);
    expect(fail.errorCount).toBe(1);
    expect(fail.errors).toEqual([{ line: null, row: null, column: 'a', rule: 'mostly', value: 0.9, message: expect.stringContaining('90% of non-null values pass') }]);
  });

  it('mostly counts type errors and duplicates; required still counts per row', async () => {
    const report = await run('fields: [{ name: a, type: integer, mostly: 0.5, constraints: { required: true, unique: true } }]', 'a\n1\n1\nx\n2\n\n');
    // 4 non-null values: "1" ok, "1" duplicate, "x" type, "2" ok → 50% pass; the empty cell is a required error.
    expect(report.columns.a.mostly).toEqual({ required: 0.5, observed: 0.5, passed: true });
    expect(brief(report.errors)).toEqual([[6, 'required', null]]);
  });

  it('maxNullFraction compares nulls over all rows, including missingValues', async () => {
    const schema = 'missingValues: ["", "NA"]\nfields: [{ name: a, type: number, maxNullFraction: 0.25 }]';
    const ok = await run(schema, 'a\n1\nNA\n2\n3');
    expect(ok.columns.a.maxNullFraction).toEqual({ allowed: 0.25, observed: 0.25, passed: true });
    const bad = await run(schema, 'a\n1\nNA\n\n3');
    expect(bad.errors).toEqual([{ line: null, row: null, column: 'a', rule: 'maxNullFraction', value: 0.5, message: expect.stringContaining('50% of cells are empty (2 of 4)') }]);
  });

  it('header-only data is valid and rules still apply to the columns', async () => {
    const report = await run('fields: [{ name: a, type: integer, mostly: 0.9, maxNullFraction: 0, constraints: { required: true } }]', 'a');
    expect(report).toMatchObject({ valid: true, rows: 0, errorCount: 0 });
    expect(report.columns.a).toMatchObject({ rows: 0, nulls: 0, nullFraction: 0, mostly: { observed: 1, passed: true }, maxNullFraction: { observed: 0, passed: true } });
  });
});

describe('validateSource: fieldsMatch', () => {
  const fields = 'fields: [{ name: a }, { name: b }]';
  it.each([
    ['exact', 'a,b', []],
    ['exact', 'b,a', [['fieldOrder', 'a'], ['fieldOrder', 'b']]],
    ['exact', 'a,b,c', [['extraColumn', 'c']]],
    ['equal', 'b,a', []],
    ['equal', 'a,b,c', [['extraColumn', 'c']]],
    ['subset', 'c,b,a', []],
    ['superset', 'a', []],
    ['superset', 'a,c', [['extraColumn', 'c']]],
    ['partial', 'b,c', []],
  ])('%s with header %s', async (mode, header, expected) => {
    const report = await run(`fieldsMatch: ${mode}\n${fields}`, `${header}\n${header.split(',').map(() => 'x').join(',')}`);
    expect(report.errors.map((e) => [e.rule, e.column])).toEqual(expected);
    for (const e of report.errors) expect(e).toMatchObject({ line: 1, row: null });
  });

  it.each([
    ['exact', 'a'], ['equal', 'a,c'], ['subset', 'b'], ['partial', 'c,d'],
  ])('%s: a schema field absent from the data is exit 2 naming it (header %s)', async (mode, header) => {
    const promise = run(`fieldsMatch: ${mode}\n${fields}`, `${header}\n${header.split(',').map(() => 'x').join(',')}`);
    await expect(promise).rejects.toBeInstanceOf(InputError);
    await expect(promise).rejects.toThrow(mode === 'partial' ? /none of the schema's fields/ : /schema field '[ab]' is not in the data/);
  });

  it('names the column a missing field probably is: another case, a stray blank, - or _ for a space', async () => {
    const promise = run('fields: [{ name: temp_max }, { name: wind }, { name: day of week }, { name: other }]', 'Temp_Max,wind ,day-of-week,x\n1,2,3,4');
    await expect(promise).rejects.toThrow('(fieldsMatch: exact; the data has: "Temp_Max", "wind ", "day-of-week", "x"); schema schema.yaml; did you mean "Temp_Max" for temp_max, "wind " for wind, "day-of-week" for day of week?');
  });

  it('messages quote cells with control characters escaped, on one line; value keeps the text', async () => {
    const report = await run('fields: [{ name: w, constraints: { enum: [sun, rain] } }]', 'w\na\tb\u0001\n');
    expect(report.errors.map((e) => [e.line, e.value, e.message])).toEqual([
      [2, 'a\tb\u0001', `'a\\tb\\u0001' is not one of ["sun", "rain"]`],
    ]);
  });

  it('superset reports absent fields as present: false; their cell rules have no cells to check', async () => {
    const report = await run('fieldsMatch: superset\nfields: [{ name: a }, { name: b, constraints: { minLength: 3, enum: [xyz] } }]', 'a\nx');
    expect(report.valid).toBe(true);
    expect(report.missingColumns).toEqual(['b']);
    expect(report.columns.b).toMatchObject({ present: false, rows: 0 });
  });

  it.each(['superset', 'partial'])('%s: an absent field still breaks required, maxNullFraction and a primary key over it (all its cells are missing)', async (mode) => {
    const schema = `fieldsMatch: ${mode}\nprimaryKey: [a, z]\nuniqueKeys: [[a, y]]\nfields:\n  - { name: a, type: integer }\n  - { name: y, maxNullFraction: 1 }\n  - { name: z, type: integer, maxNullFraction: 0.5, constraints: { required: true } }`;
    const report = await run(schema, 'a\n1\n2');
    expect(report.valid).toBe(false);
    expect(report.errors.map((e) => [e.rule, e.column, e.row])).toEqual([
      ['required', 'z', null], ['maxNullFraction', 'z', null], ['primaryKey', 'z', null],
    ]);
    expect(report.errors[0].message).toBe("required column 'z' is absent from the data: all 2 of its cells are missing");
    expect(report.columns.z.maxNullFraction).toEqual({ allowed: 0.5, observed: 1, passed: false });
    // maxNullFraction 1 allows it; a unique key skips rows with a missing part (SQL), so it holds.
    expect(report.columns.y.maxNullFraction).toEqual({ allowed: 1, observed: 1, passed: true });
    expect(report.errorsByRule).toEqual({ required: 1, maxNullFraction: 1, primaryKey: 1 });
    // No rows: nothing is missing.
    expect((await run(schema, 'a\n')).valid).toBe(true);
  });
});

describe('validateSource: counting and the report', () => {
  it('counts every error exactly while --max-errors bounds only stored rows, in file order', async () => {
    const values = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 'bad' : String(i)));
    const data = `a,b\n${values.map((v, i) => `${v},${i % 7 === 0 ? '' : 'x'}`).join('\n')}`;
    const schema = 'fields: [{ name: a, type: integer }, { name: b, constraints: { required: true } }]';
    const all = await run(schema, data, { batchRows: 8, maxErrors: 1000 });
    const few = await run(schema, data, { batchRows: 8, maxErrors: 7 });
    expect(all.errorCount).toBe(10 + 8);
    expect(all.errorsByRule).toEqual({ type: 10, required: 8 });
    expect(few.errorCount).toBe(18);
    expect(few.errorsByRule).toEqual(all.errorsByRule);
    expect(few.errors).toEqual(all.errors.slice(0, 7));
    expect(few.truncated).toBe(true);
    expect(all.truncated).toBe(false);
    const order = all.errors.map((e) => [e.row, e.column]);
    expect(order).toEqual([...order].sort((x, y) => (x[0] as number) - (y[0] as number) || String(x[1]).localeCompare(String(y[1]))));
    const none = await run(schema, data, { maxErrors: 0 });
    expect(none).toMatchObject({ errorCount: 18, errors: [] });
  });

  it('matches the DESIGN §4 JSON contract: keys and types', async () => {
    const report = await run('fields: [{ name: a, type: integer, constraints: { maximum: 5 } }, { name: b, type: date }]', 'a,b\n1,2020-01-02\n9,2020-01-01\n,2020-03-01');
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 5)).toEqual(['valid', 'rows', 'errorCount', 'errors', 'columns']);
    expect(json).toMatchObject({ valid: false, rows: 3, errorCount: 1 });
    expect(json.errors).toEqual([{ line: 3, row: 2, column: 'a', rule: 'maximum', value: 9, message: '9 is greater than maximum 5' }]);
    const error = (json.errors as Array<Record<string, unknown>>)[0];
    expect(Object.keys(error)).toEqual(['line', 'row', 'column', 'rule', 'value', 'message']);
    expect(json.columns).toEqual({
      a: { type: 'integer', present: true, rows: 3, nulls: 1, nullFraction: 1 / 3, valid: 1, failures: { maximum: 1 }, errorCount: 1, min: 1, max: 1, minLength: null, maxLength: null },
      b: { type: 'date', present: true, rows: 3, nulls: 0, nullFraction: 0, valid: 3, failures: {}, errorCount: 0, min: '2020-01-01', max: '2020-03-01', minLength: null, maxLength: null },
    });
    expect(typeof json.file).toBe('string');
    expect(json).toHaveProperty('errorsByRule', { maximum: 1 });
  });

  it('reports null lines for formats without lines (Parquet/Arrow) and handles numbers arriving for string fields', async () => {
    const schema = parseSchema('fields: [{ name: a, type: year, constraints: { minimum: 2000 } }]', 's.yaml');
    const source = memorySource(['a'], [['1999'], ['2001']], { numeric: ['a'], format: 'parquet' });
    const report = await validateSource(source, schema);
    expect(report.errors).toEqual([{ line: null, row: 1, column: 'a', rule: 'minimum', value: '1999', message: "'1999' is less than minimum 2000" }]);
  });
});
