/** Data format detection from the file name. */
import { InputError } from '../core/errors.ts';
import { isGzipPath, withoutGzip } from './bytes.ts';
import type { DataFormat } from './types.ts';

const BY_EXTENSION: Record<string, DataFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  arrows: 'arrow',
};

/**
 * The format of a data file from its extension (case-insensitive): `.csv`/`.tsv`/`.txt` → csv,
 * `.jsonl`/`.ndjson` → jsonl, `.json` → json (an array of objects); each text format also
 * gzip-compressed (`.csv.gz`, …); `.parquet`/`.pq` → parquet, `.arrow`/`.feather`/`.ipc`/`.arrows` → arrow.
 * Throws an InputError naming the file for anything else.
 */
export function detectFormat(path: string): DataFormat {
  const gzip = isGzipPath(path);
  const match = /\.([A-Za-z0-9]+)$/.exec(withoutGzip(path));
  const format = match ? BY_EXTENSION[match[1].toLowerCase()] : undefined;
  if (!format) {
    throw new InputError('unknown data format: use a .csv, .tsv, .jsonl, .ndjson, .json, .parquet, .arrow or .feather file, or a text one gzip-compressed (.csv.gz, …)', { file: path });
  }
  if (gzip && (format === 'parquet' || format === 'arrow')) {
    throw new InputError(`a gzip-compressed ${format === 'parquet' ? 'Parquet' : 'Arrow'} file cannot be read: these formats compress their pages themselves; decompress it first`, { file: path });
  }
  return format;
}
