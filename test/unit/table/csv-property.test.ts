import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnStrings, readTable } from '../../../src/table/index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-prop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Characters that stress the scanner: separators, quotes, CR/LF, multibyte UTF-8 (2, 3, 4 bytes). */
const CHARS = ['a', 'b', 'Z', '0', '7', '.', '-', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', '\r', 'é', '€', '😀', 'x'];

interface Doc {
  text: string;
  /** Expected physical start line of every data row. */
  lines: number[];
  delimiter: string;
}

const docArb = fc
  .record({
    nf: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.array(fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }), { minLength: 5, maxLength: 5 }), { maxLength: 12 }),
    quoteAll: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    trailingNewline: fc.boolean(),
    blankLines: fc.array(fc.nat(12), { maxLength: 2 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
  })
  .map(({ nf, rows, quoteAll, crlf, bom, trailingNewline, blankLines, delimiter }): Doc => {
    const eol = crlf ? '\r\n' : '\n';
    let q = 0;
    const encode = (cell: string, forceQuote: boolean): string => {
      const needs = cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
      if (needs || forceQuote || quoteAll[q++ % quoteAll.length]) return `"${cell.replaceAll('"', '""')}"`;
      return cell;
    };
    const header = Array.from({ length: nf }, (_, f) => `col${f}`);
    let text = bom ? '\ufeff' : '';
    let line = 1;
    text += header.map((h) => encode(h, false)).join(delimiter) + eol;
    line++;
    const lines: number[] = [];
    rows.forEach((cells, r) => {
      if (blankLines.includes(r)) {
        text += eol;
        line++;
      }
      const values = cells.slice(0, nf).map((chars) => chars.join(''));
      // A lone empty unquoted cell would be a blank line, which readers skip: quote it.
      const encoded = values.map((v) => encode(v, nf === 1 && v === ''));
      const rowText = encoded.join(delimiter);
      lines.push(line);
      line += rowText.split('\n').length - 1 + 1;
      const last = r === rows.length - 1;
      text += rowText + (last && !trailingNewline ? '' : eol);
    });
    return { text, lines, delimiter };
  });

describe('CSV reader agrees with csv-parse on random RFC 4180 documents', () => {
  it('same cells, exact lines, whatever the chunk and batch sizes', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(docArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 7 }), async (doc, chunkSize, batchRows) => {
        const path = join(dir, `doc${n++}.csv`);
        await writeFile(path, doc.text);
        const expected = parse(doc.text, { bom: true, skip_empty_lines: true, delimiter: doc.delimiter, relax_quotes: false }) as string[][];
        const table = await readTable(path, { delimiter: doc.delimiter, chunkSize, batchRows, missingValues: [] });
        expect(table.fieldNames).toEqual(expected[0]);
        expect(table.length).toBe(expected.length - 1);
        table.columns.forEach((col, f) => {
          expect(columnStrings(col)).toEqual(expected.slice(1).map((r) => r[f]));
        });
        expect(Array.from(table.lines)).toEqual(doc.lines);
      }),
      { numRuns: 150 },
    );
  });
});
