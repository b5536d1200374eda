import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { profileFile } from '../../../src/profile/index.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { validateFile } from '../../../src/schema/file.ts';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { columnStrings, detectFormat, openTable, readTable } from '../../../src/table/index.ts';
import type { NumberColumn, RecordBatch } from '../../../src/table/index.ts';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'formats-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(content: string | Uint8Array, ext: string): Promise<string> {
  const path = join(dir, `f${n++}.${ext}`);
  await writeFile(path, content);
  return path;
}

async function rejection(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

const ROWS = 300;
const ids = Array.from({ length: ROWS }, (_, i) => i + 1);
const scores = ids.map((i) => (i % 17 === 0 ? null : i / 8));
const cities = ids.map((i) => (i % 23 === 0 ? null : ['Paris', 'Lyon', 'Nice'][i % 3]));

function expectRoundTrip(t: Awaited<ReturnType<typeof readTable>>, withLines: boolean | 'csv'): void {
  expect(t.fieldNames).toEqual(['id', 'score', 'city']);
  expect(t.length).toBe(ROWS);
  const [id, score, city] = t.columns;
  expect(id.kind).toBe('number');
  expect(score.kind).toBe('number');
  expect(city.kind).toBe('string');
  expect(Array.from((id as NumberColumn).values)).toEqual(ids);
  expect(Array.from((score as NumberColumn).nulls)).toEqual(scores.map((s) => (s === null ? 1 : 0)));
  scores.forEach((s, i) => {
    if (s !== null) expect((score as NumberColumn).values[i]).toBe(s);
  });
  expect(columnStrings(city)).toEqual(cities);
  // CSV rows start on the line after the header; JSON rows on the line their object starts.
  if (withLines === 'csv') expect(Array.from(t.lines)).toEqual(ids.map((id) => id + 1));
  else if (withLines) expect(Array.from(t.lines)).toEqual(ids);
  else expect(t.lines.every((l) => l === 0)).toBe(true);
}

describe('format detection', () => {
  it('maps extensions and rejects unknown ones', () => {
    expect(detectFormat('a/b.CSV')).toBe('csv');
    expect(detectFormat('x.tsv')).toBe('csv');
    expect(detectFormat('x.ndjson')).toBe('jsonl');
    expect(detectFormat('records.JSON')).toBe('json');
    expect(detectFormat('x.parquet')).toBe('parquet');
    expect(detectFormat('x.feather')).toBe('arrow');
    expect(() => detectFormat('x.xlsx')).toThrow(InputError);
  });
});

describe('JSONL', () => {
  it('round-trips numbers, nulls, absent keys and text, with physical lines', async () => {
    const text = ids.map((id, i) => JSON.stringify(cities[i] === null ? { id, score: scores[i] } : { id, score: scores[i], city: cities[i] })).join('\n');
    const t = await readTable(await file(`${text}\n`, 'jsonl'), { batchRows: 64 });
    expectRoundTrip(t, true);
  });

  it('keeps line numbers over blank lines; stringifies booleans and objects; honours decoding', async () => {
    const path = await file('{"a":1,"b":true}\r\n\r\n{"a":"2","b":{"x":[1]}}\n{"b":null}\n', 'ndjson');
    const t = await readTable(path, { decoding: { a: 'number' } });
    expect(Array.from(t.lines)).toEqual([1, 3, 4]);
    expect(Array.from((t.columns[0] as NumberColumn).values.subarray(0, 2))).toEqual([1, 2]);
    expect(columnStrings(t.columns[1])).toEqual(['true', '{"x":[1]}', null]);
  });

  it('bad JSON, non-objects, late new keys and empty files name file and line', async () => {
    const bad = await file('{"a":1}\n{"a":2,}\n', 'jsonl');
    const e1 = await rejection(readTable(bad));
    expect(e1.message).toBe(`${bad}:2:8: invalid JSON: unexpected '}' where a property name in double quotes was expected (a trailing comma?)`);
    const arr = await file('{"a":1}\n[1]\n', 'jsonl');
    expect((await rejection(readTable(arr))).location.line).toBe(2);
    const late = await file('{"a":1}\n{"a":2}\n{"a":3,"z":1}\n', 'jsonl');
    const e3 = await rejection(readTable(late, { batchRows: 2 }));
    expect(e3.location).toMatchObject({ file: late, line: 3, key: 'z' });
    // Reading some columns only, a late key is one of the others: skipped, not an error.
    expect((await readTable(late, { batchRows: 2, columns: ['a'] })).length).toBe(3);
    // So is it for validation where extra columns are ignored; where they count, it stays exit 2.
    // (Validation reads 16,384-row batches: the late key comes after them.)
    const longLate = await file(`${'{"a":1}\n'.repeat(16_384)}{"a":3,"z":1}\n`, 'jsonl');
    const subset = parseSchema('fieldsMatch: subset\nfields: [{ name: a, type: integer }]', 's.yaml');
    expect((await validateFile(longLate, subset)).valid).toBe(true);
    const partial = parseSchema('fieldsMatch: partial\nfields: [{ name: a, type: integer }, { name: q }]', 's.yaml');
    expect((await validateFile(longLate, partial)).rows).toBe(16_385);
    const exact = parseSchema('fields: [{ name: a, type: integer }]', 's.yaml');
    expect((await rejection(validateFile(longLate, exact))).location).toMatchObject({ line: 16_385, key: 'z' });
    const empty = await file('\n\n', 'jsonl');
    expect((await rejection(openTable(empty))).message).toMatch(/empty file/);
  });
});

describe('JSONL line limit (maxRowBytes): a line of that many bytes, its line break not counted, is the longest accepted', () => {
  const M = 64;
  /** An object line of exactly `bytes` bytes. */
  const line = (bytes: number): string => `{"a":"${'x'.repeat(bytes - 8)}"}`;
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`${name}: accepted at the limit, refused one byte over at its line, whatever the reads`, async () => {
      for (const last of [false, true]) {
        const body = (long: string): string => (last ? `{"a":"y"}${eol}${long}` : `{"a":"y"}${eol}${long}${eol}{"a":"z"}${eol}`);
        const at = await file(body(line(M)), 'jsonl');
        const atEnd = await file(body(line(M)) + (last ? eol : ''), 'jsonl');
        const over = await file(body(line(M + 1)), 'jsonl');
        for (const chunkSize of [undefined, 1, 5, M - 1, M, M + 1, M + 2, 200]) {
          for (const path of [at, atEnd]) {
            const t = await readTable(path, { maxRowBytes: M, chunkSize });
            expect(columnStrings(t.columns[0])[1]).toBe('x'.repeat(M - 8));
          }
          const e = await rejection(readTable(over, { maxRowBytes: M, chunkSize }));
          expect(e.message).toBe(`${over}:2: line longer than 64 bytes`);
        }
      }
    });
  }
});

