import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { parseCsvText, planCsvSegments, readCsvSegment, sniffDelimiter } from '../../../src/table/csv.ts';
import { cellText, columnNumbers, columnStrings, openTable, readTable } from '../../../src/table/index.ts';
import type { NumberColumn, RecordBatch, StringColumn } from '../../../src/table/index.ts';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(content: string | Buffer, ext = 'csv'): Promise<string> {
  const path = join(dir, `f${n++}.${ext}`);
  await writeFile(path, content);
  return path;
}

/** Expects an exit-2 InputError naming the file and line, with `message` in its text. */
async function expectInputError(promise: Promise<unknown>, path: string, line: number | undefined, message: RegExp): Promise<InputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const e = error as InputError;
  expect(e.location.file).toBe(path);
  expect(e.location.line).toBe(line);
  expect(e.message).toMatch(message);
  expect(e.message.startsWith(line === undefined ? `${path}:` : `${path}:${line}`)).toBe(true);
  return e;
}

describe('CSV decoding', () => {
  it('decodes numbers to Float64Array, text to dictionaries, empty cells to null', async () => {
    const path = await file('id,score,city\n1,2.5,Paris\n2,,Lyon\n3,1e3,Paris\n4,abc,\n5, 7 ,Paris\n');
    const t = await readTable(path, { decoding: { id: 'number', score: 'number' } });
    expect(t.fieldNames).toEqual(['id', 'score', 'city']);
    expect(t.length).toBe(5);
    expect(Array.from(t.lines)).toEqual([2, 3, 4, 5, 6]);
    const score = t.columns[1] as NumberColumn;
    expect(score.kind).toBe('number');
    expect(Array.from(score.values.subarray(0, 3))).toEqual([2.5, Number.NaN, 1000]);
    expect(Array.from(score.nulls)).toEqual([0, 1, 0, 0, 0]);
    expect(score.invalid).toEqual([{ index: 3, text: 'abc' }]);
    expect(score.values[4]).toBe(7);
    const city = t.columns[2] as StringColumn;
    expect(city.dictionary).toEqual(['Paris', 'Lyon']);
    expect(Array.from(city.codes)).toEqual([0, 1, 0, -1, 0]);
    expect(cellText(score, 3)).toBe('abc');
    expect(cellText(score, 1)).toBeNull();
    expect(cellText(score, 2)).toBe('1000');
    expect(columnStrings(city)).toEqual(['Paris', 'Lyon', 'Paris', null, 'Paris']);
    expect(Array.from(columnNumbers(t.columns[0]))).toEqual([1, 2, 3, 4, 5]);
  });

  it('parses numbers exactly like Number() for every spelling', async () => {
    const spelled = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
      fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 12 })).map(([x, k]) => x.toFixed(k)),
      fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 18 })).map(([x, k]) => x.toExponential(k)),
      fc.tuple(fc.integer(), fc.boolean()).map(([x, plus]) => (plus && x >= 0 ? `+${x}` : String(x))),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
      fc.constantFrom('0', '-0', '.5', '5.', '-.5e-3', '1E+2', '00012', '0.000000000000000000000001', '123456789012345678901234567890'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(spelled, { minLength: 1, maxLength: 30 }), async (texts) => {
        const path = await file(`x\n${texts.join('\n')}\n`);
        const t = await readTable(path, { decoding: { x: 'number' }, chunkSize: 7 });
        const col = t.columns[0] as NumberColumn;
        texts.forEach((text, i) => expect(Object.is(col.values[i], Number(text)) || col.values[i] === Number(text)).toBe(true));
        expect(col.invalid).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('reports non-numbers as invalid cells with their text, and honours missingValues', async () => {
    const path = await file('x,y\n0x10,NA\nNA,b\n-,c\n1.2.3,NA\nINF,\n-999,d\n');
    const t = await readTable(path, { decoding: { x: 'number' }, missingValues: ['', 'NA', '-999'] });
    const x = t.columns[0] as NumberColumn;
    expect(x.invalid).toEqual([
      { index: 0, text: '0x10' },
      { index: 2, text: '-' },
      { index: 3, text: '1.2.3' },
    ]);
    expect(Array.from(x.nulls)).toEqual([0, 1, 0, 0, 0, 1]);
    expect(x.values[4]).toBe(Number.POSITIVE_INFINITY);
    expect(columnStrings(t.columns[1])).toEqual([null, 'b', 'c', null, null, 'd']);
  });

  it('records one invalid cell when a row is re-read because of a later quote or a chunk boundary', async () => {
    const path = await file('x,y\nabc,"q"\n1,2\nzz,"a\nb"\n"2.5",3\n');
    for (const chunkSize of [1, 3, 1 << 20]) {
      const t = await readTable(path, { decoding: { x: 'number' }, chunkSize });
      expect((t.columns[0] as NumberColumn).invalid).toEqual([
        { index: 0, text: 'abc' },
        { index: 2, text: 'zz' },
      ]);
      expect(columnStrings(t.columns[1])).toEqual(['q', '2', 'a\nb', '3']);
      expect((t.columns[0] as NumberColumn).values[3]).toBe(2.5);
    }
  });

  it('selects and orders columns, skipping the others', async () => {
    const path = await file('a,b,c\n1,"x,y",3\n4,5,6\n');
    const t = await readTable(path, { columns: ['c', 'a'], decoding: { c: 'number' } });
    expect(t.fieldNames).toEqual(['c', 'a']);
    expect(t.columns.map((c) => c.name)).toEqual(['c', 'a']);
    expect(Array.from((t.columns[0] as NumberColumn).values)).toEqual([3, 6]);
    expect(columnStrings(t.columns[1])).toEqual(['1', '4']);
    await expectInputError(openTable(path, { columns: ['zz'] }), path, 1, /"zz" is not in the header/);
  });

  it('streams batches with row offsets, per-batch dictionaries and exact lines', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => (i === 7 ? `${i},"multi\nline"` : `${i},v${i % 3}`));
    const path = await file(`n,s\n${rows.join('\r\n')}\r\n`);
    const source = await openTable(path, { batchRows: 10, chunkSize: 5, decoding: { n: 'number' } });
    const batches: RecordBatch[] = [];
    for await (const b of source.batches()) batches.push(b);
    expect(batches.map((b) => [b.length, b.rowOffset])).toEqual([
      [10, 0],
      [10, 10],
      [5, 20],
    ]);
    const lines = batches.flatMap((b) => Array.from(b.lines));
    expect(lines.slice(6, 10)).toEqual([8, 9, 11, 12]);
    const t = await readTable(path, { batchRows: 10 });
    expect(columnStrings(t.columns[1])[7]).toBe('multi\nline');
    expect((t.columns[1] as StringColumn).dictionary).toEqual(['v0', 'v1', 'v2', 'multi\nline']);
  });

  it('reads TSV, other delimiters, a BOM, CRLF, blank lines and a header-only file', async () => {
    const tsv = await file('\ufeffa\tb\r\n1\t2\r\n\r\n3\t"x\ty"\r\n', 'tsv');
    const t = await readTable(tsv);
    expect(t.fieldNames).toEqual(['a', 'b']);
    expect(columnStrings(t.columns[1])).toEqual(['2', 'x\ty']);
    expect(Array.from(t.lines)).toEqual([2, 4]);
    const semi = await file('a;b\n1;2');
    expect(columnStrings((await readTable(semi, { delimiter: ';' })).columns[1])).toEqual(['2']);
    const headerOnly = await file('a,b\n');
    const source = await openTable(headerOnly);
    const batches: RecordBatch[] = [];
    for await (const b of source.batches()) batches.push(b);
    expect(batches).toHaveLength(1);
    expect(batches[0].length).toBe(0);
    expect(batches[0].columns.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('sniffs the delimiter of a .csv file from its header when none is given', async () => {
    expect(sniffDelimiter(Buffer.from('a;b;c\n1,5;2;3\n'))).toBe(';');
    expect(sniffDelimiter(Buffer.from('\r\n\na|b\n'))).toBe('|');
    expect(sniffDelimiter(Buffer.from('a\tb\tc;d\n'))).toBe('\t'); // the most frequent candidate
    expect(sniffDelimiter(Buffer.from('a\tb;c\n'))).toBe(';'); // a tie: the earlier of ; tab |
    expect(sniffDelimiter(Buffer.from('a,b;c\n'))).toBe(','); // any comma keeps the standard
    expect(sniffDelimiter(Buffer.from('"x;y",z\n'))).toBe(',');
    expect(sniffDelimiter(Buffer.from('"x,y";z\n'))).toBe(';'); // quoted commas do not count
    expect(sniffDelimiter(Buffer.from('single\n1\n'))).toBe(',');
    expect(sniffDelimiter(Buffer.from(''))).toBe(',');
    // A European spreadsheet export: semicolons, decimal commas (kept as text), quoted fields.
    const path = await file('city;temp;note\nParis;12,5;"a;b"\nLyon;9,0;x\n');
    const source = await openTable(path);
    expect(source.delimiter).toBe(';');
    const t = await readTable(path);
    expect(t.fieldNames).toEqual(['city', 'temp', 'note']);
    expect(columnStrings(t.columns[1])).toEqual(['12,5', '9,0']);
    expect(columnStrings(t.columns[2])).toEqual(['a;b', 'x']);
    // A given delimiter wins over the sniffer.
    const plain = await file('a;b\n1;2\n');
    expect((await readTable(plain, { delimiter: ',' })).fieldNames).toEqual(['a;b']);
  });

  it("honours Excel's sep= first line: its delimiter, and the header on the next line", async () => {
    expect(sniffDelimiter(Buffer.from('sep=;\r\na,b;c\n'))).toBe(';'); // declared beats counted
    const rows = Array.from({ length: 300 }, (_, i) => `${i};x${i}`).join('\r\n');
    const path = await file(`sep=;\r\nid;name\r\n${rows}\r\n`);
    for (const chunkSize of [3, 1 << 20]) {
      const t = await readTable(path, { chunkSize });
      expect(t.fieldNames).toEqual(['id', 'name']);
      expect(t.length).toBe(300);
      expect(t.lines[0]).toBe(3); // line 1 is sep=;, line 2 the header
      expect(columnStrings(t.columns[1]).at(-1)).toBe('x299');
    }
    // Cut into segments (the multi-thread path), the first segment skips it too.
    const source = await openTable(path);
    const segments = await planCsvSegments(path, 1024);
    expect(segments.length).toBeGreaterThan(2);
    const ids: number[] = [];
    for (const { start, end } of segments) {
      for await (const b of readCsvSegment(path, { delimiter: source.delimiter, decoding: { id: 'number' } }, source.fieldNames, { start, end, endOffset: -1, lines: 0 })) {
        ids.push(...columnNumbers(b.columns[0]));
      }
    }
    expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => i));
    // A sep= line naming another delimiter than the one given is just data (here, the header).
    expect((await readTable(path, { delimiter: ',' })).fieldNames).toEqual(['sep=;']);
  });

  it('decodes multibyte UTF-8 split across reads', async () => {
    const path = await file('name,v\né€😀,1\n"😀,é",2\n');
    for (const chunkSize of [1, 2, 3, 5]) {
      const t = await readTable(path, { chunkSize });
      expect(columnStrings(t.columns[0])).toEqual(['é€😀', '😀,é']);
    }
  });
});

