import { oneLine } from '../core/text.ts';
import { InputError } from '../core/errors.ts';
import { closeName } from '../core/names.ts';
import { temporalText } from '../table/index.ts';
import type { Column, ColumnDecoding, DataFormat, DictionaryBytes, NumberColumn, ReadOptions, RecordBatch, StringColumn, TableSource, TemporalShape } from '../table/types.ts';
import { NumberSet } from './hash-set.ts';
import { allowedValues, compileValueSchema, enumKeys, parseBound, type ValueSchemaCheck } from './load.ts';
import { typeHint } from './hints.ts';
import { compilePattern, type PatternMatcher } from './pattern.ts';
import type { ColumnReport, RuleName, ValidationError, ValidationReport } from './report-types.ts';
import type { SchemaField, TableSchema } from './types.ts';
import { collectionLength, fieldParser, hasNumberForm, isCollectionType, isNumericType, isOrderedType, logicalKey, type Logical, type Parser } from './values.ts';

export interface ValidateOptions {
  /** How many error rows to store in the report (all are counted). Default 1000. */
  maxErrors?: number;
}

/**
 * Read options that make the reader decode exactly what the validator needs: numbers for
 * number/integer fields (Float64Array), dictionary-encoded strings for everything else (so string
 * rules run once per distinct value per batch), and the schema's missingValues as nulls.
 * With `present` (the data's header), only schema fields present in the data are decoded.
 */
export function readOptionsForSchema(schema: TableSchema, present?: string[], format?: DataFormat): ReadOptions {
  const decoding: Record<string, ColumnDecoding> = {};
  // Local number forms (decimal comma, group marks) are parsed per distinct text by the field's
  // parser: the byte scanner would read `1.500` (one thousand five hundred) as 1.5. Outside CSV,
  // such a field is read `auto`: a native number (Parquet DOUBLE 1234.5) is no text in a form, and
  // as text it would be misread (12345 with group mark '.').
  const formDecoding: ColumnDecoding = format === undefined || format === 'csv' ? 'string' : 'auto';
  const temporal: Record<string, 'date' | 'datetime'> = {};
  for (const field of schema.fields) {
    // Own properties (defineProperty): assigning obj['__proto__'] set the object's prototype, and a
    // field named so was read with the default decoding.
    setOwn(decoding, field.name, !isNumericType(field.type) ? 'string' : hasNumberForm(field) ? formDecoding : 'number');
    if (readsAsInstants(field)) setOwn(temporal, field.name, field.type as 'date' | 'datetime');
  }
  const options: ReadOptions = { missingValues: schema.missingValues ?? [''], decoding, defaultDecoding: 'string' };
  if (Object.keys(temporal).length > 0) options.temporal = temporal;
  const own = schema.fields.filter((f) => f.missingValues !== undefined);
  if (own.length > 0) options.fieldMissingValues = Object.fromEntries(own.map((f) => [f.name, f.missingValues!]));
  if (present) {
    const header = new Set(present);
    options.columns = schema.fields.map((f) => f.name).filter((n) => header.has(n));
  }
  return options;
}

/** Sets `key` as an own enumerable property, whatever its name (`__proto__` included). */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Read options for using the data rather than validating it (training, profiles, drift): as
 * {@link readOptionsForSchema}, with fields of a local number form (`decimalChar`, `groupChar`,
 * `bareNumber`) returned as numbers. Validation keeps their text, to report it in type errors.
 */
export function dataReadOptions(schema: TableSchema): ReadOptions {
  const options = readOptionsForSchema(schema);
  // Consumers of the data take dates as text (features, timestamps): only validation reads instants.
  delete options.temporal;
  const forms = schema.fields.filter((f) => isNumericType(f.type) && hasNumberForm(f));
  if (forms.length > 0) {
    options.numberForms = Object.fromEntries(forms.map((f) => [f.name, {
      ...(f.decimalChar !== undefined ? { decimalChar: f.decimalChar } : {}),
      ...(f.groupChar !== undefined ? { groupChar: f.groupChar } : {}),
      ...(f.bareNumber !== undefined ? { bareNumber: f.bareNumber } : {}),
    }]));
  }
  return options;
}

/**
 * Date and datetime fields in the default (ISO) format whose rules compare instants only
 * (required, unique, minimum, maximum and the exclusive bounds): the CSV reader may hand them over
 * as epoch milliseconds ({@link checkTemporalBatch}). Rules on the text (pattern, lengths, enum,
 * jsonSchema) keep the dictionary path.
 */
function readsAsInstants(field: SchemaField): boolean {
  if ((field.type !== 'date' && field.type !== 'datetime') || (field.format !== undefined && field.format !== 'default')) return false;
  const c = field.constraints ?? {};
  return c.pattern === undefined && c.minLength === undefined && c.maxLength === undefined && c.enum === undefined && c.jsonSchema === undefined;
}

// Value-rule bits, in report order.
const TYPE = 1, MINIMUM = 2, MAXIMUM = 4, EXMIN = 8, EXMAX = 16, MINLEN = 32, MAXLEN = 64, PATTERN = 128, ENUM = 256, JSONSCHEMA = 512;
const RULE_BITS: Array<[number, RuleName]> = [
  [TYPE, 'type'], [MINIMUM, 'minimum'], [MAXIMUM, 'maximum'], [EXMIN, 'exclusiveMinimum'], [EXMAX, 'exclusiveMaximum'],
  [MINLEN, 'minLength'], [MAXLEN, 'maxLength'], [PATTERN, 'pattern'], [ENUM, 'enum'], [JSONSCHEMA, 'jsonSchema'],
];
const RULE_ORDER: Record<RuleName, number> = {
  type: 0, required: 1, minimum: 2, maximum: 3, exclusiveMinimum: 4, exclusiveMaximum: 5, minLength: 6, maxLength: 7,
  pattern: 8, enum: 9, jsonSchema: 9.5, unique: 10, primaryKey: 11, uniqueKeys: 12, mostly: 13, maxNullFraction: 14, extraColumn: 15, fieldOrder: 16,
};

/** Appended to a bound's message for NaN, which no comparison orders. */
const NAN_NOTE = ' (NaN is outside every range)';

/** A pending row error inside one batch, turned into a ValidationError only if it is kept. */
interface Pending {
  index: number;
  order: number;
  rule: RuleName;
  column: string | null;
  value: string | number | boolean | null;
  message: string;
}

