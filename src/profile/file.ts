/**
 * Profiles of data files. A CSV file larger than one segment is profiled segment by segment —
 * on worker threads when mlops runs from its bundle (src/core/parallel.ts), in this thread
 * otherwise — and the segment profiles merged in file order, exactly as `mlops profile merge`
 * merges shards. Segments are cut by size alone, so the profile of a file is the same on every
 * machine and with any number of threads.
 */
import { runTasks, segmentBytesFromEnv, type TaskOutcome, type TaskRequest } from '../core/parallel.ts';
import { DEFAULT_SEGMENT_BYTES, alignSegments, batchRowsOption, planCsvSegments, readCsvSegment, type CsvInternalOptions, type SegmentEnd, type SegmentProgress } from '../table/csv.ts';
import { hashFile, openTable } from '../table/index.ts';
import type { FileHash } from '../table/hash.ts';
import type { ReadOptions, RecordBatch, TableSource } from '../table/types.ts';
import { mergeProfiles } from './merge.ts';
import { SEED_ROWS, contentSeedOf, createProfiler, type ColumnScopes } from './profiler.ts';
import { warmUpProfiler } from './warm-up.ts';
import type { DatasetProfile, ProfileOptions, ProfileSource } from './types.ts';

export const PROFILE_SEGMENT_TASK = 'profile-segment';
export const HASH_FILE_TASK = 'hash-file';

/**
 * Profiles every batch of an opened table. `sources` is recorded in the profile as given (the
 * caller knows the hashes); {@link profileFile} fills it in.
 */
export async function profileSource(source: TableSource, opts: ProfileOptions = {}, sources: ProfileSource[] = [], contentSeed?: number, scopes: ColumnScopes = {}): Promise<DatasetProfile> {
  const profiler = createProfiler(source.fieldNames, opts, contentSeed, scopes);
  for await (const batch of source.batches()) profiler.add(batch);
  return profiler.finish(sources);
}

/** The content seed of a batch stream's whole rows (every column), from its first batch. */
async function wholeRowSeed(batches: AsyncIterable<RecordBatch>): Promise<number> {
  // Leaving the loop closes the stream: only the first rows are read.
  for await (const batch of batches) return contentSeedOf(batch);
  return contentSeedOf({ length: 0, rowOffset: 0, lines: new Float64Array(0), columns: [] });
}

/**
 * Bytes per read of a seed pass. The seed needs SEED_ROWS rows, but a CSV parser decodes every
 * whole row of what it was handed before its first batch is taken: with the default 1 MiB read
 * that was ~7,000 rows of every column in 16-row batches, per segment — measured 12–19% of the CPU
 * of `mlops drift` on two 1M-row CSVs (16 segments each side). Longer rows still work: the reader
 * grows its buffer until a row fits.
 */
const SEED_CHUNK_BYTES = 16 << 10;

/** Read options that decode every column, in a first batch no longer than the profiled stream's: for {@link wholeRowSeed}. */
function allColumns(readOptions: ReadOptions): ReadOptions & CsvInternalOptions {
  const { columns: _subset, ...rest } = readOptions;
  return { ...rest, batchRows: Math.min(SEED_ROWS, batchRowsOption(readOptions.batchRows)), chunkSize: SEED_CHUNK_BYTES };
}

/** One segment's work, as sent to a thread. */
export interface ProfileSegmentSpec {
  path: string;
  readOptions: ReadOptions;
  options: ProfileOptions;
  header: string[];
  fieldNames: string[];
  start: number;
  end: number;
  /** Some of the columns: seed with the segment's whole rows, as a profile of every column would. */
  subset: boolean;
  /** Columns drift profiles for less (from ProfileFileHooks). */
  scopes: ColumnScopes;
}

export interface ProfileSegmentResult extends SegmentEnd {
  profile: DatasetProfile;
}

/** Profiles one segment (in whichever thread runs it). */
export async function profileSegmentTask(spec: ProfileSegmentSpec): Promise<ProfileSegmentResult> {
  warmUpProfiler();
  const progress: SegmentProgress = { start: spec.start, end: spec.end, endOffset: -1, lines: 0 };
  const seed = spec.subset
    ? await wholeRowSeed(readCsvSegment(spec.path, allColumns(spec.readOptions), spec.header, { start: spec.start, end: spec.end, endOffset: -1, lines: 0 }))
    : undefined;
  const profiler = createProfiler(spec.fieldNames, spec.options, seed, spec.scopes);
  for await (const batch of readCsvSegment(spec.path, spec.readOptions, spec.header, progress)) profiler.add(batch);
  return { profile: profiler.finish(), endOffset: progress.endOffset, lines: progress.lines };
}

/** Hashes a file (in whichever thread runs it). */
export function hashFileTask(spec: { path: string }): Promise<FileHash> {
  return hashFile(spec.path);
}

type Outcome = ProfileSegmentResult | FileHash;

