/**
 * One drift check, as `mlops drift` and the drift action run it: resolve the reference (a data
 * file, a profile.json, or a registry reference through an injected resolver) and the current data
 * (files or globs, profiled and merged, or a profile), pick the features and per-column settings
 * from the schema and mlops.yaml, and compare.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { InputError, type SourceLocation } from '../core/errors.ts';
import { createProfiler, hashFileInPool, mergeProfiles, profileFile, readProfile } from '../profile/index.ts';
import { assertDistinctSources } from '../profile/io.ts';
import type { DatasetProfile } from '../profile/types.ts';
import type { ColumnScopes } from '../profile/profiler.ts';
import { loadSchema, dataReadOptions } from '../schema/index.ts';
import { positionOf } from '../schema/positions.ts';
import type { TableSchema } from '../schema/types.ts';
import { detectFormat, expandDataPaths, openTable } from '../table/index.ts';
import { countLines, readHead } from '../table/bytes.ts';
import type { FileHash } from '../table/hash.ts';
import type { ReadOptions } from '../table/types.ts';
import { configLocation, type MlopsConfig } from '../train/config.ts';
import { DEFAULT_SAMPLE_SIZE } from '../profile/reservoir.ts';
import type { ColumnProfile } from '../profile/types.ts';
import { columnKind, compareProfiles, readsValues, selectColumns, skipReason, type DriftOptions, type DriftReport } from './engine.ts';
import { driftMethodNamed, unknownDriftMethodMessage, type ColumnOverride, type DriftMethod } from './policy.ts';

/** Parses a drift method name; `auto` → undefined; unknown → InputError at `where` (file, line, key). */
export function parseDriftMethod(name: string | undefined, where: SourceLocation): DriftMethod | undefined {
  if (name === undefined) return undefined;
  const method = driftMethodNamed(name);
  if (method === null) throw new InputError(unknownDriftMethodMessage(name), where);
  return method === 'auto' ? undefined : method;
}

/** Where a schema field's `drift.method` is written: the file, the line and column when the loader kept them. */
function schemaLocation(schema: TableSchema, schemaPath: string | undefined, index: number): SourceLocation {
  const key = `fields[${index}].drift.method`;
  const file = schema.source?.path ?? schemaPath;
  const pos = schema.source ? positionOf(schema.source.positions, `/fields/${index}/drift/method`) : undefined;
  return { file, key, ...(pos ? { line: pos.line, column: pos.column } : {}) };
}

/** Resolves `name#stage` / `name@vX.Y.Z` to the path of that model version's profile.json. */
export type ModelProfileResolver = (ref: string) => Promise<string>;

export interface DriftCheckOptions {
  cwd: string;
  /** Reference: data file(s)/glob, a profile.json, or a registry reference. */
  reference: string;
  /** Current data: file(s)/glob or a profile.json. */
  current: string;
  config?: MlopsConfig;
  /** Schema file (default: the config's data.schema). */
  schema?: string;
  /** Explicit feature list (overrides config and schema). */
  features?: string[];
  datasetShare?: number;
  resolveModelProfile?: ModelProfileResolver;
  /** True when `reference` is written as a registry reference (the resolver's syntax). */
  isModelRef?: (text: string) => boolean;
}

export interface DriftCheck {
  report: DriftReport;
  referenceLabel: string;
  currentLabel: string;
  /**
   * Profiled from data: the features, or the columns not excluded (a skipped column may hold only
   * what decided its skip, a compared numeric column no top or sampled values: see predictColumns);
   * a stored profile: as stored.
   */
  referenceProfile: DatasetProfile;
  /** Profiled from data: the compared columns only (numeric ones may lack top and sampled values, as above); a stored profile: as stored. */
  currentProfile: DatasetProfile;
}

/**
 * Whether a `.json` path holds a profile rather than data: a JSON data file is one array of
 * objects, a profile one object, so the first character decides. Looking for the format marker
 * in the first 4 KiB instead took a profile whose keys another tool sorted (`jq -S`: "columns"
 * before "format") for data, and a JSON data file quoting the marker early for a profile.
 */
async function looksLikeProfile(path: string): Promise<boolean> {
  if (!path.toLowerCase().endsWith('.json')) return false;
  try {
    // A JSON data file can be large: read its start only.
    const head = (await readHead(path, 4096)).toString('utf8').replace(/^\uFEFF/, '');
    return head.trimStart().startsWith('{');
  } catch {
    return false;
  }
}