function codePointLength(text: string): number {
  // Table Schema lengths count characters (code points), not UTF-16 units: a surrogate pair is
  // one (a lone surrogate counts as one too, as Array.from does). A loop, not a regex test: this
  // runs on every distinct text of a batch, nearly every cell of an id-like column.
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/**
 * A value as messages quote it. Line breaks and other control characters are escaped (`\n`), so a
 * quoted cell spanning lines keeps its message on one line in terminals and annotations; the
 * error's `value` keeps the text as it is.
 */
function show(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  // The cut keeps a surrogate pair whole: half an emoji is a lone surrogate ('�' in terminals).
  const end = value.length > 60 && isHighSurrogate(value.charCodeAt(56)) ? 58 : 57;
  const cut = value.length > 60 ? `${value.slice(0, end)}...` : value;
  return `'${oneLine(cut)}'`;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The compiled rules and running tallies of one field. */
class FieldCheck {
  readonly name: string;
  readonly order: number;
  readonly parse: Parser;
  readonly numeric: boolean;
  readonly ordered: boolean;
  readonly required: boolean;
  readonly unique: boolean;
  readonly tolerant: boolean;
  readonly min?: number; readonly max?: number; readonly xmin?: number; readonly xmax?: number;
  readonly minLen?: number; readonly maxLen?: number;
  readonly pattern?: PatternMatcher;
  readonly enumKeys?: Set<string>;
  /** `constraints.jsonSchema` of object/array fields. */
  readonly valueSchema?: ValueSchemaCheck;
  readonly enumNumbers?: Set<number>;
  /**
   * Every rule of this field can be tested on a text's ASCII bytes (StringColumn.bytes): its values
   * are the texts themselves (string of the default format, any), and it has no rule that needs
   * the string — unique, enum, jsonSchema, a pattern only a RegExp can test.
   */
  readonly asciiTestable: boolean;
  /** Its values are its texts (string of any format, any): a key part compares the text. */
  readonly textual: boolean;
  readonly report: ColumnReport;
  private readonly uniqueNumbers?: NumberSet;
  private readonly uniqueStrings?: Set<string>;
  private minValue = Number.POSITIVE_INFINITY;
  private maxValue = Number.NEGATIVE_INFINITY;
  private minText: string | null = null;
  private maxText: string | null = null;
  private ranged = false;
  /** Non-null rows failing at least one value rule (for `mostly`). */
  failedRows = 0;
  /**
   * Row indexes of this batch's duplicates, kept when a single-field primary key on this numeric
   * column can reuse them instead of hashing every value into a second set.
   */
  dupRows: number[] | null = null;
  /**
   * What the batch just checked tells the key checks (primaryKey, uniqueKeys) that run after it:
   * the rows whose cell failed its type (a text column: per dictionary entry), which hold no key
   * value — two unparseable cells are no duplicate — and, for a column read as instants or one
   * with cells written past the double range, how a row's value is written.
   */
  batchTypeFailedRows: Uint8Array | null = null;
  batchEntryFlags: Int32Array | null = null;
  batchShown: ((row: number) => string | number) | null = null;
  nonNull = 0;
  /**
   * Batches in a row where the one-pass shortcut of a numeric column (passesWholeBatch) found a
   * failing cell: a column that fails in most batches stops paying for that pass (see wantsWholeBatch).
   */
  wholeBatchMisses = 0;
  wholeBatchSkips = 0;

  constructor(readonly field: SchemaField, order: number, present: boolean) {
    this.name = field.name;
    this.order = order;
    this.parse = fieldParser(field);
    this.numeric = isNumericType(field.type);
    this.ordered = isOrderedType(field.type);
    const c = field.constraints ?? {};
    this.required = c.required === true;
    this.unique = c.unique === true;
    this.tolerant = field.mostly !== undefined;
    // Every property is assigned, defined or not, so all FieldChecks share one hidden class.
    this.min = c.minimum !== undefined ? parseBound(c.minimum, field, this.parse) : undefined;
    this.max = c.maximum !== undefined ? parseBound(c.maximum, field, this.parse) : undefined;
    this.xmin = c.exclusiveMinimum !== undefined ? parseBound(c.exclusiveMinimum, field, this.parse) : undefined;
    this.xmax = c.exclusiveMaximum !== undefined ? parseBound(c.exclusiveMaximum, field, this.parse) : undefined;
    this.minLen = c.minLength;
    this.maxLen = c.maxLength;
    // Table Schema patterns match the whole value (XML Schema semantics).
    this.pattern = c.pattern !== undefined ? compilePattern(c.pattern) : undefined;
    this.enumKeys = enumKeys(field);
    this.valueSchema = c.jsonSchema !== undefined ? compileValueSchema(c.jsonSchema) : undefined;
    this.enumNumbers = this.enumKeys && this.numeric ? new Set([...this.enumKeys].map(Number)) : undefined;
    const identity = field.type === 'any' || (field.type === 'string' && (field.format ?? 'default') === 'default');
    this.textual = field.type === 'any' || field.type === 'string';
    this.asciiTestable = identity && !this.unique && this.enumKeys === undefined && this.valueSchema === undefined
      && (this.pattern === undefined || this.pattern.testAscii !== undefined);
    this.uniqueNumbers = this.unique && this.numeric ? new NumberSet() : undefined;
    this.uniqueStrings = this.unique && !this.numeric ? new Set() : undefined;
    this.report = {
      type: field.type, present, rows: 0, nulls: 0, nullFraction: 0, valid: 0, failures: {}, errorCount: 0,
      min: null, max: null, minLength: null, maxLength: null,
    };
  }

  /** The value-rule bits a parsed value fails (TYPE when it does not parse); `length`: the text's, when the caller has it. */
  flagsFor(text: string, value: Logical | undefined, length = -1): number {
    if (value === undefined) return TYPE;
    let f = 0;
    if (this.ordered && typeof value === 'number') {
      // Negated comparisons: NaN fails every bound, inclusive or not (see checkNumberBatch).
      if (this.min !== undefined && !(value >= this.min)) f |= MINIMUM;
      if (this.max !== undefined && !(value <= this.max)) f |= MAXIMUM;
      if (this.xmin !== undefined && !(value > this.xmin)) f |= EXMIN;
      if (this.xmax !== undefined && !(value < this.xmax)) f |= EXMAX;
    }
    if (this.minLen !== undefined || this.maxLen !== undefined) {
      const len = length >= 0 ? length : this.lengthOf(text);
      if (this.minLen !== undefined && len < this.minLen) f |= MINLEN;
      if (this.maxLen !== undefined && len > this.maxLen) f |= MAXLEN;
    }
    if (this.pattern && !this.pattern.test(text)) f |= PATTERN;
    if (this.enumKeys && !this.enumKeys.has(logicalKey(value))) f |= ENUM;
    if (this.valueSchema && this.valueSchema(JSON.parse(text)) !== true) f |= JSONSCHEMA;
    return f;
  }

  /** {@link flagsFor} of the ASCII text `b[s, s + length)`, for an {@link asciiTestable} field. */
  flagsForAscii(b: Uint8Array, s: number, length: number): number {
    let f = 0;
    if (this.minLen !== undefined && length < this.minLen) f |= MINLEN;
    if (this.maxLen !== undefined && length > this.maxLen) f |= MAXLEN;
    const pattern = this.pattern;
    if (pattern?.testAscii !== undefined && !pattern.testAscii(b, s, s + length)) f |= PATTERN;
    return f;
  }

  /** Collections (array, list, object) count items; text counts code points. */
  private lengthOf(text: string): number {
    return isCollectionType(this.field.type) ? collectionLength(this.field, text) : codePointLength(text);
  }

  messageFor(bit: number, value: string | number | boolean): string {
    const c = this.field.constraints ?? {};
    switch (bit) {
      case TYPE: {
        const hint = typeHint(this.field, String(value));
        return `${show(value)} is not a valid ${this.field.type}${this.field.format && this.field.format !== 'default' ? ` (format '${this.field.format}')` : ''}${hint ? `: ${hint}` : ''}`;
      }
      case MINIMUM: return this.notANumber(value) ? `${show(value)} is not ≥ minimum ${show(c.minimum)}${NAN_NOTE}` : `${show(value)} is less than minimum ${show(c.minimum)}`;
      case MAXIMUM: return this.notANumber(value) ? `${show(value)} is not ≤ maximum ${show(c.maximum)}${NAN_NOTE}` : `${show(value)} is greater than maximum ${show(c.maximum)}`;
      case EXMIN: return `${show(value)} is not greater than exclusiveMinimum ${show(c.exclusiveMinimum)}${this.notANumber(value) ? NAN_NOTE : ''}`;
      case EXMAX: return `${show(value)} is not less than exclusiveMaximum ${show(c.exclusiveMaximum)}${this.notANumber(value) ? NAN_NOTE : ''}`;
      case MINLEN: return `length ${this.lengthOf(String(value))} is less than minLength ${c.minLength}`;
      case MAXLEN: return `length ${this.lengthOf(String(value))} is greater than maxLength ${c.maxLength}`;
      case PATTERN: return `${show(value)} does not match pattern ${show(c.pattern)}`;
      case JSONSCHEMA: return `${show(value)} does not match the field's jsonSchema: ${this.valueSchema?.(JSON.parse(String(value)))}`;
      default: {
        const allowed = allowedValues(this.field) ?? [];
        const list = allowed.slice(0, 10).map((v) => JSON.stringify(v)).join(', ');
        return `${show(value)} is not one of [${list}${allowed.length > 10 ? ', …' : ''}]`;
      }
    }
  }

  /** Whether a shown value (a number, a number column's `'NaN'`, or a cell text) is NaN in this field. */
  private notANumber(value: string | number | boolean): boolean {
    if (typeof value === 'number') return value !== value;
    if (typeof value !== 'string' || !this.numeric) return false;
    const parsed = value === 'NaN' ? Number.NaN : this.parse(value);
    return parsed !== parsed;
  }

  /** Counts `n` failures of each bit in `flags`. */
  countFlags(flags: number, n: number): void {
    for (const [bit, rule] of RULE_BITS) if (flags & bit) this.bump(rule, n);
  }

  bump(rule: RuleName, n: number): void {
    if (n === 0) return;
    this.report.failures[rule] = (this.report.failures[rule] ?? 0) + n;
  }

  /** Tracks the valid range; `text` is kept for date/time types whose comparable is a number. */
  observe(value: number, text: string | null): void {
    // A flag, not the ±Infinity starting values, says whether any value was seen: INF is a value.
    this.ranged = true;
    if (value < this.minValue) { this.minValue = value; this.minText = text; }
    if (value > this.maxValue) { this.maxValue = value; this.maxText = text; }
  }

  observeLength(len: number): void {
    if (this.report.minLength === null || len < this.report.minLength) this.report.minLength = len;
    if (this.report.maxLength === null || len > this.report.maxLength) this.report.maxLength = len;
  }

  /**
   * Keys this segment saw first, with where: filled only when the file is validated in several
   * segments, so the merge can find a key's first occurrence in one segment repeating a key of an
   * earlier one (see {@link mergeSegments}).
   */
  firsts: FirstOccurrences | null = null;

  /** Adds a unique key; false when it was seen before. */
  addUnique(key: number | string): boolean {
    if (typeof key === 'number') return this.uniqueNumbers!.add(key);
    const set = this.uniqueStrings!;
    if (set.has(key)) return false;
    set.add(key);
    return true;
  }

  /** This field's tallies, for {@link mergeSegments}. */
  tally(): FieldTally {
    const r = this.report;
    return {
      failures: { ...r.failures }, nulls: r.nulls, nonNull: this.nonNull, failedRows: this.failedRows, errorCount: r.errorCount,
      min: this.ranged ? { value: this.minValue, text: this.minText } : null,
      max: this.ranged ? { value: this.maxValue, text: this.maxText } : null,
      minLength: r.minLength, maxLength: r.maxLength, firsts: this.firsts && trimFirsts(this.firsts),
    };
  }

  /** Adds a segment's tallies (segments in file order: the first of equal extremes wins, as in one pass). */
  absorb(t: FieldTally): void {
    const r = this.report;
    for (const [rule, n] of Object.entries(t.failures) as Array<[RuleName, number]>) this.bump(rule, n);
    r.nulls += t.nulls;
    this.nonNull += t.nonNull;
    this.failedRows += t.failedRows;
    r.errorCount += t.errorCount;
    if (t.min !== null) this.observe(t.min.value, t.min.text);
    if (t.max !== null) this.observe(t.max.value, t.max.text);
    if (t.minLength !== null) this.observeLength(t.minLength);
    if (t.maxLength !== null) this.observeLength(t.maxLength);
  }

  finishRange(): void {
    if (!this.ranged) return;
    // Values compared as numbers but written otherwise (instants, a yearmonth's month count) are
    // shown as written.
    const date = this.field.type === 'date' || this.field.type === 'datetime' || this.field.type === 'time' || this.field.type === 'yearmonth';
    // An infinite bound is shown as errors show infinite values ('INF', '-INF'): JSON has no Infinity
    // (JSON.stringify wrote null, as if the column had no valid value).
    this.report.min = date ? this.minText : cellValue(this.minValue);
    this.report.max = date ? this.maxText : cellValue(this.maxValue);
  }
}

/**
 * First occurrences of unique keys within a segment, in the order seen: typed arrays (they cross
 * threads by a cheap copy) for rows, lines and numeric keys; text keys in `texts`.
 */
export interface FirstOccurrences {
  length: number;
  /** Numeric keys (NaN where the key is text). */
  numbers: Float64Array;
  /** Text keys and how reports show them ([key, shown] pairs' parallel arrays); for numeric keys, only instants' texts. */
  texts: string[];
  shown: string[];
  /** 0-based data row within the segment, and the segment-relative physical line (0 when none). */
  rows: Float64Array;
  lines: Float64Array;
  /** 1 when that row already failed another rule (so a duplicate does not fail it twice). */
  failed: Uint8Array;
}

function emptyFirsts(): FirstOccurrences {
  return { length: 0, numbers: new Float64Array(1024), texts: [], shown: [], rows: new Float64Array(1024), lines: new Float64Array(1024), failed: new Uint8Array(1024) };
}

function recordFirst(firsts: FirstOccurrences, key: number | string, batch: RecordBatch, index: number, failed: boolean, shown: string | number): void {
  const n = firsts.length;
  if (n === firsts.rows.length) {
    const grow = <T extends Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    firsts.numbers = grow(firsts.numbers);
    firsts.rows = grow(firsts.rows);
    firsts.lines = grow(firsts.lines);
    firsts.failed = grow(firsts.failed);
  }
  if (typeof key === 'number') {
    firsts.numbers[n] = key;
    // Instants are numbers shown as written; plain numbers keep no text (memory: one per key).
    if (typeof shown === 'string') firsts.shown[n] = shown;
  } else {
    firsts.numbers[n] = NaN;
    firsts.texts[n] = key;
    firsts.shown[n] = String(shown);
  }
  firsts.rows[n] = batch.rowOffset + index;
  firsts.lines[n] = batch.lines[index];
  firsts.failed[n] = failed ? 1 : 0;
  firsts.length = n + 1;
}

/** Drops the unused tail of the arrays (they are copied to the main thread). */
function trimFirsts(f: FirstOccurrences): FirstOccurrences {
  return { ...f, numbers: f.numbers.slice(0, f.length), rows: f.rows.slice(0, f.length), lines: f.lines.slice(0, f.length), failed: f.failed.slice(0, f.length) };
}

/** The keys of earlier segments at the merge: numbers in a NumberSet, texts in a Set (one probe each). */
class KeySet {
  private readonly numbers: NumberSet;
  private readonly texts = new Set<string>();
  constructor(expected: number) {
    this.numbers = new NumberSet(expected);
  }

  /** Adds the i-th first occurrence's key; false when an earlier segment had it. */
  addFirst(firsts: FirstOccurrences, i: number): boolean {
    const x = firsts.numbers[i];
    if (x === x) return this.numbers.add(x);
    const size = this.texts.size;
    this.texts.add(firsts.texts[i]);
    return this.texts.size > size;
  }
}

/** The i-th first occurrence's shown value. */function firstShown(firsts: FirstOccurrences, i: number): string | number {
  const x = firsts.numbers[i];
  return x === x ? (firsts.shown[i] ?? cellValue(x)) : firsts.shown[i];
}

/** Collects errors: counts everything, stores the first `maxErrors` row errors in file order. */
class ErrorSink {
  readonly stored: ValidationError[] = [];
  /** Field order of each stored row error (the merge sorts by row, field, rule as a batch does). */
  readonly storedOrder: number[] = [];
  readonly byRule: Partial<Record<RuleName, number>> = {};
  count = 0;
  rowErrorsStored = 0;
  constructor(readonly maxErrors: number) {}

  get remaining(): number {
    return this.maxErrors - this.rowErrorsStored;
  }

  tally(rule: RuleName, n: number): void {
    if (n <= 0) return;
    this.byRule[rule] = (this.byRule[rule] ?? 0) + n;
    this.count += n;
  }

  /** Header and column-level errors: always stored (bounded by the number of fields). */
  structural(error: ValidationError): void {
    this.tally(error.rule, 1);
    this.stored.push(error);
  }

  /** Keeps the first `remaining` of a batch's pending row errors, ordered by row, field, rule. */
  flushBatch(batch: RecordBatch, pending: Pending[]): void {
    if (pending.length === 0) return;
    pending.sort((a, b) => a.index - b.index || a.order - b.order || RULE_ORDER[a.rule] - RULE_ORDER[b.rule]);
    const keep = Math.min(this.remaining, pending.length);
    for (let k = 0; k < keep; k++) {
      const p = pending[k];
      const line = batch.lines[p.index];
      this.stored.push({ line: line > 0 ? line : null, row: batch.rowOffset + p.index + 1, column: p.column, rule: p.rule, value: p.value, message: p.message });
      this.storedOrder.push(p.order);
    }
    this.rowErrorsStored += keep;
  }
}

/** JSON-safe cell value for reports. */
function cellValue(value: number): number | string {
  return Number.isFinite(value) ? value : String(value).replace('Infinity', 'INF');
}

/** Converts a numeric column to dictionary form when a non-numeric field arrives as numbers (Parquet/Arrow). */
function asStringColumn(col: NumberColumn): StringColumn {
  const dict = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(col.values.length);
  const invalid = new Map(col.invalid.map((c) => [c.index, c.text]));
  for (let i = 0; i < codes.length; i++) {
    if (col.nulls[i]) { codes[i] = -1; continue; }
    const text = invalid.get(i) ?? String(col.values[i]);
    let code = dict.get(text);
    if (code === undefined) { code = dictionary.length; dict.set(text, code); dictionary.push(text); }
    codes[i] = code;
  }
  return { kind: 'string', name: col.name, codes, dictionary };
}

/** Clears what the previous batch told the key checks (see FieldCheck.batchTypeFailedRows). */
function resetKeyView(fc: FieldCheck): void {
  if (fc.batchTypeFailedRows !== null) fc.batchTypeFailedRows.fill(0);
  fc.batchEntryFlags = null;
  fc.batchShown = null;
}

/** Notes that row `i` of an `n`-row batch failed its type (no key value). */
function markTypeFailed(fc: FieldCheck, i: number, n: number): void {
  if (fc.batchTypeFailedRows === null || fc.batchTypeFailedRows.length < n) {
    const grown = new Uint8Array(Math.max(n, fc.batchTypeFailedRows?.length ?? 0));
    if (fc.batchTypeFailedRows !== null) grown.set(fc.batchTypeFailedRows);
    fc.batchTypeFailedRows = grown;
  }
  fc.batchTypeFailedRows[i] = 1;
}

/**
 * Whether to try passesWholeBatch on this batch: after two batches in a row with a failing cell,
 * only every eighth batch tries (a column that fails now and then still takes the shortcut; one that
 * fails in every batch, such as a bound most batches break, wastes at most one pass in eight).
 */
function wantsWholeBatch(fc: FieldCheck): boolean {
  if (fc.wholeBatchMisses < 2) return true;
  return (++fc.wholeBatchSkips & 7) === 0;
}

/**
 * The per-row pass of checkNumberBatch for a batch in which no cell fails: when one pass over the
 * values (nulls, range, integrality, NaN) shows that every non-null value is within the bounds,
 * records what the per-row pass would have (range, counts) and returns true. Measured: the per-row
 * pass, which computes rule flags for every cell, was ~7% of a large validation's CPU, and this
 * pass costs about a fifth of it. False, with nothing recorded, when a cell may fail a rule.
 */
function passesWholeBatch(fc: FieldCheck, values: Float64Array, nulls: Uint8Array, n: number, integer: boolean): boolean {
  let nullCount = 0;
  let lo = Number.POSITIVE_INFINITY, hi = Number.NEGATIVE_INFINITY;
  let nan = false;
  let notInteger = false;
  for (let i = 0; i < n; i++) {
    if (nulls[i]) {
      nullCount++;
      continue;
    }
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v !== v) nan = true;
    // As the per-row pass: NaN and the infinities are not integers.
    if (integer && !Number.isInteger(v)) notInteger = true;
  }
  if (notInteger || (fc.required && nullCount > 0)) return false;
  const ranged = fc.min !== undefined || fc.max !== undefined || fc.xmin !== undefined || fc.xmax !== undefined;
  // NaN is outside every range (the per-row pass fails it); it passes a column with no bounds.
  if (nan && ranged) return false;
  if (lo <= hi) {
    if (fc.min !== undefined && !(lo >= fc.min)) return false;
    if (fc.max !== undefined && !(hi <= fc.max)) return false;
    if (fc.xmin !== undefined && !(lo > fc.xmin)) return false;
    if (fc.xmax !== undefined && !(hi < fc.xmax)) return false;
    fc.observe(lo, null);
    fc.observe(hi, null);
  }
  fc.nonNull += n - nullCount;
  fc.report.nulls += nullCount;
  return true;
}

/**
 * Validates a numeric column batch. Most batches of most columns break no rule: a first tight pass
 * finds that out (see passesWholeBatch) and records the batch's counts; only a batch where some
 * cell may fail, or a column with per-row state (unique keys, enum), takes the per-row pass, which
 * builds error records only while the report still stores errors.
 */
function checkNumberBatch(fc: FieldCheck, col: NumberColumn, batch: RecordBatch, sink: ErrorSink, pending: Pending[]): void {
  const n = batch.length;
  const firsts = fc.firsts;
  const { values, nulls } = col;
  const invalid = col.invalid.length ? new Map(col.invalid.map((c) => [c.index, c.text])) : null;
  // Infinities are quoted as written (`1e400`, not INF); every other number by its value.
  const written = col.written !== undefined && col.written.length > 0 ? new Map(col.written.map((c) => [c.index, c.text])) : null;
  const shownAt = (i: number, v: number): string | number => (written !== null ? written.get(i) : undefined) ?? cellValue(v);
  const integer = fc.field.type === 'integer';
  if (fc.dupRows !== null) fc.dupRows.length = 0;
  resetKeyView(fc);
  if (written !== null) fc.batchShown = (row) => shownAt(row, values[row]);
  const collect = sink.remaining;
  let collected = 0;
  const push = (index: number, rule: RuleName, value: string | number | null, message: string) => {
    if (collected < collect) { pending.push({ index, order: fc.order, rule, column: fc.name, value, message }); collected++; }
  };
  // Rules hoisted into locals: this loop runs once per cell of every numeric column.
  const hasMin = fc.min !== undefined, min = fc.min ?? 0;
  const hasMax = fc.max !== undefined, max = fc.max ?? 0;
  const hasXmin = fc.xmin !== undefined, xmin = fc.xmin ?? 0;
  const hasXmax = fc.xmax !== undefined, xmax = fc.xmax ?? 0;
  const enumNumbers = fc.enumNumbers;
  const unique = fc.unique;
  const required = fc.required;
  const tolerant = fc.tolerant;
  if (invalid === null && !unique && enumNumbers === undefined && wantsWholeBatch(fc)) {
    if (passesWholeBatch(fc, values, nulls, n, integer)) {
      fc.wholeBatchMisses = 0;
      return;
    }
    fc.wholeBatchMisses++;
  }
  let nullCount = 0, nonNull = 0, failedRows = 0;
  let lo = Number.POSITIVE_INFINITY, hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (nulls[i]) {
      nullCount++;
      if (required && collected < collect) push(i, 'required', null, 'missing value in a required column');
      continue;
    }
    const v = values[i];
    nonNull++;
    if (v !== v && invalid !== null && invalid.has(i)) {
      failedRows++;
      fc.bump('type', 1);
      markTypeFailed(fc, i, n);
      const text = invalid.get(i)!;
      if (!tolerant) push(i, 'type', text, fc.messageFor(TYPE, text));
      continue;
    }
    let f = 0;
    if (integer && !Number.isInteger(v)) {
      f = TYPE;
      markTypeFailed(fc, i, n);
    } else {
      // Negated comparisons: NaN (a `NaN` cell, a Parquet/Arrow NaN) is outside every range, so
      // it fails minimum and maximum as it fails the exclusive bounds.
      if (hasMin && !(v >= min)) f |= MINIMUM;
      if (hasMax && !(v <= max)) f |= MAXIMUM;
      if (hasXmin && !(v > xmin)) f |= EXMIN;
      if (hasXmax && !(v < xmax)) f |= EXMAX;
      if (enumNumbers !== undefined && !enumNumbers.has(v === 0 ? 0 : v)) f |= ENUM;
    }
    let dup = false;
    if (unique && (f & TYPE) === 0) {
      if (!fc.addUnique(v)) dup = true;
      else if (firsts !== null) recordFirst(firsts, v, batch, i, f !== 0, shownAt(i, v));
    }
    if (dup && fc.dupRows !== null) fc.dupRows.push(i);
    if (f === 0) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (!dup) continue;
    }
    failedRows++;
    if (f) fc.countFlags(f, 1);
    if (dup) fc.bump('unique', 1);
    if (tolerant || collected >= collect) continue;
    const shown = shownAt(i, v);
    for (const [bit, rule] of RULE_BITS) if (f & bit) push(i, rule, shown, fc.messageFor(bit, shown));
    if (dup) push(i, 'unique', shown, `${show(shown)} duplicates an earlier row`);
  }
  if (lo <= hi) { fc.observe(lo, null); fc.observe(hi, null); }
  fc.nonNull += nonNull;
  fc.failedRows += failedRows;
  fc.report.nulls += nullCount;
  if (required) fc.bump('required', nullCount);
}

