import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashBytes, StringDecoder, wordAt } from '../../../src/table/csv-decode.ts';
import { openTable } from '../../../src/table/index.ts';
import { useTempFiles } from '../../support/temp-files.ts';

// Text cells are looked up in a per-batch dictionary by a hash of their words; a hit on a value of
// up to 8 bytes is decided by its length and first two words, a longer one by its bytes too. The
// scanner inlines that lookup for unquoted cells; quoted cells take StringDecoder.lookup. Whatever
// the path, equal texts must get one code and different texts different codes.

const write = useTempFiles('dictionary-codes');

/** Values that stress the comparison: shared prefixes of 4 and 8 bytes, lengths 0–20, one byte apart. */
const valueArb = fc.oneof(
  fc.constantFrom('', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abcdefgh', 'abcdefghi', 'abcdefghij', 'abcdefgh1', 'abcdefgh2', 'abcd1', 'abcd2', 'x', 'true', 'false', 'é', 'éé'),
  fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', 'z'), maxLength: 20 }),
);

describe('CSV text dictionaries', () => {
  it('give equal texts one code and different texts different codes, quoted or not, at any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(valueArb, fc.boolean()), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 40 }), async (cells, chunkSize) => {
        const lines = cells.map(([v, quoted]) => (quoted || v === '' ? `"${v}"` : v));
        const path = await write(`k,s\n${lines.map((l, i) => `${i},${l}`).join('\n')}\n`, 'csv');
        // The batches as the reader hands them out (readTable would merge their dictionaries by text).
        const source = await openTable(path, { decoding: { s: 'string' }, chunkSize, batchRows: 1000, missingValues: [] });
        const texts: string[] = [];
        for await (const batch of source.batches()) {
          const col = batch.columns.find((c) => c.name === 's');
          if (col?.kind !== 'string') throw new Error('expected a string column');
          expect(new Set(col.dictionary).size).toBe(col.dictionary.length);
          texts.push(...Array.from(col.codes.subarray(0, batch.length), (code) => col.dictionary[code]));
        }
        expect(texts).toEqual(cells.map(([v]) => v));
      }),
      { seed: 1128, numRuns: 200 },
    );
  });
});

describe('StringDecoder.lookup', () => {
  it('tells apart values whose hashes are equal', () => {
    const dec = new StringDecoder('s', 16, { emptyIsNull: false, others: [] });
    // Different values, one (forced) hash: only the length, words and bytes can decide.
    const values = ['abcd', 'abce', 'abcd\x01', 'abcdefgh', 'abcdefgi', 'abcdefghijk', 'abcdefghijl', 'abcdefghijkl'];
    const codes = values.map((v) => dec.lookup(Buffer.from(v), 0, v.length, 7));
    expect(new Set(codes).size).toBe(values.length);
    expect(values.map((v) => dec.lookup(Buffer.from(v), 0, v.length, 7))).toEqual(codes);
  });

  it('hashes by words: wordAt reads little-endian, zero past the end', () => {
    const b = Buffer.from('abcdef');
    expect(wordAt(b, 0, 6)).toBe(0x64636261);
    expect(wordAt(b, 4, 6)).toBe(0x6665);
    expect(wordAt(b, 8, 6)).toBe(0);
    expect(hashBytes(b, 0, 6)).toBe(hashBytes(Buffer.from('xxabcdefyy'), 2, 8));
    expect(hashBytes(b, 0, 5)).not.toBe(hashBytes(b, 0, 6));
  });
});