/**
 * A data path as given (relative to `cwd`) where this process can open it: `cwd` need not be
 * this process's working directory. Messages still name the path as given when it is.
 */
function locate(path: string, cwd: string): string {
  return isAbsolute(path) || resolve(cwd) === process.cwd() ? path : resolve(cwd, path);
}

/**
 * What {@link profileData} can share with other work on the thread pool; the columns of data files
 * it profiles for less: `light` for the skip decision alone, `numericOnly` for numeric comparisons
 * (see {@link predictColumns}).
 */
interface ProfileDataHooks extends ColumnScopes {
  /** Called once the first data file's work is queued: work queued then runs after it. */
  onQueued?: () => void;
  /** Hashes already under way, by path as given. */
  hashes?: ReadonlyMap<string, Promise<FileHash>>;
}

/** A profile of data, and every column of that data (more than the profile's when `pick` chose some). */
interface ProfiledData {
  profile: DatasetProfile;
  columns: string[];
}

/**
 * Profiles data files — `paths` as expanded from the user's file or glob, relative to `cwd` — (a
 * glob's shards one by one, then merged: memory stays bounded by one file), or reads a profile.json. `pick(header)`: the only columns worth profiling — data files are then
 * profiled for those alone (each as in a profile of every column: src/profile/file.ts).
 */
async function profileData(paths: string[], cwd: string, readOptions: ReadOptions, pick?: (header: string[]) => string[], hooks: ProfileDataHooks = {}): Promise<ProfiledData> {
  // Paths come relative to `cwd`: opened there, and recorded in the profile's sources as they were found.
  const located = (path: string) => locate(path, cwd);
  let onQueued = hooks.onQueued;
  let scopes: ColumnScopes = { light: hooks.light, numericOnly: hooks.numericOnly };
  const profileAt = async (path: string, options: ReadOptions) => {
    const queued = onQueued;
    onQueued = undefined;
    const profile = await profileFile(located(path), options, {}, { fileHash: hooks.hashes?.get(path), onQueued: queued, ...scopes });
    profile.sources = profile.sources.map((source) => ({ ...source, path }));
    return profile;
  };
  const stored = await Promise.all(paths.map((path) => looksLikeProfile(located(path))));
  if (stored.some(Boolean)) {
    // Stored profiles hold every column: data shards merged with them must too.
    const profiles: DatasetProfile[] = [];
    // Merged with stored profiles, which hold every column in full: no light columns here.
    scopes = {};
    for (const [i, path] of paths.entries()) profiles.push(stored[i] ? await readProfile(located(path)) : await profileAt(path, readOptions));
    assertDistinctSources(profiles, paths);
    const profile = profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
    return { profile, columns: profile.columns.map((c) => c.name) };
  }
  const profiles: DatasetProfile[] = [];
  let columns: string[] | null = null;
  for (const path of paths) {
    let options = readOptions;
    if (pick) {
      const header = (await openTable(located(path), readOptions)).fieldNames;
      columns ??= header;
      options = { ...readOptions, columns: pick(header) };
    }
    profiles.push(await profileAt(path, options));
  }
  const profile = profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
  return { profile, columns: columns ?? profile.columns.map((c) => c.name) };
}

/** Rows of the reference's head that predict how drift will treat each column. */
const HEAD_ROWS = 2048;

/**
 * Values a column must hold, on each side, to be predicted numeric-only: four times what the
 * profiles' samples keep, so that the samples are partial and drift compares by the sketches.
 */
const NUMERIC_ONLY_MIN_VALUES = 4 * DEFAULT_SAMPLE_SIZE;

/** How {@link predictColumns} expects drift to treat the reference's columns. */
interface Predicted {
  /** Likely skipped (identifiers, timestamps): profiled light. */
  light: string[];
  /** Of those, the likely timestamps read as instants. */
  instants: Record<string, 'date' | 'datetime'>;
  /** Likely compared as numbers by their sketches: profiled numeric-only on the data large enough. */
  numeric: string[];
  /** Share of the head's rows holding a number, by `numeric` column. */
  numberShare: Map<string, number>;
}

const NOTHING_PREDICTED: Predicted = { light: [], instants: {}, numeric: [], numberShare: new Map() };

/**
 * Rows of data files, estimated from their sizes and the lines in their first 64 KiB; 0 when a
 * file's rows are not lines (Parquet, Arrow, a JSON array), so nothing is predicted for them.
 */