/**
 * Validates a dictionary-encoded column batch: every rule runs once per distinct dictionary
 * entry, then one pass over the codes counts rows; a second pass runs only to build error
 * records or to check uniqueness.
 */
function checkStringBatch(fc: FieldCheck, col: StringColumn, batch: RecordBatch, sink: ErrorSink, pending: Pending[]): void {
  const n = batch.length;
  const codes = col.codes;
  // ASCII bytes, when this field's rules can read them: no string is made for an entry that passes.
  const bytes = fc.asciiTestable ? col.bytes : undefined;
  const d = bytes !== undefined ? bytes.starts.length : col.dictionary.length;
  const hist = new Int32Array(d);
  const firsts = fc.unique ? fc.firsts : null;
  // Row of each entry's first cell, for the first occurrences a segmented validation records.
  const firstRow = firsts !== null ? new Int32Array(d).fill(-1) : null;
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0) nullCount++;
    else {
      hist[c]++;
      if (firstRow !== null && firstRow[c] < 0) firstRow[c] = i;
    }
  }
  const flags = new Int32Array(d);
  resetKeyView(fc);
  fc.batchEntryFlags = flags;
  // A number field read as text (a local number form) keys by number, in the set its number
  // columns use: 1,5 and 1,50 are one value.
  const keys: Array<string | number> | null = fc.unique ? new Array<string | number>(d) : null;
  const wasSeen = fc.unique ? new Uint8Array(d) : null;
  let anyFlag = false;
  const dateLike = fc.ordered && !fc.numeric;
  // Text lengths count for the report's range and the length rules: measured once per entry.
  const textual = fc.textual;
  if (bytes !== undefined) anyFlag = tallyAsciiEntries(fc, bytes, hist, flags);
  else for (let c = 0; c < d; c++) {
    if (hist[c] === 0) continue;
    const text = col.dictionary[c];
    const value = fc.parse(text);
    const length = textual ? codePointLength(text) : -1;
    const f = fc.flagsFor(text, value, length);
    flags[c] = f;
    if (f) { anyFlag = true; fc.countFlags(f, hist[c]); }
    let dups = 0;
    if (keys !== null && !(f & TYPE)) {
      keys[c] = typeof value === 'number' && fc.numeric ? value : logicalKey(value!);
      // A value already in the set came from an earlier batch: every occurrence here is a duplicate.
      wasSeen![c] = fc.addUnique(keys[c]) ? 0 : 1;
      if (firsts !== null && wasSeen![c] === 0) recordFirst(firsts, keys[c], batch, firstRow![c], f !== 0, text);
      dups = wasSeen![c] ? hist[c] : hist[c] - 1;
      if (dups > 0) { anyFlag = true; fc.bump('unique', dups); }
    }
    // A row fails once however many rules it breaks (for `mostly` and `valid`).
    fc.failedRows += f ? hist[c] : dups;
    if (f) continue;
    if (typeof value === 'number') fc.observe(value, dateLike ? text : null);
    if (textual) fc.observeLength(length);
  }
  fc.nonNull += n - nullCount;
  fc.report.nulls += nullCount;
  if (fc.required) fc.bump('required', nullCount);
  const wantRequired = fc.required && nullCount > 0;
  const wantValues = anyFlag && !fc.tolerant;
  if (sink.remaining <= 0 || (!wantRequired && !wantValues)) return;
  // Second pass: error records (bounded by what the report can still store).
  const collect = sink.remaining;
  let collected = 0;
  const firstSeen = wasSeen ? new Uint8Array(d) : null;
  for (let i = 0; i < n && collected < collect; i++) {
    const c = codes[i];
    if (c < 0) {
      if (wantRequired) { pending.push({ index: i, order: fc.order, rule: 'required', column: fc.name, value: null, message: 'missing value in a required column' }); collected++; }
      continue;
    }
    if (!wantValues) continue;
    const f = flags[c];
    if (f) {
      const text = col.dictionary[c];
      for (const [bit, rule] of RULE_BITS) {
        if (f & bit) { pending.push({ index: i, order: fc.order, rule, column: fc.name, value: text, message: fc.messageFor(bit, text) }); collected++; }
      }
    }
    if (firstSeen !== null && !(f & TYPE)) {
      if (wasSeen![c] || firstSeen[c]) {
        const text = col.dictionary[c];
        pending.push({ index: i, order: fc.order, rule: 'unique', column: fc.name, value: text, message: `${show(text)} duplicates an earlier row` });
        collected++;
      }
      firstSeen[c] = 1;
    }
  }
}

