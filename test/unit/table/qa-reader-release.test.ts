import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseNumberText } from '../../../src/table/columns.ts';
import { StringDecoder } from '../../../src/table/csv-decode.ts';
import { alignSegments, planCsvSegments, readCsvSegment, type SegmentProgress } from '../../../src/table/csv.ts';
import { openTable } from '../../../src/table/index.ts';
import { temporalText } from '../../../src/table/temporal.ts';
import type { Column, ColumnDecoding, RecordBatch } from '../../../src/table/types.ts';

// The CSV reader against csv-parse, with tiny reads (rows, quotes, CRLF and UTF-8 sequences split
// across reads, gzip through the read-ahead), tiny batches, and consumers that release batches in
// several patterns: every cell must read as the reference says, when the batch is read and, for
// batches never released, still at the end (the pool must never hand out an array in use).

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa-reader-release-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Kind = 'number' | 'detect' | 'string' | 'date' | 'datetime';

const NUMBERS = ['0', '1', '-3', '12.5', '-0.25', '007', '-0', '1e5', '1.5E-3', '+3', '.5', '5.', '123456789012345', '1234567890123456789', ' 7', 'NaN', 'INF', '-Infinity', '1e400', '3.000', '0.10'];
const TEXTS = ['abc', 'é', '€x', '😀', '\x7f', 'a,b', 'q"q', 'line\nbreak', 'cr\r\nlf', 'NA', 'x y', '-', 'zz\x7f'];
const DATES = ['2024-01-05', '2024-02-29', '2023-02-29', '2024-13-01', '1999-12-31'];
const TIMES = [
  '2024-01-05T10:20:30Z', '2024-01-05T10:20:30.123456Z', '2024-01-05T23:59:59.999999Z', '2024-01-05 10:20:30.1234567+02:00',
  '2024-01-05T10:20:60Z', '2024-01-05T10:20:30.12345Z', '2024-01-05T10:20:30.5Z', '2024-01-05T10:20:30', '2024-03-01T00:00:00.000001-05:30',
];

function cellArb(kind: Kind): fc.Arbitrary<string> {
  const own = kind === 'number' || kind === 'detect' ? NUMBERS : kind === 'date' ? DATES : kind === 'datetime' ? TIMES : TEXTS;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...own) },
    { weight: 5, arbitrary: fc.constantFrom('', '', 'NA') },
    { weight: 1, arbitrary: fc.constantFrom(...TEXTS, ...NUMBERS) },
    { weight: 2, arbitrary: fc.integer({ min: -99999, max: 99999 }).map((n) => String(n / 100)) },
  );
}

interface Case {
  kinds: Kind[];
  rows: string[][];
  quote: boolean[];
  crlf: boolean;
  bom: boolean;
  trailingNewline: boolean;
  gzip: boolean;
  chunkSize: number;
  batchRows: number;
  missing: 'default' | 'na' | 'field';
  release: 'none' | 'each' | 'lag' | 'some' | 'double';
  delimiter: string;
}

