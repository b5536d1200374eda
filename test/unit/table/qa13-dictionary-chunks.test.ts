import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkReader } from '../../../src/table/bytes.ts';
import type { ByteReader } from '../../../src/table/bytes.ts';
import { openCsv, parseCsvText, planCsvSegments, readCsvSegment } from '../../../src/table/csv.ts';
import { hashBytes } from '../../../src/table/csv-decode.ts';
import type { RecordBatch, StringColumn } from '../../../src/table/types.ts';

// The word-at-a-time text hash and the in-place read-ahead, checked where the property tests do
// not look: one code per distinct text in a batch (quoted or not, at a buffer's end or not, values
// of 0–17 bytes around the 4- and 8-byte words, multi-byte UTF-8, missing values), against
// csv-parse, at tiny chunk sizes, gzip-compressed and read in segments; and chunkReader's own
// contract with short reads, a small reserve and carries that are views of its last result.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa13-dict-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

/** Rows of cells from a batch, checking that its dictionaries hold each text once. */
function batchRows(b: RecordBatch): (string | null)[][] {
  const rows: (string | null)[][] = Array.from({ length: b.length }, () => []);
  for (const col of b.columns) {
    const { codes, dictionary } = col as StringColumn;
    expect(new Set(dictionary).size, `dictionary ${JSON.stringify(dictionary)}`).toBe(dictionary.length);
    for (let i = 0; i < b.length; i++) rows[i].push(codes[i] < 0 ? null : dictionary[codes[i]]);
  }
  return rows;
}

const ATOMS = ['a', 'Z', '0', ' ', ',', ';', '\t', '"', '\n', '\r\n', '\r', 'é', '€', '😀', 'NA', 'abcd'];

describe('text cells: one code per text, every chunk size, gzip and segments', () => {
  it('agrees with csv-parse', async () => {
    const random = rng(13);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)];
    for (let doc = 0; doc < 16; doc++) {
      const delimiter = pick([',', ';', '\t', '|']);
      const nf = 1 + Math.floor(random() * 3);
      const pool = ['', 'NA'];
      for (const len of [1, 3, 4, 5, 7, 8, 9, 12, 16, 17]) pool.push('q'.repeat(len), `${'é'.repeat(len >> 1)}${'x'.repeat(len & 1)}`);
      for (let k = 0; k < 6; k++) pool.push(Array.from({ length: Math.floor(random() * 5) }, () => pick(ATOMS)).join(''));
      const eol = random() < 0.4 ? '\r\n' : '\n';
      const quote = (v: string, force: boolean): string => (force || v.includes(delimiter) || /["\r\n]/.test(v) || random() < 0.3 ? `"${v.replaceAll('"', '""')}"` : v);
      const rows = 5 + Math.floor(random() * 30);
      let text = (random() < 0.3 ? '\ufeff' : '') + Array.from({ length: nf }, (_, f) => `c${f}`).join(delimiter) + eol;
      for (let r = 0; r < rows; r++) {
        const cells = Array.from({ length: nf }, () => pick(pool));
        text += cells.map((v) => quote(v, nf === 1 && v === '')).join(delimiter) + (r === rows - 1 && random() < 0.5 ? '' : eol);
      }
      const missingValues = pick([[], [''], ['NA'], ['', 'abcd']]);
      const expected = (parse(text, { bom: true, skip_empty_lines: true, delimiter }) as string[][]).slice(1).map((row) => row.map((v) => (missingValues.includes(v) ? null : v)));
      const plain = join(dir, `d${doc}.csv`);
      const gz = join(dir, `d${doc}.csv.gz`);
      await writeFile(plain, text);
      await writeFile(gz, gzipSync(Buffer.from(text)));
      for (const chunkSize of [1, 5, 9, 40]) {
        const opts = { delimiter, chunkSize, batchRows: pick([1, 3, 100]), missingValues };
        for (const path of [plain, gz]) {
          const got: (string | null)[][] = [];
          for await (const b of (await openCsv(path, opts)).batches()) got.push(...batchRows(b));
          expect(got, `${path} chunk ${chunkSize}`).toEqual(expected);
        }
        const segments = await planCsvSegments(plain, 1 + Math.floor(random() * 40));
        const got: (string | null)[][] = [];
        let end = 0;
        for (const segment of segments) {
          if (segment.start !== end) break; // a cut inside a quoted line break: the caller reads in one pass
          const progress = { ...segment, endOffset: -1, lines: 0 };
          for await (const b of readCsvSegment(plain, opts, Array.from({ length: nf }, (_, f) => `c${f}`), progress)) got.push(...batchRows(b));
          end = progress.endOffset;
        }
        if (end === segments[segments.length - 1].end) expect(got, `segments, chunk ${chunkSize}`).toEqual(expected);
      }
    }
  });
});

describe('texts with one hash', () => {
  // Same length, same first 8 bytes, same 32-bit hash (found by search): only the bytes after
  // the first two words tell them apart.
  const a = 'AAAAAAAABBBBCCCC';
  const b = 'AAAAAAAA026DQYdP';
  it('are two texts, quoted or not, in memory and from a file read in small chunks', async () => {
    expect(hashBytes(Buffer.from(b), 0, 16)).toBe(hashBytes(Buffer.from(a), 0, 16));
    const text = `v,w\n${a},1\n${b},2\n"${a}",3\n"${b}",4\n${b},5\n${a},6\n`;
    const expected = [a, b, a, b, b, a];
    const [batch] = parseCsvText(text, { columns: ['v'] }, 100);
    expect(batchRows(batch).map((r) => r[0])).toEqual(expected);
    const path = join(dir, 'collide.csv');
    await writeFile(path, text);
    for (const chunkSize of [1, 7, 16, 1 << 20]) {
      const got: (string | null)[] = [];
      for await (const batch of (await openCsv(path, { chunkSize, columns: ['v'] })).batches()) got.push(...batchRows(batch).map((r) => r[0]));
      expect(got).toEqual(expected);
    }
  });
});

describe('chunkReader', () => {
  it('returns the carry followed by the file bytes at the position, whatever the reads return', async () => {
    const random = rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const file = Buffer.from(Array.from({ length: Math.floor(random() * 200) }, (_, i) => (i * 7 + 3) & 255));
      const short = random() < 0.5;
      const reader: ByteReader = {
        async read(buf, offset, length, position) {
          await new Promise((r) => setImmediate(r));
          let n = Math.max(0, Math.min(length, file.length - position));
          if (short && n > 1) n = 1 + Math.floor(random() * n);
          buf.set(file.subarray(position, position + n), offset);
          return { bytesRead: n };
        },
        async close() {},
      };
      const size = 1 + Math.floor(random() * 30);
      const chunks = chunkReader(reader, size, Math.floor(random() * 12));
      let position = 0;
      let carry: Uint8Array = new Uint8Array(0);
      let carried = Buffer.alloc(0);
      for (;;) {
        const length = 1 + Math.floor(random() * (random() < 0.2 ? 80 : size + 3));
        const result = await chunks.next(carry, length, position);
        expect(result.subarray(0, carried.length).equals(carried)).toBe(true);
        const got = result.length - carried.length;
        expect(got).toBeLessThanOrEqual(length);
        expect(result.subarray(carried.length).equals(file.subarray(position, position + got))).toBe(true);
        position += got;
        if (got === 0) break;
        // The next carry: a view of this result's tail, as the CSV reader keeps its unfinished row.
        carry = result.subarray(result.length - Math.floor(random() * (result.length + 1)));
        carried = Buffer.from(carry);
      }
      expect(position).toBe(file.length);
      await chunks.close();
    }
  });
});
