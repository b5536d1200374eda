import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { dumpSchema, inferSchema } from '../../../src/schema/infer.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import type { SchemaField, TableSchema } from '../../../src/schema/types.ts';

let dir: string;
let files = 0;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-infer-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** Writes `text` to a fresh file named `*.ext` in the temp directory. */
async function file(ext: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, `f${files++}.${ext}`);
  await writeFile(path, text);
  return path;
}

/** Infers a schema, writes it as `schema infer` does (YAML) and reads it back as `validate` does. */
async function inferred(path: string): Promise<TableSchema> {
  return parseSchema(dumpSchema(await inferSchema(path)), 'inferred.yaml');
}

const field = (schema: TableSchema, name: string): SchemaField => schema.fields.find((f) => f.name === name)!;

/** Validates a file against its own inferred schema, in one pass and (CSV) in segments, as the worker threads do. */
async function selfValid(path: string): Promise<{ schema: TableSchema; errors: unknown[] }> {
  const schema = await inferred(path);
  const one = await validateFile(path, schema, { segmentBytes: undefined });
  const errors = [...one.errors];
  if (path.endsWith('.csv')) errors.push(...(await validateFile(path, schema, { segmentBytes: 64 })).errors);
  return { schema, errors };
}

describe('schema infer: date, datetime and time bounds', () => {
  it('are the earliest and latest instants, written as in the data, when offsets mix', async () => {
    const path = await file('csv', 'ts\n2020-01-01T00:00:00Z\n2020-01-01T05:00:00+09:00\n2020-01-01T01:00:00Z\n');
    const { schema, errors } = await selfValid(path);
    // As text "…05:00:00+09:00" sorts last; as an instant it is 2019-12-31T20:00Z, the earliest.
    expect(field(schema, 'ts')).toMatchObject({ type: 'datetime', role: 'timestamp', constraints: { minimum: '2020-01-01T05:00:00+09:00' } });
    expect(errors).toEqual([]);
  });

  it('order a space for T, fractions and offsets without a colon as instants too', async () => {
    const path = await file('csv', [
      'ts,t',
      '2020-01-01 23:00:00,12:00:00.5',
      '2020-01-01T01:00:00.5Z,12:00:00',
      '2020-01-01T01:00:00Z,12:00:00.25',
      '2020-01-02T06:00:00+0700,09:30:00',
    ].join('\n'));
    const { schema, errors } = await selfValid(path);
    expect(field(schema, 'ts').constraints).toEqual({ required: true, minimum: '2020-01-01T01:00:00Z' });
    expect(field(schema, 't')).toMatchObject({ type: 'time', constraints: { minimum: '09:30:00', maximum: '12:00:00.5' } });
    expect(errors).toEqual([]);
  });

  it('infer then validate of the same file passes, whatever the mix of offsets and forms (property)', async () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const zone = fc.oneof(
      fc.constant(''), fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), two(14), fc.constantFrom('00', '30', '45'), fc.constantFrom(':', '')).map(([s, h, m, colon]) => `${s}${h}${colon}${m}`),
    );
    const datetime = fc.tuple(
      fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
      fc.constantFrom('T', ' '), two(23), two(59), two(59),
      fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 999_999 }).map((n) => `.${String(n).padStart(6, '0').slice(0, 1 + (n % 6))}`)),
      zone,
    ).map(([y, mo, d, sep, h, mi, s, frac, z]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${h}:${mi}:${s}${frac}${z}`);
    // Dates close together, so that offsets reorder them often.
    const sameDay = fc.tuple(two(23), two(59), zone).map(([h, m, z]) => `2020-06-15T${h}:${m}:00${z}`);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.oneof(datetime, sameDay, fc.constant('')), { minLength: 1, maxLength: 30 }).filter((cells) => cells.some((c) => c !== '')),
      async (cells) => {
        const path = await file('csv', `id,ts\n${cells.map((c, i) => `${i},${c}`).join('\n')}\n`);
        const { schema, errors } = await selfValid(path);
        expect(field(schema, 'ts').type).toBe('datetime');
        expect(errors).toEqual([]);
      },
    ), { numRuns: 60 });
  });
});

describe('schema infer: timestamps', () => {
  it('bound a timestamp column below only, so that the next day\'s rows still pass; a time of day keeps both bounds', async () => {
    const csv = await file('csv', 'day,at,seen,t\n2024-01-30,2024-01-30T10:00:00Z,30/01/2024,10:00:00\n2024-01-31,2024-01-31T10:00:00Z,31/01/2024,12:00:00\n');
    const schema = await inferred(csv);
    expect(field(schema, 'day')).toMatchObject({ type: 'date', role: 'timestamp', constraints: { required: true, minimum: '2024-01-30' } });
    expect(field(schema, 'at')).toMatchObject({ type: 'datetime', role: 'timestamp', constraints: { required: true, minimum: '2024-01-30T10:00:00Z' } });
    expect(field(schema, 'seen')).toMatchObject({ type: 'date', format: '%d/%m/%Y', role: 'timestamp', constraints: { required: true, minimum: '2024-01-30' } });
    for (const name of ['day', 'at', 'seen']) expect(field(schema, name).constraints).not.toHaveProperty('maximum');
    expect(field(schema, 't').constraints).toEqual({ required: true, minimum: '10:00:00', maximum: '12:00:00' });
    // Tomorrow's data.
    const next = await file('csv', 'day,at,seen,t\n2024-02-01,2024-02-01T10:00:00Z,01/02/2024,11:00:00\n');
    expect((await validateFile(next, schema)).errors).toEqual([]);
  });

  it('bound an id column below only: new rows bring larger ids', async () => {
    const schema = await inferred(await file('csv', 'order_id,qty\n1,5\n2,7\n3,5\n'));
    expect(field(schema, 'order_id')).toMatchObject({ type: 'integer', role: 'id', constraints: { required: true, unique: true, minimum: 1 } });
    expect(field(schema, 'order_id').constraints).not.toHaveProperty('maximum');
    expect(field(schema, 'qty').constraints).toMatchObject({ minimum: 5, maximum: 7 });
    expect((await validateFile(await file('csv', 'order_id,qty\n4,6\n'), schema)).errors).toEqual([]);
  });
});

describe('schema infer: special numbers', () => {
  it('types Infinity, -Infinity and INF as number, as validate reads them, leaving the infinite side unbounded', async () => {
    const path = await file('csv', 'a,b,c,d\n1.5,1.5,1,2\nInfinity,-Infinity,INF,NaN\n-2,+Infinity,3,4\n');
    const { schema, errors } = await selfValid(path);
    expect(field(schema, 'a')).toMatchObject({ type: 'number', constraints: { required: true, minimum: -2 } });
    expect(field(schema, 'a').constraints).not.toHaveProperty('maximum');
    expect(field(schema, 'b').constraints).toEqual({ required: true });
    expect(field(schema, 'c')).toMatchObject({ type: 'number', constraints: { required: true, minimum: 1 } });
    // NaN is outside every range: no bound at all.
    expect(field(schema, 'd')).toMatchObject({ type: 'number', constraints: { required: true } });
    expect(field(schema, 'd').constraints).not.toHaveProperty('minimum');
    expect(errors).toEqual([]);
  });

  it('types a Parquet DOUBLE infinity or NaN and a JSONL 1e400 as number', async () => {
    const parquet = await file('parquet', new Uint8Array(parquetWriteBuffer({
      columnData: [
        { name: 'x', data: [1.5, Number.POSITIVE_INFINITY, -2, null], type: 'DOUBLE' },
        { name: 'v', data: [1.5, Number.NaN, -2, 3], type: 'DOUBLE' },
        { name: 'z', data: [1.5, Number.NEGATIVE_INFINITY, 2, 3], type: 'DOUBLE' },
      ],
    })));
    const p = await selfValid(parquet);
    expect(p.schema.fields.map((f) => [f.name, f.type, f.constraints])).toEqual([
      ['x', 'number', { minimum: -2 }],
      ['v', 'number', { required: true }],
      ['z', 'number', { required: true, maximum: 3 }],
    ]);
    expect(p.errors).toEqual([]);
    const jsonl = await file('jsonl', '{"x": 1.5}\n{"x": 1e400}\n{"x": -1e400}\n');
    const j = await selfValid(jsonl);
    expect(field(j.schema, 'x')).toEqual({ name: 'x', type: 'number', role: 'feature', constraints: { required: true } });
    expect(j.errors).toEqual([]);
  });

  it('infer then validate of the same file passes with NaN and infinities among the numbers (property)', async () => {
    const cell = fc.oneof(
      fc.double().map(String),
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.constantFrom('NaN', 'INF', '-INF', '+INF', 'Infinity', '-Infinity', '+Infinity', ''),
    );
    await fc.assert(fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 20 }).filter((cells) => cells.some((c) => c !== '')), async (cells) => {
      const path = await file('csv', `id,x\n${cells.map((c, i) => `${i},${c}`).join('\n')}\n`);
      const { schema, errors } = await selfValid(path);
      expect(['integer', 'number']).toContain(field(schema, 'x').type);
      expect(errors).toEqual([]);
    }), { numRuns: 80 });
  });
});

describe("schema infer: spellings of 'no value' in numeric columns", () => {
  it("an R-style NA in a number column becomes that field's missing value, and the column keeps its number type", async () => {
    const rows = ['age,score,country,note'];
    for (let i = 0; i < 200; i++) {
      const age = i % 29 === 0 ? 'NA' : String(20 + (i % 50));
      const score = i % 41 === 0 ? 'NULL' : (i / 7).toFixed(2);
      // 'NA' is also Namibia's code: a text column keeps it as a value.
      const country = ['US', 'NA', 'FR'][i % 3];
      const note = i % 37 === 0 ? 'n/a' : i % 53 === 0 ? 'unknown' : String(i);
      rows.push(`${age},${score},${country},${note}`);
    }
    const path = await file('csv', `${rows.join('\n')}\n`);
    const schema = await inferred(path);
    expect(field(schema, 'age')).toMatchObject({ type: 'integer', missingValues: ['', 'NA'], constraints: { minimum: 20, maximum: 69 } });
    expect(field(schema, 'age').constraints?.required).toBeUndefined();
    expect(field(schema, 'score')).toMatchObject({ type: 'number', missingValues: ['', 'NULL'] });
    expect(field(schema, 'country')).toMatchObject({ type: 'string', constraints: { enum: ['FR', 'NA', 'US'] } });
    expect(field(schema, 'country').missingValues).toBeUndefined();
    // Another word besides n/a: text, as before.
    expect(field(schema, 'note').type).toBe('string');
    expect(field(schema, 'note').missingValues).toBeUndefined();
    // The data validates against the schema inferred from it, NA cells as nulls.
    const report = await validateFile(path, schema);
    expect(report.valid).toBe(true);
    expect(report.columns.age.nulls).toBe(7);
  });

  it('missing values chosen by the caller are kept as they are', async () => {
    const path = await file('csv', 'age\n31\nNA\n42\n');
    const schema = await inferSchema(path, { missingValues: [''] });
    expect(field(schema, 'age').type).toBe('string');
    expect(field(schema, 'age').missingValues).toBeUndefined();
  });
});
