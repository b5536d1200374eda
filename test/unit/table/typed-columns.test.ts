/**
 * Parquet and Arrow columns whose physical values need their logical type to be read right:
 * decimals (an unscaled integer and a scale) and calendar dates (days, no time of day).
 */
import { DateDay, DateMillisecond, Decimal, Table, makeData, makeVector, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { profileFile } from '../../../src/profile/index.ts';
import { validateFile } from '../../../src/schema/file.ts';
import { inferSchema } from '../../../src/schema/infer.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { columnStrings, readTable } from '../../../src/table/index.ts';
import type { NumberColumn } from '../../../src/table/index.ts';
import { useTempFiles } from '../../support/temp-files.ts';

const file = useTempFiles('typed-columns-');

/** An Arrow decimal128 vector holding these unscaled integers (null where null). */
function decimals(unscaled: Array<bigint | null>, scale: number) {
  const words = new Uint32Array(unscaled.length * 4);
  const valid = new Uint8Array(Math.ceil(unscaled.length / 8));
  unscaled.forEach((v, i) => {
    if (v === null) return;
    valid[i >> 3] |= 1 << (i & 7);
    const u = BigInt.asUintN(128, v);
    for (let k = 0; k < 4; k++) words[i * 4 + k] = Number((u >> BigInt(32 * k)) & 0xffffffffn);
  });
  const nulls = unscaled.filter((v) => v === null).length;
  return makeVector(makeData({ type: new Decimal(scale, 38, 128), length: unscaled.length, nullCount: nulls, nullBitmap: valid, data: words }));
}

describe('Arrow decimals', () => {
  it('apply the scale: decimal(38, 2) 12345 is 123.45, not 12345', async () => {
    // What pyarrow writes for SQL NUMERIC(38, 2) money columns: the unscaled integer and the scale.
    const t = new Table({ amount: decimals([12345n, -1n, null, 0n, -12345678901234567890123n], 2) });
    const path = await file(tableToIPC(t, 'file'), 'arrow');
    const read = await readTable(path);
    const col = read.columns[0] as NumberColumn;
    expect(col.kind).toBe('number');
    expect(Array.from(col.values.subarray(0, 2))).toEqual([123.45, -0.01]);
    expect(col.nulls[2]).toBe(1);
    expect(col.values[3]).toBe(0);
    expect(col.values[4]).toBe(Number('-123456789012345678901.23'));
  });

  it('scale 0 and a negative scale', async () => {
    const t = new Table({ whole: decimals([7n, -42n], 0), hundreds: decimals([7n, -42n], -2) });
    const read = await readTable(await file(tableToIPC(t, 'file'), 'arrow'));
    expect(Array.from((read.columns[0] as NumberColumn).values)).toEqual([7, -42]);
    expect(Array.from((read.columns[1] as NumberColumn).values)).toEqual([700, -4200]);
  });

  it('are profiled and validated at their value', async () => {
    const t = new Table({ amount: decimals([12345n, 99n, 100000n], 2) });
    const path = await file(tableToIPC(t, 'file'), 'arrow');
    const profile = await profileFile(path);
    expect(profile.columns[0].numeric).toMatchObject({ min: 0.99, max: 1000 });
    const schema = parseSchema('fields:\n  - {name: amount, type: number, constraints: {maximum: 500}}\n', 's.yaml');
    const report = await validateFile(path, schema);
    expect(report.errorCount).toBe(1);
    expect(report.errors[0]).toMatchObject({ row: 3, rule: 'maximum', value: 1000 });
  });
});

describe('calendar dates', () => {
  const days = [19723, null, -1, 0, 19782];
  const texts = ['2024-01-01', null, '1969-12-31', '1970-01-01', '2024-02-29'];
  const schemaText = 'fields:\n  - {name: day, type: date, constraints: {minimum: "1970-01-01"}}\n';

  /** A Parquet file with one DATE column (INT32 days), as pyarrow writes a column of datetime.date. */
  async function parquetDates(): Promise<string> {
    const buffer = parquetWriteBuffer({
      columnData: [{ name: 'day', data: days.map((d) => (d === null ? null : new Date(d * 86_400_000))) }],
      schema: [{ name: 'root', num_children: 1 }, { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' }],
    });
    return file(new Uint8Array(buffer), 'parquet');
  }

  /** An Arrow file with one date32 column (DateDay), pyarrow's type for datetime.date. */
  async function arrowDates(): Promise<string> {
    const valid = new Uint8Array([0b11101]);
    const vec = makeVector(makeData({ type: new DateDay(), length: days.length, nullCount: 1, nullBitmap: valid, data: Int32Array.from(days.map((d) => d ?? 0)) }));
    return file(tableToIPC(new Table({ day: vec }), 'file'), 'arrow');
  }

  for (const [format, make] of [['Parquet DATE', parquetDates], ['Arrow date32', arrowDates]] as const) {
    it(`${format} cells are YYYY-MM-DD: they validate as a Table Schema date, and infer and profiles say date`, async () => {
      const path = await make();
      expect(columnStrings((await readTable(path)).columns[0])).toEqual(texts);
      const report = await validateFile(path, parseSchema(schemaText, 's.yaml'));
      // Only 1969-12-31 breaks the minimum: no cell is a type error ("a date with a time").
      expect(report.errorsByRule).toEqual({ minimum: 1 });
      expect(report.errors[0]).toMatchObject({ row: 3, value: '1969-12-31' });
      const inferred = await inferSchema(path);
      expect(inferred.fields[0]).toMatchObject({ type: 'date', constraints: { minimum: '1969-12-31' } });
      const profile = await profileFile(path);
      expect(profile.columns[0].types).toMatchObject({ date: 4, datetime: 0 });
    });
  }

  it('an Arrow date64 column (apache-arrow builds it from JS Dates, times included) keeps its time of day', async () => {
    const when = new Date('2024-03-15T12:30:00Z');
    const vec = makeVector(makeData({ type: new DateMillisecond(), length: 1, nullCount: 0, data: BigInt64Array.from([BigInt(when.getTime())]) }));
    const read = await readTable(await file(tableToIPC(new Table({ at: vec }), 'file'), 'arrow'));
    expect(columnStrings(read.columns[0])).toEqual(['2024-03-15T12:30:00.000Z']);
  });
});
