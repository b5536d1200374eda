import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnStrings, readTable } from '../../../src/table/index.ts';
import { sniffDelimiter } from '../../../src/table/csv.ts';

// A UTF-8 BOM is not part of the text: a .csv file with one must get the delimiter the same file
// without it gets. The sniffer took the BOM for the header's first bytes, so a BOM followed by a
// blank line (no delimiter on "the header") or by an Excel `sep=:` line (a declared delimiter it
// did not recognise) fell back to the comma, and the file read as one column named "a;b" or "sep=:".

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa13-bom-sniff-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BOM = '\ufeff';
const TEXTS = ['\na;b\n1;2\n', '\r\n\r\na|b\r\n1|2\r\n', 'sep=:\na:b\n1:2\n', '\r\nsep=;\r\na;b\r\n1;2\r\n', 'a;b\n1;2\n', 'a\tb\n1\t2\n', 'sep=,\na,b\n1,2\n'];

async function read(path: string, chunkSize: number): Promise<unknown> {
  const table = await readTable(path, { chunkSize });
  return { names: table.fieldNames, rows: table.length, cells: table.columns.map((c) => columnStrings(c)) };
}

describe('delimiter sniffing after a BOM', () => {
  it('the sniffer skips a BOM', () => {
    for (const text of TEXTS) expect(sniffDelimiter(Buffer.from(BOM + text)), JSON.stringify(text)).toBe(sniffDelimiter(Buffer.from(text)));
  });

  for (const [k, text] of TEXTS.entries()) {
    it(`${JSON.stringify(text)} reads the same with a BOM (plain and gzip, any chunk size)`, async () => {
      const plain = join(dir, `plain${k}.csv`);
      await writeFile(plain, text);
      const expected = await read(plain, 1 << 20);
      expect((expected as { names: string[] }).names).toEqual(['a', 'b']);
      const withBom = join(dir, `bom${k}.csv`);
      await writeFile(withBom, BOM + text);
      const gz = join(dir, `bom${k}.csv.gz`);
      await writeFile(gz, gzipSync(Buffer.from(BOM + text)));
      for (const chunkSize of [1, 2, 3, 4, 7, 1 << 20]) {
        expect(await read(withBom, chunkSize)).toEqual(expected);
        expect(await read(gz, chunkSize)).toEqual(expected);
      }
    });
  }
});