describe('CSV bad input: exit-2 InputError naming file and line', () => {
  it('missing file', async () => {
    const path = join(dir, 'nope.csv');
    await expectInputError(openTable(path), path, undefined, /file not found/);
  });
  it('empty file and blank-only file', async () => {
    const empty = await file('');
    await expectInputError(openTable(empty), empty, 1, /empty file: no header/);
    const blank = await file('\n\r\n');
    await expectInputError(openTable(blank), blank, 3, /empty file: no header/);
  });
  it('ragged rows name the line and both counts', async () => {
    const fewer = await file('a,b,c\n1,2,3\n"x\ny",2,3\n4,5\n');
    await expectInputError(readTable(fewer), fewer, 5, /expected 3 fields \(as in the header\), found 2/);
    const more = await file('a,b\n1,2\n1,2,3,4\n');
    await expectInputError(readTable(more), more, 3, /expected 2 fields \(as in the header\), found 4/);
    const quotedMore = await file('a,b\n1,2\n"1",2,"3"\n');
    await expectInputError(readTable(quotedMore), quotedMore, 3, /found 3/);
  });
  it('unterminated quote reports the line where it opened', async () => {
    const path = await file('a,b\n1,2\n3,"open\n4,5\n6,7\n');
    await expectInputError(readTable(path, { chunkSize: 4 }), path, 3, /unterminated quoted field/);
  });
  it('invalid UTF-8 and NUL bytes name their line', async () => {
    const bad = await file(Buffer.concat([Buffer.from('a,b\n1,2\n"x\n'), Buffer.from([0xc3, 0x28]), Buffer.from('",3\n')]));
    await expectInputError(readTable(bad, { chunkSize: 3 }), bad, 4, /invalid UTF-8 byte sequence \(byte 0xc3\): the file must be UTF-8; if it is Latin-1 or Windows-1252, convert it first, e\.g\. iconv/);
    // A Windows-1252 export: 'é' is the single byte 0xe9.
    const latin1 = await file(Buffer.from('city,n\nParis,1\nCaf\xe9,2\n', 'latin1'));
    await expectInputError(readTable(latin1), latin1, 3, /\(byte 0xe9\)/);
    const nul = await file(Buffer.from('a,b\n1,2\n3,\u0000\n'));
    await expectInputError(readTable(nul), nul, 3, /NUL byte/);
  });
  it('duplicate and empty header names', async () => {
    const dup = await file('a,b,a,c,b\n1,2,3,4,5\n');
    await expectInputError(openTable(dup), dup, 1, /duplicate column names in the header: "a", "b"/);
    const empty = await file('a,,c\n1,2,3\n');
    const e = await expectInputError(openTable(empty), empty, 1, /empty column name in the header \(column 2\)/);
    expect(e.location.column).toBe(2);
  });
  it('a character after a closing quote', async () => {
    const path = await file('a,b\n1,"x"y\n');
    await expectInputError(readTable(path), path, 2, /after a closing quote/);
  });
  it('an over-long row fails cleanly (small cap)', async () => {
    const path = await file(`a,b\n1,2\n3,${'x'.repeat(5000)}\n`);
    await expectInputError(readTable(path, { maxRowBytes: 1000, chunkSize: 64 }), path, 3, /row longer than 1000 bytes/);
  });
  it('a 100 MB single line fails with its line instead of exhausting memory', async () => {
    const big = Buffer.alloc(100 * 1024 * 1024, 0x78);
    big.write('a,b\n1,', 0);
    const path = await file(big);
    await expectInputError(readTable(path), path, 2, /row longer than 64 MiB/);
    await rm(path);
  });
  it('a row followed by a line break is held to the limit too (it used to complete in a grown read)', async () => {
    const path = await file(`a,b\n1,2\n3,${'x'.repeat(5000)}\n4,5\n`);
    for (const chunkSize of [undefined, 64, 1000]) {
      await expectInputError(readTable(path, { maxRowBytes: 1000, chunkSize }), path, 3, /row longer than 1000 bytes/);
    }
  });
  it('rejects a bad delimiter option', async () => {
    const path = await file('a\n1\n');
    await expectInputError(openTable(path, { delimiter: '::' }), path, undefined, /delimiter/);
  });
});

