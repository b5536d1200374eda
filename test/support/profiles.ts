import { createProfiler } from '../../src/profile/index.ts';
import type { DatasetProfile } from '../../src/profile/types.ts';
import type { NumberColumn } from '../../src/table/types.ts';

/** The profile of numeric columns given row by row (null cells as null), as mlops profile makes it. */
export function numericProfile(names: string[], rows: Array<Array<number | null>>): DatasetProfile {
  const columns: NumberColumn[] = names.map((name, j) => ({
    kind: 'number', name,
    values: Float64Array.from(rows, (r) => r[j] ?? Number.NaN),
    nulls: Uint8Array.from(rows, (r) => (r[j] === null ? 1 : 0)),
    invalid: [],
  }));
  const profiler = createProfiler(names);
  profiler.add({ length: rows.length, rowOffset: 0, lines: new Float64Array(rows.length), columns });
  return profiler.finish([]);
}