describe('JSON arrays of objects', () => {
  const records = ids.map((id, i) => (cities[i] === null ? { id, score: scores[i] } : { id, score: scores[i], city: cities[i] }));

  it('round-trips numbers, nulls, absent keys and text, each row on the line its object starts', async () => {
    const text = `[${records.map((r) => JSON.stringify(r)).join(',\n')}]\n`;
    expectRoundTrip(await readTable(await file(text, 'json'), { batchRows: 64 }), true);
  });

  it('places pretty-printed objects on their first line; brackets, commas and quotes inside strings do not count', async () => {
    const rows = [{ a: 1, s: 'x], {"y": [' }, { a: 2, s: 'q\\"},{' }, { a: 3, s: null }];
    const path = await file(`\ufeff${JSON.stringify(rows, null, 2)}`, 'json');
    const t = await readTable(path);
    expect(t.fieldNames).toEqual(['a', 's']);
    expect(columnStrings(t.columns[1])).toEqual(['x], {"y": [', 'q\\"},{', null]);
    // "[" on line 1, then each object takes 4 lines: {, "a", "s", }.
    expect(Array.from(t.lines)).toEqual([2, 6, 10]);
  });

  it('bad input names file and line: invalid JSON, a non-object element, not an array, an empty array', async () => {
    const bad = await file('[\n  {"a": 1},\n  {"a": 2 "b": 3}\n]\n', 'json');
    const e1 = await rejection(readTable(bad));
    expect(e1.message).toMatch(/invalid JSON/);
    expect(e1.location).toMatchObject({ file: bad, line: 3 });
    const element = await file('[\n  {"a": 1},\n  [1, 2]\n]', 'json');
    const e2 = await rejection(readTable(element));
    expect(e2.message).toMatch(/element 2 of the array is not a JSON object/);
    expect(e2.location.line).toBe(3);
    const object = await file('\n{"a": 1}\n', 'json');
    const e3 = await rejection(readTable(object));
    expect(e3.message).toMatch(/one JSON array of objects \(use \.jsonl/);
    expect(e3.location.line).toBe(2);
    expect((await rejection(openTable(await file('[]', 'json')))).message).toMatch(/empty array/);
    expect((await rejection(openTable(await file('  \n', 'json')))).message).toMatch(/empty file/);
    const latin1 = await file(Buffer.from('[\n{"a": "caf\xe9"}\n]', 'latin1'), 'json');
    expect((await rejection(readTable(latin1))).location).toMatchObject({ line: 2 });
  });
});

describe('gzip-compressed text files', () => {
  const csv = `id,score,city\n${ids.map((id, i) => `${id},${scores[i] ?? ''},${cities[i] ?? ''}`).join('\n')}\n`;

  it('reads .csv.gz, .tsv.gz, .jsonl.gz and .json.gz as their plain forms, lines included', async () => {
    // CSV text has no native types: the numeric columns are named, as a schema would.
    const decoding = { decoding: { id: 'number', score: 'number' } } as const;
    expectRoundTrip(await readTable(await file(gzipSync(csv), 'csv.gz'), { ...decoding, chunkSize: 100 }), 'csv');
    expectRoundTrip(await readTable(await file(gzipSync(csv.replaceAll(',', '\t')), 'TSV.GZ'), decoding), 'csv');
    const jsonl = ids.map((id, i) => JSON.stringify(cities[i] === null ? { id, score: scores[i] } : { id, score: scores[i], city: cities[i] })).join('\n');
    expectRoundTrip(await readTable(await file(gzipSync(jsonl), 'jsonl.gz'), { batchRows: 64 }), true);
    const json = `[${ids.map((id, i) => JSON.stringify(cities[i] === null ? { id, score: scores[i] } : { id, score: scores[i], city: cities[i] })).join(',\n')}]`;
    expectRoundTrip(await readTable(await file(gzipSync(json), 'json.gz')), true);
  });

  it('validates and profiles in one pass (a compressed stream has no offsets to cut at), same as the plain file', async () => {
    const schema = parseSchema('fields: [{ name: id, type: integer, constraints: { unique: true } }, { name: score, type: number, constraints: { maximum: 30 } }, { name: city, type: string }]', 's.yaml');
    const plain = await file(csv, 'csv');
    const packed = await file(gzipSync(csv), 'csv.gz');
    const a = await validateFile(plain, schema, { segmentBytes: 1024 });
    const b = await validateFile(packed, schema, { segmentBytes: 1024 });
    expect(b.errorsByRule).toEqual(a.errorsByRule);
    expect(b.errors.map((e) => e.line)).toEqual(a.errors.map((e) => e.line));
    const pa = await profileFile(plain);
    const pb = await profileFile(packed);
    expect(pb.columns).toEqual(pa.columns);
  });

  it('a corrupt gzip file, and gzip around Parquet/Arrow, are exit-2 errors naming the file', async () => {
    const corrupt = await file(Buffer.concat([gzipSync(csv).subarray(0, 40), Buffer.from('garbage')]), 'csv.gz');
    expect((await rejection(readTable(corrupt))).message).toMatch(/not a readable gzip file/);
    expect((await rejection(readTable(await file(Buffer.from('id\n1\n'), 'csv.gz')))).message).toMatch(/not a readable gzip file/);
    expect(() => detectFormat('x.parquet.gz')).toThrow(/gzip-compressed Parquet file cannot be read/);
    expect(() => detectFormat('x.gz')).toThrow(/unknown data format/);
    expect(detectFormat('x.ndjson.gz')).toBe('jsonl');
  });
});

describe('Parquet', () => {
  it('round-trips across several row groups (streamed one at a time)', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ids, type: 'INT32' },
        { name: 'score', data: scores, type: 'DOUBLE' },
        { name: 'city', data: cities, type: 'STRING' },
      ],
      rowGroupSize: 128,
    });
    const path = await file(new Uint8Array(buffer), 'parquet');
    const source = await openTable(path, { batchRows: 100 });
    expect(source.format).toBe('parquet');
    const batches: RecordBatch[] = [];
    for await (const b of source.batches()) batches.push(b);
    // Row groups of 128, 128, 44 split into batches of at most 100.
    expect(batches.map((b) => [b.rowOffset, b.length])).toEqual([
      [0, 100],
      [100, 28],
      [128, 100],
      [228, 28],
      [256, 44],
    ]);
    expectRoundTrip(await readTable(path), false);
    const only = await readTable(path, { columns: ['city'] });
    expect(only.columns.map((c) => c.name)).toEqual(['city']);
  });

  it('maps booleans, INT64, timestamps and JSON to the documented kinds and texts', async () => {
    const when = [new Date('2024-03-15T12:00:00Z'), null, new Date('1999-12-31T23:59:59.500Z')];
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'flag', data: [true, false, null], type: 'BOOLEAN' },
        { name: 'big', data: [1n, -(2n ** 40n), null], type: 'INT64' },
        { name: 'at', data: when, type: 'TIMESTAMP' },
        { name: 'doc', data: [{ a: 1 }, null, [1, 2]], type: 'JSON' },
      ],
    });
    const t = await readTable(await file(new Uint8Array(buffer), 'parquet'));
    expect(t.columns.map((c) => c.kind)).toEqual(['string', 'number', 'string', 'string']);
    expect(columnStrings(t.columns[0])).toEqual(['true', 'false', null]);
    expect(Array.from((t.columns[1] as NumberColumn).values.subarray(0, 2))).toEqual([1, -(2 ** 40)]);
    expect((t.columns[1] as NumberColumn).nulls[2]).toBe(1);
    expect(columnStrings(t.columns[2])).toEqual(['2024-03-15T12:00:00.000Z', null, '1999-12-31T23:59:59.500Z']);
    expect(columnStrings(t.columns[3])).toEqual(['{"a":1}', null, '[1,2]']);
  });

  it('applies missing values to text cells and parses text read as numbers', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 's', data: ['a', '', 'NA', null, 'a', 'b'], type: 'STRING' },
        { name: 'n', data: ['1.5', 'NA', 'x', null, '', '-2'], type: 'STRING' },
      ],
    });
    const path = await file(new Uint8Array(buffer), 'parquet');
    const t = await readTable(path, { missingValues: ['', 'NA'], decoding: { n: 'number' } });
    expect(columnStrings(t.columns[0])).toEqual(['a', null, null, null, 'a', 'b']);
    const n = t.columns[1] as NumberColumn;
    expect(Array.from(n.nulls)).toEqual([0, 1, 0, 1, 1, 0]);
    expect([n.values[0], n.values[5]]).toEqual([1.5, -2]);
    expect(n.invalid).toEqual([{ index: 2, text: 'x' }]);
    // Only NA is missing: the empty text is a value.
    const na = await readTable(path, { missingValues: ['NA'] });
    expect(columnStrings(na.columns[0])).toEqual(['a', '', null, null, 'a', 'b']);
  });

  it('reads pages compressed with GZIP and BROTLI, per column', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ids, type: 'INT32', codec: 'GZIP' },
        { name: 'score', data: scores, type: 'DOUBLE', codec: 'BROTLI' },
        { name: 'city', data: cities, type: 'STRING', codec: 'GZIP' },
      ],
      compressors: { GZIP: (b: Uint8Array) => new Uint8Array(gzipSync(b)), BROTLI: (b: Uint8Array) => new Uint8Array(brotliCompressSync(b)) },
      rowGroupSize: 128,
    });
    expectRoundTrip(await readTable(await file(new Uint8Array(buffer), 'parquet')), false);
  });

  it('reads ZSTD pages (a real file: vega-datasets flights-3m.parquet, first row group)', async () => {
    const path = fileURLToPath(new URL('../../../node_modules/vega-datasets/data/flights-3m.parquet', import.meta.url));
    const source = await openTable(path, { batchRows: 1000 });
    expect(source.fieldNames).toEqual(['date', 'delay', 'distance', 'origin', 'destination']);
    const first = (await source.batches()[Symbol.asyncIterator]().next()).value as RecordBatch;
    expect(first.length).toBe(1000);
    const [date, delay, distance, origin] = first.columns;
    expect(delay.kind).toBe('number');
    expect(distance.kind).toBe('number');
    const dates = columnStrings(date);
    expect(dates.every((d) => d !== null && /^2001-\d\d-\d\dT\d\d:\d\d:00\.000Z$/.test(d))).toBe(true);
    expect(columnStrings(origin).every((o) => o !== null && /^[A-Z]{3}$/.test(o))).toBe(true);
    const distances = (distance as NumberColumn).values;
    expect(distances.every((d) => Number.isInteger(d) && d > 0 && d < 5000)).toBe(true);
  });

  it('repeated and distinct timestamps keep their own text (the ISO text cache)', async () => {
    const base = Date.UTC(2024, 0, 1);
    // 70k rows: more distinct instants than the cache holds, each repeated once later.
    const when = Array.from({ length: 70_000 }, (_, i) => new Date(base + (i % 35_000) * 60_000));
    when[5] = null as unknown as Date;
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'at', data: when, type: 'TIMESTAMP' }] });
    const t = await readTable(await file(new Uint8Array(buffer), 'parquet'));
    const texts = columnStrings(t.columns[0]);
    expect(texts.length).toBe(70_000);
    texts.forEach((text, i) => expect(text).toBe(i === 5 ? null : new Date(base + (i % 35_000) * 60_000).toISOString()));
  });

  it('a file that is not Parquet is an InputError', async () => {
    const path = await file('id,score\n1,2\n', 'parquet');
    expect((await rejection(openTable(path))).message).toMatch(/not a readable Parquet file/);
  });
});

