/**
 * JSON readers: JSON Lines (one object per line; blank lines skipped, CRLF accepted) and JSON
 * arrays of objects (`[{…}, {…}]`, as pandas `to_json(orient="records")` and most APIs write).
 *
 * Columns: the union of the keys of the first batch (`batchRows` objects, 16,384 by default), in
 * order of first appearance — `fieldNames` must be known when the file is opened. A key first seen
 * after that sample is an InputError naming its line (silently dropping data would be worse); a key
 * absent from an object is a null cell. Column kind (`auto`): number when every non-null value of the
 * key in the sample is a JSON number, else string (booleans as `true`/`false`, objects and arrays as
 * their JSON text). Every row keeps the line where its object starts.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/errors.ts';
import { NumberColumnBuilder, StringColumnBuilder, missingSets, ownValue, pushValue } from './columns.ts';
import { countLines, firstInvalidUtf8, invalidUtf8Message, isGzipPath, openByteReader } from './bytes.ts';
import { batchRowsOption, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_ROW_BYTES, sizeText } from './csv.ts';
import type { CsvInternalOptions } from './csv.ts';
import type { ColumnDecoding, RecordBatch, ReadOptions, TableSource } from './types.ts';
import { openForReading } from '../core/fs.ts';
import { jsonSyntaxError, memberNumberText } from './json-syntax.ts';

interface JsonLine {
  value: Record<string, unknown>;
  line: number;
  /**
   * The object's JSON text (a JSONL line; an array element up to the next one), asked for only
   * when a number in it is past the double range: JSON.parse gives Infinity, messages quote the
   * text. Valid until the next record is read.
   */
  source?: () => string;
}

/** Streams the non-blank lines of a file as parsed objects, with their physical line numbers. */
async function* jsonLines(path: string, chunkSize: number, maxLineBytes: number): AsyncGenerator<JsonLine> {
  const fh = await openByteReader(path);
  // One closure for every line: the consumer reads the line's text before asking for the next.
  let current = '';
  const source = (): string => current;
  try {
    let carry: Buffer = Buffer.alloc(0);
    let line = 1;
    let position = 0;
    let first = true;
    for (;;) {
      // `carry` is the start of an unfinished line. Reads grow with it, but never past the longest
      // line accepted (plus a CR whose LF is still to come): a longer line cannot end inside a read
      // unchecked, the test below refuses it unfinished.
      const buf = Buffer.allocUnsafe(Math.min(Math.max(chunkSize, carry.length), Math.max(1, maxLineBytes + 1 - carry.length)));
      const { bytesRead } = await fh.read(buf, 0, buf.length, position);
      position += bytesRead;
      const final = bytesRead === 0;
      let data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      if (first && (data.length >= 3 || final)) {
        first = false;
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      }
      let start = 0;
      for (;;) {
        let nl = data.indexOf(10, start);
        if (nl < 0) {
          if (!final || start >= data.length) break;
          nl = data.length;
        }
        let end = nl;
        if (end > start && data[end - 1] === 13) end--;
        const bytes = data.subarray(start, end);
        if (bytes.indexOf(0) >= 0) throw new InputError('NUL byte in a text file (is this a binary file?)', { file: path, line });
        if (!isUtf8(bytes)) throw new InputError(invalidUtf8Message(bytes[firstInvalidUtf8(bytes, 0, bytes.length)]), { file: path, line });
        const text = bytes.toString('utf8');
        if (text.trim() !== '') {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            throw invalidJson(path, text, error, line, 'line');
          }
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new InputError('each line must be a JSON object', { file: path, line });
          }
          current = text;
          yield { value: value as Record<string, unknown>, line, source };
        }
        line++;
        start = nl + 1;
      }
      if (final) return;
      carry = Buffer.from(data.subarray(start));
      // A line's length leaves out its line break: one byte more is within the limit when it is a CR.
      if (carry.length > maxLineBytes && !(carry.length === maxLineBytes + 1 && carry[maxLineBytes] === 13)) {
        throw new InputError(`line longer than ${sizeText(maxLineBytes)}`, { file: path, line });
      }
    }
  } finally {
    await fh.close();
  }
}

/**
 * The InputError for a JSON text that `JSON.parse` refused, at the fault's line and column: V8's
 * message has no position for a truncated text or an unexpected token, so the text is walked
 * again ({@link jsonSyntaxError}) to place it. `firstLine` is the file's line of the text's start.
 */
function invalidJson(path: string, text: string, error: unknown, firstLine: number, unit: 'file' | 'line'): InputError {
  const fault = jsonSyntaxError(text, unit);
  if (fault) return new InputError(`invalid JSON: ${fault.message}`, { file: path, line: firstLine + fault.line - 1, column: fault.column }, { cause: error });
  // Not reached unless the walk and V8 disagree: keep V8's word, at the last line of the text.
  const lastLine = firstLine + text.trimEnd().split('\n').length - 1;
  return new InputError(`invalid JSON: ${(error as Error).message}`, { file: path, line: lastLine }, { cause: error });
}

