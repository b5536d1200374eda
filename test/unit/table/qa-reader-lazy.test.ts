import { constants } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { lazyStringColumn } from '../../../src/table/columns.ts';

// A CSV batch's ASCII dictionary is decoded from its bytes on first read. One decode of the whole
// byte range cannot make a string longer than V8's limit (~512 MiB): a batch of a few rows with
// 60 MiB documents (620 MiB of distinct text) failed with ERR_STRING_TOO_LONG, where the
// per-entry decode before lazy dictionaries read it.

describe('lazyStringColumn', () => {
  it('decodes a dictionary whose bytes are longer than the longest string', () => {
    const size = constants.MAX_STRING_LENGTH + 2;
    const data = new Uint8Array(size);
    const half = size >> 1;
    data[0] = 0x61;
    data[half - 1] = 0x62;
    data[half] = 0x63;
    data[size - 1] = 0x64;
    const col = lazyStringColumn('doc', Int32Array.of(1, 0, -1), { data, starts: Int32Array.of(0, half), lengths: Int32Array.of(half, size - half) });
    const dictionary = col.dictionary;
    expect(dictionary).toHaveLength(2);
    expect(dictionary[0].length).toBe(half);
    expect(dictionary[1].length).toBe(size - half);
    expect([dictionary[0][0], dictionary[0][half - 1], dictionary[1][0], dictionary[1][size - half - 1]]).toEqual(['a', 'b', 'c', 'd']);
  }, 20_000);

  it('decodes small dictionaries as before: empty entries, 0x7f, shared bytes', () => {
    const data = Uint8Array.from(Buffer.from('abc\x7fzz'));
    const col = lazyStringColumn('s', Int32Array.of(0, 1, 2, 3), { data, starts: Int32Array.of(0, 3, 1, 3), lengths: Int32Array.of(3, 0, 2, 3) });
    expect(col.dictionary).toEqual(['abc', '', 'bc', '\x7fzz']);
    expect(Object.keys(col)).toEqual(['kind', 'name', 'codes', 'dictionary']);
  });
});
