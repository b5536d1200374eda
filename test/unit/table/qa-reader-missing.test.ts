import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable } from '../../../src/table/index.ts';
import type { NumberColumn, ReadOptions } from '../../../src/table/types.ts';

// A cell that is a configured missing value reads as null in every column, whatever path the
// scanner takes for it: the temporal fast path read an unquoted sentinel date (`1900-01-01` listed
// in missingValues) as that date, while the same cell quoted (general path) read as null.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa-reader-missing-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function firstColumn(text: string, opts: ReadOptions): Promise<NumberColumn> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, text);
  const source = await openTable(path, opts);
  const cols: NumberColumn[] = [];
  for await (const batch of source.batches()) cols.push(batch.columns[0] as NumberColumn);
  expect(cols).toHaveLength(1);
  return cols[0];
}

describe('temporal columns and non-empty missing values', () => {
  it('reads an unquoted date listed in missingValues as null, as its quoted twin', async () => {
    const col = await firstColumn('d,x\n1900-01-01,1\n"1900-01-01",2\n2024-01-01,3\n1900-01-01,4\r\n', { missingValues: ['', '1900-01-01'], temporal: { d: 'date' } });
    expect([...col.nulls]).toEqual([1, 1, 0, 1]);
    expect(col.values[2]).toBe(Date.UTC(2024, 0, 1));
    expect(Number.isNaN(col.values[0]) && Number.isNaN(col.values[3])).toBe(true);
    expect(col.invalid).toEqual([]);
  });

  it('reads a datetime listed in a field\'s own missing values as null', async () => {
    const text = 't,x\n2024-01-01T00:00:00Z,1\n1970-01-01T00:00:00Z,2\n"1970-01-01T00:00:00Z",3\n2024-01-01T00:00:01Z,4\n';
    const col = await firstColumn(text, { fieldMissingValues: { t: ['1970-01-01T00:00:00Z'] }, temporal: { t: 'datetime' } });
    expect([...col.nulls]).toEqual([0, 1, 1, 0]);
    expect(col.values[0]).toBe(Date.UTC(2024, 0, 1));
    expect(col.values[3]).toBe(Date.UTC(2024, 0, 1, 0, 0, 1));
    expect(col.invalid).toEqual([]);
  });

  it('still reads dates that are not missing values fast, with another missing value set', async () => {
    const col = await firstColumn('d,x\n2024-01-01,1\nNA,2\n2024-01-02,3\n', { missingValues: ['', 'NA'], temporal: { d: 'date' } });
    expect([...col.nulls]).toEqual([0, 1, 0]);
    expect([...col.values].filter((v) => !Number.isNaN(v))).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)]);
  });
});
