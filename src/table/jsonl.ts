/**
 * JSON Lines reader: one JSON object per line (blank lines skipped, CRLF accepted).
 *
 * Columns: the union of the keys of the first batch (`batchRows` objects, 16,384 by default), in
 * order of first appearance — `fieldNames` must be known when the file is opened. A key first seen
 * after that sample is an InputError naming its line (silently dropping data would be worse); a key
 * absent from an object is a null cell. Column kind (`auto`): number when every non-null value of the
 * key in the sample is a JSON number, else string (booleans as `true`/`false`, objects and arrays as
 * their JSON text).
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/errors.ts';
import { NumberColumnBuilder, StringColumnBuilder } from './columns.ts';
import { batchRowsOption, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_ROW_BYTES } from './csv.ts';
import type { CsvInternalOptions } from './csv.ts';
import type { ColumnDecoding, RecordBatch, ReadOptions, TableSource } from './types.ts';
import { openForReading } from '../core/fs.ts';

interface JsonLine {
  value: Record<string, unknown>;
  line: number;
}

/** Streams the non-blank lines of a file as parsed objects, with their physical line numbers. */
async function* jsonLines(path: string, chunkSize: number, maxLineBytes: number): AsyncGenerator<JsonLine> {
  const fh = await openForReading(path);
  try {
    let carry: Buffer = Buffer.alloc(0);
    let line = 1;
    let position = 0;
    let first = true;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(chunkSize, carry.length));
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
        if (!isUtf8(bytes)) throw new InputError('invalid UTF-8 byte sequence', { file: path, line });
        const text = bytes.toString('utf8');
        if (text.trim() !== '') {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            throw new InputError(`invalid JSON: ${(error as Error).message}`, { file: path, line });
          }
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new InputError('each line must be a JSON object', { file: path, line });
          }
          yield { value: value as Record<string, unknown>, line };
        }
        line++;
        start = nl + 1;
      }
      if (final) return;
      carry = Buffer.from(data.subarray(start));
      if (carry.length > maxLineBytes) throw new InputError(`line longer than ${maxLineBytes} bytes`, { file: path, line });
    }
  } finally {
    await fh.close();
  }
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Opens a JSONL file: reads the first batch to learn the keys and kinds (see module comment). */
export async function openJsonl(path: string, opts: ReadOptions & CsvInternalOptions = {}): Promise<TableSource> {
  const batchRows = batchRowsOption(opts.batchRows);
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const maxLineBytes = opts.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const keys: string[] = [];
  const seen = new Set<string>();
  const numeric = new Map<string, boolean>();
  const anyNumber = new Set<string>();
  let count = 0;
  for await (const { value } of jsonLines(path, chunkSize, maxLineBytes)) {
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
  if (count === 0) throw new InputError('empty file: no JSON object', { file: path, line: 1 });
  const names = opts.columns ?? keys;
  for (const name of names) if (!seen.has(name)) throw new InputError(`column ${JSON.stringify(name)} is not in the data`, { file: path, key: name });
  const missing = new Set(opts.missingValues ?? ['']);
  const kinds = names.map((name) => {
    const decoding: ColumnDecoding = opts.decoding?.[name] ?? opts.defaultDecoding ?? 'auto';
    // An all-null sample column is text.
    return decoding === 'auto' || decoding === 'detect' ? (numeric.get(name) && anyNumber.has(name) ? 'number' : 'string') : decoding;
  });
  return {
    path,
    format: 'jsonl',
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
      for await (const { value, line } of jsonLines(path, chunkSize, maxLineBytes)) {
        for (const k of Object.keys(value)) {
          if (!seen.has(k)) throw new InputError(`key ${JSON.stringify(k)} does not appear in the first ${batchRows} rows (the columns are fixed by them)`, { file: path, line, key: k });
        }
        names.forEach((name, k) => {
          const v = value[name];
          const b = builders[k];
          if (b instanceof NumberColumnBuilder) {
            if (v === null || v === undefined) b.pushNull();
            else if (typeof v === 'number') b.pushNumber(v);
            else {
              const text = textOf(v);
              if (missing.has(text)) b.pushNull();
              else if (typeof v === 'string') b.pushText(text);
              else b.pushInvalid(text);
            }
          } else if (v === null || v === undefined) b.push(null);
          else {
            const text = textOf(v);
            b.push(missing.has(text) ? null : text);
          }
        });
        lines.push(line);
        if (lines.length === batchRows) yield finish();
      }
      if (lines.length > 0 || emitted === 0) yield finish();
    },
  };
}