/**
 * The rules of an {@link FieldCheck.asciiTestable} field over a batch's ASCII dictionary entries
 * (`hist[c]` cells each), on their bytes: fills `flags`, counts failures and lengths; true when an
 * entry failed.
 */
function tallyAsciiEntries(fc: FieldCheck, bytes: DictionaryBytes, hist: Int32Array, flags: Int32Array): boolean {
  const { data, starts, lengths } = bytes;
  let anyFlag = false;
  for (let c = 0; c < hist.length; c++) {
    if (hist[c] === 0) continue;
    const length = lengths[c];
    const f = fc.flagsForAscii(data, starts[c], length);
    flags[c] = f;
    if (f) {
      anyFlag = true;
      fc.countFlags(f, hist[c]);
      fc.failedRows += hist[c];
    } else fc.observeLength(length);
  }
  return anyFlag;
}

/**
 * Validates a date/datetime column that the CSV reader decoded to epoch milliseconds
 * ({@link readsAsInstants}): the rules of {@link checkStringBatch}, per cell instead of per distinct
 * text — timestamps are mostly distinct, so a dictionary saves nothing. Cells the reader left as
 * text (another form, an offset) are parsed here by the field's own parser; a value read from
 * bytes is shown by its rebuilt text ({@link temporalText}), exactly as written.
 */