async function estimatedRows(paths: string[], cwd: string): Promise<number> {
  let rows = 0;
  for (const path of paths) {
    const format = detectFormat(path);
    if (format !== 'csv' && format !== 'jsonl') return 0;
    const located = locate(path, cwd);
    const head = await readHead(located, 64 << 10);
    const lines = countLines(head, 0, head.length);
    if (head.length === 0 || lines === 0) continue;
    // A gzip file's size is compressed: the estimate falls short, which only predicts less.
    rows += ((await stat(located)).size * lines) / head.length;
  }
  return rows;
}

/** Columns of `numeric` with at least NUMERIC_ONLY_MIN_VALUES numbers in data of `rows` rows (as the head's share predicts). */
function numericOnlyIn(predicted: Predicted, rows: number): string[] {
  return predicted.numeric.filter((name) => rows * predicted.numberShare.get(name)! >= NUMERIC_ONLY_MIN_VALUES);
}

/**
 * Predicts, from a profile of the reference's first rows, how drift will treat its columns, so
 * that the full data is profiled for what that treatment reads:
 * - likely skipped (identifiers, timestamps: src/drift/engine.ts skipReason; only when `skips`):
 *   profiled light — only what the skip decision reads, exactly as a full profile computes it —
 *   because their full profiles cost most: on the benchmark's 1M-row reference, the 4 such columns
 *   of 20 were ~40% of the profiling CPU (6.8 s with them, 4.0 s without; their top values and
 *   samples of a million distinct values);
 * - likely numeric, compared by a distance on the quantile sketches: profiled without top values
 *   and sampled values, which nothing then reads (measured on the benchmark's two 1M-row files:
 *   −12% CPU with its 6 decimal columns so profiled).
 * Columns with drift settings of their own are never predicted skipped, nor numeric-only when
 * the settings name a method. Each prediction is checked on the
 * full profiles afterwards ({@link fullProfilesOf}, {@link withValuesWhereRead}); the caller
 * predicts nothing when a reference path is a stored profile (paths are data files here).
 */
async function predictColumns(paths: string[], cwd: string, readOptions: ReadOptions, candidates: (header: string[]) => string[], overrides: readonly ColumnOverride[], skips: boolean): Promise<Predicted> {
  // A column with settings of its own is never skipped; one with its own method is compared as
  // that method says, so its head predicts nothing.
  const keep = new Set(overrides.map((o) => o.name));
  const ownMethod = new Set(overrides.filter((o) => o.method !== undefined).map((o) => o.name));
  if (paths.length === 0) return NOTHING_PREDICTED;
  const source = await openTable(locate(paths[0], cwd), { defaultDecoding: 'detect', ...readOptions, batchRows: HEAD_ROWS, chunkSize: 64 << 10 });
  const names = new Set(candidates(source.fieldNames));
  for await (const batch of source.batches()) {
    // Leaving the loop closes the stream: only the head is read.
    const head = createProfiler(source.fieldNames);
    head.add(batch);
    const out: Predicted = { light: [], instants: {}, numeric: [], numberShare: new Map() };
    for (const c of head.finish().columns) {
      if (!names.has(c.name)) continue;
      const reason = skips && !keep.has(c.name) ? skipReason(c) : null;
      if (reason === null) {
        if (!ownMethod.has(c.name) && holdsManyNumbers(c)) {
          out.numeric.push(c.name);
          out.numberShare.set(c.name, c.numeric!.count / Math.max(1, c.count));
        }
        continue;
      }
      out.light.push(c.name);
      // A likely timestamp that the schema does not decode otherwise: read as instants (CSV), no
      // string per cell; only a timestamp verdict then keeps it light (fullProfilesOf).
      const decoding = readOptions.decoding?.[c.name];
      if (reason === 'timestamp' && (decoding === undefined || decoding === 'string') && readOptions.temporal?.[c.name] === undefined) {
        out.instants[c.name] = c.types.datetime > c.types.date ? 'datetime' : 'date';
      }
    }
    return out;
  }
  return NOTHING_PREDICTED;
}

/** A head column of numbers that drift compares as numeric, not as a few categories. */
function holdsManyNumbers(c: ColumnProfile): boolean {
  return c.numeric !== null && columnKind(c) === 'numeric';
}

/** Read options that read `instants` columns as dates or datetimes (CSV; other formats ignore them). */
function withInstants(readOptions: ReadOptions, instants: Record<string, 'date' | 'datetime'>): ReadOptions {
  const names = Object.keys(instants);
  if (names.length === 0) return readOptions;
  return {
    ...readOptions,
    decoding: { ...readOptions.decoding, ...Object.fromEntries(names.map((n) => [n, 'string' as const])) },
    temporal: { ...readOptions.temporal, ...instants },
  };
}

