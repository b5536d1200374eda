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