describe('the row limit (maxRowBytes): a row of that many bytes, its line break not counted, is the longest accepted', () => {
  const M = 64;
  /** A data row of exactly `bytes` bytes (line break excluded). */
  const row = (bytes: number): string => `7,${'x'.repeat(bytes - 2)}`;
  /** A quoted row of exactly `bytes` bytes whose field holds a line break. */
  const quotedRow = (bytes: number, eol: string): string => `8,"${'q'.repeat(bytes - 5 - eol.length)}${eol}q"`;
  const CHUNKS = [undefined, 1, 5, 16, M - 1, M, M + 1, M + 2, 200];

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`${name}: accepted at the limit, refused one byte over, at the row's line, whatever the reads`, async () => {
      for (const last of [false, true]) {
        // The long row among short ones, or last (with and without a final line break).
        const body = (long: string): string => (last ? `a,b${eol}1,y${eol}${long}` : `a,b${eol}1,y${eol}${long}${eol}2,z${eol}`);
        const at = await file(body(row(M)));
        const atEnd = await file(body(row(M)) + (last ? eol : ''));
        const over = await file(body(row(M + 1)));
        for (const chunkSize of CHUNKS) {
          for (const path of [at, atEnd]) {
            const t = await readTable(path, { maxRowBytes: M, chunkSize });
            expect(t.length).toBe(last ? 2 : 3);
            expect(columnStrings(t.columns[1])[1]).toBe('x'.repeat(M - 2));
          }
          await expectInputError(readTable(over, { maxRowBytes: M, chunkSize }), over, 3, /row longer than 64 bytes \(missing line break/);
        }
      }
    });

    it(`${name}: a quoted row spanning lines counts all of its bytes`, async () => {
      const at = await file(`a,b${eol}${quotedRow(M, eol)}${eol}2,z${eol}`);
      const over = await file(`a,b${eol}1,y${eol}${quotedRow(M + 1, eol)}${eol}2,z${eol}`);
      for (const chunkSize of CHUNKS) {
        const t = await readTable(at, { maxRowBytes: M, chunkSize });
        expect(t.length).toBe(2);
        expect(Array.from(t.lines)).toEqual([2, 4]);
        await expectInputError(readTable(over, { maxRowBytes: M, chunkSize }), over, 3, /row longer than 64 bytes/);
      }
    });

    it(`${name}: the header too`, async () => {
      const at = await file(`a,${'b'.repeat(M - 2)}${eol}1,2${eol}`);
      const over = await file(`a,${'b'.repeat(M - 1)}${eol}1,2${eol}`);
      for (const chunkSize of CHUNKS) {
        expect((await openTable(at, { maxRowBytes: M, chunkSize })).fieldNames).toEqual(['a', 'b'.repeat(M - 2)]);
        await expectInputError(openTable(over, { maxRowBytes: M, chunkSize }), over, 1, /header longer than 64 bytes/);
      }
    });

    it(`${name}: in segments, the segment holding the row refuses it at its line`, async () => {
      const short = Array.from({ length: 200 }, (_, i) => `${i},s${i}`);
      const read = async (long: string, chunkSize: number | undefined): Promise<{ rows: number; errors: InputError[] }> => {
        const rows = [...short.slice(0, 100), long, ...short.slice(100)];
        const path = await file(`a,b${eol}${rows.join(eol)}${eol}`);
        const segments = await planCsvSegments(path, 256);
        expect(segments.length).toBeGreaterThan(4);
        let count = 0;
        const errors: InputError[] = [];
        for (const { start, end } of segments) {
          const progress = { start, end, endOffset: -1, lines: 0 };
          try {
            for await (const b of readCsvSegment(path, { delimiter: ',', maxRowBytes: M, chunkSize }, ['a', 'b'], progress)) count += b.length;
          } catch (error) {
            errors.push(error as InputError);
          }
        }
        return { rows: count, errors };
      };
      for (const chunkSize of [undefined, 7, M]) {
        const at = await read(row(M), chunkSize);
        expect(at).toEqual({ rows: 201, errors: [] });
        const over = await read(row(M + 1), chunkSize);
        expect(over.errors).toHaveLength(1);
        expect(over.errors[0]).toBeInstanceOf(InputError);
        expect(over.errors[0]!.message).toMatch(/row longer than 64 bytes/);
      }
    });
  }
});

describe('parseCsvText (warm-up runs over synthetic data)', () => {
  it('decodes an in-memory CSV as a file with the same options would be, in batches of the size asked', async () => {
    const text = 'n,s,d\n1,a,2020-01-02\n2.5,"b,c",\n,,2021-03-04\n-4,a,x\n';
    const options = { decoding: { n: 'number' as const, s: 'string' as const, d: 'string' as const } };
    const batches = parseCsvText(text, options, 3);
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(batches.map((b) => Array.from(b.lines))).toEqual([[2, 3, 4], [5]]);
    const path = join(dir, 'in-memory.csv');
    await writeFile(path, text);
    const table = await readTable(path, options);
    const fromMemory = batches.flatMap((b) => Array.from({ length: b.length }, (_, i) => b.columns.map((c) => cellText(c, i))));
    const fromFile = Array.from({ length: table.length }, (_, i) => table.columns.map((c) => cellText(c, i)));
    expect(fromMemory).toEqual(fromFile);
    expect(fromMemory[1]).toEqual(['2.5', 'b,c', null]);
  });
});