function checkTemporalBatch(fc: FieldCheck, col: NumberColumn, shape: TemporalShape, batch: RecordBatch, sink: ErrorSink, pending: Pending[]): void {
  const n = batch.length;
  const { values, nulls } = col;
  const texts = col.invalid.length ? new Map(col.invalid.map((c) => [c.index, c.text])) : null;
  const sub = col.subMilliseconds;
  const written = (v: number, i: number) => temporalText(v, shape, sub === undefined ? 0 : sub[i]);
  resetKeyView(fc);
  fc.batchShown = (row) => texts?.get(row) ?? written(values[row], row);
  const collect = sink.remaining;
  let collected = 0;
  const push = (index: number, rule: RuleName, value: string | null, message: string) => {
    if (collected < collect) { pending.push({ index, order: fc.order, rule, column: fc.name, value, message }); collected++; }
  };
  const hasMin = fc.min !== undefined, min = fc.min ?? 0;
  const hasMax = fc.max !== undefined, max = fc.max ?? 0;
  const hasXmin = fc.xmin !== undefined, xmin = fc.xmin ?? 0;
  const hasXmax = fc.xmax !== undefined, xmax = fc.xmax ?? 0;
  const { required, tolerant, unique } = fc;
  const firsts = unique ? fc.firsts : null;
  let nullCount = 0, nonNull = 0, failedRows = 0;
  let lo = Number.POSITIVE_INFINITY, hi = Number.NEGATIVE_INFINITY;
  // The extremes' rows (their texts are rebuilt once, at the end) or texts when they were text cells.
  let loRow = -1, hiRow = -1;
  let loText: string | null = null, hiText: string | null = null;
  for (let i = 0; i < n; i++) {
    if (nulls[i]) {
      nullCount++;
      if (required && collected < collect) push(i, 'required', null, 'missing value in a required column');
      continue;
    }
    nonNull++;
    let v = values[i];
    let text: string | null = null;
    if (v !== v) {
      text = texts?.get(i) ?? '';
      const parsed = fc.parse(text);
      if (typeof parsed !== 'number') {
        failedRows++;
        fc.bump('type', 1);
        markTypeFailed(fc, i, n);
        if (!tolerant) push(i, 'type', text, fc.messageFor(TYPE, text));
        continue;
      }
      v = parsed;
      // The instant, in place: the key checks after this read the column's values.
      values[i] = parsed;
    }
    let f = 0;
    // As checkNumberBatch (no instant is NaN, but one rule for every path).
    if (hasMin && !(v >= min)) f |= MINIMUM;
    if (hasMax && !(v <= max)) f |= MAXIMUM;
    if (hasXmin && !(v > xmin)) f |= EXMIN;
    if (hasXmax && !(v < xmax)) f |= EXMAX;
    let dup = false;
    if (unique) {
      const key = logicalKey(v);
      if (!fc.addUnique(key)) dup = true;
      else if (firsts !== null) recordFirst(firsts, key, batch, i, f !== 0, text ?? written(v, i));
    }
    if (f === 0) {
      if (v < lo) { lo = v; loText = text; loRow = i; }
      if (v > hi) { hi = v; hiText = text; hiRow = i; }
      if (!dup) continue;
    }
    failedRows++;
    if (f) fc.countFlags(f, 1);
    if (dup) fc.bump('unique', 1);
    if (tolerant || collected >= collect) continue;
    const shown = text ?? written(v, i);
    for (const [bit, rule] of RULE_BITS) if (f & bit) push(i, rule, shown, fc.messageFor(bit, shown));
    if (dup) push(i, 'unique', shown, `${show(shown)} duplicates an earlier row`);
  }
  if (lo <= hi) {
    fc.observe(lo, loText ?? written(lo, loRow));
    fc.observe(hi, hiText ?? written(hi, hiRow));
  }
  fc.nonNull += nonNull;
  fc.failedRows += failedRows;
  fc.report.nulls += nullCount;
  if (required) fc.bump('required', nullCount);
}

