import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { fieldParser } from '../../../src/schema/values.ts';
import { readOptionsForSchema } from '../../../src/schema/validate.ts';
import { openTable, temporalText } from '../../../src/table/index.ts';
import { zoneMinutes } from '../../../src/table/temporal.ts';
import type { NumberColumn, TemporalShape } from '../../../src/table/index.ts';

// Date and datetime fields whose rules compare instants are read by the CSV scanner as epoch
// milliseconds (ReadOptions.temporal) instead of one string per cell. That path must give exactly
// the report of the dictionary path it replaces, for every way a cell may be written.
let dir: string;
let n = 0;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-temporal-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(text: string): Promise<string> {
  const path = join(dir, `t${n++}.csv`);
  await writeFile(path, text);
  return path;
}

const pad = (x: number, w: number) => String(x).padStart(w, '0');

/** Cells as people and programs write them: canonical forms, other forms, near misses, garbage. */
const cellText = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    y: fc.integer({ min: 0, max: 9999 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 24 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 60 }),
    frac: fc.constantFrom('', '.5', '.25', '.285', '.1234', '.123456', '.987654321', '.1234567890', '.'), sep: fc.constantFrom('T', 'T', ' ', 't'),
    tz: fc.constantFrom('', 'Z', 'Z', '+02:00', '+00:00', '-0530', '-11:45', '+99:00', '+05:3', 'z'), dateOnly: fc.boolean(),
  }).map(({ y, mo, d, h, mi, s, frac, sep, tz, dateOnly }) => {
    const date = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
    return dateOnly ? date : `${date}${sep}${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}${tz}`;
  }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'NA', '2024-1-01', '2024-01-01x', '20240101', 'yesterday', '"2024-02-29"', '"2024-02-29T10:00:00Z"', ' 2024-01-01') },
);

/** The schema with its date fields forced onto the dictionary path (a pattern that matches anything). */
function dictionaryPath(schemaText: string): string {
  return schemaText.replaceAll('constraints: {', "constraints: { pattern: '[\\s\\S]*', ");
}

const SCHEMA_TEXT = `
missingValues: ['', NA]
fields:
  - { name: id, type: integer }
  - { name: d, type: date, constraints: { required: true, minimum: '1970-01-01', maximum: '2999-12-31' } }
  - { name: e, type: date, mostly: 0.6, maxNullFraction: 0.3, constraints: { unique: true, exclusiveMaximum: '2500-01-01' } }
  - { name: t, type: datetime, constraints: { unique: true, exclusiveMinimum: '2000-01-01T00:00:00.285Z', maximum: '8000-01-01T00:00:00Z' } }
`;

