/**
 * Arrow IPC reader (apache-arrow), file (`.arrow`/`.feather` v2) and stream formats, one record
 * batch at a time through an async reader over a file handle. Integer, float and decimal columns
 * are numeric (`auto` → NumberColumn; 64-bit integers become doubles, decimals their scaled
 * value); everything else is text (booleans `true`/`false`, date32 `YYYY-MM-DD`, other dates and
 * timestamps ISO 8601, nested values as JSON). Arrow has no lines: `lines` is 0 and the data row
 * number is `rowOffset + i + 1`.
 */
import { DataType, DateUnit, RecordBatchReader } from 'apache-arrow';
import type { Date_ as DateType, Decimal, Field, Vector } from 'apache-arrow';
import { InputError } from '../core/errors.ts';
import { DateTextCache, NumberColumnBuilder, StringColumnBuilder, missingSets, ownValue, pushValue } from './columns.ts';
import { batchRowsOption } from './csv.ts';
import type { ColumnDecoding, RecordBatch, ReadOptions, TableSource } from './types.ts';
import { openForReading } from '../core/fs.ts';

function isNumericField(field: Field): boolean {
  return DataType.isInt(field.type) || DataType.isFloat(field.type) || DataType.isDecimal(field.type);
}

/**
 * A date32 column (days since the epoch: what pyarrow, pandas and Polars write for dates): read as
 * `YYYY-MM-DD`. A date64 column keeps its ISO datetime text: apache-arrow itself builds date64
 * from JS Dates, times of day included.
 */
function isCalendarDate(field: Field): boolean {
  return DataType.isDate(field.type) && (field.type as DateType).unit === DateUnit.DAY;
}

/**
 * A decimal's value from the unscaled integer Arrow stores (its text: a `DecimalBigNum` prints
 * without the scale) and the type's scale: decimal(38, 2) holds 123.45 as 12345. Parsed as
 * `12345e-2`, one correctly rounded conversion, so 123.45 is the double of the text "123.45".
 */
function decimalValue(unscaled: string, scale: number): number {
  return Number(`${unscaled}e${-scale}`);
}

/** A JS value for cell `i`, with dates/timestamps as Date so they print as ISO 8601. */
function cellValue(vec: Vector, field: Field, i: number): unknown {
  const v: unknown = vec.get(i);
  if (v === null || v === undefined) return null;
  if ((DataType.isDate(field.type) || DataType.isTimestamp(field.type)) && typeof v === 'number') return new Date(v);
  if (DataType.isDecimal(field.type)) return decimalValue(String(v), (field.type as Decimal).scale);
  if (typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array) && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return (v as { toJSON(): unknown }).toJSON();
  }
  return v;
}

async function openReader(path: string) {
  const fh = await openForReading(path);
  try {
    const reader = await RecordBatchReader.from(fh);
    await reader.open();
    if (!reader.schema) throw new Error('no schema');
    return { fh, reader };
  } catch (error) {
    await fh.close();
    throw new InputError(`not a readable Arrow IPC file: ${(error as Error).message}`, { file: path }, { cause: error });
  }
}

/** Opens an Arrow IPC file (file or stream format): reads its schema. */
export async function openArrow(path: string, opts: ReadOptions = {}): Promise<TableSource> {
  const { fh, reader } = await openReader(path);
  const fields = reader.schema.fields;
  await reader.cancel();
  await fh.close();
  const fieldNames = fields.map((f) => f.name);
  const byName = new Map(fields.map((f, i) => [f.name, i]));
  const names = opts.columns ?? fieldNames;
  for (const name of names) if (!byName.has(name)) throw new InputError(`column ${JSON.stringify(name)} is not in the data`, { file: path, key: name });
  const kinds = names.map((name) => {
    const decoding: ColumnDecoding = ownValue(opts.decoding, name) ?? opts.defaultDecoding ?? 'auto';
    return decoding === 'auto' || decoding === 'detect' ? (isNumericField(fields[byName.get(name) as number]) ? 'number' : 'string') : decoding;
  });
  const batchRows = batchRowsOption(opts.batchRows);
  const missingFor = missingSets(names, opts);
  return {
    path,
    format: 'arrow',
    fieldNames,
    async *batches(): AsyncGenerator<RecordBatch> {
      const { fh: handle, reader: r } = await openReader(path);
      let rowOffset = 0;
      let emitted = 0;
      const dateTexts = names.map((name) => new DateTextCache(isCalendarDate(fields[byName.get(name) as number])));
      try {
        for await (const batch of r) {
          for (let from = 0; from < batch.numRows; from += batchRows) {
            const to = Math.min(batch.numRows, from + batchRows);
            const columns = names.map((name, k) => {
              const fi = byName.get(name) as number;
              const vec = batch.getChildAt(fi) as Vector;
              const field = fields[fi];
              const b = kinds[k] === 'number' ? new NumberColumnBuilder(name, to - from) : new StringColumnBuilder(name, to - from);
              for (let i = from; i < to; i++) pushValue(b, cellValue(vec, field, i), missingFor[k], dateTexts[k]);
              return b.finish();
            });
            yield { length: to - from, rowOffset, lines: new Float64Array(to - from), columns };
            rowOffset += to - from;
            emitted++;
          }
        }
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`cannot decode Arrow record batch: ${(error as Error).message}`, { file: path }, { cause: error });
      } finally {
        await handle.close();
      }
      if (emitted === 0) {
        const columns = names.map((name, k) => (kinds[k] === 'number' ? new NumberColumnBuilder(name, 0) : new StringColumnBuilder(name, 0)).finish());
        yield { length: 0, rowOffset: 0, lines: new Float64Array(0), columns };
      }
    },
  };
}
