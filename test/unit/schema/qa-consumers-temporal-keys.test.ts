import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import type { ValidationReport } from '../../../src/schema/report-types.ts';

// The CSV reader hands ISO date/datetime columns to validation as instants (epoch milliseconds),
// and key checks then compare instants; other formats, and CSV fields with a rule on the text,
// hand over the text. Primary and unique keys must compare the same way everywhere: logically,
// as `unique` does (two writings of one instant are one key).

const ROWS = [
  ['2021-06-01T10:00:00Z', 'a', 'true'],
  ['2021-06-01 10:00:00', 'a', 'TRUE'],
  ['2021-06-01T12:00:00+02:00', 'b', 'false'],
  ['2021-06-02T00:00:00Z', 'c', 'false'],
];

function files(header: string[], rows: string[][]): { csv: string; jsonl: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qa-consumers-keys-'));
  const csv = join(dir, 'data.csv');
  writeFileSync(csv, `${header.join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const jsonl = join(dir, 'data.jsonl');
  writeFileSync(jsonl, rows.map((r) => `${JSON.stringify(Object.fromEntries(header.map((h, i) => [h, r[i]])))}\n`).join(''));
  return { csv, jsonl };
}

const keyErrors = (r: ValidationReport) => r.errors.filter((e) => e.rule === 'primaryKey' || e.rule === 'uniqueKeys').map((e) => [e.row, e.rule, e.value]);

describe('key checks over date/datetime fields', () => {
  it('find the same duplicates in CSV (instants) and JSON Lines (text)', async () => {
    const schema = parseSchema('primaryKey: at\nuniqueKeys: [[at, tag]]\nfields: [{ name: at, type: datetime }, { name: tag, type: string }, { name: flag, type: boolean }]', 'schema.yaml');
    const { csv, jsonl } = files(['at', 'tag', 'flag'], ROWS);
    const fromCsv = await validateFile(csv, schema, { segmentBytes: undefined });
    const fromJsonl = await validateFile(jsonl, schema);
    // Rows 1-3 are one instant (10:00Z): rows 2 and 3 repeat the primary key; row 2 also repeats (at, tag).
    expect(keyErrors(fromCsv)).toEqual([
      [2, 'primaryKey', '2021-06-01 10:00:00'], [2, 'uniqueKeys', '["2021-06-01 10:00:00","a"]'], [3, 'primaryKey', '2021-06-01T12:00:00+02:00'],
    ]);
    expect(keyErrors(fromJsonl)).toEqual(keyErrors(fromCsv));
    expect(fromJsonl.errorsByRule).toEqual(fromCsv.errorsByRule);
  });

  it('do not change when a text rule makes the CSV reader hand over the text', async () => {
    const plain = parseSchema('primaryKey: [at, tag]\nfields: [{ name: at, type: datetime }, { name: tag, type: string }, { name: flag, type: boolean }]', 'schema.yaml');
    const patterned = parseSchema('primaryKey: [at, tag]\nfields: [{ name: at, type: datetime, constraints: { pattern: "2021.*" } }, { name: tag, type: string }, { name: flag, type: boolean }]', 'schema.yaml');
    const { csv } = files(['at', 'tag', 'flag'], ROWS);
    const a = await validateFile(csv, plain, { segmentBytes: undefined });
    const b = await validateFile(csv, patterned, { segmentBytes: undefined });
    expect(keyErrors(a)).toEqual([[2, 'primaryKey', '["2021-06-01 10:00:00","a"]']]);
    expect(keyErrors(b)).toEqual(keyErrors(a));
  });

  it('compare booleans logically, as unique does', async () => {
    const schema = parseSchema('uniqueKeys: [[flag]]\nfields: [{ name: at, type: string }, { name: tag, type: string }, { name: flag, type: boolean, constraints: { unique: true } }]', 'schema.yaml');
    const { csv } = files(['at', 'tag', 'flag'], ROWS);
    const report = await validateFile(csv, schema, { segmentBytes: undefined });
    expect(report.errorsByRule).toEqual({ unique: 2, uniqueKeys: 2 });
  });
});
