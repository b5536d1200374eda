/**
 * The table layer: streaming readers for CSV/TSV, JSONL, Parquet and Arrow IPC into typed record
 * batches, file hashing, and data-path expansion. Every other stage reads data through here.
 */
import { concatBatches, decodeNumberFormsAs, withNumberForms } from './columns.ts';
import { openCsv } from './csv.ts';
import type { CsvInternalOptions } from './csv.ts';
import { detectFormat } from './format.ts';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import { openJsonArray, openJsonl } from './jsonl.ts';
import type { RecordBatch, ReadOptions, Table, TableSource } from './types.ts';

export type * from './types.ts';
export { applyNumberForms, cellText, columnNumbers, columnStrings, columnLength, concatBatches, parseLocalNumber, parseNumberText, plainNumberText } from './columns.ts';
export { detectFormat } from './format.ts';
export { civilMs, dayOfCivil, daysFromCivil, daysInMonth, temporalText, zoneMinutes } from './temporal.ts';
export { hashFile } from './hash.ts';
export type { FileHash } from './hash.ts';
export { dataArguments, expandDataPaths, isGlob } from './glob.ts';

/**
 * Opens a data file (format from `opts.format` or the extension). The header/schema is read and
 * checked now; rows stream from `batches()`, which yields at least one batch (an empty one for a
 * file with no rows). Bad input throws an InputError (exit 2) naming the file and line.
 */
export async function openTable(path: string, opts: ReadOptions & CsvInternalOptions = {}): Promise<TableSource> {
  const forms = opts.numberForms;
  if (!forms || Object.keys(forms).length === 0) return openFormat(path, opts);
  // CSV cells are all text: read the form columns as text, then convert. Other formats keep their
  // native numbers (a Parquet DOUBLE is already a number, and its text `1234.5` would not parse in
  // a decimal-comma form); only their text cells are converted.
  const format = opts.format ?? detectFormat(path);
  const source = await openFormat(path, decodeNumberFormsAs(opts, format === 'csv' ? 'string' : 'auto'));
  return { ...source, batches: () => withNumberForms(source.batches(), forms) };
}

/** The first line of a Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1\n');

/**
 * A data file checked out without Git LFS is a small pointer text in the data's place: read as CSV
 * it was two ragged rows, as Parquet "not a parquet file". Exit 2 saying what it is and how to get
 * the data. Only regular files are looked at: a pipe's first bytes would be consumed.
 */
async function refuseLfsPointer(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile() || info.size > 1024) return;
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return;
  try {
    const head = Buffer.alloc(LFS_POINTER.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === head.length && head.equals(LFS_POINTER)) {
      throw new InputError('this is a Git LFS pointer, not the data: fetch the file (git lfs pull; in a workflow, actions/checkout with lfs: true)', { file: path, line: 1 });
    }
  } finally {
    await handle.close();
  }
}

async function openFormat(path: string, opts: ReadOptions & CsvInternalOptions): Promise<TableSource> {
  await refuseLfsPointer(path);
  const format = opts.format ?? detectFormat(path);
  switch (format) {
    case 'csv':
      return openCsv(path, opts);
    case 'jsonl':
      return openJsonl(path, opts);
    case 'json':
      return openJsonArray(path, opts);
    // Loaded on first use: hyparquet and apache-arrow are most of the table code's size, and every
    // command (and each worker thread) would otherwise compile them at start-up to read a CSV file.
    case 'parquet':
      return (await import('./parquet.ts')).openParquet(path, opts);
    case 'arrow':
      return (await import('./arrow.ts')).openArrow(path, opts);
  }
}

/** Reads a whole file into memory as one {@link Table} (string dictionaries merged across batches). */
export async function readTable(path: string, opts: ReadOptions & CsvInternalOptions = {}): Promise<Table> {
  const source = await openTable(path, opts);
  const batches: RecordBatch[] = [];
  for await (const batch of source.batches()) batches.push(batch);
  return concatBatches(path, opts.columns ?? source.fieldNames, batches);
}
