import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnStrings, readTable } from '../../../src/table/index.ts';
import type { ReadOptions } from '../../../src/table/types.ts';

// Any one ASCII character may be the delimiter, also one that numbers and dates are written with:
// the scanner's inline number and date parsers read such a delimiter as part of the cell (`1.2`
// with `.` as one number, `2021-01-03 10:45:32` with a space as one datetime), and the row then
// failed with "expected 2 fields, found 1".

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa13-delim-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cells(text: string, opts: ReadOptions): Promise<(string | null)[][]> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, text);
  const table = await readTable(path, { chunkSize: 3, ...opts });
  return table.columns.map((c) => columnStrings(c));
}

describe('a delimiter that numbers or dates contain', () => {
  for (const [delimiter, decoding] of [['.', 'number'], ['.', 'detect'], ['e', 'number'], ['E', 'number'], ['-', 'number'], ['-', 'detect'], ['+', 'number']] as const) {
    it(`${JSON.stringify(delimiter)} between ${decoding} cells`, async () => {
      const d = delimiter;
      const text = `a${d}b\n1${d}2\n${d}5\n7${d}\n10${d}20\n`;
      const got = await cells(text, { delimiter: d, decoding: { a: decoding, b: decoding } });
      expect(got).toEqual([
        ['1', null, '7', '10'],
        ['2', '5', null, '20'],
      ]);
    });
  }

  for (const delimiter of [' ', ':', 'T', '-', '.', 'Z', '+']) {
    it(`${JSON.stringify(delimiter)} after a datetime or date cell`, async () => {
      const d = delimiter;
      // Quoted where the delimiter is inside the value; each row's first cell is followed by text the fast path would read on.
      const q = (v: string): string => (v.includes(d) ? `"${v}"` : v);
      const rows = [
        ['2021-01-03', '10:45:32'],
        ['2021-01-03T10:45:32Z', '5'],
        ['2021-01-03', '+01:00'],
      ];
      const text = `a${d}b\n${rows.map((r) => r.map(q).join(d)).join('\n')}\n`;
      for (const type of ['date', 'datetime'] as const) {
        const got = await cells(text, { delimiter: d, temporal: { a: type } });
        expect(got[1]).toEqual(rows.map((r) => r[1]));
        expect(got[0]).toHaveLength(3);
      }
    });
  }

  it('a datetime split by its delimiter is read as the fields it is', async () => {
    for (const [d, row, fields] of [
      [':', '2021-01-03T10:45:32Z', ['2021-01-03T10', '45', '32Z']],
      ['-', '2021-01-03', ['2021', '01', '03']],
      ['T', '2021-01-03T10:45:32Z', ['2021-01-03', '10:45:32Z', null]],
    ] as const) {
      for (const type of ['date', 'datetime'] as const) {
        const got = await cells(`a${d}b${d}c\n${row}${d === 'T' ? d : ''}\n`, { delimiter: d, temporal: { a: type } });
        expect(got.slice(1)).toEqual(fields.slice(1).map((v) => [v]));
      }
    }
  });
});