/**
 * The reference profile with full profiles of the light columns the full data shows drift will
 * compare after all (the head predicted wrongly: e.g. ids unique in the first rows that repeat
 * later). The light columns it skips keep their light profiles: skipReason read the same values.
 */
async function fullProfilesOf(profile: DatasetProfile, predicted: Predicted, reprofile: (columns: string[]) => Promise<DatasetProfile>): Promise<DatasetProfile> {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  // A column read as instants holds exact types only: it stays light for a timestamp verdict alone.
  const kept = (name: string) => {
    const reason = skipReason(byName.get(name)!);
    return name in predicted.instants ? reason === 'timestamp' : reason !== null;
  };
  const compared = predicted.light.filter((name) => byName.has(name) && !kept(name));
  if (compared.length === 0) return profile;
  const full = new Map((await reprofile(compared)).columns.map((c) => [c.name, c]));
  return { ...profile, columns: profile.columns.map((c) => full.get(c.name) ?? c) };
}

/** `profile` with its columns named in `full` replaced by those. */
function withColumns(profile: DatasetProfile, full: DatasetProfile): DatasetProfile {
  const byName = new Map(full.columns.map((c) => [c.name, c]));
  return { ...profile, columns: profile.columns.map((c) => byName.get(c.name) ?? c) };
}

/**
 * The profiles with full profiles of the numeric-only columns whose comparison reads top values or
 * sampled values after all (src/drift/engine.ts readsValues: fewer values than the head predicted,
 * integers of few distinct values, …): each side's such columns profiled again in full. The
 * decision reads nothing that numeric-only profiling left out, so it is the one full profiles give.
 */
async function withValuesWhereRead(
  profiles: { reference: DatasetProfile; current: DatasetProfile },
  numericOnly: { reference: string[]; current: string[] },
  driftOptions: DriftOptions,
  reprofile: { reference: (columns: string[]) => Promise<DatasetProfile>; current: (columns: string[]) => Promise<DatasetProfile> },
): Promise<{ reference: DatasetProfile; current: DatasetProfile }> {
  let { reference, current } = profiles;
  const overrides = new Map((driftOptions.overrides ?? []).map((o) => [o.name, o]));
  const smaller = Math.min(reference.rows, current.rows);
  const refByName = new Map(reference.columns.map((c) => [c.name, c]));
  const curByName = new Map(current.columns.map((c) => [c.name, c]));
  // A column the current data lacks, or drift does not compare, has nothing read.
  const read = (name: string) => {
    const ref = refByName.get(name);
    const cur = curByName.get(name);
    return ref !== undefined && cur !== undefined && readsValues(ref, cur, smaller, overrides.get(name));
  };
  const referenceColumns = numericOnly.reference.filter(read);
  const currentColumns = numericOnly.current.filter(read);
  if (referenceColumns.length > 0) reference = withColumns(reference, await reprofile.reference(referenceColumns));
  if (currentColumns.length > 0) current = withColumns(current, await reprofile.current(currentColumns));
  return { reference, current };
}

const EXCLUDED_ROLES = new Set(['label', 'id', 'timestamp', 'ignore']);

/** Throws an InputError naming `file` for the first listed feature that `columns` lacks. */
function requireFeatures(features: readonly string[], columns: readonly string[], side: 'reference' | 'current', file: string, listedAt?: (name: string) => SourceLocation | undefined): void {
  const missing = features.find((name) => !columns.includes(name));
  if (missing === undefined) return;
  // A feature listed in mlops.yaml is reported at its line there (the data file in the message).
  const at = listedAt?.(missing);
  if (at !== undefined) throw new InputError(`feature '${missing}' is not in the ${side} data (${file})`, at);
  throw new InputError(`feature '${missing}' is not in the ${side} data`, { file, key: missing });
}

