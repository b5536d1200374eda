import { describe, expect, it } from 'vitest';
import { Reservoir, reservoirMerge } from '../../../src/profile/reservoir.ts';
import { TopK, topKMerge } from '../../../src/profile/topk.ts';

/**
 * Count-only summaries (drift's numeric-only columns, src/drift/check.ts): they count what a full
 * summary would have seen, keep no value, and merge with each other into the same counts.
 */
describe('count-only top values and samples', () => {
  const counts = Int32Array.from([3, 1, 0, 5, 2]);
  const values = Float64Array.from([0.5, 1.5, 2, 2.5, 7]);

  it('a count-only sample counts every copy a full one sees, and keeps none', () => {
    const full = new Reservoir(4, 9);
    const counted = new Reservoir(4, 9, true);
    for (const r of [full, counted]) {
      r.addWeighted(counts, 0, counts.length, (i) => values[i]);
      r.add('x', 6);
    }
    expect(full.state().seen).toBe(17);
    expect(full.state().values).toHaveLength(4);
    expect(counted.state()).toEqual({ capacity: 4, seen: 17, values: [], threshold: 2 ** 32 });
    const merged = reservoirMerge([counted.state(), counted.state()]);
    expect([merged.seen, merged.values]).toEqual([34, []]);
  });

  it('count-only top values count n and bound every value by it', () => {
    const full = new TopK(2);
    const counted = new TopK(2, true);
    for (const t of [full, counted]) {
      t.addSortedNumbers(values, counts, 0, values.length);
      t.addBatch(['a', 'b'], [4, 1], 2);
      t.add('c', 2);
    }
    expect(full.state().n).toBe(18);
    expect(full.state().items.length).toBeGreaterThan(0);
    expect(counted.state()).toEqual({ capacity: 2, n: 18, slack: 18, items: [] });
    const merged = topKMerge([counted.state(), counted.state()]);
    expect([merged.n, merged.slack, merged.items]).toEqual([36, 36, []]);
  });
});