/** Whether row `i`'s cell failed its field's type in the batch just checked (see FieldCheck.batchTypeFailedRows). */
function typeFailed(fc: FieldCheck | undefined, col: Column, i: number): boolean {
  if (fc === undefined) return false;
  if (col.kind === 'number') return fc.batchTypeFailedRows !== null && fc.batchTypeFailedRows[i] === 1;
  const c = col.codes[i];
  return c >= 0 && fc.batchEntryFlags !== null && (fc.batchEntryFlags[c] & TYPE) !== 0;
}

/** How a numeric key part is shown: as written for instants and infinities, else the number. */
function keyPartShown(fc: FieldCheck | undefined, col: NumberColumn, i: number): string | number {
  return fc?.batchShown ? fc.batchShown(i) : cellValue(col.values[i]);
}

/** A primary key or unique key over one or more fields; nulls handled per kind. */
class KeyCheck {
  private readonly seen = new Set<string>();
  private readonly seenNumbers = new NumberSet();
  /** A unique numeric field whose duplicates this single-field key reuses (one set, not two). */
  private shared: FieldCheck | null = null;
  /** As {@link FieldCheck.firsts}, for a key with its own set. */
  firsts: FirstOccurrences | null = null;
  constructor(readonly rule: 'primaryKey' | 'uniqueKeys', readonly fields: string[]) {}

  get sharedField(): FieldCheck | null {
    return this.shared;
  }

  /** `primary key id`, `unique key (a, b)`: how messages name the key. */
  get label(): string {
    const kind = this.rule === 'primaryKey' ? 'primary' : 'unique';
    return this.fields.length === 1 ? `${kind} key ${this.fields[0]}` : `${kind} key (${this.fields.join(', ')})`;
  }

  shareWith(fc: FieldCheck): void {
    this.shared = fc;
    fc.dupRows = [];
  }

  check(batch: RecordBatch, byName: Map<string, Column>, fieldChecks: ReadonlyMap<string, FieldCheck>, sink: ErrorSink, pending: Pending[], order: number): void {
    const cols = this.fields.map((f) => byName.get(f));
    if (cols.some((c) => c === undefined)) return;
    const fcs = this.fields.map((f) => fieldChecks.get(f));
    const n = batch.length;
    const label = this.label;
    const firsts = this.firsts;
    let failures = 0;
    let collected = 0;
    const collect = sink.remaining;
    const single = cols.length === 1 ? cols[0]! : null;
    if (this.shared !== null && single !== null && single.kind === 'number') {
      // The field's own unique check already hashed every value: its duplicates are this key's.
      const dups = this.shared.dupRows ?? [];
      let d = 0;
      for (let i = 0; i < n; i++) {
        const isNull = single.nulls[i] === 1;
        const isDup = d < dups.length && dups[d] === i;
        if (isDup) d++;
        if (!isNull && !isDup) continue;
        if (isNull && this.rule === 'uniqueKeys') continue;
        failures++;
        if (collected++ >= collect) continue;
        const shown = keyPartShown(this.shared, single, i);
        pending.push(isNull
          ? { index: i, order, rule: this.rule, column: this.fields[0], value: null, message: `${label} has an empty part` }
          : { index: i, order, rule: this.rule, column: this.fields[0], value: shown, message: `${label} = ${show(shown)} duplicates an earlier row` });
      }
      sink.tally(this.rule, failures);
      return;
    }
    const singleCheck = fcs[0];
    // Key parts compare logically, as `unique` does and as instants read by the CSV reader do: the
    // text of a field whose values are not the texts themselves (dates, booleans, numbers in a
    // local form) is parsed, once per dictionary entry. Two writings of one instant are one key.
    const logicalOf = cols.map((col, k) => (col!.kind === 'string' && fcs[k] !== undefined && !fcs[k]!.textual ? new Array<string | undefined>(col!.dictionary.length) : null));
    for (let i = 0; i < n; i++) {
      let isNull = false;
      let fresh: boolean;
      let shown: string | number = '';
      if (single !== null && single.kind === 'number') {
        if (single.nulls[i]) isNull = true;
        // A cell that failed its type has no key value (its type error is reported).
        else if (typeFailed(singleCheck, single, i)) continue;
        const v = single.values[i];
        fresh = isNull || this.seenNumbers.add(v);
        if (!fresh) shown = keyPartShown(singleCheck, single, i);
        else if (!isNull && firsts !== null) recordFirst(firsts, v, batch, i, false, keyPartShown(singleCheck, single, i));
      } else {
        const parts: string[] = [];
        const texts: string[] = [];
        let failed = false;
        for (const [k, col] of (cols as Column[]).entries()) {
          if (col.kind === 'number') {
            if (col.nulls[i]) { isNull = true; break; }
            if (typeFailed(fcs[k], col, i)) { failed = true; break; }
            parts.push(String(col.values[i]));
            texts.push(String(keyPartShown(fcs[k], col, i)));
          } else {
            const c = col.codes[i];
            if (c < 0) { isNull = true; break; }
            if (typeFailed(fcs[k], col, i)) { failed = true; break; }
            const text = col.dictionary[c];
            parts.push(logicalOf[k] === null ? text : (logicalOf[k]![c] ??= logicalKey(fcs[k]!.parse(text)!)));
            texts.push(text);
          }
        }
        if (failed && !isNull) continue;
        shown = texts.length === 1 ? texts[0] : JSON.stringify(texts);
        if (isNull) fresh = true;
        else {
          const key = parts.join('\u0000');
          fresh = !this.seen.has(key);
          if (fresh) {
            this.seen.add(key);
            if (firsts !== null) recordFirst(firsts, key, batch, i, false, shown);
          }
        }
      }
      if (isNull) {
        // Unique keys skip rows with a null part (SQL semantics); primary keys forbid nulls.
        if (this.rule === 'uniqueKeys') continue;
        failures++;
        if (collected++ < collect) pending.push({ index: i, order, rule: this.rule, column: this.fields.join(','), value: null, message: `${label} has an empty part` });
        continue;
      }
      if (!fresh) {
        failures++;
        if (collected++ < collect) pending.push({ index: i, order, rule: this.rule, column: this.fields.join(','), value: shown, message: `${label} = ${show(shown)} duplicates an earlier row` });
      }
    }
    sink.tally(this.rule, failures);
  }
}

/** The data's header against the schema per `fieldsMatch`: header errors, or exit 2 when a required field is absent. */
export interface HeaderMatch {
  extra: string[];
  missing: string[];
  /** extraColumn / fieldOrder errors (line 1 for CSV). */
  errors: ValidationError[];
}

/** Resolves the data header against the schema per `fieldsMatch`; missing required fields are exit 2. */
/**
 * `; did you mean "Temp_Max" for temp_max, "wind " for wind?` for missing schema fields that a data
 * column matches but for case, blanks or separators (a header's trailing space is invisible in a
 * plain list of names); '' when none does.
 */
function nearNames(missing: string[], extra: string[]): string {
  const hints = missing.flatMap((name) => {
    const near = closeName(name, extra);
    return near === undefined ? [] : [`${JSON.stringify(near)} for ${name}`];
  });
  return hints.length ? `; did you mean ${hints.join(', ')}?` : '';
}

