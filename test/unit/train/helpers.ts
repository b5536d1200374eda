import { InputError } from '../../../src/core/errors.ts';
import type { Column, Table } from '../../../src/table/types.ts';

/** Builds an in-memory Table: arrays of numbers become number columns, anything else string columns (null = null cell). */
export function makeTable(data: Record<string, Array<number | string | null>>, path = 'data.csv'): Table {
  const names = Object.keys(data);
  const length = names.length > 0 ? data[names[0]!]!.length : 0;
  const columns: Column[] = names.map((name) => {
    const cells = data[name]!;
    if (cells.every((c) => c === null || typeof c === 'number')) {
      const values = new Float64Array(length);
      const nulls = new Uint8Array(length);
      cells.forEach((c, i) => {
        if (c === null) {
          values[i] = Number.NaN;
          nulls[i] = 1;
        } else values[i] = c as number;
      });
      return { kind: 'number', name, values, nulls, invalid: [] };
    }
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(length);
    cells.forEach((c, i) => {
      if (c === null) {
        codes[i] = -1;
        return;
      }
      const text = String(c);
      let code = index.get(text);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(text);
        index.set(text, code);
      }
      codes[i] = code;
    });
    return { kind: 'string', name, codes, dictionary };
  });
  const lines = Float64Array.from({ length }, (_, i) => i + 2);
  return { path, fieldNames: names, length, lines, columns };
}

/** A seeded synthetic classification table: two informative numeric features and a categorical one. */
export function syntheticTable(n: number, seed = 1): Table {
  let s = seed >>> 0;
  const rand = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const a: number[] = [];
  const b: number[] = [];
  const color: string[] = [];
  const label: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = rand() * 4 - 2;
    const y = rand() * 4 - 2;
    const c = ['red', 'green', 'blue'][Math.floor(rand() * 3)]!;
    a.push(x);
    b.push(y);
    color.push(c);
    const score = x + 0.5 * y + (c === 'red' ? 0.8 : 0) + (rand() - 0.5) * 0.6;
    label.push(score > 0.3 ? 'yes' : 'no');
  }
  return makeTable({ a, b, color, label });
}

/** The InputError that `fn` throws (any other outcome fails the test). */
export function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