describe('validating dates and datetimes read as instants', () => {
  it('asks the reader for instants only where every rule compares instants', () => {
    const schema = parseSchema(`fields:
      - { name: a, type: date, constraints: { minimum: '2020-01-01', unique: true } }
      - { name: b, type: datetime }
      - { name: c, type: date, format: '%d/%m/%Y' }
      - { name: e, type: datetime, constraints: { pattern: '.*Z' } }
      - { name: f, type: date, constraints: { enum: ['2020-01-01'] } }
      - { name: g, type: time }`, 's.yaml');
    expect(readOptionsForSchema(schema).temporal).toEqual({ a: 'date', b: 'datetime' });
  });

  it('gives the report of the dictionary path, in one pass and in segments', async () => {
    const fast = parseSchema(SCHEMA_TEXT, 'schema.yaml');
    const slow = parseSchema(dictionaryPath(SCHEMA_TEXT), 'schema.yaml');
    expect(readOptionsForSchema(fast).temporal).toEqual({ d: 'date', t: 'datetime', e: 'date' });
    expect(readOptionsForSchema(slow).temporal).toBeUndefined();
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 120 }), fc.boolean(), async (rows, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      const path = await file(`id,d,t,e${eol}${rows.map(([d, t], i) => `${i},${d},${t},${d.replaceAll('"', '').slice(0, 10)}`).join(eol)}${eol}`);
      const reference = await validateFile(path, slow, { maxErrors: 1000 });
      expect(await validateFile(path, fast, { maxErrors: 1000 })).toEqual(reference);
      expect(await validateFile(path, fast, { maxErrors: 1000, segmentBytes: 512 })).toEqual(reference);
    }), { numRuns: 60 });
  }, 120_000);

  it('shows the extremes and failing values as written', async () => {
    const schema = parseSchema(`fields:
      - { name: t, type: datetime, constraints: { minimum: '2020-01-01T00:00:00Z', unique: true } }`, 's.yaml');
    const path = await file('t\n2021-03-04 05:06:07.120\n2019-12-31 23:59:59.500\n2022-01-01T00:00:00+01:00\n2021-03-04 05:06:07.120\n');
    const report = await validateFile(path, schema);
    expect(report.columns.t).toMatchObject({ min: '2021-03-04 05:06:07.120', max: '2022-01-01T00:00:00+01:00' });
    expect(report.errors.map((e) => [e.line, e.rule, e.value])).toEqual([
      [3, 'minimum', '2019-12-31 23:59:59.500'],
      [5, 'unique', '2021-03-04 05:06:07.120'],
    ]);
  });

  it('reads what Python and pandas write (offsets, microseconds) fast, and shows it as written', async () => {
    const schema = parseSchema(`fields:
      - { name: t, type: datetime, constraints: { maximum: '2024-06-01T12:00:00Z' } }`, 's.yaml');
    const path = await file('t\n2024-06-01 14:00:00.250001+02:00\n2024-06-01 14:00:00.000001+02:00\n2024-06-01 13:59:59.999999+02:00\n');
    const source = await openTable(path, readOptionsForSchema(schema));
    for await (const batch of source.batches()) {
      const col = batch.columns[0] as NumberColumn;
      expect(col.invalid).toEqual([]);
      expect(col.temporal).toEqual({ type: 'datetime', separator: ' ', fractionDigits: 6, zone: '+02:00' });
      expect(Array.from(col.subMilliseconds!)).toEqual([1, 1, 999]);
    }
    const report = await validateFile(path, schema);
    // .000001 is 0 ms past the maximum (the parser counts whole milliseconds): not greater.
    expect(report.errors.map((e) => [e.line, e.rule, e.value])).toEqual([[2, 'maximum', '2024-06-01 14:00:00.250001+02:00']]);
    expect(report.columns.t).toMatchObject({ min: '2024-06-01 13:59:59.999999+02:00', max: '2024-06-01 14:00:00.000001+02:00' });
  });

  it('counts a fraction of a second by its digits (.285 is 285 ms, not 284)', async () => {
    const schema = parseSchema(`fields:
      - { name: t, type: datetime, constraints: { minimum: '2024-01-01T00:00:00.285+00:00' } }`, 's.yaml');
    const path = await file('t\n2024-01-01T00:00:00.285Z\n2024-01-01T00:00:00.284Z\n2024-01-01T01:00:00.285+01:00\n');
    const report = await validateFile(path, schema);
    expect(report.errors.map((e) => [e.line, e.rule])).toEqual([[3, 'minimum']]);
    expect(fieldParser({ type: 'datetime' })('2024-01-01T00:00:00.285Z')).toBe(Date.UTC(2024, 0, 1, 0, 0, 0, 285));
    // Years before 100 too (Date.UTC would read 50 as 1950).
    const year50 = new Date(Date.UTC(2000, 5, 1, 0, 0, 0, 500));
    year50.setUTCFullYear(50);
    expect(fieldParser({ type: 'datetime' })('0050-06-01T00:00:00.5Z')).toBe(year50.getTime());
  });
});