export function matchHeader(schema: TableSchema, source: Pick<TableSource, 'path' | 'format' | 'fieldNames'>): HeaderMatch {
  const mode = schema.fieldsMatch ?? 'exact';
  const header = source.fieldNames;
  const inData = new Set(header);
  const inSchema = new Set(schema.fields.map((f) => f.name));
  const missing = schema.fields.map((f) => f.name).filter((n) => !inData.has(n));
  const extra = header.filter((n) => !inSchema.has(n));
  const line = source.format === 'csv' ? 1 : null;
  const errors: ValidationError[] = [];
  if (missing.length && (mode === 'exact' || mode === 'equal' || mode === 'subset')) {
    const schemaPath = schema.source?.path;
    const near = nearNames(missing, extra);
    throw new InputError(
      `schema field${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the data (fieldsMatch: ${mode}; the data has: ${header.map((h) => JSON.stringify(h)).join(', ')})${schemaPath ? `; schema ${schemaPath}` : ''}${near}`,
      { file: source.path, line: line ?? undefined, key: missing[0] },
    );
  }
  if (mode === 'partial' && missing.length === schema.fields.length && schema.fields.length > 0) {
    throw new InputError(`none of the schema's fields is in the data (fieldsMatch: partial)`, { file: source.path, line: line ?? undefined });
  }
  if (mode === 'exact' || mode === 'equal' || mode === 'superset') {
    for (const name of extra) {
      errors.push({ line, row: null, column: name, rule: 'extraColumn', value: name, message: `column '${name}' is not in the schema (fieldsMatch: ${mode})` });
    }
  }
  if (mode === 'exact') {
    schema.fields.forEach((field, position) => {
      const at = header.indexOf(field.name);
      if (at >= 0 && at !== position) {
        errors.push({ line, row: null, column: field.name, rule: 'fieldOrder', value: at + 1, message: `column '${field.name}' is at position ${at + 1}; the schema puts it at ${position + 1} (fieldsMatch: exact)` });
      }
    });
  }
  return { extra, missing, errors };
}

/**
 * Rules an absent field still breaks (fieldsMatch `superset`/`partial` let a schema field be absent
 * from the data): every one of its cells is missing, so `required` fails, and `maxNullFraction`
 * sees a null fraction of 1. One column-level error each, not one per row.
 */
function absentFieldErrors(fc: FieldCheck, rows: number, sink: ErrorSink): void {
  const r = fc.report;
  if (rows === 0) return;
  if (fc.required) {
    r.errorCount++;
    sink.structural({ line: null, row: null, column: fc.name, rule: 'required', value: null, message: `required column '${fc.name}' is absent from the data: all ${rows} of its cells are missing` });
  }
  const allowed = fc.field.maxNullFraction;
  if (allowed !== undefined) {
    const passed = allowed >= 1;
    r.maxNullFraction = { allowed, observed: 1, passed };
    if (!passed) {
      r.errorCount++;
      sink.structural({ line: null, row: null, column: fc.name, rule: 'maxNullFraction', value: 1, message: `column '${fc.name}' is absent from the data: all ${rows} of its cells are missing; maxNullFraction allows ${formatPct(allowed)}` });
    }
  }
}

/** Compiles the schema's field and key checks; `record` keeps first occurrences of unique keys (segmented runs). */
function createChecks(schema: TableSchema, missing: readonly string[], record: boolean): { checks: FieldCheck[]; keyChecks: KeyCheck[] } {
  const missingSet = new Set(missing);
  const checks = schema.fields.map((f, i) => new FieldCheck(f, i, !missingSet.has(f.name)));
  const keyChecks: KeyCheck[] = [];
  if (schema.primaryKey !== undefined) keyChecks.push(new KeyCheck('primaryKey', Array.isArray(schema.primaryKey) ? schema.primaryKey : [schema.primaryKey]));
  for (const key of schema.uniqueKeys ?? []) keyChecks.push(new KeyCheck('uniqueKeys', Array.isArray(key) ? key : [key]));
  for (const kc of keyChecks) {
    const fc = kc.fields.length === 1 ? checks.find((c) => c.name === kc.fields[0]) : undefined;
    if (fc && fc.unique && fc.numeric && !fc.tolerant && fc.dupRows === null) kc.shareWith(fc);
  }
  if (record) {
    for (const fc of checks) if (fc.unique) fc.firsts = emptyFirsts();
    for (const kc of keyChecks) if (kc.sharedField === null) kc.firsts = emptyFirsts();
  }
  return { checks, keyChecks };
}

/** One field's tallies after a segment. */
interface FieldTally {
  failures: Partial<Record<RuleName, number>>;
  nulls: number;
  nonNull: number;
  failedRows: number;
  errorCount: number;
  min: { value: number; text: string | null } | null;
  max: { value: number; text: string | null } | null;
  minLength: number | null;
  maxLength: number | null;
  firsts: FirstOccurrences | null;
}

/**
 * What validating one segment of a file leaves: tallies that add up, its first `maxErrors` row
 * errors (rows and lines relative to the segment) and, when recorded, the first occurrences of
 * unique keys. Plain data: it crosses from a worker thread by structured clone.
 */
export interface SegmentValidation {
  rows: number;
  fields: FieldTally[];
  keys: Array<FirstOccurrences | null>;
  errors: ValidationError[];
  /** Field order of each error in `errors` (for the row, field, rule ordering of the merge). */
  errorOrder: number[];
  byRule: Partial<Record<RuleName, number>>;
  count: number;
}

/**
 * Validates a stream of batches (a whole file, or one segment of it). `record` keeps the first
 * occurrences of unique keys, which {@link mergeSegments} needs when there are several segments.
 */
export async function validateBatches(schema: TableSchema, missing: readonly string[], batches: AsyncIterable<RecordBatch>, maxErrors: number, record: boolean): Promise<SegmentValidation> {
  const sink = new ErrorSink(maxErrors);
  const { checks, keyChecks } = createChecks(schema, missing, record);
  const fieldChecks = new Map(checks.map((fc) => [fc.name, fc]));
  let rows = 0;
  const byName = new Map<string, Column>();
  for await (const batch of batches) {
    rows += batch.length;
    byName.clear();
    for (const col of batch.columns) byName.set(col.name, col);
    const pending: Pending[] = [];
    for (const fc of checks) {
      let col = byName.get(fc.name);
      if (!col) continue;
      const shape = col.kind === 'number' && !fc.numeric ? col.temporal : undefined;
      if (col.kind === 'number' && !fc.numeric && shape === undefined) { col = asStringColumn(col); byName.set(fc.name, col); }
      const before = sumFailures(fc);
      if (shape !== undefined) checkTemporalBatch(fc, col as NumberColumn, shape, batch, sink, pending);
      else if (col.kind === 'number') checkNumberBatch(fc, col, batch, sink, pending);
      else checkStringBatch(fc, col, batch, sink, pending);
      // Counted errors: required always; value rules and unique unless tolerated by `mostly`.
      const delta = diffFailures(before, fc);
      for (const [rule, count] of Object.entries(delta) as Array<[RuleName, number]>) {
        if (rule !== 'required' && fc.tolerant) continue;
        sink.tally(rule, count);
        fc.report.errorCount += count;
      }
    }
    keyChecks.forEach((kc, k) => kc.check(batch, byName, fieldChecks, sink, pending, checks.length + k));
    sink.flushBatch(batch, pending);
    // Checks keep tallies, keys and error texts, never the batch's arrays: the reader may reuse them.
    byName.clear();
    batch.release?.();
  }
  return {
    rows,
    fields: checks.map((fc) => fc.tally()),
    keys: keyChecks.map((kc) => kc.firsts && trimFirsts(kc.firsts)),
    errors: sink.stored,
    errorOrder: sink.storedOrder,
    byRule: sink.byRule,
    count: sink.count,
  };
}

/** A segment's validation and where it sits in the file. */
export interface PlacedSegment {
  state: SegmentValidation;
  /** Data rows and line breaks before the segment (0 for the first, whose lines are absolute). */
  rowOffset: number;
  lineOffset: number;
}

/**
 * Merges the segments of one file, in file order, into the report a single pass would give: the
 * tallies add up; a unique key whose first occurrence in a segment repeats a key of an earlier
 * segment is a duplicate at that row (as it would have been in one pass); the stored errors are
 * the first `maxErrors` in (row, field, rule) order — each segment kept its own first
 * `maxErrors`, so no earlier error can be missing.
 */
