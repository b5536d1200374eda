import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchema } from '../../../src/schema/load.ts';
import { readOptionsForSchema, validateSource } from '../../../src/schema/validate.ts';
import { lazyStringColumn } from '../../../src/table/columns.ts';
import { parseCsvText } from '../../../src/table/csv.ts';
import { openTable } from '../../../src/table/index.ts';
import type { StringColumn } from '../../../src/table/types.ts';
import { memorySource } from './helpers.ts';

// Validation tests the ASCII entries of CSV text columns on their bytes (StringColumn.bytes) when a
// field's rules allow it; every other source and field goes through the strings. Both must report
// exactly the same thing.

const SCHEMA = `
fields:
  - { name: code, type: string, constraints: { required: true, pattern: '[A-Z]{2}[0-9]{2}', minLength: 4, maxLength: 4 } }
  - { name: note, type: string, constraints: { maxLength: 3 } }
  - { name: free, type: any, constraints: { minLength: 1, pattern: 'x+' } }
  - { name: mail, type: string, format: email }
  - { name: tag, type: string, constraints: { enum: [a, b] } }
  - { name: loose, type: string, constraints: { pattern: 'a.c' } }
`;
const HEADER = ['code', 'note', 'free', 'mail', 'tag', 'loose'];

async function bothWays(rows: string[][], batchRows: number): Promise<{ csv: unknown; memory: unknown; withBytes: number; batches: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-ascii-'));
  const path = join(dir, 'data.csv');
  writeFileSync(path, `${HEADER.join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const schema = parseSchema(SCHEMA, 'schema.yaml');
  const source = await openTable(path, { ...readOptionsForSchema(schema, HEADER, 'csv'), batchRows });
  let withBytes = 0;
  let batches = 0;
  for await (const batch of source.batches()) {
    batches++;
    if ((batch.columns[0] as StringColumn).bytes !== undefined) withBytes++;
  }
  const csv = await validateSource(await openTable(path, { ...readOptionsForSchema(schema, HEADER, 'csv'), batchRows }), schema, { maxErrors: 50 });
  const memory = await validateSource({ ...memorySource(HEADER, rows, { batchRows }), path }, schema, { maxErrors: 50 });
  return { csv, memory, withBytes, batches };
}

describe('validation of ASCII text on its bytes', () => {
  it('reports what the string path reports: lengths, patterns, required, and the rules that need strings', async () => {
    const rows = [
      ['AB12', 'ok', 'xx', 'a@b.co', 'a', 'abc'],
      ['AB123', 'long', '', 'nope', 'c', 'a-c'],
      ['ab12', 'ok', 'xy', 'a@b.co', 'b', 'ab'],
      ['', '', 'x', '', '', ''],
      ['AB12', 'ok', 'xx', 'a@b.co', 'a', 'abc'],
      ['A1', 'fine', 'x', 'q@r.st', 'z', 'abcd'],
      ['ZZ99', 'é', 'x', 'a@b.co', 'a', 'abc'], // one non-ASCII cell: that batch goes through strings
      ['ZZ9Ä', 'ok', 'xé', 'a@b.co', 'a', 'abc'],
    ];
    const { csv, memory, withBytes, batches } = await bothWays(rows, 3);
    expect(csv).toEqual(memory);
    // The fast path ran (ASCII batches carry bytes) and so did the fallback (code's last batch, with Ä, does not).
    expect(batches).toBe(3);
    expect(withBytes).toBe(2);
    expect((csv as { errorsByRule: Record<string, number> }).errorsByRule).toEqual({ type: 1, required: 1, minLength: 1, maxLength: 3, pattern: 8, enum: 2 });
  });

  it('agrees with the string path on random ASCII and non-ASCII texts', async () => {
    const text = fc.array(fc.constantFrom('A', 'B', 'Z', '1', '9', 'a', 'x', '-', 'é', ' '), { maxLength: 6 }).map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 8 }), async (cells, batchRows) => {
        const rows = cells.map(([a, b, c]) => [a, b, c, 'a@b.co', 'a', 'abc']);
        const { csv, memory } = await bothWays(rows, batchRows);
        expect(csv).toEqual(memory);
      }),
      { seed: 20261128, numRuns: 60 },
    );
  });
});

describe('lazyStringColumn', () => {
  const bytes = { data: Buffer.from('redgreenblue', 'latin1'), starts: Int32Array.of(0, 3, 8), lengths: Int32Array.of(3, 5, 4) };

  it('decodes its dictionary on first read, keeps it, and takes an assignment', () => {
    const col = lazyStringColumn('colour', Int32Array.of(2, 0, -1, 1), bytes);
    const first = col.dictionary;
    expect(first).toEqual(['red', 'green', 'blue']);
    expect(col.dictionary).toBe(first);
    col.dictionary = ['x'];
    expect(col.dictionary).toEqual(['x']);
  });

  it('shows copies, clones and JSON the dictionary, not the bytes', () => {
    const col = lazyStringColumn('colour', Int32Array.of(2, 0), bytes);
    expect(col.bytes).toBe(bytes);
    expect(Object.keys(col).sort()).toEqual(['codes', 'dictionary', 'kind', 'name']);
    expect({ ...col }.dictionary).toEqual(['red', 'green', 'blue']);
    const clone = structuredClone(col);
    expect(clone.dictionary).toEqual(['red', 'green', 'blue']);
    expect(clone.bytes).toBeUndefined();
    expect(JSON.parse(JSON.stringify(col)).dictionary).toEqual(['red', 'green', 'blue']);
  });

  it('is what the CSV reader hands out for ASCII text, each batch with its own bytes', () => {
    const batches = parseCsvText('k\nab\ncd\nab\nef\n', { decoding: { k: 'string' } }, 2);
    const [one, two] = batches.map((b) => b.columns[0] as StringColumn);
    expect(one.bytes).toBeDefined();
    // The reader's arena is reused by the next batch: the first batch's bytes must not change.
    expect(one.dictionary).toEqual(['ab', 'cd']);
    expect(two.dictionary).toEqual(['ab', 'ef']);
    expect([...one.codes, ...two.codes]).toEqual([0, 1, 0, 1]);
  });
});