/** Column settings from the schema's `drift` extension, then mlops.yaml (which wins). */
function overridesFrom(schema: TableSchema | null, config: MlopsConfig | undefined, schemaPath: string | undefined): ColumnOverride[] {
  const byName = new Map<string, ColumnOverride>();
  for (const [index, field] of (schema?.fields ?? []).entries()) {
    if (!field.drift) continue;
    const o: ColumnOverride = { name: field.name };
    const where = schemaLocation(schema!, schemaPath, index);
    const method = parseDriftMethod(field.drift.method, where);
    if (method) {
      o.method = method;
      o.methodAt = where;
    }
    if (field.drift.threshold !== undefined) o.threshold = field.drift.threshold;
    if (field.drift.critical !== undefined) o.critical = field.drift.critical;
    byName.set(field.name, o);
  }
  if (config && config.drift.features !== 'auto') {
    config.drift.features.forEach((f, i) => {
      const o: ColumnOverride = { ...(byName.get(f.name) ?? {}), name: f.name };
      const where = configLocation(config, `drift.features[${i}].method`);
      const method = parseDriftMethod(f.method, where);
      if (method) {
        o.method = method;
        o.methodAt = where;
      }
      if (f.threshold !== undefined) o.threshold = f.threshold;
      // Set in mlops.yaml, either way, it overrides the schema (`critical: false` included).
      if (f.critical !== undefined) o.critical = f.critical;
      byName.set(f.name, o);
    });
  }
  return [...byName.values()];
}

/**
 * A reference that names a directory: a model directory (`mlops train --out`, `mlops registry pull
 * -o`) holds its training data's profile.json, the reference it was made for; its path is returned,
 * spelled from `path` as given. Any other directory is exit 2 saying what a reference can be. Null
 * for a file, a glob or a path that does not exist (left to the data path's own checks).
 */
async function modelDirectoryProfile(path: string, cwd: string): Promise<string | null> {
  const found = await stat(resolve(cwd, path)).catch(() => null);
  if (found === null || !found.isDirectory()) return null;
  const profile = join(path, 'profile.json');
  const held = await stat(resolve(cwd, profile)).catch(() => null);
  if (held?.isFile() === true) return profile;
  throw new InputError('the reference is a directory without a profile.json: give a data file, a glob (dir/*.csv), a profile.json, a model directory or name#stage', { file: path });
}

