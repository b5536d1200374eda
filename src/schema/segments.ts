/**
 * Validation of a large CSV file in segments, on several threads (src/core/parallel.ts): each
 * segment is validated on its own, then {@link mergeSegments} gives exactly the report of one pass.
 */
import { runTasks, type TaskRequest } from '../core/parallel.ts';
import { alignSegments, planCsvSegments, readCsvSegment, type SegmentProgress } from '../table/csv.ts';
import type { ReadOptions } from '../table/types.ts';
import type { ValidationReport } from './report-types.ts';
import type { TableSchema } from './types.ts';
import { mergeSegments, validateBatches, type HeaderMatch, type PlacedSegment, type SegmentValidation } from './validate.ts';

export const VALIDATE_SEGMENT_TASK = 'validate-segment';

/** One segment's work, as sent to a thread. */
export interface ValidateSegmentSpec {
  path: string;
  schema: TableSchema;
  readOptions: ReadOptions;
  header: string[];
  missing: string[];
  start: number;
  end: number;
  maxErrors: number;
}

export interface ValidateSegmentResult {
  state: SegmentValidation;
  endOffset: number;
  lines: number;
}

/** Validates one segment (in whichever thread runs it). */
export async function validateSegmentTask(spec: ValidateSegmentSpec): Promise<ValidateSegmentResult> {
  const progress: SegmentProgress = { start: spec.start, end: spec.end, endOffset: -1, lines: 0 };
  const state = await validateBatches(spec.schema, spec.missing, readCsvSegment(spec.path, spec.readOptions, spec.header, progress), spec.maxErrors, true);
  return { state, endOffset: progress.endOffset, lines: progress.lines };
}

/**
 * Validates a CSV file cut into segments of about `segmentBytes`; returns null when the cuts do
 * not fall on row boundaries (a quoted field with a line break across a cut), in which case the
 * caller validates in one pass.
 */
export async function validateCsvSegments(
  path: string, schema: TableSchema, readOptions: ReadOptions, fieldNames: string[], header: HeaderMatch, maxErrors: number, segmentBytes: number,
): Promise<ValidationReport | null> {
  const segments = await planCsvSegments(path, segmentBytes);
  if (segments.length < 2) return null;
  // Positions only serve schema-file messages, raised before any segment runs.
  const portable: TableSchema = { ...schema, source: schema.source ? { path: schema.source.path, positions: new Map() } : undefined };
  const tasks: Array<TaskRequest<ValidateSegmentSpec>> = segments.map(({ start, end }) => ({
    kind: VALIDATE_SEGMENT_TASK,
    spec: { path, schema: portable, readOptions, header: fieldNames, missing: header.missing, start, end, maxErrors },
  }));
  const outcomes = await runTasks<ValidateSegmentSpec, ValidateSegmentResult>(tasks, (task) => validateSegmentTask(task.spec));
  const aligned = alignSegments(segments, outcomes);
  if (aligned === null) return null;
  let rowOffset = 0;
  const placed: PlacedSegment[] = aligned.map(({ value, lineOffset }) => {
    const segment = { state: value.state, rowOffset, lineOffset };
    rowOffset += value.state.rows;
    return segment;
  });
  return mergeSegments(schema, { path, format: 'csv', fieldNames }, header, placed, maxErrors);
}