describe('Arrow IPC', () => {
  const table = () => tableFromArrays({ id: Int32Array.from(ids), score: Float64Array.from(scores.map((s) => s ?? 0)), city: cities.map((c) => c ?? 'x') });

  it('round-trips the file and the stream formats', async () => {
    for (const format of ['file', 'stream'] as const) {
      const path = await file(tableToIPC(table(), format), format === 'file' ? 'arrow' : 'arrows');
      const t = await readTable(path);
      expect(t.fieldNames).toEqual(['id', 'score', 'city']);
      expect(Array.from((t.columns[0] as NumberColumn).values)).toEqual(ids);
      expect(Array.from((t.columns[1] as NumberColumn).values)).toEqual(scores.map((s) => s ?? 0));
      expect(columnStrings(t.columns[2])).toEqual(cities.map((c) => c ?? 'x'));
      expect(t.lines.every((l) => l === 0)).toBe(true);
    }
  });

  it('reads nulls, dictionary-encoded text, booleans and dates', async () => {
    const t = tableFromArrays({
      city: ['Paris', null, 'Nice', 'Paris'],
      flag: [true, false, null, true],
      day: [new Date('2024-01-02T00:00:00Z'), null, new Date('2024-01-03T00:00:00Z'), new Date('2024-01-04T00:00:00Z')],
      n: Float64Array.from([1.5, 2, 3, 4]),
    });
    const path = await file(tableToIPC(t, 'file'), 'feather');
    const read = await readTable(path);
    expect(read.columns.map((c) => c.kind)).toEqual(['string', 'string', 'string', 'number']);
    expect(columnStrings(read.columns[0])).toEqual(['Paris', null, 'Nice', 'Paris']);
    expect(columnStrings(read.columns[1])).toEqual(['true', 'false', null, 'true']);
    expect(columnStrings(read.columns[2])).toEqual(['2024-01-02T00:00:00.000Z', null, '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z']);
    expect(Array.from((read.columns[3] as NumberColumn).values)).toEqual([1.5, 2, 3, 4]);
  });

  it('a file that is not Arrow is an InputError', async () => {
    const path = await file('not arrow at all', 'arrow');
    expect((await rejection(openTable(path))).location.file).toBe(path);
  });
});
