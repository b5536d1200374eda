import { stat } from 'node:fs/promises';
import { parallelAvailable, segmentBytesFromEnv, threadBudget } from '../core/parallel.ts';
import { detectFormat, openTable } from '../table/index.ts';
import type { ReadOptions } from '../table/types.ts';
import type { ValidationReport } from './report-types.ts';
import { validateCsvSegments } from './segments.ts';
import type { TableSchema } from './types.ts';
import { matchHeader, mergeSegments, readOptionsForSchema, validateBatches, type ValidateOptions } from './validate.ts';

/**
 * Rows per batch when validating CSV: 4,096, a quarter of the readers' default. A batch's typed
 * arrays (20 columns: ~0.6 MB) then stay in the core's own cache between the scanner that fills
 * them and the checks that read them; at 16,384 rows (~2.3 MB) they did not. Measured on the 1M-row
 * bench file, paired runs on the 2-core bench machine: −13% CPU on one thread, −14% wall on two;
 * 2,048 rows was no better. Validation results never depend on the batch size; profiles keep the
 * default, since their sketches compact once per batch and fewer, larger batches err less.
 */
export const VALIDATE_CSV_BATCH_ROWS = 4096;

/**
 * Smallest segment when validating a CSV file on several threads: 8 MiB, half the profiles' (whose
 * sketches would depend on it; a validation report never does).
 */
export const VALIDATE_SEGMENT_BYTES = 8 << 20;

/** Largest default segment: beyond threads × this, a file has more segments than threads, which balance the load. */
export const VALIDATE_MAX_SEGMENT_BYTES = 256 << 20;

/**
 * The default segment size for a CSV file of `fileBytes` on `threads` threads: one segment per
 * thread, between {@link VALIDATE_SEGMENT_BYTES} and {@link VALIDATE_MAX_SEGMENT_BYTES}. Each
 * segment costs its own reader, checks and merge; on the 2-core bench machine the 142 MB file in 2
 * segments took 0.875 s against 0.929 s in 18 of 8 MiB and 0.939 s in 4 (means of 8 interleaved
 * runs; −6% with no unique keys too). Validation reports never depend on it.
 */
export function validateSegmentBytes(fileBytes: number, threads: number): number {
  return Math.max(VALIDATE_SEGMENT_BYTES, Math.min(VALIDATE_MAX_SEGMENT_BYTES, Math.ceil(fileBytes / Math.max(1, threads))));
}

export interface ValidateFileOptions extends ValidateOptions {
  /**
   * Cut CSV files into segments of about this many bytes (default: {@link validateSegmentBytes},
   * and only when worker threads are available). The report is the same either way; tests set it
   * to exercise the merge.
   */
  segmentBytes?: number;
}

/**
 * Opens a data file with the decoding the schema needs and validates it. When the data has
 * columns the schema does not name, the file is reopened asking only for the schema's columns,
 * so extra columns cost a scan but no decoding. A CSV file larger than one segment is validated
 * in segments on several threads when mlops runs from its bundle (src/core/parallel.ts).
 */
export async function validateFile(path: string, schema: TableSchema, options: ValidateFileOptions = {}): Promise<ValidationReport> {
  const format = detectFormat(path);
  const batching: ReadOptions = format === 'csv' ? { batchRows: VALIDATE_CSV_BATCH_ROWS } : {};
  let readOptions: ReadOptions = { ...readOptionsForSchema(schema, undefined, format), ...batching };
  let source = await openTable(path, readOptions);
  const names = new Set(schema.fields.map((f) => f.name));
  // Where extra columns are ignored (subset, partial), a JSON key first seen past the rows that
  // fix the columns is one of them: reading the schema's columns only lets the reader skip it.
  const extraIgnored = schema.fieldsMatch === 'subset' || schema.fieldsMatch === 'partial';
  if (source.fieldNames.some((n) => !names.has(n)) || (extraIgnored && (source.format === 'jsonl' || source.format === 'json'))) {
    const header = source.fieldNames;
    readOptions = { ...readOptionsForSchema(schema, header, format), ...batching };
    const subset = await openTable(path, readOptions);
    // Keep the full header: fieldsMatch needs to see the extra columns.
    source = { ...subset, fieldNames: header, batches: () => subset.batches() };
  }
  const maxErrors = options.maxErrors ?? 1000;
  const header = matchHeader(schema, source);
  const segmentBytes = options.segmentBytes ?? segmentBytesFromEnv() ?? (parallelAvailable() ? validateSegmentBytes((await stat(path)).size, threadBudget()) : undefined);
  if (source.format === 'csv' && segmentBytes !== undefined) {
    const report = await validateCsvSegments(path, schema, { ...readOptions, delimiter: source.delimiter }, source.fieldNames, header, maxErrors, segmentBytes);
    if (report !== null) return report;
  }
  const state = await validateBatches(schema, header.missing, source.batches(), maxErrors, false);
  return mergeSegments(schema, source, header, [{ state, rowOffset: 0, lineOffset: 0 }], maxErrors);
}