describe('the CSV reader with ReadOptions.temporal', () => {
  it('reads each batch in the form of its first datetime and keeps every other cell as text', async () => {
    const path = await file([
      'd,t',
      '2024-02-29,2024-01-01T10:00:00.250Z',
      ',2024-01-01 10:00:00.250Z', // another separator: text
      '2023-02-29,2024-01-01T10:00:00.25Z', // no such day; two fraction digits: text
      '"2024-03-01",2024-01-01T10:00:01.999Z', // quoted: read by the general path
      '2024-03-02,2024-01-01T10:00:60.000Z', // a leap second: text
      '2024-03-03,2024-01-01 10:00:00', // a new batch, a new form
      '2024-03-04,2024-01-01T10:00:00',
    ].join('\n'));
    const source = await openTable(path, { temporal: { d: 'date', t: 'datetime' }, batchRows: 5 });
    const batches = [];
    for await (const batch of source.batches()) batches.push(batch.columns as NumberColumn[]);
    expect(batches).toHaveLength(2);
    const [[d1, t1], [d2, t2]] = batches;
    expect(Array.from(d1.values)).toEqual([Date.UTC(2024, 1, 29), NaN, NaN, Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 2)]);
    expect(Array.from(d1.nulls)).toEqual([0, 1, 0, 0, 0]);
    expect(d1.invalid).toEqual([{ index: 2, text: '2023-02-29' }]);
    expect(t1.temporal).toEqual({ type: 'datetime', separator: 'T', fractionDigits: 3, zone: 'Z' });
    expect(t1.values[0]).toBe(Date.UTC(2024, 0, 1, 10, 0, 0, 250));
    expect(t1.values[3]).toBe(Date.UTC(2024, 0, 1, 10, 0, 1, 999));
    expect(t1.invalid.map((c) => c.index)).toEqual([1, 2, 4]);
    expect(t2.temporal).toEqual({ type: 'datetime', separator: ' ', fractionDigits: 0, zone: '' });
    expect(t2.invalid).toEqual([{ index: 1, text: '2024-01-01T10:00:00' }]);
    expect(Array.from(d2.values)).toEqual([Date.UTC(2024, 2, 3), Date.UTC(2024, 2, 4)]);
  });

  it('reads a cell fast only when its value and rebuilt text are exactly its own', async () => {
    // Mixed forms in one batch: whatever the reader takes as a value must be the parser's value of
    // that very cell, and rebuild to its text; everything else must be left as text.
    await fc.assert(fc.asyncProperty(fc.array(cellText, { minLength: 1, maxLength: 150 }), async (cells) => {
      const texts = cells.map((c) => (c.startsWith('"') ? c.slice(1, -1) : c));
      // An id column: a lone empty cell would be a blank line, which is no row.
      const source = await openTable(await file(`i,t\n${cells.map((c, i) => `${i},${c}`).join('\n')}\n`), { columns: ['t'], temporal: { t: 'datetime' }, missingValues: ['', 'NA'], batchRows: 40 });
      const parse = fieldParser({ type: 'datetime' });
      let row = 0;
      const wrong: string[] = [];
      for await (const batch of source.batches()) {
        const col = batch.columns[0] as NumberColumn;
        const asText = new Set(col.invalid.map((c) => c.index));
        for (let i = 0; i < batch.length; i++, row++) {
          const text = texts[row];
          if (col.nulls[i] === 1) {
            if (text !== '' && text !== 'NA') wrong.push(`${text}: null`);
          } else if (asText.has(i)) {
            if (col.invalid.find((c) => c.index === i)!.text !== text) wrong.push(`${text}: text differs`);
          } else if (parse(text) !== col.values[i] || temporalText(col.values[i], col.temporal!, col.subMilliseconds?.[i]) !== text) {
            wrong.push(`${text}: read as ${col.values[i]} in form ${JSON.stringify(col.temporal)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    }), { numRuns: 150 });
  });

  it('rebuilds the exact text of every value it read (temporalText)', async () => {
    const shape = fc.oneof(
      fc.constant<TemporalShape>({ type: 'date', separator: 'T', fractionDigits: 0, zone: '' }),
      fc.record({
        type: fc.constant<'datetime'>('datetime'), separator: fc.constantFrom<'T' | ' '>('T', ' '),
        fractionDigits: fc.integer({ min: 0, max: 9 }), zone: fc.constantFrom('', 'Z', '+00:00', '+02:00', '-0530', '+1400', '-11:45'),
      }),
    );
    // Local times in years 0000–9999, whole milliseconds; digits past the third of the fraction.
    const local = fc.record({ ms: fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), sub: fc.integer({ min: 0, max: 999_999 }) });
    await fc.assert(fc.asyncProperty(shape, fc.array(local, { minLength: 1, maxLength: 20 }), async (s, raw) => {
      const unit = s.type === 'date' ? 86_400_000 : 10 ** Math.max(0, 3 - s.fractionDigits);
      const offset = zoneMinutes(s.zone) * 60_000;
      const values = raw.map(({ ms }) => Math.floor(ms / unit) * unit - offset);
      const subs = raw.map(({ sub }) => (s.fractionDigits > 3 ? sub % 10 ** (s.fractionDigits - 3) : 0));
      const texts = values.map((v, i) => temporalText(v, s, subs[i]));
      const parse = fieldParser({ type: s.type });
      for (let i = 0; i < texts.length; i++) expect(parse(texts[i])).toBe(values[i]);
      const source = await openTable(await file(`x\n${texts.join('\n')}\n`), { temporal: { x: s.type } });
      for await (const batch of source.batches()) {
        const col = batch.columns[0] as NumberColumn;
        expect(col.invalid).toEqual([]);
        expect(col.temporal).toEqual(s);
        expect(Array.from(col.values)).toEqual(values);
        expect(Array.from(col.values, (v, i) => temporalText(v, col.temporal!, col.subMilliseconds?.[i]))).toEqual(texts);
      }
    }), { numRuns: 120 });
  });
});
