import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, cli, injectFaults, tempDir } from './helpers.ts';

const WEATHER = join(FIXTURES, 'weather.csv');
const WEATHER_SCHEMA = join(FIXTURES, 'weather.schema.yaml');

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

describe('mlops validate on real data (vega-datasets seattle-weather)', () => {
  it('passes the unmodified data: exit 0', async () => {
    const { code, out } = await cli(['validate', WEATHER, '--schema', WEATHER_SCHEMA]);
    expect(code).toBe(0);
    expect(out).toMatch(/is valid against .*: 1,461 rows, 6 columns checked/);
  });

  it('reports exactly the injected faults, at their lines, with their rules: exit 1', async () => {
    const data = join(dir, 'weather-faults.csv');
    // Cells: date, precipitation, temp_max, temp_min, wind, weather.
    await injectFaults(WEATHER, data, {
      10: { cell: 1, value: 'n/a' }, // precipitation not a number
      100: { cell: 2, value: '61.5' }, // temp_max above 45
      250: { cell: 5, value: 'hail' }, // weather not in the enum
      501: { cell: 0, value: '2013-05-13' }, // date of line 500 again: unique + primaryKey
      777: { cell: 3, value: '' }, // temp_min required
      1200: { cell: 5, value: 'Rain' }, // enum and pattern
      1300: { cell: 1, value: '-0.5' }, // precipitation below 0
    });
    const { code, out, err } = await cli(['validate', data, '--schema', WEATHER_SCHEMA, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.errors.map((e: { line: number; column: string; rule: string }) => [e.line, e.column, e.rule])).toEqual([
      [10, 'precipitation', 'type'],
      [100, 'temp_max', 'maximum'],
      [250, 'weather', 'enum'],
      [501, 'date', 'unique'],
      [501, 'date', 'primaryKey'],
      [777, 'temp_min', 'required'],
      [1200, 'weather', 'pattern'],
      [1200, 'weather', 'enum'],
      [1300, 'precipitation', 'minimum'],
    ]);
    expect(report.errors[3]).toEqual({ line: 501, row: 500, column: 'date', rule: 'unique', value: '2013-05-13', message: "'2013-05-13' duplicates an earlier row" });
    expect(report).toMatchObject({ valid: false, rows: 1461, errorCount: 9 });
    expect(err).toMatch(/weather-faults\.csv:100: \[temp_max\] maximum: 61\.5 is greater than maximum 45/);
  });

  it('--max-errors bounds the stored errors; --report writes the same JSON atomically', async () => {
    const data = join(dir, 'weather-many.csv');
    const faults: Record<number, { cell: number; value: string }> = {};
    for (let line = 2; line <= 1462; line += 3) faults[line] = { cell: 4, value: '-1' };
    await injectFaults(WEATHER, data, faults);
    const reportPath = join(dir, 'out', 'report.json');
    const { code, out } = await cli(['validate', data, '--schema', WEATHER_SCHEMA, '--json', '--max-errors', '5', '--report', reportPath]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    // 487 cells at -1 fail exclusiveMinimum 0 → 66.7% pass, under mostly 0.99: one column error.
    expect(report.errorCount).toBe(1);
    expect(report.columns.wind.failures).toEqual({ exclusiveMinimum: 487 });
    expect(report.columns.wind.mostly).toEqual({ required: 0.99, observed: (1461 - 487) / 1461, passed: false });
    expect(JSON.parse(await readFile(reportPath, 'utf8'))).toEqual(report);
    expect((await readdir(join(dir, 'out'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const strict = join(dir, 'strict.yaml');
    await writeFile(strict, (await readFile(WEATHER_SCHEMA, 'utf8')).replace('    mostly: 0.99\n', ''));
    const bounded = await cli(['validate', data, '--schema', strict, '--json', '--max-errors', '5']);
    const r2 = JSON.parse(bounded.out);
    expect(r2.errorCount).toBe(487);
    expect(r2.errors.map((e: { line: number }) => e.line)).toEqual([2, 5, 8, 11, 14]);
    expect(r2.truncated).toBe(true);
    // --max-errors 0 stores no row, and the terminal says so instead of listing none silently.
    const none = await cli(['validate', data, '--schema', strict, '--max-errors', '0']);
    expect(none.code).toBe(1);
    expect(none.out).toContain('  … showing 0 of 487 errors (--max-errors 0)');
  });

  it('prints one JSON document on stdout with --json and the human report on stderr', async () => {
    const { code, out, err } = await cli(['validate', WEATHER, '--schema', WEATHER_SCHEMA, '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toMatchObject({ valid: true, rows: 1461, errorCount: 0, errors: [] });
    expect(err).toMatch(/is valid/);
  });

  it('includes the schema diff with --base-schema', async () => {
    const base = join(dir, 'base.yaml');
    await writeFile(base, (await readFile(WEATHER_SCHEMA, 'utf8')).replace('maximum: 45', 'maximum: 50').replace('[drizzle, fog, rain, snow, sun]', '[drizzle, fog, rain, snow, sun, hail]'));
    const { out, err } = await cli(['validate', WEATHER, '--schema', WEATHER_SCHEMA, '--base-schema', base, '--json']);
    const report = JSON.parse(out);
    expect(report.schemaDiff.changes.map((c: { severity: string; field: string; change: string }) => [c.severity, c.field, c.change])).toEqual([
      ['breaking', 'temp_max', 'constraint.maximum.tightened'],
      ['breaking', 'weather', 'enum.value.removed'],
    ]);
    expect(err).toMatch(/BREAKING +temp_max: maximum 50 → 45/);
  });
});

describe('mlops validate / profile: wide files in a terminal', () => {
  it('list 50 columns, failing ones first, and say how many more the JSON holds', async () => {
    const cols = Array.from({ length: 80 }, (_, i) => `c${i}`);
    const data = join(dir, 'wide.csv');
    await writeFile(data, `${cols.join(',')}\n${[1, 2, 3].map((r) => cols.map((_, i) => (i === 70 && r === 2 ? 'x' : r * i)).join(',')).join('\n')}\n`);
    const schema = join(dir, 'wide.yaml');
    await writeFile(schema, `fields:\n${cols.map((c) => `  - { name: ${c}, type: integer }`).join('\n')}\n`);
    const r = await cli(['validate', data, '--schema', schema]);
    expect(r.code).toBe(1);
    const table = r.out.slice(r.out.indexOf('  column'));
    const listed = table.split('\n').slice(1).filter((l) => /^ {2}c\d+ /.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(listed).toHaveLength(50);
    expect(listed[0]).toBe('c70'); // the failing column leads
    expect(listed.slice(1, 4)).toEqual(['c0', 'c1', 'c2']);
    expect(r.out).toMatch(/… 30 more columns \(every column is in the JSON report/);
    const json = await cli(['validate', data, '--schema', schema, '--json']);
    expect(Object.keys(JSON.parse(json.out).columns)).toHaveLength(80);
    const profile = await cli(['profile', data, '-o', join(dir, 'wide.profile.json')]);
    expect(profile.code).toBe(0);
    expect(profile.err).toMatch(/… 30 more columns \(every column is in the profile JSON\)/);
    expect(profile.err).not.toMatch(/ c50 /);
  });
});

describe('mlops validate: a Frictionless schema with local number forms', () => {
  it('parses "1.000,50 €" as 1000.5 and "1.500" as 1500 (not 1.5), checks bounds, and reports bad cells at their line', async () => {
    const schema = join(dir, 'local.json');
    await writeFile(schema, JSON.stringify({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'price', type: 'number', decimalChar: ',', groupChar: '.', bareNumber: false, constraints: { maximum: '5.000' } },
      ],
      foreignKeys: [{ fields: 'id', reference: { resource: 'orders', fields: 'id' } }],
      missingValues: ['', 'NA'],
    }));
    const data = join(dir, 'local.csv');
    await writeFile(data, 'id;price\n1;"1.000,50 €"\n2;1.500\n3;NA\n4;"7.250,00 €"\n5;zwölf\n6;"12,5 %"\n');
    const r = await cli(['validate', data, '--schema', schema, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.errors.map((e: { line: number; rule: string; value: unknown }) => [e.line, e.rule, e.value])).toEqual([
      [5, 'maximum', '7.250,00 €'],
      [6, 'type', 'zwölf'],
    ]);
    expect(report.columns.price).toMatchObject({ nulls: 1, min: 12.5, max: 1500 });
  });
});

describe('mlops validate: Table Schema v2 types, categories and collection lengths', () => {
  it('checks each type, counts items for array/list/object lengths, and takes categories as the allowed values', async () => {
    const schema = join(dir, 'v2.yaml');
    await writeFile(schema, [
      'fields:',
      '  - { name: month, type: yearmonth, constraints: { minimum: "2024-01" } }',
      '  - { name: wait, type: duration }',
      '  - { name: meta, type: object, constraints: { maxLength: 2 } }',
      '  - { name: tags, type: list, itemType: integer, delimiter: "|", constraints: { minLength: 1 } }',
      '  - { name: where, type: geopoint }',
      '  - { name: plan, type: string, categories: [free, pro, { value: team, label: Team plan }] }',
      '  - { name: score, type: number, missingValues: ["-"], constraints: { required: true } }',
      '',
    ].join('\n'));
    const data = join(dir, 'v2.csv');
    await writeFile(data, [
      'month,wait,meta,tags,where,plan,score',
      '2024-03,PT5M,"{""a"":1}",1|2,"2.35, 48.85",team,1.5',
      '2023-12,P1D,"{}",3,"0, 0",free,-',
      '2024-13,5 minutes,"{""a"":1,""b"":2,""c"":3}",,"200, 0",enterprise,2',
      '2024-01,P1W,"[1]",x|1,"1,2",pro,',
      '',
    ].join('\n'));
    const r = await cli(['validate', data, '--schema', schema, '--json']);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.errors.map((e: { line: number; column: string; rule: string }) => [e.line, e.column, e.rule])).toEqual([
      // The field's own missing value "-" is null (required fails); "" is not missing for it: a type error.
      [3, 'month', 'minimum'], [3, 'score', 'required'],
      [4, 'month', 'type'], [4, 'wait', 'type'], [4, 'meta', 'maxLength'], [4, 'where', 'type'], [4, 'plan', 'enum'],
      [5, 'meta', 'type'], [5, 'tags', 'type'], [5, 'score', 'type'],
    ]);
    // An empty list cell is null (missing), not a list of zero items.
    expect(report.columns.tags.nulls).toBe(1);
    expect(report.errors.find((e: { column: string }) => e.column === 'plan').message).toBe('\'enterprise\' is not one of ["free", "pro", "team"]');
  });

  it('checks constraints.jsonSchema on object and array values', async () => {
    const schema = join(dir, 'jsonschema.yaml');
    await writeFile(schema, [
      'fields:',
      '  - { name: cfg, type: object, constraints: { jsonSchema: { required: [lr], properties: { lr: { type: number, exclusiveMinimum: 0 } } } } }',
      '  - { name: dims, type: array, constraints: { jsonSchema: { items: { type: integer } } } }',
      '',
    ].join('\n'));
    const data = join(dir, 'jsonschema.csv');
    await writeFile(data, 'cfg,dims\n"{""lr"": 0.1}","[1, 2]"\n"{""lr"": 0}","[1, 2.5]"\n"{}",[]\n');
    const r = await cli(['validate', data, '--schema', schema, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.errors.map((e: { line: number; column: string; rule: string }) => [e.line, e.column, e.rule])).toEqual([
      [3, 'cfg', 'jsonSchema'], [3, 'dims', 'jsonSchema'], [4, 'cfg', 'jsonSchema'],
    ]);
    expect(report.errors[0].message).toMatch(/does not match the field's jsonSchema: \/lr must be > 0/);
    expect(report.errorsByRule).toEqual({ jsonSchema: 3 });
    const bad = join(dir, 'jsonschema-bad.yaml');
    await writeFile(bad, 'fields:\n  - { name: cfg, type: string, constraints: { jsonSchema: {} } }\n  - { name: dims, type: array, constraints: { jsonSchema: { type: nope } } }\n');
    const refused = await cli(['validate', data, '--schema', bad]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/\(fields\[0\]\.constraints\.jsonSchema\): 'jsonSchema' applies to object and array fields/);
    expect(refused.err).toMatch(/\(fields\[1\]\.constraints\.jsonSchema\): invalid jsonSchema/);
  });

  it('rejects v2 keys on the wrong types, at their line', async () => {
    const schema = join(dir, 'v2-bad.yaml');
    await writeFile(schema, 'fields:\n  - { name: a, type: string, itemType: integer }\n  - { name: b, type: number, categories: [1, 2] }\n  - { name: c, type: integer, categories: [1, x] }\n  - { name: d, type: yearmonth, format: "%Y/%m" }\n');
    const data = join(dir, 'v2-bad.csv');
    await writeFile(data, 'a,b,c,d\n1,2,3,2024-01\n');
    const r = await cli(['validate', data, '--schema', schema]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/v2-bad\.yaml:2:\d+ \(fields\[0\]\.itemType\): only list fields take itemType/);
    expect(r.err).toMatch(/\(fields\[1\]\.categories\): only string and integer fields take categories/);
    expect(r.err).toMatch(/\(fields\[2\]\.categories\[1\]\): "x" is not a valid integer/);
    expect(r.err).toMatch(/\(fields\[3\]\.format\): type 'yearmonth' has no formats besides 'default'/);
  });
});

describe('mlops validate: several files (shards of one dataset)', () => {
  it('validates each file of a glob or a list, prints each report and the totals, and fails if any file is invalid', async () => {
    const shards = join(dir, 'shards');
    await mkdir(shards, { recursive: true });
    const schema = join(dir, 'shards.yaml');
    await writeFile(schema, 'fields:\n  - { name: id, type: integer, constraints: { unique: true } }\n  - { name: x, type: number, constraints: { maximum: 10 } }\n');
    await writeFile(join(shards, 'part-1.csv'), 'id,x\n1,1.5\n2,2.5\n');
    await writeFile(join(shards, 'part-2.csv'), 'id,x\n3,11\n4,4\n3,5\n');
    const both = await cli(['validate', join(shards, 'part-*.csv'), '--schema', schema, '--json']);
    expect(both.code).toBe(1);
    const doc = JSON.parse(both.out);
    expect(doc).toMatchObject({ valid: false, rows: 5, errorCount: 2, errorsByRule: { maximum: 1, unique: 1 } });
    expect(doc.files.map((f: { file: string; valid: boolean; rows: number }) => [f.file.split('/').pop(), f.valid, f.rows])).toEqual([['part-1.csv', true, 2], ['part-2.csv', false, 3]]);
    expect(doc.reports[1].errors.map((e: { line: number; rule: string }) => [e.line, e.rule])).toEqual([[2, 'maximum'], [4, 'unique']]);
    // DESIGN §4's fields keep their shape over several files: every error names its file; columns sum.
    expect(doc.errors.map((e: { file: string; line: number; rule: string }) => [e.file.split('/').pop(), e.line, e.rule])).toEqual([['part-2.csv', 2, 'maximum'], ['part-2.csv', 4, 'unique']]);
    expect(doc.columns.x).toMatchObject({ type: 'number', present: true, rows: 5, nulls: 0, valid: 4, failures: { maximum: 1 }, errorCount: 1, min: 1.5, max: 5 });
    expect(doc.columns.id).toMatchObject({ rows: 5, failures: { unique: 1 }, min: 1, max: 4 });
    expect(both.err).toMatch(/✗ 2 files against .*: 1 valid, 1 invalid; 2 errors in 5 rows/);
    const list = await cli(['validate', join(shards, 'part-1.csv'), join(shards, 'part-1.csv'), '--schema', schema]);
    expect(list.code).toBe(0); // the same file twice is one file
    expect(list.out).toMatch(/is valid against/);
    const none = await cli(['validate', join(shards, 'nothing-*.csv'), '--schema', schema]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/nothing-\*\.csv: no file matches this pattern/);
  });

  it('schema infer reads a glob of shards as one table, and refuses shards whose columns differ', async () => {
    const shards = join(dir, 'infer-shards');
    await mkdir(shards, { recursive: true });
    await writeFile(join(shards, 'a.csv'), 'id,x,kind\n1,0.5,a\n2,1.5,b\n');
    await writeFile(join(shards, 'b.csv'), 'id,x,kind\n3,,a\n4,9.5,c\n');
    const r = await cli(['schema', 'infer', join(shards, '*.csv'), '-o', join(dir, 'shards-inferred.json')]);
    expect(r.code).toBe(0);
    const inferred = JSON.parse(await readFile(join(dir, 'shards-inferred.json'), 'utf8'));
    // x: a null in the second shard (not required), its range over both shards.
    expect(inferred.fields[1]).toEqual({ name: 'x', type: 'number', role: 'feature', constraints: { minimum: 0.5, maximum: 9.5 } });
    await writeFile(join(shards, 'c.csv'), 'id,y\n5,1\n');
    const mismatch = await cli(['schema', 'infer', join(shards, '*.csv')]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toMatch(/c\.csv: the files of one schema must have the same columns/);
  });
});

describe('mlops validate: columns the schema does not name', () => {
  it('subset ignores extra columns (not decoded); exact reports them at line 1', async () => {
    const data = join(dir, 'extra.csv');
    const text = await readFile(WEATHER, 'utf8');
    await writeFile(data, text.split('\n').map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'station' : 'not-a-number'}`)).join('\n'));
    const schema = await readFile(WEATHER_SCHEMA, 'utf8');
    const subset = join(dir, 'subset.yaml');
    await writeFile(subset, schema.replace('fieldsMatch: exact', 'fieldsMatch: subset'));
    const ok = await cli(['validate', data, '--schema', subset, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, rows: 1461, extraColumns: ['station'] });
    const strict = await cli(['validate', data, '--schema', WEATHER_SCHEMA, '--json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.out).errors).toEqual([{ line: 1, row: null, column: 'station', rule: 'extraColumn', value: 'station', message: "column 'station' is not in the schema (fieldsMatch: exact)" }]);
  });

  it('missingValues reach the reader: listed texts are nulls in numeric and text columns', async () => {
    const data = join(dir, 'na.csv');
    await writeFile(data, 'n,s\n1,a\nNA,NA\n-,b\n3,\n');
    const schema = join(dir, 'na.yaml');
    await writeFile(schema, 'missingValues: ["", NA, "-"]\nfields:\n  - { name: n, type: integer, maxNullFraction: 0.4 }\n  - { name: s, constraints: { required: true } }\n');
    const { code, out } = await cli(['validate', data, '--schema', schema, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.columns.n).toMatchObject({ nulls: 2, nullFraction: 0.5, maxNullFraction: { passed: false } });
    expect(report.errors.map((e: { line: number | null; rule: string }) => [e.line, e.rule])).toEqual([[3, 'required'], [5, 'required'], [null, 'maxNullFraction']]);
  });

  it('without --json the human report is on stdout and stderr stays empty', async () => {
    const { code, out, err } = await cli(['validate', WEATHER, '--schema', WEATHER_SCHEMA]);
    expect(code).toBe(0);
    expect(out).toMatch(/^✓ /);
    expect(err).toBe('');
  });
});

describe('mlops validate: Parquet', () => {
  it('validates native numbers and strings; errors carry rows and null lines', async () => {
    const data = join(dir, 'p.parquet');
    await writeFile(data, new Uint8Array(parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1, 2, 2, 4], type: 'INT32' },
        { name: 'score', data: [0.5, 1.5, null, 0.25], type: 'DOUBLE' },
        { name: 'city', data: ['Oslo', 'Rome', 'Paris', 'X'], type: 'STRING' },
      ],
    })));
    const schema = join(dir, 'p.yaml');
    await writeFile(schema, 'fields:\n  - { name: id, type: integer, constraints: { unique: true } }\n  - { name: score, type: number, constraints: { required: true, maximum: 1 } }\n  - { name: city, type: string, constraints: { minLength: 2 } }\n');
    const { code, out } = await cli(['validate', data, '--schema', schema, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out).errors.map((e: { line: null; row: number; column: string; rule: string }) => [e.line, e.row, e.column, e.rule])).toEqual([
      [null, 2, 'score', 'maximum'], [null, 3, 'id', 'unique'], [null, 3, 'score', 'required'], [null, 4, 'city', 'minLength'],
    ]);
  });
});

describe('mlops validate: penguins (CSV and JSONL) with their real faults', () => {
  it.each(['penguins.csv', 'penguins.jsonl'])('%s: the one "." sex is an enum error', async (file) => {
    const { code, out } = await cli(['validate', join(FIXTURES, file), '--schema', join(FIXTURES, 'penguins.schema.yaml'), '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.errors.map((e: { row: number; column: string; rule: string; value: string }) => [e.row, e.column, e.rule, e.value])).toEqual([[337, 'Sex', 'enum', '.']]);
    expect(report.columns.Sex).toMatchObject({ nulls: 10, maxNullFraction: { passed: true } });
    expect(report.columns['Body Mass (g)']).toMatchObject({ nulls: 2, min: 2700, max: 6300 });
  });
});

describe('mlops validate: exit 2 when it cannot run', () => {
  const run = (argv: string[]) => cli(['validate', ...argv]);
  it.each([
    ['no schema flag', [WEATHER], /missing --schema/],
    ['unknown flag', [WEATHER, '--schema', WEATHER_SCHEMA, '--bogus'], /bogus/],
    ['bad --max-errors', [WEATHER, '--schema', WEATHER_SCHEMA, '--max-errors', '3x'], /--max-errors must be a non-negative integer/],
    ['missing data file', ['nope.csv', '--schema', WEATHER_SCHEMA], /nope\.csv/],
    ['missing schema file', [WEATHER, '--schema', 'nope.yaml'], /nope\.yaml: schema file not found/],
  ])('%s', async (_label, argv, message) => {
    const { code, err, out } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('a schema with an unknown key: file:line:col and key, nothing written', async () => {
    const schema = join(dir, 'typo.yaml');
    await writeFile(schema, 'fields:\n  - name: date\n    type: date\n    constraint: { required: true }\n');
    const reportPath = join(dir, 'never.json');
    const { code, err } = await run([WEATHER, '--schema', schema, '--report', reportPath]);
    expect(code).toBe(2);
    expect(err).toContain(`${schema}:4:5 (fields[0].constraint): unknown key 'constraint'`);
    await expect(readFile(reportPath)).rejects.toThrow();
  });

  it('a YAML syntax error: line:col', async () => {
    const schema = join(dir, 'syntax.yaml');
    await writeFile(schema, 'fields:\n  - name: date\n    type: "date\n');
    const { code, err } = await run([WEATHER, '--schema', schema]);
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`${schema.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML syntax error`));
  });

  it('a .json schema is strict JSON: a trailing comma is a JSON syntax error at line:col', async () => {
    const schema = join(dir, 'trailing.json');
    await writeFile(schema, '{\n  "fields": [\n    {"name": "date", "type": "date"},\n  ]\n}\n');
    const { code, err } = await run([WEATHER, '--schema', schema]);
    expect(code).toBe(2);
    expect(err).toContain(`${schema}:3:37: JSON syntax error: trailing comma before ]`);
  });

  it('a schema field absent from the data names the field and the data file', async () => {
    const schema = join(dir, 'extra-field.yaml');
    await writeFile(schema, `${await readFile(WEATHER_SCHEMA, 'utf8')}  - { name: humidity, type: number }\n`);
    const { code, err } = await run([WEATHER, '--schema', schema]);
    expect(code).toBe(2);
    expect(err).toContain(`${WEATHER}:1 (humidity): schema field 'humidity' is not in the data (fieldsMatch: exact`);
  });

  it('that message names the schema as the user gave it, not its absolute path', async () => {
    await writeFile(join(dir, 'extra-rel.yaml'), `${await readFile(WEATHER_SCHEMA, 'utf8')}  - { name: humidity, type: number }\n`);
    const { code, err } = await cli(['validate', WEATHER, '--schema', 'extra-rel.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(err).toMatch(/is not in the data \(fieldsMatch: exact; the data has: [^)]*\); schema extra-rel\.yaml/);
  });

  it.each([
    ['empty file', ''],
    ['ragged row', 'date,precipitation,temp_max,temp_min,wind,weather\n2012-01-01,0,1,2,3,sun\n2012-01-02,0,1,2\n'],
    ['unterminated quote', 'date,precipitation,temp_max,temp_min,wind,weather\n2012-01-01,0,1,2,3,"sun\n2012-01-02,0,1,2,3,sun\n'],
    ['duplicate header', 'date,date,temp_max,temp_min,wind,weather\n2012-01-01,0,1,2,3,sun\n'],
  ])('bad data (%s) → exit 2 naming the file', async (label, text) => {
    const data = join(dir, `${label.replace(/ /g, '-')}.csv`);
    await writeFile(data, text);
    const { code, err } = await run([data, '--schema', WEATHER_SCHEMA]);
    expect(code).toBe(2);
    expect(err).toContain(data);
  });

  it('header only: 0 rows is valid data', async () => {
    const data = join(dir, 'header-only.csv');
    await writeFile(data, 'date,precipitation,temp_max,temp_min,wind,weather\n');
    const { code, out } = await run([data, '--schema', WEATHER_SCHEMA, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ valid: true, rows: 0, errorCount: 0 });
  });
});

describe('mlops schema infer | diff', () => {
  it('infers types, required, enum, ranges and roles from real data, and the result validates it', async () => {
    const out = join(dir, 'inferred.yaml');
    const inferred = await cli(['schema', 'infer', WEATHER, '-o', out]);
    expect(inferred.code).toBe(0);
    const yamlText = await readFile(out, 'utf8');
    expect(yamlText).toContain('- name: date\n    type: date\n    role: timestamp\n    constraints: {required: true, minimum: "2012-01-01"}');
    expect(yamlText).toContain('- name: weather\n    type: string\n    role: feature\n    constraints: {required: true, enum: [drizzle, fog, rain, snow, sun]}');
    expect(yamlText).toContain('- name: precipitation\n    type: number\n    role: feature\n    constraints: {required: true, minimum: 0, maximum: 55.9}');
    const check = await cli(['validate', WEATHER, '--schema', out]);
    expect(check.code).toBe(0);
  });

  it('leaves required off columns with nulls and guesses id and label roles', async () => {
    const data = join(dir, 'roles.csv');
    await writeFile(data, 'user_id,label,score,when,note\n1,a,0.5,2024-01-01T00:00:00Z,x\n2,b,,2024-01-02T00:00:00Z,\n3,a,1.5,2024-01-03T00:00:00Z,y\n4,b,2,2024-01-04T00:00:00Z,x\n');
    const { code, out } = await cli(['schema', 'infer', data, '-o', join(dir, 'roles.json')]);
    expect(code).toBe(0);
    expect(out).toBe('');
    const schema = JSON.parse(await readFile(join(dir, 'roles.json'), 'utf8'));
    expect(schema.fields.map((f: { name: string; type: string; role: string; constraints?: { required?: boolean; unique?: boolean } }) => [f.name, f.type, f.role, f.constraints?.required ?? false, f.constraints?.unique ?? false])).toEqual([
      ['user_id', 'integer', 'id', true, true],
      ['label', 'string', 'label', true, false],
      ['score', 'number', 'feature', false, false],
      ['when', 'datetime', 'timestamp', true, false],
      ['note', 'string', 'feature', false, false],
    ]);
  });

  it('keeps codes with leading zeros (zip codes) as text: a number type would change them', async () => {
    const data = join(dir, 'zips.csv');
    await writeFile(data, 'zip,count,ratio\n00501,1,0.5\n02134,10,0.25\n10001,7,1.5\n');
    const { code } = await cli(['schema', 'infer', data, '-o', join(dir, 'zips.json')]);
    expect(code).toBe(0);
    const schema = JSON.parse(await readFile(join(dir, 'zips.json'), 'utf8'));
    expect(schema.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toEqual([
      ['zip', 'string'],
      ['count', 'integer'],
      ['ratio', 'number'],
    ]);
  });

  it('past 10,000 distinct values, a column whose first values fit a local form is read again for the rest', async () => {
    const data = join(dir, 'many.csv');
    // 25,000 distinct decimal-comma amounts; the largest comes last, long after the first 10,000.
    const rows = Array.from({ length: 25_000 }, (_, i) => `${i},${String(i % 100).padStart(2, '0')};${i % 7}`);
    await writeFile(data, `amount;n\n${rows.join('\n')}\n`);
    const out = join(dir, 'many.json');
    expect((await cli(['schema', 'infer', data, '-o', out])).code).toBe(0);
    const field = JSON.parse(await readFile(out, 'utf8')).fields[0];
    expect([field.type, field.decimalChar, field.constraints.minimum, field.constraints.maximum]).toEqual(['number', ',', 0, 24999.99]);
  });

  it('recognises spreadsheet dates when only one format reads every value; ambiguous ones stay text', async () => {
    const cases: Array<[string, string, string | undefined, string]> = [
      ['31/01/2024\n01/02/2024\n15/03/2023', 'date', '%d/%m/%Y', '2023-03-15'],
      ['01/31/2024\n02/01/2024', 'date', '%m/%d/%Y', '2024-01-31'],
      ['31.01.2024\n1.2.2024', 'date', '%d.%m.%Y', '2024-01-31'],
      ['2024/01/31\n2024/2/1', 'date', '%Y/%m/%d', '2024-01-31'],
      ['01/02/2024\n02/01/2024', 'string', undefined, ''], // day-first or month-first: no value says
      ['31/01/2024\n01/31/2024', 'string', undefined, ''], // two conventions in one column
    ];
    for (const [index, [cells, type, format, minimum]] of cases.entries()) {
      const data = join(dir, `dates${index}.csv`);
      await writeFile(data, `day\n${cells}\n`);
      const out = join(dir, `dates${index}.json`);
      expect((await cli(['schema', 'infer', data, '-o', out])).code).toBe(0);
      const field = JSON.parse(await readFile(out, 'utf8')).fields[0];
      expect([field.type, field.format, field.role], cells).toEqual([type, format, type === 'date' ? 'timestamp' : 'feature']);
      if (type === 'date') {
        expect(field.constraints.minimum).toBe(minimum); // bounds in ISO
        expect((await cli(['validate', data, '--schema', out])).code, cells).toBe(0);
      }
    }
  });

  it('marks free text and names (mostly distinct, over 50 values) role: ignore, and keeps real categories as features', async () => {
    const data = join(dir, 'names.csv');
    // name: 200 distinct in 300 rows (car names, titles); city: 60 distinct in 300 rows (5 each).
    const rows = Array.from({ length: 300 }, (_, i) => `model ${i % 200},city${i % 60},${i % 3}`);
    await writeFile(data, `name,city,y\n${rows.join('\n')}\n`);
    const out = join(dir, 'names.json');
    expect((await cli(['schema', 'infer', data, '-o', out])).code).toBe(0);
    const schema = JSON.parse(await readFile(out, 'utf8'));
    expect(schema.fields.map((f: { name: string; role: string }) => [f.name, f.role])).toEqual([['name', 'ignore'], ['city', 'feature'], ['y', 'label']]);
  });

  it('recognises numbers in a local form only when a value proves it, and the result validates the file', async () => {
    const data = join(dir, 'eu.csv');
    // amount: decimal comma with dot groups; price: decimal comma; code: `1,234` alone is ambiguous
    // (1.234 or 1234), so it stays text; big: thousands commas, proven by 1,234,567.
    await writeFile(data, 'amount;price;code;big\n1.234,5;3,25;1,234;1,234,567\n2,75;0,5;2,345;1,000.5\n;10;3,456;999\n');
    const out = join(dir, 'eu.json');
    expect((await cli(['schema', 'infer', data, '-o', out])).code).toBe(0);
    const schema = JSON.parse(await readFile(out, 'utf8'));
    expect(schema.fields.map((f: Record<string, unknown>) => [f.name, f.type, f.decimalChar, f.groupChar, f.constraints])).toEqual([
      ['amount', 'number', ',', '.', { minimum: 2.75, maximum: 1234.5 }],
      ['price', 'number', ',', undefined, { required: true, minimum: 0.5, maximum: 10 }],
      ['code', 'string', undefined, undefined, { required: true }],
      ['big', 'number', undefined, ',', { required: true, minimum: 999, maximum: 1234567 }],
    ]);
    const check = await cli(['validate', data, '--schema', out, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).errorCount).toBe(0);
  });

  it('diff: JSON, breaking first, and --fail-on-breaking', async () => {
    const older = join(dir, 'old.yaml');
    const newer = join(dir, 'new.yaml');
    await writeFile(older, 'fields: [{ name: a, type: number }, { name: b, type: string, constraints: { enum: [x, y] } }]');
    await writeFile(newer, 'fields: [{ name: a, type: integer }, { name: b, type: string, constraints: { enum: [x, y, z] } }, { name: c }]');
    const plain = await cli(['schema', 'diff', older, newer]);
    expect(plain.code).toBe(0);
    // fieldsMatch is exact: old data without c fails validation, so adding c is breaking.
    expect(plain.out).toBe('schema: 2 breaking changes, 1 compatible change\n  BREAKING    a: type number → integer\n  BREAKING    c: column \'c\' added: old data without it fails validation (fieldsMatch: exact needs every schema field in the data)\n  compatible  b: enum value "z" added\n');
    const json = await cli(['schema', 'diff', older, newer, '--json', '--fail-on-breaking']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ breaking: true, breakingCount: 2, compatibleCount: 1 });
    expect((await cli(['schema', 'diff', older, older, '--fail-on-breaking'])).code).toBe(0);
    expect((await cli(['schema', 'bogus'])).code).toBe(2);
  });

  it('diff: a third schema is exit 2, not silently left out', async () => {
    const older = join(dir, 'three-old.yaml');
    await writeFile(older, 'fields: [{ name: a, type: number }]');
    const r = await cli(['schema', 'diff', older, older, older, '--fail-on-breaking']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`unexpected argument '${older}': schema diff compares two schemas`);
  });

  it('diff: a column added under the default fieldsMatch fails --fail-on-breaking, as validating old data against the new schema does', async () => {
    const older = join(dir, 'humid-old.yaml'), newer = join(dir, 'humid-new.yaml'), loose = join(dir, 'humid-superset.yaml'), data = join(dir, 'humid-old.csv');
    await writeFile(older, 'fields:\n  - { name: temp, type: number }\n');
    await writeFile(newer, 'fields:\n  - { name: temp, type: number }\n  - { name: humidity, type: number }\n');
    await writeFile(loose, 'fieldsMatch: superset\nfields:\n  - { name: temp, type: number }\n  - { name: humidity, type: number }\n');
    await writeFile(data, 'temp\n1\n2\n');
    expect((await cli(['validate', data, '--schema', older])).code).toBe(0);
    expect((await cli(['validate', data, '--schema', newer])).code).toBe(2);
    const diff = await cli(['schema', 'diff', older, newer, '--fail-on-breaking']);
    expect(diff.code).toBe(1);
    expect(diff.out).toMatch(/BREAKING +humidity: column 'humidity' added: old data without it fails validation/);
    // Under superset the old data validates, and the diff agrees.
    expect((await cli(['validate', data, '--schema', loose])).code).toBe(0);
    expect((await cli(['schema', 'diff', older, loose, '--fail-on-breaking'])).code).toBe(0);
  });
});
