import type { NumberColumn, RecordBatch, StringColumn } from '../../../src/table/types.ts';

export type Cell = string | number | null;

/** A dictionary-encoded string column, as the readers build it. */
export function stringColumn(name: string, cells: Array<string | null>): StringColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(cells.length);
  cells.forEach((c, i) => {
    if (c === null) {
      codes[i] = -1;
      return;
    }
    let code = index.get(c);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(c);
      index.set(c, code);
    }
    codes[i] = code;
  });
  return { kind: 'string', name, codes, dictionary };
}

/** A numeric column; strings become invalid cells, null becomes a null. */
export function numberColumn(name: string, cells: Array<number | string | null>): NumberColumn {
  const values = new Float64Array(cells.length);
  const nulls = new Uint8Array(cells.length);
  const invalid: NumberColumn['invalid'] = [];
  cells.forEach((c, i) => {
    if (c === null) {
      values[i] = NaN;
      nulls[i] = 1;
    } else if (typeof c === 'string') {
      values[i] = NaN;
      invalid.push({ index: i, text: c });
    } else values[i] = c;
  });
  return { kind: 'number', name, values, nulls, invalid };
}

export interface ColumnSpec {
  name: string;
  kind: 'string' | 'number';
  cells: Cell[];
}

/** Cuts columns of equal length into batches of the given sizes (the last takes the rest). */
export function toBatches(columns: ColumnSpec[], start: number, end: number, batchRows: number): RecordBatch[] {
  const batches: RecordBatch[] = [];
  for (let off = start; off < end; off += batchRows) {
    const stop = Math.min(end, off + batchRows);
    const length = stop - off;
    batches.push({
      length,
      rowOffset: off,
      lines: Float64Array.from({ length }, (_, i) => off + i + 2),
      columns: columns.map((c) =>
        c.kind === 'string'
          ? stringColumn(c.name, c.cells.slice(off, stop).map((v) => (v === null ? null : String(v))))
          : numberColumn(c.name, c.cells.slice(off, stop) as Array<number | string | null>),
      ),
    });
  }
  return batches;
}

/** Fraction of `sorted` strictly below x and at most x. */
export function exactRanks(sorted: Float64Array, x: number): { lt: number; le: number } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  const lt = lo;
  hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return { lt: lt / sorted.length, le: lo / sorted.length };
}

/** The seeded PRNG for test data: the project's own mulberry32. */
export { mulberry32 as testRng } from '../../../src/core/random.ts';

/** Byte-level reference murmur3_x86_32 (what src/profile/hash.ts must equal, however it is optimised). */
export function murmur3Bytes(bytes: Uint8Array, seed: number): number {
  let h = seed | 0;
  const blocks = bytes.length >> 2;
  for (let i = 0; i < blocks; i++) {
    let k = bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = bytes.length & 3;
  for (let i = tail - 1; i >= 0; i--) k = (k << 8) | bytes[4 * blocks + i];
  if (tail) {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
