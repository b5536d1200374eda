import { InputError } from '../core/errors.ts';
import type { ColumnProfile, DatasetProfile } from './types.ts';
import { distinctMerge } from './distinct.ts';
import { sketchMerge } from './kll.ts';
import { mergeMoments } from './moments.ts';
import { emptyTypes, normalizeSample } from './profiler.ts';
import { reservoirMerge } from './reservoir.ts';
import { topKMerge } from './topk.ts';

function shardName(profile: DatasetProfile, index: number, labels?: readonly string[]): string {
  if (labels?.[index] !== undefined) return labels[index];
  const paths = profile.sources.map((s) => s.path);
  return paths.length > 0 ? paths.join(', ') : `profile #${index + 1}`;
}

function mergeColumn(parts: ColumnProfile[]): ColumnProfile {
  const types = emptyTypes();
  for (const p of parts) for (const t of Object.keys(types) as Array<keyof typeof types>) types[t] += p.types[t];
  const numericParts = parts.map((p) => p.numeric).filter((n) => n !== null);
  let numeric: ColumnProfile['numeric'] = null;
  if (numericParts.length > 0) {
    const moments = numericParts.slice(1).reduce((acc, m) => mergeMoments(acc, m), {
      count: numericParts[0].count, min: numericParts[0].min, max: numericParts[0].max, mean: numericParts[0].mean, m2: numericParts[0].m2,
    });
    numeric = { ...moments, sketch: sketchMerge(numericParts.map((n) => n.sketch)) };
  }
  const lengthParts = parts.map((p) => p.lengths).filter((l) => l !== null);
  const merged: ColumnProfile = {
    name: parts[0].name,
    count: parts.reduce((s, p) => s + p.count, 0),
    nulls: parts.reduce((s, p) => s + p.nulls, 0),
    types,
    numeric,
    lengths: lengthParts.length > 0
      ? { min: Math.min(...lengthParts.map((l) => l.min)), max: Math.max(...lengthParts.map((l) => l.max)) }
      : null,
    distinct: distinctMerge(parts.map((p) => p.distinct)),
    topK: topKMerge(parts.map((p) => p.topK)),
    sample: reservoirMerge(parts.map((p) => p.sample)),
  };
  merged.sample = normalizeSample(merged.sample, merged);
  return merged;
}

/**
 * Merges shard profiles into the profile of their union. Columns are matched by name, in the first
 * profile's order; a column absent from any shard is an InputError naming it and the shard. Counts,
 * types, min/max are exact; moments exact up to rounding; sketches within their stated error.
 * `labels` name the profiles in messages (the files the user gave; by default the data files
 * recorded in each profile's sources).
 */
export function mergeProfiles(list: DatasetProfile[], labels?: readonly string[]): DatasetProfile {
  if (list.length === 0) throw new InputError('no profiles to merge');
  const names = list[0].columns.map((c) => c.name);
  const lookups = list.map((p) => new Map(p.columns.map((c) => [c.name, c])));
  list.forEach((profile, i) => {
    for (const name of names) {
      // Located at the shard that differs (file first, as every other input error).
      if (!lookups[i].has(name)) throw new InputError(`column '${name}' is missing; ${shardName(list[0], 0, labels)} has it`, { file: shardName(profile, i, labels), key: name });
    }
    for (const col of profile.columns) {
      if (!lookups[0].has(col.name)) {
        throw new InputError(`column '${col.name}' is not in ${shardName(list[0], 0, labels)}`, { file: shardName(profile, i, labels), key: col.name });
      }
    }
  });
  return {
    format: 'mlops-profile',
    version: 1,
    rows: list.reduce((s, p) => s + p.rows, 0),
    columns: names.map((name) => {
      try {
        return mergeColumn(lookups.map((l) => l.get(name) as ColumnProfile));
      } catch (error) {
        // Incompatible sketch parameters (e.g. HLL precisions) are bad input, not a crash.
        if (error instanceof RangeError) throw new InputError(`cannot merge column '${name}': ${error.message}`, { key: name });
        throw error;
      }
    }),
    sources: list.flatMap((p) => p.sources),
  };
}