const caseArb: fc.Arbitrary<Case> = fc
  .array(fc.constantFrom<Kind>('number', 'detect', 'string', 'date', 'datetime'), { minLength: 2, maxLength: 5 })
  .chain((kinds) =>
    fc.record({
      kinds: fc.constant(kinds),
      rows: fc.array(fc.tuple(...kinds.map(cellArb)), { maxLength: 40 }),
      quote: fc.array(fc.boolean(), { minLength: 37, maxLength: 37 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      trailingNewline: fc.boolean(),
      gzip: fc.boolean(),
      chunkSize: fc.integer({ min: 1, max: 70 }),
      batchRows: fc.integer({ min: 1, max: 7 }),
      missing: fc.constantFrom<Case['missing']>('default', 'na', 'field'),
      release: fc.constantFrom<Case['release']>('none', 'each', 'lag', 'some', 'double'),
      delimiter: fc.constantFrom(',', ',', ';', '\t', '|'),
    }),
  );

function csvText(c: Case): string {
  const eol = c.crlf ? '\r\n' : '\n';
  let q = 0;
  const encode = (cell: string): string => {
    const needs = /["\r\n]/.test(cell) || cell.includes(c.delimiter) || (cell === '' && c.kinds.length === 1);
    return needs || c.quote[q++ % c.quote.length] ? `"${cell.replaceAll('"', '""')}"` : cell;
  };
  const lines = [c.kinds.map((_, f) => `c${f}`).join(c.delimiter), ...c.rows.map((r) => r.map(encode).join(c.delimiter))];
  return (c.bom ? '\ufeff' : '') + lines.join(eol) + (c.trailingNewline ? eol : '');
}

/** A cell as the reader hands it out: null, ['text', s] for text kept as text, ['num', n] for a number. */
type View = null | ['text', string] | ['num', string];

function numberKey(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

function view(col: Column, i: number): View {
  if (col.kind === 'string') {
    const code = col.codes[i];
    return code < 0 ? null : ['text', col.dictionary[code]];
  }
  if (col.nulls[i] === 1) return null;
  const bad = col.invalid.find((x) => x.index === i);
  if (bad !== undefined) {
    if (!Number.isNaN(col.values[i])) throw new Error(`invalid cell ${i} has value ${col.values[i]}`);
    return ['text', bad.text];
  }
  if (col.detected) return ['text', col.values[i].toFixed(col.fractionDigits![i])];
  if (col.temporal) return ['text', temporalText(col.values[i], col.temporal, col.subMilliseconds?.[i] ?? 0)];
  return ['num', numberKey(col.values[i])];
}

function expected(kind: Kind, text: string, missing: string[]): View {
  if (missing.includes(text)) return null;
  if (kind !== 'number') return ['text', text];
  const v = parseNumberText(text);
  return v === undefined ? ['text', text] : ['num', numberKey(v)];
}

function snapshot(batch: RecordBatch): View[][] {
  const rows: View[][] = [];
  for (let i = 0; i < batch.length; i++) rows.push(batch.columns.map((col) => view(col, i)));
  return rows;
}

/** What else a consumer may read of a batch: its lines, and the dictionary bytes of ASCII text columns (checked against the strings). */
function extras(batch: RecordBatch): unknown {
  const bytes = batch.columns.map((col) => {
    if (col.kind !== 'string' || col.bytes === undefined) return null;
    const { data, starts, lengths } = col.bytes;
    const entries = Array.from(starts, (s, d) => Buffer.from(data.subarray(s, s + lengths[d])).toString('utf8'));
    if (!data.every((b) => b < 0x80)) throw new Error(`non-ASCII bytes in ${col.name}`);
    if (entries.some((e, d) => e !== col.dictionary[d])) throw new Error(`bytes and dictionary differ in ${col.name}`);
    return entries.join('\u0000');
  });
  return { lines: [...batch.lines], bytes };
}

let fileNo = 0;

function readOptions(c: Case, names: string[]) {
  const decoding: Record<string, ColumnDecoding> = {};
  const temporal: Record<string, 'date' | 'datetime'> = {};
  c.kinds.forEach((k, f) => {
    decoding[`c${f}`] = k === 'number' ? 'number' : k === 'detect' ? 'detect' : 'string';
    if (k === 'date' || k === 'datetime') temporal[`c${f}`] = k;
  });
  return {
    delimiter: c.delimiter,
    chunkSize: c.chunkSize,
    batchRows: c.batchRows,
    decoding,
    temporal,
    ...(c.missing === 'na' ? { missingValues: missingFor(c, 0) } : {}),
    ...(c.missing === 'field' ? { fieldMissingValues: Object.fromEntries(names.map((n, f) => [n, missingFor(c, f)])) } : {}),
  };
}

function missingFor(c: Case, f: number): string[] {
  return c.missing === 'default' ? [''] : c.missing === 'na' ? ['', 'NA', '2024-01-05', '2024-01-05T10:20:30.123456Z'] : f % 2 === 0 ? ['NA', '2024-02-29'] : [''];
}

/** Reads batches as the case's consumer does; returns the cells as read, and checks kept batches at the end. */
async function consume(c: Case, batches: AsyncIterable<RecordBatch>, lines: number[] = []): Promise<View[][]> {
  const kept: Array<{ batch: RecordBatch; seen: View[][]; more: unknown }> = [];
  const got: View[][] = [];
  let previous: RecordBatch | null = null;
  let k = 0;
  for await (const batch of batches) {
    const seen = snapshot(batch);
    const more = extras(batch);
    got.push(...seen);
    lines.push(...batch.lines.subarray(0, batch.length));
    if (c.release === 'each') batch.release?.();
    else if (c.release === 'double') {
      batch.release?.();
      batch.release?.();
    } else if (c.release === 'lag') {
      previous?.release?.();
      previous = batch;
    } else if (c.release === 'some' && k % 2 === 0) batch.release?.();
    else kept.push({ batch, seen, more });
    k++;
  }
  // Batches the consumer kept read as they did when they were read.
  for (const { batch, seen, more } of kept) {
    expect(snapshot(batch)).toEqual(seen);
    expect(extras(batch)).toEqual(more);
  }
  return got;
}

function referenceRows(c: Case, text: string): { names: string[]; want: View[][] } {
  const reference = parse(text, { bom: true, skip_empty_lines: true, relax_quotes: true, record_delimiter: c.crlf ? '\r\n' : '\n', delimiter: c.delimiter }) as string[][];
  const body = reference.slice(1);
  return { names: reference[0], want: body.map((row) => row.map((cell, f) => expected(c.kinds[f], cell, missingFor(c, f)))) };
}

/** The physical line each data row starts on (rows hold line breaks only inside quoted cells). */
function startLines(c: Case): number[] {
  let line = 2;
  return c.rows.map((row) => {
    const start = line;
    line += 1 + row.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
    return start;
  });
}

async function checkSegments(c: Case, segmentBytes: number): Promise<void> {
  const text = csvText(c);
  const path = join(dir, `s${fileNo++}.csv`);
  await writeFile(path, text);
  const { names, want } = referenceRows(c, text);
  const segments = await planCsvSegments(path, segmentBytes);
  const outcomes = [];
  for (const { start, end } of segments) {
    const progress: SegmentProgress = { start, end, endOffset: -1, lines: 0 };
    try {
      const lines: number[] = [];
      const rows = await consume(c, readCsvSegment(path, readOptions(c, names), names, progress), lines);
      outcomes.push({ ok: true as const, value: { rows, rowLines: lines, endOffset: progress.endOffset, lines: progress.lines } });
    } catch (error) {
      outcomes.push({ ok: false as const, error: error as Error });
    }
  }
  const aligned = alignSegments(segments, outcomes);
  if (aligned === null) {
    // Only a quoted line break may straddle a cut.
    expect(text).toMatch(/"[^"]*\n/);
    return;
  }
  expect(aligned.flatMap(({ value }) => value.rows)).toEqual(want);
  expect(aligned.flatMap(({ value, lineOffset }) => value.rowLines.map((l) => l + lineOffset))).toEqual(startLines(c));
  // Every line break of the file is counted once.
  const lines = aligned.reduce((n, { value }) => n + value.lines, 0);
  expect(lines).toBe(text.split('\n').length - 1 + (c.trailingNewline ? 0 : 1));
}

async function check(c: Case): Promise<void> {
  const text = csvText(c);
  const path = join(dir, `f${fileNo++}.csv${c.gzip ? '.gz' : ''}`);
  await writeFile(path, c.gzip ? gzipSync(Buffer.from(text)) : text);
  const { names, want } = referenceRows(c, text);
  const source = await openTable(path, readOptions(c, names));
  expect(source.fieldNames).toEqual(names);
  const lines: number[] = [];
  expect(await consume(c, source.batches(), lines)).toEqual(want);
  expect(lines).toEqual(startLines(c));
}

describe('CSV reader with release, read-ahead and tiny reads vs csv-parse', () => {
  it('reads every cell as the reference, whatever is released', async () => {
    await fc.assert(fc.asyncProperty(caseArb, check), { seed: 1201, numRuns: 250 });
  }, 60_000);
});

describe('CSV segments with release and tiny reads vs csv-parse', () => {
  it('reads the rows of aligned segments as the reference', async () => {
    await fc.assert(fc.asyncProperty(caseArb.map((c) => ({ ...c, gzip: false })), fc.integer({ min: 1, max: 80 }), checkSegments), { seed: 1202, numRuns: 150 });
  }, 60_000);
});

describe('detect columns that turn to text within a batch, with release', () => {
  it('reads as the reference before, at and after the switch', async () => {
    // Deterministic: numbers and nulls first, then enough text cells (> 256) for the switch within
    // the batch; quoted cells in later fields send rows to the general path after inline fields.
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const rows: string[][] = [];
    for (let r = 0; r < 2600; r++) {
      const phase = r % 1000;
      const det = phase < 300 ? (rnd(4) === 0 ? '' : String(rnd(1000) / 10)) : rnd(6) === 0 ? '' : rnd(3) !== 0 ? `t${rnd(50)}` : String(rnd(100));
      const num = rnd(5) === 0 ? '' : rnd(7) === 0 ? 'NA' : String(rnd(100000) / 100);
      const time = rnd(6) === 0 ? '' : `2024-01-0${1 + rnd(9)}T10:20:3${rnd(10)}.${String(rnd(1000000)).padStart(6, '0')}Z`;
      const str = rnd(9) === 0 ? 'é' : `s${rnd(30)}`;
      rows.push([det, num, time, str]);
    }
    const quote = Array.from({ length: 37 }, (_, k) => k % 11 === 3);
    const adopt = vi.spyOn(StringDecoder.prototype, 'adoptDetected');
    for (const release of ['none', 'each', 'lag', 'some'] as const) {
      await check({ kinds: ['detect', 'number', 'datetime', 'string'], rows, quote, crlf: release === 'lag', bom: false, trailingNewline: true, gzip: release === 'some', chunkSize: 997, batchRows: 1000, missing: 'na', release, delimiter: ',' });
    }
    // The switch within the first batch happened, once per read.
    expect(adopt).toHaveBeenCalledTimes(4);
    adopt.mockRestore();
  }, 20_000);
});
