/**
 * Mergeable column profiles (DESIGN §2 src/profile): what `mlops profile` writes, what a model
 * stores as its drift reference, and what drift reads. See docs/profiles.md.
 */
import { hashFile, openTable } from '../table/index.ts';
import type { ReadOptions, TableSource } from '../table/types.ts';
import type { ColumnProfile, DatasetProfile, ProfileOptions, ProfileSource, ProfiledType } from './types.ts';
import { createProfiler } from './profiler.ts';
import { finiteNumberText } from './detect.ts';
import { sketchQuantile } from './kll.ts';

export type * from './types.ts';
export { createProfiler, resolveOptions, DEFAULT_SEED } from './profiler.ts';
export type { Profiler } from './profiler.ts';
export { mergeProfiles } from './merge.ts';
export { readProfile, writeProfile, parseProfile, validateProfile, stringifyProfile } from './io.ts';
export { sketchQuantile, sketchRank, sketchMerge, sketchEpsilon, KllSketch, createSketchState, DEFAULT_K } from './kll.ts';
export { distinctEstimate, distinctMerge, DistinctCounter, hllEstimate } from './distinct.ts';
export { TopK, topKMerge } from './topk.ts';
export { Reservoir, reservoirMerge } from './reservoir.ts';
export { emptyMoments, addMoments, mergeMoments, variance } from './moments.ts';
export { detectType } from './detect.ts';
export { murmur3 } from './hash.ts';

/**
 * Profiles every batch of an opened table. `sources` is recorded in the profile as given (the
 * caller knows the hashes); {@link profileFile} fills it in.
 */
export async function profileSource(source: TableSource, opts: ProfileOptions = {}, sources: ProfileSource[] = []): Promise<DatasetProfile> {
  const profiler = createProfiler(source.fieldNames, opts);
  for await (const batch of source.batches()) profiler.add(batch);
  return profiler.finish(sources);
}

/**
 * Profiles a data file (CSV, JSONL, Parquet, Arrow). The file's sha256 and DVC md5 are computed
 * alongside and recorded in `sources`. Unreadable or malformed input is an InputError (exit 2).
 */
export async function profileFile(path: string, readOpts: ReadOptions = {}, opts: ProfileOptions = {}): Promise<DatasetProfile> {
  const source = await openTable(path, readOpts);
  const [profile, hash] = await Promise.all([profileSource(source, opts), hashFile(path)]);
  profile.sources = [{ path, sha256: hash.sha256, md5: hash.md5, rows: profile.rows }];
  return profile;
}

/** Finite numbers of a column's sample (numeric cells only), in sample order. */
export function numericSample(col: ColumnProfile): number[] {
  const out: number[] = [];
  for (const v of col.sample.values) {
    const x = typeof v === 'number' ? v : finiteNumberText(v);
    if (x !== undefined) out.push(x);
  }
  return out;
}

/**
 * Frequent values with their counts, and the non-null cells they leave out (`other`). Counts are
 * exact when `exact` is true (nothing was pruned and every value fits); else each is the midpoint
 * of its [lower, upper] bounds and `other` is what remains.
 */
export function categoricalCounts(col: ColumnProfile): { counts: Map<string, number>; other: number; exact: boolean } {
  const counts = new Map<string, number>();
  let listed = 0;
  for (const item of col.topK.items) {
    const c = item.count - item.error / 2;
    counts.set(item.value, c);
    listed += c;
  }
  const nonNull = col.count - col.nulls;
  return { counts, other: Math.max(0, nonNull - listed), exact: col.topK.slack === 0 };
}

/**
 * The q-quantile of a column's numeric cells: exact min/max at q = 0 and 1, the KLL estimate
 * between (clamped into [min, max]); NaN when the column has no numbers.
 */
export function columnQuantile(col: ColumnProfile, q: number): number {
  const n = col.numeric;
  if (!n) return NaN;
  if (q <= 0) return n.min;
  if (q >= 1) return n.max;
  return Math.min(n.max, Math.max(n.min, sketchQuantile(n.sketch, q)));
}

/**
 * The narrowest type covering every non-null cell: integer ⊂ number, date ⊂ datetime; any other
 * mix is `string`. `null` when the column has no non-null cells.
 */
export function columnType(col: Pick<ColumnProfile, 'types'>): ProfiledType | null {
  const t = col.types;
  const present = (Object.keys(t) as ProfiledType[]).filter((k) => t[k] > 0);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0];
  if (present.every((k) => k === 'integer' || k === 'number')) return 'number';
  if (present.every((k) => k === 'date' || k === 'datetime')) return 'datetime';
  return 'string';
}