/**
 * Largest JSON array file read: it is parsed whole (one JS string; V8 caps strings near 512 MiB).
 * Larger data belongs in JSON Lines, which streams.
 */
export const MAX_JSON_ARRAY_BYTES = 256 << 20;

/** Line (1-based) of byte `offset`. */
const lineAt = (buf: Uint8Array, offset: number): number => 1 + countLines(buf, 0, offset);

/**
 * Byte offsets where the elements of a top-level JSON array start. Strings are skipped with their
 * escapes, so brackets and commas inside them do not count; the text is validated by JSON.parse
 * afterwards, this only places each element on its line.
 */
function elementStarts(buf: Uint8Array, open: number): number[] {
  const starts: number[] = [];
  let depth = 0;
  let expectValue = false;
  for (let i = open; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) {
      if (expectValue) {
        starts.push(i);
        expectValue = false;
      }
      for (i++; i < buf.length && buf[i] !== 0x22; i++) if (buf[i] === 0x5c) i++;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (expectValue && c !== 0x5d) {
      starts.push(i);
      expectValue = false;
    }
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1 && c === 0x5b) expectValue = true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) break;
    } else if (c === 0x2c && depth === 1) expectValue = true;
  }
  return starts;
}

/** The objects of a JSON array file with the line each starts on (the file is read whole). */
async function* jsonArrayRows(path: string): AsyncGenerator<JsonLine> {
  const fh = await openForReading(path);
  let buf: Buffer;
  try {
    const size = (await fh.stat()).size;
    if (size > MAX_JSON_ARRAY_BYTES) {
      throw new InputError(`a JSON array file is read whole, and this one is ${Math.round(size / (1 << 20))} MiB (at most ${MAX_JSON_ARRAY_BYTES >> 20} MiB): write it as JSON Lines (.jsonl), one object per line, which streams`, { file: path });
    }
    buf = await fh.readFile();
  } finally {
    await fh.close();
  }
  if (isGzipPath(path)) {
    try {
      const { gunzipSync } = await import('node:zlib');
      buf = gunzipSync(buf, { maxOutputLength: MAX_JSON_ARRAY_BYTES + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw new InputError(`not a readable gzip file: ${(error as Error).message}`, { file: path }, { cause: error });
      buf = Buffer.alloc(MAX_JSON_ARRAY_BYTES + 1);
    }
    if (buf.length > MAX_JSON_ARRAY_BYTES) throw new InputError(`a JSON array file is read whole, and this one holds more than ${MAX_JSON_ARRAY_BYTES >> 20} MiB: write it as JSON Lines (.jsonl), one object per line, which streams`, { file: path });
  }
  let from = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError('NUL byte in a text file (is this a binary file?)', { file: path, line: lineAt(buf, nul) });
  if (!isUtf8(buf.subarray(from))) {
    const bad = firstInvalidUtf8(buf, from, buf.length);
    throw new InputError(invalidUtf8Message(buf[bad]), { file: path, line: lineAt(buf, bad) });
  }
  while (from < buf.length && (buf[from] === 0x20 || buf[from] === 0x0a || buf[from] === 0x0d || buf[from] === 0x09)) from++;
  if (from === buf.length) throw new InputError('empty file: no JSON array', { file: path, line: 1 });
  if (buf[from] !== 0x5b) throw new InputError('a .json data file must hold one JSON array of objects (use .jsonl for one object per line)', { file: path, line: lineAt(buf, from) });
  let rows: unknown;
  // From the BOM's end, not `from`: the text's lines and columns are then the file's.
  const text = buf.toString('utf8', buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
  try {
    rows = JSON.parse(text);
  } catch (error) {
    throw invalidJson(path, text, error, 1, 'file');
  }
  const items = rows as unknown[];
  const starts = elementStarts(buf, from);
  const placed = starts.length === items.length;
  // The element being consumed (one closure for all; see JsonLine.source).
  let current = 0;
  const source = (): string => buf.toString('utf8', starts[current], current + 1 < starts.length ? starts[current + 1] : buf.length);
  // Lines counted from one element start to the next: one pass over the file, not one per row.
  let line = 1;
  let counted = 0;
  for (let k = 0; k < items.length; k++) {
    const value = items[k];
    if (placed) {
      line += countLines(buf, counted, starts[k]);
      counted = starts[k];
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError(`element ${k + 1} of the array is not a JSON object`, { file: path, ...(placed ? { line } : {}) });
    }
    current = k;
    yield { value: value as Record<string, unknown>, line: placed ? line : 0, source: placed ? source : undefined };
  }
}


/** Opens a JSONL file: reads the first batch to learn the keys and kinds (see module comment). */
export async function openJsonl(path: string, opts: ReadOptions & CsvInternalOptions = {}): Promise<TableSource> {
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const maxLineBytes = opts.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  return openRecords(path, 'jsonl', opts, () => jsonLines(path, chunkSize, maxLineBytes));
}

/** Opens a JSON array file (see module comment); rows keep the line their object starts on. */
export async function openJsonArray(path: string, opts: ReadOptions = {}): Promise<TableSource> {
  return openRecords(path, 'json', opts, () => jsonArrayRows(path));
}

/** Columns from the first batch of records, then batches of typed columns (see module comment). */
async function openRecords(path: string, format: 'jsonl' | 'json', opts: ReadOptions, records: () => AsyncGenerator<JsonLine>): Promise<TableSource> {
  const batchRows = batchRowsOption(opts.batchRows);
  const keys: string[] = [];
  const seen = new Set<string>();
  const numeric = new Map<string, boolean>();
  const anyNumber = new Set<string>();
  let count = 0;
  for await (const { value } of records()) {
    for (const [k, v] of Object.entries(value)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
        numeric.set(k, true);
      }
      if (typeof v === 'number') anyNumber.add(k);
      else if (v !== null) numeric.set(k, false);
    }
    if (++count >= batchRows) break;
  }
  if (count === 0) throw new InputError(format === 'json' ? 'empty array: no JSON object' : 'empty file: no JSON object', { file: path, line: 1 });
  const names = opts.columns ?? keys;
  for (const name of names) if (!seen.has(name)) throw new InputError(`column ${JSON.stringify(name)} is not in the data`, { file: path, key: name });
  const missingFor = missingSets(names, opts);
  const kinds = names.map((name) => {
    const decoding: ColumnDecoding = ownValue(opts.decoding, name) ?? opts.defaultDecoding ?? 'auto';
    // An all-null sample column is text.
    return decoding === 'auto' || decoding === 'detect' ? (numeric.get(name) && anyNumber.has(name) ? 'number' : 'string') : decoding;
  });
  return {
    path,
    format,
    fieldNames: keys,
    async *batches(): AsyncGenerator<RecordBatch> {
      let rowOffset = 0;
      let emitted = 0;
      let lines: number[] = [];
      let builders = newBuilders();
      function newBuilders(): (NumberColumnBuilder | StringColumnBuilder)[] {
        return names.map((name, k) => (kinds[k] === 'number' ? new NumberColumnBuilder(name, 1024) : new StringColumnBuilder(name, 1024)));
      }
      const finish = (): RecordBatch => {
        const batch: RecordBatch = { length: lines.length, rowOffset, lines: Float64Array.from(lines), columns: builders.map((b) => b.finish()) };
        rowOffset += lines.length;
        lines = [];
        builders = newBuilders();
        emitted++;
        return batch;
      };
      const numberColumns = kinds.flatMap((kind, k) => (kind === 'number' ? [k] : []));
      for await (const { value, line, source } of records()) {
        for (const k of Object.keys(value)) {
          // Asked for some columns only: a key first seen later is one of the others, not read.
          if (!seen.has(k) && opts.columns === undefined) throw new InputError(`key ${JSON.stringify(k)} does not appear in the first ${batchRows} rows (the columns are fixed by them)`, { file: path, line, key: k });
        }
        names.forEach((name, k) => {
          // An absent key is a null cell: `value.constructor` of a row without that key would be
          // Object's (a key named like an Object.prototype member: constructor, toString, …).
          const v = Object.hasOwn(value, name) ? value[name] : null;
          // An integer past 2^53 read as text keeps the digits written (JSON.parse rounded them to
          // a double: 1234567890123456789 became …800), so ids stay distinct; rare, found in the
          // object's JSON as an infinity's text is.
          if (kinds[k] === 'string' && typeof v === 'number' && !Number.isSafeInteger(v) && Number.isInteger(v) && source !== undefined) {
            const text = memberNumberText(source(), name);
            if (text !== undefined && /^-?\d+$/.test(text)) {
              (builders[k] as StringColumnBuilder).push(missingFor[k].has(text) ? null : text);
              return;
            }
          }
          pushValue(builders[k], v, missingFor[k]);
        });
        // A JSON number past the double range (`1e400`) parsed to ±Infinity: its text, for messages,
        // is found in the object's JSON (rare; one counter test per number column otherwise).
        if (source !== undefined) {
          for (const k of numberColumns) {
            const b = builders[k] as NumberColumnBuilder;
            if (b.untexted !== 0) b.textLastInfinity(memberNumberText(source(), names[k]));
          }
        }
        lines.push(line);
        if (lines.length === batchRows) yield finish();
      }
      if (lines.length > 0 || emitted === 0) yield finish();
    },
  };
}