export function mergeSegments(schema: TableSchema, source: Pick<TableSource, 'path' | 'format' | 'fieldNames'>, header: HeaderMatch, segments: PlacedSegment[], maxErrors: number): ValidationReport {
  const mode = schema.fieldsMatch ?? 'exact';
  const sink = new ErrorSink(maxErrors);
  for (const error of header.errors) sink.structural(error);
  const { checks, keyChecks } = createChecks(schema, header.missing, false);
  let rows = 0;
  const rowErrors: Array<{ error: ValidationError; order: number }> = [];
  for (const { state, rowOffset, lineOffset } of segments) {
    rows += state.rows;
    checks.forEach((fc, j) => fc.absorb(state.fields[j]));
    for (const [rule, n] of Object.entries(state.byRule) as Array<[RuleName, number]>) sink.tally(rule, n);
    state.errors.forEach((error, k) => {
      rowErrors.push({
        error: { ...error, line: error.line !== null ? error.line + lineOffset : null, row: error.row !== null ? error.row + rowOffset : null },
        order: state.errorOrder[k],
      });
    });
  }
  if (segments.length > 1) {
    const crossDuplicate = (segment: PlacedSegment, firsts: FirstOccurrences, i: number, rule: RuleName, column: string, order: number, message: string) => {
      const line = firsts.lines[i];
      rowErrors.push({
        error: { line: line > 0 ? line + segment.lineOffset : null, row: segment.rowOffset + firsts.rows[i] + 1, column, rule, value: firstShown(firsts, i), message },
        order,
      });
    };
    checks.forEach((fc, j) => {
      if (!fc.unique) return;
      const total = segments.reduce((sum, segment) => sum + (segment.state.fields[j].firsts?.length ?? 0), 0);
      const seen = new KeySet(total);
      const shared = keyChecks.map((kc, k) => ({ kc, k })).filter(({ kc }) => kc.sharedField?.name === fc.name);
      for (const segment of segments) {
        const firsts = segment.state.fields[j].firsts;
        if (firsts === null) continue;
        for (let i = 0; i < firsts.length; i++) {
          if (seen.addFirst(firsts, i)) continue;
          fc.bump('unique', 1);
          if (!firsts.failed[i]) fc.failedRows++;
          const shown = firstShown(firsts, i);
          if (!fc.tolerant) {
            fc.report.errorCount++;
            sink.tally('unique', 1);
            crossDuplicate(segment, firsts, i, 'unique', fc.name, fc.order, `${show(shown)} duplicates an earlier row`);
          }
          for (const { kc, k } of shared) {
            sink.tally(kc.rule, 1);
            crossDuplicate(segment, firsts, i, kc.rule, kc.fields[0], checks.length + k, `${kc.label} = ${show(shown)} duplicates an earlier row`);
          }
        }
      }
    });
    keyChecks.forEach((kc, k) => {
      const seen = new KeySet(segments.reduce((sum, segment) => sum + (segment.state.keys[k]?.length ?? 0), 0));
      for (const segment of segments) {
        const firsts = segment.state.keys[k];
        if (firsts === null) continue;
        for (let i = 0; i < firsts.length; i++) {
          if (seen.addFirst(firsts, i)) continue;
          sink.tally(kc.rule, 1);
          crossDuplicate(segment, firsts, i, kc.rule, kc.fields.join(','), checks.length + k, `${kc.label} = ${show(firstShown(firsts, i))} duplicates an earlier row`);
        }
      }
    });
  }
  rowErrors.sort((a, b) => (a.error.row ?? 0) - (b.error.row ?? 0) || a.order - b.order || RULE_ORDER[a.error.rule] - RULE_ORDER[b.error.rule]);
  const keep = Math.min(maxErrors, rowErrors.length);
  for (let k = 0; k < keep; k++) sink.stored.push(rowErrors[k].error);
  sink.rowErrorsStored = keep;

  const columns: Record<string, ColumnReport> = {};
  for (const fc of checks) {
    const r = fc.report;
    r.rows = r.present ? rows : 0;
    r.nullFraction = r.rows ? r.nulls / r.rows : 0;
    r.valid = fc.nonNull - fc.failedRows;
    // Rules in RULE_ORDER, as errorsByRule: the order they were first counted in depends on the
    // batch size and the segments (threads), and the JSON report and the table must not.
    r.failures = Object.fromEntries(Object.entries(r.failures).sort(([a], [b]) => RULE_ORDER[a as RuleName] - RULE_ORDER[b as RuleName]));
    fc.finishRange();
    if (fc.field.mostly !== undefined && r.present) {
      // Great Expectations semantics: the share of non-null values that pass; vacuously 1 with none.
      const observed = fc.nonNull ? r.valid / fc.nonNull : 1;
      const passed = observed >= fc.field.mostly;
      r.mostly = { required: fc.field.mostly, observed, passed };
      if (!passed) {
        r.errorCount++;
        sink.structural({ line: null, row: null, column: fc.name, rule: 'mostly', value: observed, message: `${formatPct(observed)} of non-null values pass the column's rules (${fc.nonNull - r.valid} fail); mostly requires ${formatPct(fc.field.mostly)}` });
      }
    }
    if (fc.field.maxNullFraction !== undefined && r.present) {
      const passed = r.nullFraction <= fc.field.maxNullFraction;
      r.maxNullFraction = { allowed: fc.field.maxNullFraction, observed: r.nullFraction, passed };
      if (!passed) {
        r.errorCount++;
        sink.structural({ line: null, row: null, column: fc.name, rule: 'maxNullFraction', value: r.nullFraction, message: `${formatPct(r.nullFraction)} of cells are empty (${r.nulls} of ${r.rows}); maxNullFraction allows ${formatPct(fc.field.maxNullFraction)}` });
      }
    }
    if (!r.present) absentFieldErrors(fc, rows, sink);
    setOwn(columns, fc.name, r);
  }
  // A key over an absent field cannot hold: a primary key's parts may not be missing (unique
  // keys skip rows with a missing part, SQL-style, so one over an absent field is vacuous).
  for (const kc of keyChecks) {
    const absent = kc.fields.filter((name) => header.missing.includes(name));
    if (kc.rule !== 'primaryKey' || absent.length === 0 || rows === 0) continue;
    sink.structural({ line: null, row: null, column: absent.join(','), rule: 'primaryKey', value: null, message: `primary key (${kc.fields.join(', ')}) cannot hold: ${absent.map((n) => `'${n}'`).join(', ')} ${absent.length === 1 ? 'is' : 'are'} absent from the data, so every row's key is missing` });
  }
  return {
    valid: sink.count === 0,
    rows,
    errorCount: sink.count,
    errors: sink.stored,
    columns,
    file: source.path,
    schema: schema.source?.path ?? null,
    fieldsMatch: mode,
    // Rules in one fixed order (RULE_ORDER): the order they were first counted in differs between
    // one pass and merged segments (unique before type, or type before unique), and the JSON report
    // must be the same either way.
    errorsByRule: Object.fromEntries(Object.entries(sink.byRule).sort(([a], [b]) => RULE_ORDER[a as RuleName] - RULE_ORDER[b as RuleName])),
    maxErrors,
    truncated: sink.rowErrorsStored < sink.count - (sink.stored.length - sink.rowErrorsStored),
    extraColumns: header.extra,
    missingColumns: header.missing,
  };
}

/**
 * Validates every row of `source` against `schema`. Never stops at the first error: counts are
 * exact for every rule; `maxErrors` bounds only how many row errors are stored in the report.
 * Throws InputError (exit 2) when the data cannot be matched to the schema (a required field is
 * absent per fieldsMatch) or cannot be read.
 */
export async function validateSource(source: TableSource, schema: TableSchema, options: ValidateOptions = {}): Promise<ValidationReport> {
  const maxErrors = options.maxErrors ?? 1000;
  const header = matchHeader(schema, source);
  const state = await validateBatches(schema, header.missing, source.batches(), maxErrors, false);
  return mergeSegments(schema, source, header, [{ state, rowOffset: 0, lineOffset: 0 }], maxErrors);
}

function sumFailures(fc: FieldCheck): Partial<Record<RuleName, number>> {
  return { ...fc.report.failures };
}

function diffFailures(before: Partial<Record<RuleName, number>>, fc: FieldCheck): Partial<Record<RuleName, number>> {
  const out: Partial<Record<RuleName, number>> = {};
  for (const [rule, count] of Object.entries(fc.report.failures) as Array<[RuleName, number]>) {
    const d = count - (before[rule] ?? 0);
    if (d > 0) out[rule] = d;
  }
  return out;
}

/** 0.9523 → "95.23%". */
export function formatPct(x: number): string {
  return `${(x * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}
