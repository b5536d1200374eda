/**
 * The in-memory shape of tabular data shared by every stage (validation, profiles, training,
 * evaluation, drift). Readers stream a file as {@link RecordBatch}es of typed columns so memory
 * grows with the batch size and the number of columns, not with the file (DESIGN §1.5).
 */

import type { TemporalShape } from './temporal.ts';

export type { TemporalShape };

export type DataFormat = 'csv' | 'jsonl' | 'json' | 'parquet' | 'arrow';

/**
 * Text cells, dictionary-encoded per batch: `codes[i]` indexes `dictionary`, -1 means null
 * (an empty cell, a value listed in `missingValues`, a JSON null, or an absent key).
 * Rule checks on strings run once per distinct value, not once per cell.
 */
export interface StringColumn {
  kind: 'string';
  name: string;
  codes: Int32Array;
  dictionary: string[];
  /**
   * The dictionary as bytes, when the reader has them and every entry is ASCII (so a byte is a
   * character): entry d is `data[starts[d], starts[d] + lengths[d])`. A consumer that can test
   * bytes (validation's lengths and patterns) then never creates the entries' strings; the CSV
   * reader builds `dictionary` on its first read. Not enumerable: not copied by spreads, clones or
   * JSON, which see `dictionary` alone.
   */
  readonly bytes?: DictionaryBytes;
}

/** See {@link StringColumn.bytes}. */
export interface DictionaryBytes {
  data: Uint8Array;
  starts: Int32Array;
  lengths: Int32Array;
}

/**
 * Numeric cells. Null cells are NaN with `nulls[i] = 1`. A non-empty cell that is not a number
 * is NaN with `nulls[i] = 0` and is listed in `invalid` with its original text, so validation can
 * report it as a type error.
 */
export interface NumberColumn {
  kind: 'number';
  name: string;
  values: Float64Array;
  nulls: Uint8Array;
  invalid: InvalidCell[];
  /**
   * Cells read as ±Infinity with their text as written (sorted by index; absent or empty when
   * none): the value alone cannot tell `1e400` (past the double range) from `INF` or `-Infinity`,
   * and messages quote a cell as the file has it. Readers that know the text fill it (CSV, JSON,
   * number forms); a consumer that ignores it sees the value.
   */
  written?: InvalidCell[];
  /**
   * Set by `detect` decoding: the column is numbers by detection, not by declaration, and its text
   * is kept recoverable. A cell read as a number was a plain decimal `-?(0|[1-9]\d*)(\.\d+)?` of at
   * most 15 digits (not a negative zero), so its text is exactly `values[i].toFixed(fractionDigits[i])`.
   * Any other non-empty cell (`1e3`, `007`, ` 7`, `NaN`, `abc`) is a TEXT cell listed in `invalid`,
   * not an error. `textLengths` is the min/max text length of the cells read as numbers.
   */
  detected?: boolean;
  fractionDigits?: Uint8Array;
  textLengths?: { min: number; max: number } | null;
  /**
   * Set when a CSV reader honoured {@link ReadOptions.temporal}: `values` are epoch milliseconds of
   * ISO dates/datetimes written in this form (so `temporalText(values[i], temporal, subMilliseconds?.[i])`
   * is the cell's text), and `invalid` holds every other non-empty cell's text, to be parsed by the field's own
   * rules: a cell in `invalid` is not an error by itself.
   */
  temporal?: TemporalShape;
  /** With `temporal` in a form of more than 3 fraction digits: each row's digits past the third (text only). */
  subMilliseconds?: Int32Array;
}

export interface InvalidCell {
  /** Row index within the batch. */
  index: number;
  text: string;
}

export type Column = StringColumn | NumberColumn;

/** A slice of consecutive rows. */
export interface RecordBatch {
  /** Number of rows in this batch. */
  length: number;
  /** Number of data rows before this batch (so the 1-based data row of index i is rowOffset + i + 1). */
  rowOffset: number;
  /** Physical 1-based line in the file where each row starts (header = line 1 for CSV); 0 when the format has no lines. */
  lines: Float64Array;
  /** One column per field, in `TableSource.fieldNames` order (or the requested subset). */
  columns: Column[];
  /**
   * Present when the reader can reuse this batch's arrays: a consumer calls it once it keeps no
   * reference to anything in the batch (columns, their arrays, `lines`), and must not read the
   * batch afterwards. Calling it is optional; a batch never released is simply collected.
   */
  release?: () => void;
}

/**
 * How a column should be decoded. `auto` is `number` for native numeric columns (Parquet, Arrow, JSON numbers) and `string` otherwise.
 * `detect` is `auto`, except that CSV text columns whose cells are canonical number texts are read as
 * numbers (a NumberColumn with `detected: true`, see {@link NumberColumn}); a CSV column that turns out
 * to hold text switches to `string` at the next batch. Meant for profiling, where it is lossless.
 */
export type ColumnDecoding = 'number' | 'string' | 'auto' | 'detect';

/**
 * A local way of writing numbers (Frictionless `decimalChar`, `groupChar`, `bareNumber`):
 * `1.000,50` with decimal `,` and group `.`; `"12 %"` with `bareNumber: false`.
 */
export interface NumberForm {
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
}

export interface ReadOptions {
  /** Format; inferred from the extension (`.csv`, `.tsv`, `.jsonl`/`.ndjson`, `.parquet`, `.arrow`/`.feather`/`.ipc`) when absent. */
  format?: DataFormat;
  /** Per-column missing values (Table Schema v2 field `missingValues`), replacing `missingValues` for that column. */
  fieldMissingValues?: Record<string, string[]>;
  /** CSV field delimiter; default `,` (`\t` for `.tsv`). */
  delimiter?: string;
  /** Cell texts read as null (Table Schema `missingValues`); default `['']`. */
  missingValues?: string[];
  /** Per-column decoding; columns not listed use `defaultDecoding`. */
  decoding?: Record<string, ColumnDecoding>;
  defaultDecoding?: ColumnDecoding;
  /** Only these columns are decoded and returned (in this order); others are skipped cheaply. */
  columns?: string[];
  /** Target rows per batch (default 16,384; at most 1,048,576). */
  batchRows?: number;
  /**
   * Columns whose numbers are written in a local form: read as text, then returned as number
   * columns parsed with the form (a text that does not parse is an `invalid` cell). The byte
   * scanner cannot read them itself: it would take `1.500` (one thousand five hundred) for 1.5.
   */
  numberForms?: Record<string, NumberForm>;
  /**
   * A hint for string columns that hold ISO dates or datetimes: the CSV reader returns them as
   * number columns of epoch milliseconds with `temporal` set (see {@link NumberColumn.temporal}),
   * which validation checks without a string per cell. Other readers ignore it.
   */
  temporal?: Record<string, 'date' | 'datetime'>;
}

/** An opened data file: its header is known; its rows stream on demand. */
export interface TableSource {
  path: string;
  format: DataFormat;
  /** Column names in file order. */
  fieldNames: string[];
  /** CSV: the field delimiter in use (given, or sniffed from the header). */
  delimiter?: string;
  /** Streams the rows. May be called more than once (each call re-reads the file). */
  batches(): AsyncIterable<RecordBatch>;
}

/** A whole table held in memory (training, evaluation): one batch's shape over all rows. */
export interface Table {
  path: string;
  fieldNames: string[];
  length: number;
  lines: Float64Array;
  columns: Column[];
}