/** Runs one drift check (see module comment). */
export async function runDriftCheck(options: DriftCheckOptions): Promise<DriftCheck> {
  const { cwd, config } = options;
  const schemaPath = options.schema ?? config?.data.schema ?? undefined;
  const schema = schemaPath ? await loadSchema(schemaPath) : null;
  const readOptions: ReadOptions = schema ? dataReadOptions(schema) : {};

  // Features: explicit flag, then mlops.yaml's feature list, then the schema's roles / config label.
  if (options.features?.length === 0) throw new InputError('the feature list is empty: name at least one column to compare');
  // A repeated name would be profiled and counted twice.
  let features: string[] | undefined = options.features ? [...new Set(options.features)] : undefined;
  const exclude = new Set<string>();
  let listedAt: ((name: string) => SourceLocation | undefined) | undefined;
  if (!features && config && config.drift.features !== 'auto') {
    const listed = config.drift.features.map((f) => f.name);
    features = [...new Set(listed)];
    listedAt = (name) => configLocation(config, `drift.features[${listed.indexOf(name)}]`);
  }
  if (!features && config?.data.features) {
    const listed = config.data.features;
    features = [...new Set(listed)];
    listedAt = (name) => configLocation(config, `data.features[${listed.indexOf(name)}]`);
  }
  if (!features) {
    for (const field of schema?.fields ?? []) if (field.role && EXCLUDED_ROLES.has(field.role)) exclude.add(field.name);
    if (config?.data.label) exclude.add(config.data.label);
  }
  const driftOptions: DriftOptions = {
    ...(features ? { features } : {}),
    exclude: [...exclude],
    overrides: overridesFrom(schema, config, schemaPath),
    datasetShare: options.datasetShare ?? config?.drift.datasetShare ?? 0.5,
  };

  // The current data is profiled after the reference (which decides its columns): both sides are
  // expanded first, so a missing file on either side fails at once (the reference's first).
  const referenceIsModel = options.isModelRef?.(options.reference) === true && options.resolveModelProfile !== undefined;
  const referencePaths = referenceIsModel ? [] : await expandDataPaths(await modelDirectoryProfile(options.reference, cwd) ?? options.reference, cwd);
  const currentPaths = await expandDataPaths(options.current, cwd);

  let referenceProfile: DatasetProfile;
  let referenceColumns: string[];
  let predicted = NOTHING_PREDICTED;
  const referenceHashes = new Map<string, Promise<FileHash>>();
  let referenceNumericOnly: string[] = [];
  const currentHashes = new Map<string, Promise<FileHash>>();
  let referenceLabel: string;
  if (referenceIsModel) {
    const path = await options.resolveModelProfile!(options.reference);
    referenceProfile = await readProfile(path);
    referenceColumns = referenceProfile.columns.map((c) => c.name);
    referenceLabel = `${options.reference} (training data profile)`;
  } else {
    // Reference data: the features, or every column not excluded (whether a column is skipped as an
    // identifier or a timestamp is learnt from its profile).
    const candidates = (header: string[]) => {
      if (!features) return header.filter((n) => !exclude.has(n));
      requireFeatures(features, header, 'reference', options.reference, listedAt);
      return features;
    };
    // The current files' hashes are queued behind the reference's first file: the threads take
    // them as they run out of that file's segments (they would otherwise wait for the last segment,
    // then for the merge) instead of one thread hashing at the start of the current's profiling.
    const hashCurrent = () => {
      for (const path of currentPaths) {
        const hash = hashFileInPool(locate(path, cwd));
        // Awaited when the file is profiled, where a failure is reported; not unhandled before that.
        hash.catch(() => undefined);
        currentHashes.set(path, hash);
      }
    };
    // Named features are all compared: nothing is skipped, nothing profiled light.
    // The reference files' hashes go to a worker thread first: it would otherwise wait while this
    // thread reads the reference's head and plans its segments (~0.3 s on the benchmark's files).
    for (const path of referencePaths) {
      if (await looksLikeProfile(locate(path, cwd))) continue;
      const hash = hashFileInPool(locate(path, cwd));
      // Awaited when the file is profiled, where a failure is reported; not unhandled before that.
      hash.catch(() => undefined);
      referenceHashes.set(path, hash);
    }
    // A stored profile among the reference paths holds every column in full: nothing to predict.
    const anyStored = referenceHashes.size < referencePaths.length;
    predicted = anyStored ? NOTHING_PREDICTED : await predictColumns(referencePaths, cwd, readOptions, candidates, driftOptions.overrides ?? [], !features);
    referenceNumericOnly = numericOnlyIn(predicted, await estimatedRows(referencePaths, cwd));
    ({ profile: referenceProfile, columns: referenceColumns } = await profileData(referencePaths, cwd, withInstants(readOptions, predicted.instants), candidates, { onQueued: hashCurrent, light: predicted.light, numericOnly: referenceNumericOnly, hashes: referenceHashes }));
    referenceProfile = await fullProfilesOf(referenceProfile, predicted, async (columns) => (await profileData(referencePaths, cwd, readOptions, () => columns, { hashes: referenceHashes })).profile);
    referenceLabel = relative(cwd, resolve(cwd, options.reference)) || options.reference;
  }
  driftOptions.referenceColumns = referenceColumns;
  // The reference decides what is compared (and skipped): the current data is profiled for those
  // columns only. Identifiers and timestamps — a third of the work on the benchmark's files — are
  // not read into profiles that nothing would look at; each compared column's profile is the one
  // a profile of every column gives, so the report is the same.
  // Named features must exist on both sides: checked on each data file's header before it is
  // profiled, and on the columns of a stored profile (which no header check saw).
  if (features) requireFeatures(features, referenceColumns, 'reference', options.reference, listedAt);
  const currentNumericOnly = numericOnlyIn(predicted, await estimatedRows(currentPaths, cwd));
  const current = await profileData(currentPaths, cwd, readOptions, (header) => {
    if (features) requireFeatures(features, header, 'current', options.current, listedAt);
    return selectColumns(referenceProfile, header, driftOptions).names;
  }, { hashes: currentHashes, numericOnly: currentNumericOnly });
  if (features) requireFeatures(features, current.columns, 'current', options.current, listedAt);
  let currentProfile = current.profile;
  ({ reference: referenceProfile, current: currentProfile } = await withValuesWhereRead(
    { reference: referenceProfile, current: currentProfile },
    { reference: referenceNumericOnly, current: currentNumericOnly },
    driftOptions,
    {
      reference: async (columns) => (await profileData(referencePaths, cwd, readOptions, () => columns, { hashes: referenceHashes })).profile,
      current: async (columns) => (await profileData(currentPaths, cwd, readOptions, () => columns, { hashes: currentHashes })).profile,
    },
  ));
  const report = compareProfiles(referenceProfile, currentProfile, { ...driftOptions, currentColumns: current.columns });
  return { report, referenceLabel, currentLabel: relative(cwd, resolve(cwd, options.current)) || options.current, referenceProfile, currentProfile };
}
