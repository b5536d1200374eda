/**
 * Column helpers shared by every reader and every consumer: builders that turn JS values into
 * typed batch columns (JSONL, Parquet, Arrow), and accessors (`cellText`, `columnNumbers`,
 * `columnStrings`) that let a consumer read any column without caring how it was decoded.
 */
import { constants } from 'node:buffer';
import type { Column, ColumnDecoding, DictionaryBytes, InvalidCell, NumberColumn, NumberForm, ReadOptions, RecordBatch, StringColumn, Table } from './types.ts';

/**
 * `record[key]` when the record has that key itself: per-column options (`decoding`, `temporal`,
 * `fieldMissingValues`, `numberForms`) are plain objects, and a column named `constructor` or
 * `toString` would otherwise find Object.prototype's member and be read as configured by it.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** V8's longest string: a lazy dictionary's bytes longer than this are decoded entry by entry. */
const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;

/**
 * A StringColumn over ASCII dictionary bytes whose `dictionary` is decoded on first read, then
 * kept (or replaced by assignment). Mostly-distinct text (ids, hashes) then costs no string
 * allocation per cell for consumers that only read the bytes.
 */
export function lazyStringColumn(name: string, codes: Int32Array, bytes: DictionaryBytes): StringColumn {
  const col = { kind: 'string', name, codes } as StringColumn;
  const settle = (dictionary: string[]): void => {
    Object.defineProperty(col, 'dictionary', { value: dictionary, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(col, 'dictionary', {
    enumerable: true,
    configurable: true,
    get(): string[] {
      const { data, starts, lengths } = bytes;
      const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const dictionary = new Array<string>(starts.length);
      if (data.byteLength <= MAX_STRING_LENGTH) {
        // One latin1 decode of the used range, then substrings: cheaper than a decode per entry.
        const all = buf.toString('latin1');
        for (let d = 0; d < starts.length; d++) dictionary[d] = all.substring(starts[d], starts[d] + lengths[d]);
      } else {
        // Bytes longer than a string may be (a few rows of huge documents): one decode per entry.
        for (let d = 0; d < starts.length; d++) dictionary[d] = buf.toString('latin1', starts[d], starts[d] + lengths[d]);
      }
      settle(dictionary);
      return dictionary;
    },
    set: settle,
  });
  Object.defineProperty(col, 'bytes', { value: bytes, enumerable: false });
  return col;
}

/** Strict decimal number syntax accepted when a text cell is read as a number (after trimming). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a number the way every reader does for text cells: plain decimal or exponent notation,
 * surrounding blanks allowed, plus `NaN`, `INF`/`-INF`, `Infinity`/`-Infinity` (Table Schema
 * spells the special values that way). Returns `undefined` when the text is not a number, so the
 * caller can record it as an invalid cell. Hex, `0b…`, and empty text are NOT numbers here, unlike
 * JavaScript's `Number()`.
 */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  switch (t) {
    case 'NaN':
      return Number.NaN;
    case 'INF':
    case 'Infinity':
    case '+INF':
    case '+Infinity':
      return Number.POSITIVE_INFINITY;
    case '-INF':
    case '-Infinity':
      return Number.NEGATIVE_INFINITY;
    default:
      return undefined;
  }
}

/** Leading / trailing characters that cannot belong to a number (currency, percent, units). */
const NOT_NUMBER_EDGES = /^[^0-9+\-.,]+|[^0-9.,]+$/g;

/**
 * Brings a number written in a local form back to plain digits: drops what surrounds it
 * (`bareNumber: false`), removes the group marks, turns the decimal mark into `.`. Undefined when
 * a `.` remains beside a decimal comma: that text is ambiguous, and rejecting beats misreading.
 */
export function plainNumberText(text: string, form: NumberForm): string | undefined {
  let t = form.bareNumber === false ? text.trim().replace(NOT_NUMBER_EDGES, '') : text;
  if (form.groupChar !== undefined) t = t.split(form.groupChar).join('');
  const decimal = form.decimalChar ?? '.';
  if (decimal !== '.') {
    if (t.includes('.')) return undefined;
    t = t.split(decimal).join('.');
  }
  return t;
}

/** A number written in `form`, or undefined when the text is not one. */
export function parseLocalNumber(text: string, form: NumberForm): number | undefined {
  const plain = plainNumberText(text, form);
  return plain === undefined ? undefined : parseNumberText(plain);
}

/**
 * The batch with the `forms` columns turned from text into numbers (each distinct text parsed
 * once); a text that does not parse is an `invalid` cell, as the readers record one.
 */
export function applyNumberForms(batch: RecordBatch, forms: Record<string, NumberForm>): RecordBatch {
  let changed = false;
  const columns = batch.columns.map((col): Column => {
    const form = ownValue(forms, col.name);
    if (form === undefined || col.kind !== 'string') return col;
    changed = true;
    const parsed = col.dictionary.map((text) => parseLocalNumber(text, form));
    const values = new Float64Array(batch.length);
    const nulls = new Uint8Array(batch.length);
    const invalid: InvalidCell[] = [];
    const written: InvalidCell[] = [];
    for (let i = 0; i < batch.length; i++) {
      const code = col.codes[i];
      if (code < 0) {
        values[i] = Number.NaN;
        nulls[i] = 1;
        continue;
      }
      const v = parsed[code];
      if (v === undefined) {
        values[i] = Number.NaN;
        invalid.push({ index: i, text: col.dictionary[code] });
      } else {
        values[i] = v;
        if (isInfinite(v)) written.push({ index: i, text: col.dictionary[code] });
      }
    }
    return { kind: 'number', name: col.name, values, nulls, invalid, ...(written.length > 0 ? { written } : {}) };
  });
  return changed ? { ...batch, columns } : batch;
}

/**
 * The options a reader runs with when some columns have a number form: those columns decoded as
 * `decoding` (`string` for CSV, all text; `auto` elsewhere, so native numbers stay numbers), then
 * converted by {@link applyNumberForms}; everything else as asked.
 */
export function decodeNumberFormsAs<T extends ReadOptions>(opts: T, decoding: 'string' | 'auto'): T {
  const forms = opts.numberForms;
  if (!forms || Object.keys(forms).length === 0) return opts;
  // fromEntries: own keys, so a column named `__proto__` is a column.
  const columns: Record<string, ColumnDecoding> = Object.fromEntries([...Object.entries(opts.decoding ?? {}), ...Object.keys(forms).map((name) => [name, decoding] as const)]);
  return { ...opts, decoding: columns };
}

/** `batches` with the number-form columns converted; the very same stream without forms (no extra async layer per batch). */
export function withNumberForms(batches: AsyncIterable<RecordBatch>, forms: Record<string, NumberForm> | undefined): AsyncIterable<RecordBatch> {
  if (!forms || Object.keys(forms).length === 0) return batches;
  return convertNumberForms(batches, forms);
}

async function* convertNumberForms(batches: AsyncIterable<RecordBatch>, forms: Record<string, NumberForm>): AsyncIterable<RecordBatch> {
  for await (const batch of batches) yield applyNumberForms(batch, forms);
}

/** Builds a dictionary-encoded string column from JS strings (null = missing). */
export class StringColumnBuilder {
  private codes: Int32Array;
  private dictionary: string[] = [];
  private index = new Map<string, number>();
  private lastValue: string | null = null;
  private lastCode = -1;
  private length = 0;
  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.codes = new Int32Array(capacity);
  }
  push(value: string | null): void {
    if (this.length === this.codes.length) this.grow();
    if (value === null) {
      this.codes[this.length++] = -1;
      return;
    }
    // Runs of one value (sorted or clustered data) skip the map.
    if (value === this.lastValue) {
      this.codes[this.length++] = this.lastCode;
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(value);
      this.index.set(value, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    this.codes[this.length++] = code;
  }
  private grow(): void {
    const next = new Int32Array(Math.max(16, this.codes.length * 2));
    next.set(this.codes);
    this.codes = next;
  }
  finish(): StringColumn {
    return { kind: 'string', name: this.name, codes: this.codes.slice(0, this.length), dictionary: this.dictionary };
  }
}

/** ±Infinity: a value whose cell keeps its text (NumberColumn.written). */
export const isInfinite = (v: number): boolean => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;

/**
 * Builds a number column; text that is not a number is kept as an invalid cell, and the text of
 * one read as ±Infinity in `written`.
 */
export class NumberColumnBuilder {
  private values: Float64Array;
  private nulls: Uint8Array;
  private invalid: InvalidCell[] = [];
  private written: InvalidCell[] = [];
  private length = 0;
  /**
   * 1 once an infinity is pushed without its text, until {@link textLastInfinity} (called right
   * after the row, by a reader that can find the text) clears it.
   */
  untexted = 0;
  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity);
    this.nulls = new Uint8Array(capacity);
  }
  private ensure(): void {
    if (this.length < this.values.length) return;
    const size = Math.max(16, this.values.length * 2);
    const values = new Float64Array(size);
    values.set(this.values);
    const nulls = new Uint8Array(size);
    nulls.set(this.nulls);
    this.values = values;
    this.nulls = nulls;
  }
  /** A number; `text`, when known, is how an infinite one was written (`1e400`, `INF`). */
  pushNumber(value: number, text?: string): void {
    this.ensure();
    if (isInfinite(value)) {
      if (text !== undefined) this.written.push({ index: this.length, text });
      else this.untexted = 1;
    }
    this.values[this.length++] = value;
  }
  /** The text of the last value pushed, an infinity pushed without one (a JSON number, parsed before its text was known). */
  textLastInfinity(text: string | undefined): void {
    if (this.untexted === 0) return;
    this.untexted = 0;
    if (text !== undefined) this.written.push({ index: this.length - 1, text });
  }
  pushNull(): void {
    this.ensure();
    this.values[this.length] = Number.NaN;
    this.nulls[this.length++] = 1;
  }
  /** A non-number value: NaN, listed in `invalid` with its text. */
  pushInvalid(text: string): void {
    this.ensure();
    this.values[this.length] = Number.NaN;
    this.invalid.push({ index: this.length, text });
    this.length++;
  }
  /** Parses text with {@link parseNumberText}. */
  pushText(text: string): void {
    const value = parseNumberText(text);
    if (value === undefined) this.pushInvalid(text);
    else this.pushNumber(value, text);
  }
  finish(): NumberColumn {
    return {
      kind: 'number',
      name: this.name,
      values: this.values.slice(0, this.length),
      nulls: this.nulls.slice(0, this.length),
      invalid: this.invalid,
      ...(this.written.length > 0 ? { written: this.written } : {}),
    };
  }
}

/** Finds the invalid cell at row `i` (invalid cells are sorted by index). */
function findInvalid(invalid: InvalidCell[], i: number): InvalidCell | undefined {
  let lo = 0;
  let hi = invalid.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = invalid[mid].index;
    if (at === i) return invalid[mid];
    if (at < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The text of cell `i`: the dictionary value for strings; for numbers the original text of an
 * invalid cell, or the shortest round-trip decimal of the value. `null` for a null cell.
 */
export function cellText(col: Column, i: number): string | null {
  if (col.kind === 'string') {
    const code = col.codes[i];
    return code < 0 ? null : col.dictionary[code];
  }
  if (col.nulls[i] === 1) return null;
  const value = col.values[i];
  if (Number.isNaN(value)) {
    const bad = findInvalid(col.invalid, i);
    if (bad) return bad.text;
  }
  return String(value);
}

/**
 * The column as numbers, NaN for null or non-numeric cells. A number column returns its own
 * `values` array (do not mutate it); a string column parses each distinct value once.
 */
export function columnNumbers(col: Column): Float64Array {
  if (col.kind === 'number') return col.values;
  const parsed = new Float64Array(col.dictionary.length);
  for (let d = 0; d < col.dictionary.length; d++) parsed[d] = parseNumberText(col.dictionary[d]) ?? Number.NaN;
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = col.codes[i];
    out[i] = code < 0 ? Number.NaN : parsed[code];
  }
  return out;
}

/** The column as text cells, `null` for null cells (see {@link cellText}). */
export function columnStrings(col: Column): (string | null)[] {
  const n = col.kind === 'string' ? col.codes.length : col.values.length;
  const out = new Array<string | null>(n);
  if (col.kind === 'string') {
    for (let i = 0; i < n; i++) {
      const code = col.codes[i];
      out[i] = code < 0 ? null : col.dictionary[code];
    }
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = cellText(col, i);
  return out;
}

/** Number of rows held by a column. */
export function columnLength(col: Column): number {
  return col.kind === 'string' ? col.codes.length : col.values.length;
}

/**
 * Concatenates batches into one {@link Table}. String dictionaries are merged (codes remapped) so
 * the table has one dictionary per column; invalid and written cells' indexes are shifted to table rows.
 */
export function concatBatches(path: string, fieldNames: string[], batches: RecordBatch[]): Table {
  let length = 0;
  for (const b of batches) length += b.length;
  const lines = new Float64Array(length);
  let at = 0;
  for (const b of batches) {
    lines.set(b.lines, at);
    at += b.length;
  }
  const columns: Column[] = [];
  const width = batches.length > 0 ? batches[0].columns.length : 0;
  for (let c = 0; c < width; c++) {
    const first = batches[0].columns[c];
    if (first.kind === 'number') {
      const values = new Float64Array(length);
      const nulls = new Uint8Array(length);
      const invalid: InvalidCell[] = [];
      const written: InvalidCell[] = [];
      let off = 0;
      for (const b of batches) {
        const col = b.columns[c] as NumberColumn;
        values.set(col.values, off);
        nulls.set(col.nulls, off);
        for (const cell of col.invalid) invalid.push({ index: cell.index + off, text: cell.text });
        for (const cell of col.written ?? []) written.push({ index: cell.index + off, text: cell.text });
        off += b.length;
      }
      columns.push({ kind: 'number', name: first.name, values, nulls, invalid, ...(written.length > 0 ? { written } : {}) });
    } else {
      const codes = new Int32Array(length);
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      let off = 0;
      for (const b of batches) {
        const col = b.columns[c] as StringColumn;
        const remap = new Int32Array(col.dictionary.length);
        for (let d = 0; d < col.dictionary.length; d++) {
          const value = col.dictionary[d];
          let code = index.get(value);
          if (code === undefined) {
            code = dictionary.length;
            dictionary.push(value);
            index.set(value, code);
          }
          remap[d] = code;
        }
        for (let i = 0; i < col.codes.length; i++) {
          const code = col.codes[i];
          codes[off + i] = code < 0 ? -1 : remap[code];
        }
        off += b.length;
      }
      columns.push({ kind: 'string', name: first.name, codes, dictionary });
    }
  }
  return { path, fieldNames, length, lines, columns };
}

/** Text of a non-numeric value as it appears in a string column. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}

/**
 * ISO text of timestamps, memoised by epoch milliseconds: `toISOString` costs about a microsecond,
 * and timestamp columns repeat values (minute or day resolution), so the cache took the Parquet
 * read of a 3M-row timestamp column from about 3 s to a fraction of that.
 */
export class DateTextCache {
  private readonly texts = new Map<number, string>();
  /**
   * @param calendarDays the column holds dates (Parquet DATE, Arrow date32: whole days): their text
   *   is `YYYY-MM-DD`, what a Table Schema `date` field reads, not the midnight of a datetime.
   */
  constructor(private readonly calendarDays = false) {}

  text(d: Date): string {
    const t = d.getTime();
    let s = this.texts.get(t);
    if (s === undefined) {
      s = valueText(d);
      if (this.calendarDays && s !== 'Invalid Date') s = s.slice(0, s.indexOf('T'));
      // Bounded: a column of distinct instants must not grow the cache with the file.
      if (this.texts.size >= 1 << 16) this.texts.clear();
      this.texts.set(t, s);
    }
    return s;
  }
}

/** Appends a JS value (JSONL, Parquet, Arrow cell) to a builder following the column's decoding. */
export function pushValue(b: NumberColumnBuilder | StringColumnBuilder, v: unknown, missing: Set<string>, dates?: DateTextCache): void {
  if (dates !== undefined && v instanceof Date && b instanceof StringColumnBuilder) {
    const text = dates.text(v);
    b.push(missing.has(text) ? null : text);
    return;
  }
  if (b instanceof NumberColumnBuilder) {
    if (v === null || v === undefined) b.pushNull();
    else if (typeof v === 'number') b.pushNumber(v);
    else if (typeof v === 'bigint') b.pushNumber(Number(v));
    else {
      const text = valueText(v);
      if (missing.has(text)) b.pushNull();
      else if (typeof v === 'string') b.pushText(text);
      else b.pushInvalid(text);
    }
  } else if (v === null || v === undefined) b.push(null);
  else {
    const text = valueText(v);
    b.push(missing.has(text) ? null : text);
  }
}

/**
 * Appends `data[from, to)` (a decoded Parquet chunk): {@link pushValue} for each cell, with the
 * common cells — numbers into a number column, text into a string column, nulls — taken by one
 * tight loop per column kind. Measured on a 1M-row, 20-column Parquet file: the per-cell generic
 * dispatch was a fifth of `mlops validate`'s time.
 */
export function pushValues(b: NumberColumnBuilder | StringColumnBuilder, data: ArrayLike<unknown>, from: number, to: number, missing: Set<string>, dates?: DateTextCache): void {
  if (b instanceof NumberColumnBuilder) {
    for (let r = from; r < to; r++) {
      const v = data[r];
      if (typeof v === 'number') b.pushNumber(v);
      else if (v === null || v === undefined) b.pushNull();
      else pushValue(b, v, missing, dates);
    }
    return;
  }
  // The usual missing values are just the empty text: a length test instead of a set lookup.
  const emptyOnly = missing.size === 1 && missing.has('');
  for (let r = from; r < to; r++) {
    const v = data[r];
    if (typeof v === 'string') b.push(emptyOnly ? (v.length === 0 ? null : v) : missing.has(v) ? null : v);
    else if (v === null || v === undefined) b.push(null);
    else pushValue(b, v, missing, dates);
  }
}

/** Each column's missing-value set: its own `fieldMissingValues`, else the table's (default `""`). */
export function missingSets(names: readonly string[], opts: ReadOptions): Set<string>[] {
  return names.map((name) => new Set(ownValue(opts.fieldMissingValues, name) ?? opts.missingValues ?? ['']));
}
