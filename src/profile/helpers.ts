/**
 * Helpers for consumers of profiles (drift, schema inference, reports): numbers, categories,
 * quantiles and the overall type of a profiled column.
 */
import type { ColumnProfile, ProfiledType } from './types.ts';
import { finiteNumberText } from './detect.ts';
import { sketchQuantile } from './kll.ts';

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
 * exact when `exact` is true: nothing was pruned from the top values, or the column's sample holds
 * every one of its (text) cells — a column of more distinct values than the top-K keeps but fewer
 * cells than the sample keeps, such as names in a few hundred rows, where the pruned counts' error
 * is as large as the counts. Otherwise each count is the midpoint of its [lower, upper] bounds and
 * `other` is what remains.
 */
export function categoricalCounts(col: ColumnProfile): { counts: Map<string, number>; other: number; exact: boolean } {
  const counts = new Map<string, number>();
  const sample = col.sample;
  if (col.topK.slack > 0 && sample.values.length === sample.seen && sample.values.every((v) => typeof v === 'string')) {
    for (const v of sample.values as string[]) counts.set(v, (counts.get(v) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, col.topK.capacity);
    const listed = ranked.reduce((sum, [, c]) => sum + c, 0);
    return { counts: new Map(ranked), other: sample.seen - listed, exact: true };
  }
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
