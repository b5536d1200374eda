import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import type { ValidationReport } from '../../../src/schema/report-types.ts';
import type { TableSchema } from '../../../src/schema/types.ts';
import { readOptionsForSchema, validateSource } from '../../../src/schema/validate.ts';
import { openTable } from '../../../src/table/index.ts';
import type { StringColumn } from '../../../src/table/types.ts';
import { memorySource } from './helpers.ts';

// The CSV reader hands ASCII text over as bytes (lazy dictionaries) in batches that validation
// releases for reuse; JSON Lines and in-memory sources hand over strings. For every kind of rule,
// every source must give the same report: the CSV file read in tiny chunks and batches, in one
// pass, in segments, and the same rows as JSON Lines and in memory.

const PATTERNS = [
  // The sequence matcher takes these (tested on bytes)...
  '[A-Z]{2}[0-9]{2}', '\\w+', '\\d{1,3}', '\\w*-\\d+', '[a-c]*x', '^[a-c]+$', '[é-ü]\\w*', '[\\-a]+', '[a-]*', '[\\d_]{2,}', 'x?y?',
  '\\.?\\w', '[A-Za-z0-9._%+-]+@[a-z]+', '\\$\\d+', 'é+', '[A-Z]', 'b{0,2}', '\\w{2,4}\\.', '[a-c]{1,3}[x-z]?1', 'NA', '[ -~]*', '[\\w-]+', 'a\\$',
  // ...and declines these (RegExp on strings).
  'a.c', '[^a]+', '(ab)+', 'A|b', '\\s*\\w', '.*', '\\p{L}+', '[\\x41-\\x43]+', '\\u0041+', '\\w+?', 'a{1,2}a',
];
const CHARS = ['A', 'B', 'Z', 'a', 'b', 'c', 'x', 'y', '1', '2', '9', '_', '-', '.', '@', ' ', 'é', 'ü', '😀', ',', '"', '$', 'N', '\t'];
const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((cs) => cs.join('')) },
  { weight: 2, arbitrary: fc.constantFrom('2020-01-01', '2019-12-31', '2020-02-30', '2021-06-01T10:00:00Z', '2021-06-01T10:00:00.123456Z', '2021-06-01T12:00:00+02:00', '2021-06-01 10:00:00', '1900-01-01', '2021-06-01T10:00:00.5Z') },
  { weight: 2, arbitrary: fc.constantFrom('true', 'TRUE', 'false', '0', '1', '1,5', '1,50', '-2,0', '12:00:00', '12:00', '2020', '2020-01', '01/02/2020', '1/2/2020', ' 7', '007') },
  { weight: 1, arbitrary: fc.constantFrom('', 'NA', '-', 'a@b.co', 'http://x.org/a', '123e4567-e89b-12d3-a456-426614174000', 'AB12', '12', '-3', '1.5', 'INF', 'x') },
);
const fieldArb = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'any'), constraints: fc.record({ pattern: fc.constantFrom(...PATTERNS), minLength: fc.integer({ min: 0, max: 4 }), maxLength: fc.integer({ min: 1, max: 6 }), required: fc.boolean() }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('string'), constraints: fc.record({ enum: fc.constant(['a', 'b', 'AB12', 'é']), unique: fc.boolean(), pattern: fc.constantFrom(...PATTERNS) }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('string'), format: fc.constantFrom('email', 'uri', 'uuid', 'default'), constraints: fc.record({ unique: fc.boolean(), maxLength: fc.integer({ min: 0, max: 5 }) }, { requiredKeys: [] }) }),
  // Dates the CSV reader hands over as instants, other logical types, a number in a local form (text).
  fc.record({ type: fc.constantFrom('date', 'datetime'), constraints: fc.record({ unique: fc.boolean(), minimum: fc.constantFrom('2020-01-01', '2020-01-01T00:00:00Z'), required: fc.boolean() }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constantFrom('boolean', 'time', 'year', 'yearmonth'), constraints: fc.record({ unique: fc.boolean(), required: fc.boolean(), enum: fc.constant(['true', '12:00:00', '2020', '2020-01']) }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('number'), decimalChar: fc.constant(','), constraints: fc.record({ unique: fc.boolean(), minimum: fc.constant(0) }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('date'), format: fc.constantFrom('%d/%m/%Y', 'any'), constraints: fc.record({ unique: fc.boolean(), minimum: fc.constant('2020-01-01') }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constantFrom('integer', 'number'), constraints: fc.record({ unique: fc.boolean(), minimum: fc.constant(0), maximum: fc.constant(20), required: fc.boolean() }, { requiredKeys: [] }) }),
);
const toleranceArb = fc.record({ mostly: fc.constantFrom(0, 0.5, 0.9, 1), maxNullFraction: fc.constantFrom(0, 0.2, 0.5, 1), missingValues: fc.constantFrom(['NA'], ['', '-'], ['x', '']) }, { requiredKeys: [] });
const schemaArb = fc.tuple(fc.array(fc.tuple(fieldArb, toleranceArb), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.constantFrom('exact', 'equal', 'subset', 'superset', 'partial'))
  .map(([fields, na, keys, fieldsMatch]) => {
    const fs = fields.map(([spec, tolerance], i) => ({ name: `f${i}`, ...spec, ...tolerance }));
    const schema: Record<string, unknown> = { fields: fs, fieldsMatch };
    if (na) schema.missingValues = ['', 'NA'];
    if (keys & 1) schema.primaryKey = fs.length > 1 ? ['f0', 'f1'] : 'f0';
    if (keys & 2) schema.uniqueKeys = [[`f${fs.length - 1}`], fs.map((f) => f.name)];
    return schema;
  });

const quote = (t: string): string => (/[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

/** The report less what differs by format: the file, and lines (JSON Lines has no header line). */
function comparable(r: ValidationReport): unknown {
  return { ...r, file: null, errors: r.errors.map((e) => ({ ...e, line: null })) };
}

interface Ways {
  reports: Record<string, unknown>;
  /** Batches of the tiny-chunk CSV read whose first text column carried ASCII bytes, and all batches. */
  withBytes: number;
  batches: number;
}

async function allWays(schemaObject: Record<string, unknown>, rows0: string[][], batchRows: number, chunkSize: number, headerMode: number): Promise<Ways> {
  const schema: TableSchema = parseSchema(JSON.stringify(schemaObject), 'schema.yaml');
  let header = schema.fields.map((f) => f.name);
  let rows = rows0.map((r) => r.slice(0, header.length));
  if (headerMode === 1) {
    header = [...header, 'extra'];
    rows = rows.map((r, i) => [...r, `e${i % 3}`]);
  } else if (headerMode === 2 && header.length > 1) {
    header = header.slice(0, -1);
    rows = rows.map((r) => r.slice(0, -1));
  } else if (headerMode === 3) {
    header = [...header].reverse();
    rows = rows.map((r) => [...r].reverse());
  }
  const dir = mkdtempSync(join(tmpdir(), 'qa-consumers-bytes-'));
  const csv = join(dir, 'data.csv');
  // A lone empty cell is written quoted: an empty line is no row.
  writeFileSync(csv, `${header.join(',')}\n${rows.map((r) => (r.length === 1 && r[0] === '' ? '""' : r.map(quote).join(','))).join('\n')}\n`);
  const jsonl = join(dir, 'data.jsonl');
  writeFileSync(jsonl, rows.map((r) => `${JSON.stringify(Object.fromEntries(header.map((h, i) => [h, r[i]])))}\n`).join(''));
  const numeric = schema.fields.filter((f) => f.type === 'integer' || f.type === 'number').map((f) => f.name);
  const options = { ...readOptionsForSchema(schema, header, 'csv'), batchRows, chunkSize };
  let withBytes = 0;
  let batches = 0;
  const text = header.findIndex((h) => !numeric.includes(h) && h !== 'extra');
  for await (const batch of (await openTable(csv, options)).batches()) {
    batches++;
    if (text >= 0 && (batch.columns[options.columns!.indexOf(header[text])] as StringColumn | undefined)?.bytes !== undefined) withBytes++;
  }
  const reports: Record<string, unknown> = {};
  const settle = async (name: string, run: () => Promise<ValidationReport>): Promise<void> => {
    try {
      reports[name] = comparable(await run());
    } catch (error) {
      reports[name] = { threw: (error as Error).message.replace(/[^\s]*data\.(csv|jsonl)(:\d+)?/g, 'data') };
    }
  };
  await settle('jsonl', () => validateFile(jsonl, schema, { maxErrors: 40 }));
  // The helper's source has one missing-value list for every column, and reads numbers plainly.
  if (!schema.fields.some((f) => f.missingValues !== undefined || f.decimalChar !== undefined)) {
    await settle('memory', async () => validateSource({ ...memorySource(header, rows, { numeric, batchRows, missing: schema.missingValues }), path: csv }, schema, { maxErrors: 40 }));
  }
  await settle('csv tiny chunks and batches', async () => validateSource(await openTable(csv, options), schema, { maxErrors: 40 }));
  await settle('csv one pass', () => validateFile(csv, schema, { maxErrors: 40, segmentBytes: undefined }));
  await settle('csv segments', () => validateFile(csv, schema, { maxErrors: 40, segmentBytes: 64 }));
  return { reports, withBytes, batches };
}

function expectAllEqual(reports: Record<string, unknown>): void {
  const { jsonl, ...others } = reports;
  for (const [name, report] of Object.entries(others)) expect({ name, report }).toEqual({ name, report: jsonl });
  // Key order too (JSON output): toEqual alone would not see it.
  for (const report of Object.values(others)) expect(JSON.stringify(report)).toBe(JSON.stringify(jsonl));
}

describe('validation reports: CSV bytes and released batches vs strings', () => {
  it.each([
    ['patterns the sequence matcher takes, with \\w, \\d, ranges, anchors', 'fields: [{ name: a, type: string, constraints: { pattern: "^[A-Z]{2}\\\\d{2}$", maxLength: 4 } }, { name: b, type: any, constraints: { pattern: "[a-c\\\\-]+\\\\w?", minLength: 2 } }, { name: c, type: string, constraints: { pattern: "a\\\\$" } }]'],
    ['patterns it declines, lengths, required', 'fields: [{ name: a, type: string, constraints: { pattern: "(AB|CD)\\\\d+", required: true } }, { name: b, type: any, constraints: { pattern: "\\\\s*\\\\w", maxLength: 3 } }, { name: c, type: string, constraints: { pattern: ".+" } }]'],
    ['formats, enum, unique and keys over text', 'missingValues: ["", NA]\nprimaryKey: [a, b]\nuniqueKeys: [[c]]\nfields: [{ name: a, type: string, format: email }, { name: b, type: string, constraints: { enum: [x, "é"], unique: true } }, { name: c, type: string, format: uuid }]'],
    ['mostly and maxNullFraction over byte-tested fields', 'fields: [{ name: a, type: string, constraints: { pattern: "[A-Z]+" }, mostly: 0.5 }, { name: b, type: any, constraints: { maxLength: 2 }, maxNullFraction: 0.2 }, { name: c, type: string, constraints: { minLength: 2 }, mostly: 0.9 }]'],
  ])('%s', async (_label, yaml) => {
    const schema = parseSchema(yaml, 'schema.yaml');
    const texts = ['AB12', 'ab12', 'AB123', 'x', 'é', 'a@b.co', 'x@y.org', 'abc-', 'c_', 'a$', 'a', '', 'NA', 'CD7', '  q', '😀', 'Zü', '123e4567-e89b-12d3-a456-426614174000', 'ab\tc', 'a,b', 'x"y'];
    const rows = Array.from({ length: 45 }, (_, i) => [texts[i % texts.length], texts[(i * 7 + 3) % texts.length], texts[(i * 5 + 1) % texts.length]]);
    for (const [batchRows, chunkSize] of [[1, 7], [4, 64], [16, 1 << 20]]) {
      const { reports, withBytes, batches } = await allWays({ ...JSON.parse(JSON.stringify(schema)), source: undefined }, rows, batchRows, chunkSize, 0);
      expectAllEqual(reports);
      // Both paths ran: batches of ASCII text (bytes) and batches with non-ASCII text (strings).
      if (batchRows === 1) {
        expect(withBytes).toBeGreaterThan(0);
        expect(withBytes).toBeLessThan(batches);
      }
    }
  });

  it('agree on random schemas, texts with non-ASCII characters, chunk and batch sizes, headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        schemaArb,
        fc.array(fc.array(cellArb, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 3 }),
        async (schema, rows, batchRows, chunkSize, headerMode) => {
          // Schemas the loader refuses (minLength above maxLength) are no case here.
          let loads = true;
          try {
            parseSchema(JSON.stringify(schema), 'schema.yaml');
          } catch {
            loads = false;
          }
          fc.pre(loads);
          expectAllEqual((await allWays(schema, rows, batchRows, chunkSize, headerMode)).reports);
        },
      ),
      { seed: 20261128, numRuns: 90 },
    );
  });
});