/** One pass over the file: the selected columns, seeded by whole rows when they are a subset. */
async function profileWhole(path: string, source: TableSource, readOptions: ReadOptions, opts: ProfileOptions, subset: boolean, scopes: ColumnScopes): Promise<DatasetProfile> {
  if (!subset) return profileSource(source, opts, [], undefined, scopes);
  const seed = await wholeRowSeed((await openTable(path, allColumns(readOptions))).batches());
  return profileSource({ ...source, fieldNames: readOptions.columns!, batches: () => source.batches() }, opts, [], seed, scopes);
}

/**
 * Hashes a file as a task of the worker threads (of the main thread when there are none): a worker
 * takes it when it has finished the tasks queued before it. Queued while another file's segments
 * run, it fills a worker's idle time at the end of that file — the main thread finishes its last
 * segment, then merges the segments' profiles alone — instead of taking a thread at the start of
 * its own file's profiling.
 */
export async function hashFileInPool(path: string): Promise<FileHash> {
  const [outcome] = await runTasks([{ kind: HASH_FILE_TASK, spec: { path } }], (task) => hashFileTask(task.spec), { workersOnly: true });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** What a caller of {@link profileFile} can add to its work; its `light` and `numericOnly` columns are profiled for less ({@link ColumnScopes}). */
export interface ProfileFileHooks extends ColumnScopes {
  /** The file's hash, already under way (see hashFileInPool): the file is not hashed again. */
  fileHash?: Promise<FileHash>;
  /** Called once the file's work is queued on the thread pool: work queued then runs after it. */
  onQueued?: () => void;
}

/**
 * Profiles a data file (CSV, JSONL, Parquet, Arrow). The file's sha256 and DVC md5 are computed
 * alongside and recorded in `sources`. Unreadable or malformed input is an InputError (exit 2).
 */
export async function profileFile(path: string, readOpts: ReadOptions = {}, opts: ProfileOptions = {}, hooks: ProfileFileHooks = {}): Promise<DatasetProfile> {
  // `detect` (unless the caller chose a decoding): CSV columns of numbers are parsed straight from
  // bytes into Float64Arrays instead of becoming one JS string per cell — measured ~2× faster
  // profiling of float-heavy files, with the same profile as reading them as text.
  const readOptions: ReadOptions = { defaultDecoding: 'detect', ...readOpts };
  const source = await openTable(path, readOptions);
  const segments = source.format === 'csv' ? await planCsvSegments(path, segmentBytesFromEnv() ?? DEFAULT_SEGMENT_BYTES) : [];
  // Some columns only: each is still profiled as in the profile of every column (same seeds).
  const subset = readOptions.columns !== undefined && source.fieldNames.some((n) => !readOptions.columns!.includes(n));
  let profile: DatasetProfile | null = null;
  let hash: FileHash;
  const scopes: ColumnScopes = { light: hooks.light ?? [], numericOnly: hooks.numericOnly ?? [] };
  if (segments.length > 1) {
    const fieldNames = readOptions.columns ?? source.fieldNames;
    const own = hooks.fileHash === undefined;
    const tasks: Array<TaskRequest<ProfileSegmentSpec | { path: string }>> = [
      // The hash first: it then runs beside the segments instead of after them.
      ...(own ? [{ kind: HASH_FILE_TASK, spec: { path } }] : []),
      ...segments.map(({ start, end }) => ({ kind: PROFILE_SEGMENT_TASK, spec: { path, readOptions: { ...readOptions, delimiter: source.delimiter }, options: opts, header: source.fieldNames, fieldNames, start, end, subset, scopes } })),
    ];
    const running = runTasks<ProfileSegmentSpec | { path: string }, Outcome>(tasks, (task) =>
      task.kind === HASH_FILE_TASK ? hashFileTask(task.spec as { path: string }) : profileSegmentTask(task.spec as ProfileSegmentSpec));
    hooks.onQueued?.();
    const outcomes = await running;
    const segmentOutcomes = (own ? outcomes.slice(1) : outcomes) as Array<TaskOutcome<ProfileSegmentResult>>;
    // A cut inside a row (a quoted line break) gives null: the file is then profiled in one pass.
    const aligned = alignSegments(segments, segmentOutcomes);
    if (own) {
      if (!outcomes[0].ok) throw outcomes[0].error;
      hash = outcomes[0].value as FileHash;
    } else hash = await hooks.fileHash!;
    if (aligned !== null) profile = mergeProfiles(aligned.map(({ value }) => value.profile));
  } else {
    hooks.onQueued?.();
    const [whole, fileHash] = await Promise.all([profileWhole(path, source, readOptions, opts, subset, scopes), hooks.fileHash ?? hashFile(path)]);
    profile = whole;
    hash = fileHash;
  }
  profile ??= await profileWhole(path, source, readOptions, opts, subset, scopes);
  profile.sources = [{ path, sha256: hash.sha256, md5: hash.md5, rows: profile.rows }];
  return profile;
}
