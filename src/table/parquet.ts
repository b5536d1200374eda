/**
 * Parquet reader (hyparquet): streams one row group at a time, so memory follows the largest row
 * group, not the file. Physical INT32/INT64/FLOAT/DOUBLE columns without a date/time/decimal
 * annotation are numeric (`auto` → NumberColumn; INT64 becomes a double); everything else is text
 * (booleans `true`/`false`, DATE columns `YYYY-MM-DD`, timestamps ISO 8601, nested values as
 * JSON). Parquet has no lines: `lines` is 0 and the data row number is `rowOffset + i + 1`. Pages
 * may be compressed with any codec Parquet defines but LZO (SNAPPY, GZIP, ZSTD, BROTLI, LZ4, LZ4_RAW).
 */
import { stat } from 'node:fs/promises';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';
// hyparquet decodes SNAPPY and UNCOMPRESSED by itself; ZSTD (the default of Spark, DuckDB and
// Polars writers), GZIP, BROTLI and LZ4 pages need these decoders from the same author.
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../core/errors.ts';
import { DateTextCache, NumberColumnBuilder, StringColumnBuilder, missingSets, ownValue, pushValues } from './columns.ts';
import { batchRowsOption } from './csv.ts';
import type { ColumnDecoding, RecordBatch, ReadOptions, TableSource } from './types.ts';

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

/** A calendar date column (INT32 days since the epoch): read as `YYYY-MM-DD`. */
function isDateElement(tree: SchemaTree): boolean {
  return tree.element.converted_type === 'DATE' || tree.element.logical_type?.type === 'DATE';
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
  const dates = new Set(schema.children.filter(isDateElement).map((c) => c.element.name));
  const names = opts.columns ?? fieldNames;
  for (const name of names) if (!numeric.has(name)) throw new InputError(`column ${JSON.stringify(name)} is not in the data`, { file: path, key: name });
  const kinds = names.map((name) => {
    const decoding: ColumnDecoding = ownValue(opts.decoding, name) ?? opts.defaultDecoding ?? 'auto';
    return decoding === 'auto' || decoding === 'detect' ? (numeric.get(name) ? 'number' : 'string') : decoding;
  });
  const batchRows = batchRowsOption(opts.batchRows);
  const missingFor = missingSets(names, opts);
  return {
    path,
    format: 'parquet',
    fieldNames,
    async *batches(): AsyncGenerator<RecordBatch> {
      let groupStart = 0;
      let rowOffset = 0;
      let emitted = 0;
      const dateTexts = names.map((name) => new DateTextCache(dates.has(name)));
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
              if (hi > lo) pushValues(b, chunk.data, lo - chunk.rowStart, hi - chunk.rowStart, missingFor[k], dates);
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
