import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { formatValidationReport } from '../../../src/schema/format.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { validateSource } from '../../../src/schema/validate.ts';
import { memorySource } from './helpers.ts';

// A column's range is shown as its values are written: a yearmonth column's is '2020-01', not the
// month count validation compares (24240).

const SCHEMA = parseSchema('fields: [{ name: m, type: yearmonth, constraints: { minimum: "2019-06" } }, { name: y, type: year }]', 'schema.yaml');

describe('the range of a yearmonth column', () => {
  it('is shown as written, in the report and the table', async () => {
    const report = await validateSource(memorySource(['m', 'y'], [['2020-01', '2020'], ['2021-12', '1999'], ['2019-05', '2001'], ['2020-1', '2002']]), SCHEMA);
    expect(report.columns.m).toMatchObject({ min: '2020-01', max: '2021-12', failures: { minimum: 1, type: 1 } });
    // Years are numbers already.
    expect(report.columns.y).toMatchObject({ min: 1999, max: 2020 });
    expect(formatValidationReport(report)).toMatch(/\bm\s+yearmonth\s+0\s+2020-01\s+2021-12\b/);
  });

  it('is the same in segments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-consumers-ym-'));
    const path = join(dir, 'data.csv');
    writeFileSync(path, `m,y\n${Array.from({ length: 400 }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${2000 + (i % 7)}`).join('\n')}\n`);
    const one = await validateFile(path, SCHEMA, { segmentBytes: undefined });
    expect(one.columns.m).toMatchObject({ min: '2020-01', max: '2053-04' });
    expect(await validateFile(path, SCHEMA, { segmentBytes: 1024 })).toEqual(one);
  });
});
