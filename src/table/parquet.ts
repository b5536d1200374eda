/**
 * Parquet reader (hyparquet): streams one row group at a time, so memory follows the largest row
 * group, not the file. Physical INT32/INT64/FLOAT/DOUBLE columns without a date/time/decimal
 * annotation are numeric (`auto` → NumberColumn; INT64 becomes a double); everything else is text
 * (booleans `true`/`false`, dates and timestamps ISO 8601, nested values as JSON). Parquet has
 * no lines: `lines` is 0 and the data row number is `rowOffset + i + 1`. Pages may be compressed
 * with any codec Parquet defines but LZO (SNAPPY, GZIP, ZSTD, BROTLI, LZ4, LZ4_RAW).
 */
import { stat } from 'node:fs/promises';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';
// hyparquet decodes SNAPPY and UNCOMPRESSED by itself; ZSTD (the default of Spark, DuckDB and
// Polars writers), GZIP, BROTLI and LZ4 pages need these decoders from the same author.
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../core/errors.ts';
import { NumberColumnBuilder, StringColumnBuilder } from './columns.ts';
import { batchRowsOption } from './csv.ts';
import type { ColumnDecoding, RecordBatch, ReadOptions, TableSource } from './types.ts';

/** Text of a non-numeric value as it appears in a string column. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}

function isNumericElement(tree: SchemaTree): boolean {
  const e = tree.element;
  if (tree.children.length > 0) return false;
  if (!['INT32', 'INT64', 'FLOAT', 'DOUBLE'].includes(e.type ?? '')) return false;
  const logical = e.logical_type?.type;
  const converted = e.converted_type;
  if (logical && !['INTEGER', 'FLOAT16'].includes(logical)) return false;
  if (converted && !/^(U?INT_\d+)$/.test(converted)) return false;
  return true;
}

/**
 * ISO text of timestamps, memoised by epoch milliseconds: `toISOString` costs about a microsecond,
 * and timestamp columns repeat values (minute or day resolution), so the cache took the Parquet
 * read of a 3M-row timestamp column from about 3 s to a fraction of that.
 */
export class DateTextCache {
  private readonly texts = new Map<number, string>();
  text(d: Date): string {
    const t = d.getTime();
    let s = this.texts.get(t);
    if (s === undefined) {
      s = valueText(d);
      // Bounded: a column of distinct instants must not grow the cache with the file.
      if (this.texts.size >= 1 << 16) this.texts.clear();
      this.texts.set(t, s);
    }
    return s;
  }
}

/** Appends values to a builder following the column's decoding. */
export function pushValue(b: NumberColumnBuilder | StringColumnBuilder, v: unknown, missing: Set<string>, dates?: DateTextCache): void {
  if (dates !== undefined && v instanceof Date && b instanceof StringColumnBuilder) {
    const text = dates.text(v);
    b.push(missing.has(text) ? null : text);
    return;
  }
  if (b instanceof NumberColumnBuilder) {
    if (v === null || v === undefined) b.pushNull();
    else if (typeof v === 'number') b.pushNumber(v);
    else if (typeof v === 'bigint') b.pushNumber(Number(v));
    else {
      const text = valueText(v);
      if (missing.has(text)) b.pushNull();
      else if (typeof v === 'string') b.pushText(text);
      else b.pushInvalid(text);
    }
  } else if (v === null || v === undefined) b.push(null);
  else {
    const text = valueText(v);
    b.push(missing.has(text) ? null : text);
  }
}

async function openFile(path: string): Promise<{ file: AsyncBuffer; metadata: FileMetaData }> {
  try {
    await stat(path);
  } catch {
    throw new InputError('file not found', { file: path });
  }
  const file = await asyncBufferFromFile(path);
  try {
    return { file, metadata: await parquetMetadataAsync(file) };
  } catch (error) {
    throw new InputError(`not a readable Parquet file: ${(error as Error).message}`, { file: path }, { cause: error });
  }
}

/** Opens a Parquet file: reads its footer (schema and row groups). */
export async function openParquet(path: string, opts: ReadOptions = {}): Promise<TableSource> {
  const { file, metadata } = await openFile(path);
  const schema = parquetSchema(metadata);
  const fieldNames = schema.children.map((c) => c.element.name);
  const numeric = new Map(schema.children.map((c) => [c.element.name, isNumericElement(c)]));
  const names = opts.columns ?? fieldNames;
  for (const name of names) if (!numeric.has(name)) throw new InputError(`column ${JSON.stringify(name)} is not in the data`, { file: path, key: name });
  const kinds = names.map((name) => {
    const decoding: ColumnDecoding = opts.decoding?.[name] ?? opts.defaultDecoding ?? 'auto';
    return decoding === 'auto' || decoding === 'detect' ? (numeric.get(name) ? 'number' : 'string') : decoding;
  });
  const batchRows = batchRowsOption(opts.batchRows);
  const missingFor = names.map((name) => new Set(opts.fieldMissingValues?.[name] ?? opts.missingValues ?? ['']));
  return {
    path,
    format: 'parquet',
    fieldNames,
    async *batches(): AsyncGenerator<RecordBatch> {
      let groupStart = 0;
      let rowOffset = 0;
      let emitted = 0;
      const dateTexts = names.map(() => new DateTextCache());
      for (const group of metadata.row_groups) {
        const groupRows = Number(group.num_rows);
        const groupEnd = groupStart + groupRows;
        // Columns of this row group, each as the list of decoded chunks in row order.
        const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>(names.map((n) => [n, []]));
        try {
          await parquetRead({
            file,
            metadata,
            compressors,
            rowStart: groupStart,
            rowEnd: groupEnd,
            columns: names,
            onChunk: (c) => chunks.get(c.columnName)?.push({ rowStart: c.rowStart, data: c.columnData as ArrayLike<unknown> }),
          });
        } catch (error) {
          throw new InputError(`cannot decode Parquet row group: ${(error as Error).message}`, { file: path }, { cause: error });
        }
        for (let from = groupStart; from < groupEnd; from += batchRows) {
          const to = Math.min(groupEnd, from + batchRows);
          const columns = names.map((name, k) => {
            const b = kinds[k] === 'number' ? new NumberColumnBuilder(name, to - from) : new StringColumnBuilder(name, to - from);
            const dates = dateTexts[k];
            for (const chunk of chunks.get(name) ?? []) {
              const lo = Math.max(from, chunk.rowStart);
              const hi = Math.min(to, chunk.rowStart + chunk.data.length);
              for (let r = lo; r < hi; r++) pushValue(b, chunk.data[r - chunk.rowStart], missingFor[k], dates);
            }
            return b.finish();
          });
          for (const col of columns) {
            const n = col.kind === 'number' ? col.values.length : col.codes.length;
            if (n !== to - from) throw new InputError(`column ${JSON.stringify(col.name)} has ${n} values in rows ${from + 1}..${to}, expected ${to - from}`, { file: path, key: col.name });
          }
          yield { length: to - from, rowOffset, lines: new Float64Array(to - from), columns };
          rowOffset += to - from;
          emitted++;
        }
        groupStart = groupEnd;
      }
      if (emitted === 0) {
        const columns = names.map((name, k) => (kinds[k] === 'number' ? new NumberColumnBuilder(name, 0) : new StringColumnBuilder(name, 0)).finish());
        yield { length: 0, rowOffset: 0, lines: new Float64Array(0), columns };
      }
    },
  };
}
