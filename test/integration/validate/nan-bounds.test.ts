import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { cli, tempDir } from './helpers.ts';

// NaN is outside every range: it fails minimum, maximum, exclusiveMinimum and exclusiveMaximum
// alike, whichever path reads the column (the CSV reader's numbers, segments, Parquet doubles,
// the field parser of a local number form).
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

const BOUNDS = [
  ['minimum', -100, "'NaN' is not ≥ minimum -100 (NaN is outside every range)"],
  ['maximum', 100, "'NaN' is not ≤ maximum 100 (NaN is outside every range)"],
  ['exclusiveMinimum', -100, "'NaN' is not greater than exclusiveMinimum -100 (NaN is outside every range)"],
  ['exclusiveMaximum', 100, "'NaN' is not less than exclusiveMaximum 100 (NaN is outside every range)"],
] as const;

/** 200 rows of x (NaN at rows 7 and 150, INF at row 50) and a local-form column y ("NaN" at row 7). */
function csv(): string {
  const lines = ['x,y'];
  for (let r = 1; r <= 200; r++) lines.push(`${r === 7 || r === 150 ? 'NaN' : r === 50 ? '-INF' : String(r % 90)},${r === 7 ? 'NaN' : `"${r % 90},5"`}`);
  return `${lines.join('\n')}\n`;
}

describe('NaN fails every kind of bound', () => {
  it.each(BOUNDS)('%s: in a CSV file, in one pass and in segments', async (rule, bound, message) => {
    const path = join(dir, `nan-${rule}.csv`);
    await writeFile(path, csv());
    const schema = parseSchema(`fields:\n  - { name: x, type: number, constraints: { ${rule}: ${bound} } }\n  - { name: y, type: number, decimalChar: ",", constraints: { ${rule}: ${bound} } }\n`, 's.yaml');
    const whole = await validateFile(path, schema);
    const segmented = await validateFile(path, schema, { segmentBytes: 256 });
    expect(segmented).toEqual(whole);
    const lower = rule === 'minimum' || rule === 'exclusiveMinimum';
    // x: NaN at rows 7 and 150 (line = row + 1), and -INF under a lower bound; y (the field parser's path): NaN at row 7.
    expect(whole.errors.map((e) => [e.line, e.column, e.rule, e.value])).toEqual([
      [8, 'x', rule, 'NaN'], [8, 'y', rule, 'NaN'],
      ...(lower ? [[51, 'x', rule, '-INF']] : []),
      [151, 'x', rule, 'NaN'],
    ]);
    expect(whole.errors[0].message).toBe(message);
    expect(whole.errors[1].message).toBe(message);
    // The report's range is that of the values that pass (-INF passes an upper bound).
    expect(whole.columns.x).toMatchObject({ min: lower ? 0 : '-INF', max: 89, valid: lower ? 197 : 198 });
  });

  it.each(BOUNDS)('%s: a Parquet DOUBLE NaN, through the CLI: exit 1', async (rule, bound, message) => {
    const data = join(dir, `nan-${rule}.parquet`);
    await writeFile(data, new Uint8Array(parquetWriteBuffer({
      columnData: [{ name: 'x', data: [5, Number.NaN, null, -5, Number.POSITIVE_INFINITY], type: 'DOUBLE' }],
    })));
    const schema = join(dir, `nan-${rule}.yaml`);
    await writeFile(schema, `fields: [{ name: x, type: number, constraints: { ${rule}: ${bound} } }]\n`);
    const { code, out } = await cli(['validate', data, '--schema', schema, '--json']);
    expect(code).toBe(1);
    const lower = rule === 'minimum' || rule === 'exclusiveMinimum';
    const report = JSON.parse(out);
    expect(report.errors.map((e: { row: number; rule: string; value: unknown }) => [e.row, e.rule, e.value])).toEqual([
      [2, rule, 'NaN'], ...(lower ? [] : [[5, rule, 'INF']]),
    ]);
    expect(report.errors[0].message).toBe(message);
  });

  it('without a bound, NaN is a valid number', async () => {
    const path = join(dir, 'nan-free.csv');
    await writeFile(path, 'x\n5\nNaN\n');
    const report = await validateFile(path, parseSchema('fields: [{ name: x, type: number }]', 's.yaml'));
    expect(report).toMatchObject({ valid: true, columns: { x: { min: 5, max: 5 } } });
  });
});
