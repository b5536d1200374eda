import yaml from 'js-yaml';
import { InputError } from '../core/errors.ts';
import { openTable, parseLocalNumber } from '../table/index.ts';
import type { NumberForm, StringColumn, TableSource } from '../table/types.ts';
import type { FieldRole, FieldType, SchemaField, TableSchema } from './types.ts';
import { compileStrptime, fieldParser, parseNumberText, type Parser } from './values.ts';

export interface InferOptions {
  /** A string column with at most this many distinct values (and each seen twice on average) gets an enum. Default 20. */
  maxEnum?: number;
  /** Cell texts read as null. Default `[""]`. */
  missingValues?: string[];
}

// Candidate types, most specific first; a column takes the first type every non-null value fits.
const CANDIDATES: FieldType[] = ['boolean', 'integer', 'number', 'date', 'datetime', 'time'];
const BOOLEAN_TEXTS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const INTEGER_RE = /^[+-]?\d+$/;
/**
 * Digits after a leading zero ("00501", "0123"): codes (zip codes, phone numbers, product codes)
 * that a number type would silently change — such a column stays text. Profiles agree: `detect`
 * decoding reads only canonical decimals as numbers.
 */
const LEADING_ZERO_RE = /^[+-]?0\d/;

/**
 * Integer digits past 2^53 that a double does not keep (snowflake ids, 64-bit hashes): a number
 * type would make distinct values equal (1234567890123456789 and …790 are one double, printed
 * …800), merging ids and inventing duplicates. Such a column stays text, where values compare
 * exactly. Digits that print back from their double as written (9007199254740992, a large float
 * printed in full by JavaScript) are still a number: distinct texts stay distinct numbers.
 */
function isWideInteger(text: string): boolean {
  const t = text.trim();
  if (!INTEGER_RE.test(t)) return false;
  const v = Number(t);
  return !Number.isSafeInteger(v) && String(v) !== t.replace(/^\+/, '');
}
/** Parsers of the temporal candidates, as validation reads them: epoch ms (date, datetime), seconds (time). */
const TEMPORAL_PARSERS: Partial<Record<FieldType, Parser>> = {
  date: fieldParser({ type: 'date' }),
  datetime: fieldParser({ type: 'datetime' }),
  time: fieldParser({ type: 'time' }),
};

/** Whether a text fits a non-temporal candidate type (temporal ones are parsed into a {@link TemporalRange}). */
function fits(type: FieldType, text: string): boolean {
  switch (type) {
    case 'boolean': return BOOLEAN_TEXTS.has(text);
    case 'integer': return INTEGER_RE.test(text) && !LEADING_ZERO_RE.test(text) && Number.isSafeInteger(Number(text));
    case 'number': return !LEADING_ZERO_RE.test(text) && !isWideInteger(text) && parseNumberText(text) !== undefined;
    default: return true;
  }
}

/**
 * The earliest and latest values of a temporal candidate, compared as validation compares bounds
 * (instants, seconds of the day), with their texts as written: those texts are the inferred
 * bounds. Texts do not sort chronologically once offsets (`05:00:00+09:00` is before
 * `01:00:00Z`), fractions (`00.5Z` after `00Z`) or a space for `T` mix, and a text range could
 * then be empty or exclude the data it came from.
 */
class TemporalRange {
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  minText = '';
  maxText = '';

  add(at: number, text: string): void {
    if (at < this.min) { this.min = at; this.minText = text; }
    if (at > this.max) { this.max = at; this.maxText = text; }
  }
}

/**
 * Numbers in a local form, and the values that prove the form (a lone `1,234` could be either):
 * a decimal comma (`3,25`, `1.234,5`: a comma not followed by exactly three digits, or after `.`
 * groups) or a thousands comma (`1,234.5`, `1,234,567`).
 */
const DECIMAL_COMMA_RE = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const DECIMAL_COMMA_PROOF = /,(?:\d{1,2}|\d{4,})$|\.\d{3}.*,\d+$/;
const GROUP_COMMA_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const GROUP_COMMA_PROOF = /,\d{3}\.\d+$|,\d{3},\d{3}/;

/** One candidate local number form: whether every value fits, whether one proves it, the range. */
class FormCandidate {
  fits = true;
  proven = false;
  /** Whether some value uses `.` as its group mark (decimal-comma form only). */
  dotGroups = false;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  constructor(private readonly pattern: RegExp, private readonly proof: RegExp, private readonly form: NumberForm) {}

  add(text: string): void {
    if (!this.fits) return;
    if (!this.pattern.test(text) || LEADING_ZERO_RE.test(text)) {
      this.fits = false;
      return;
    }
    if (this.proof.test(text)) this.proven = true;
    if (this.form.decimalChar === ',' && text.includes('.')) this.dotGroups = true;
    // The pattern admits only digits, marks and a sign: the form's reading is a number.
    const v = parseLocalNumber(text, this.form)!;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
}

/**
 * The local number form that every text fits and at least one proves (`3,25`, `1.234,5`,
 * `1,234.5`), or null: for reading a column of numbers that no schema describes. Texts that are
 * all plain numbers prove no form.
 */
export function detectNumberForm(texts: Iterable<string>): Pick<SchemaField, 'decimalChar' | 'groupChar'> | null {
  const forms = new LocalForms();
  for (const text of texts) {
    forms.add(text);
    if (!forms.anyNumberForm()) return null;
  }
  return forms.numberForm()?.form ?? null;
}

/**
 * Dates written the way spreadsheets export them. A column takes a format when every value parses
 * with it and no other candidate: `31/01/2024` rules out month-first, `01/31/2024` day-first, and a
 * column of only `01/02/2024`-like values fits both and stays text (as ambiguous numbers do).
 */
const DATE_FORMATS = ['%d/%m/%Y', '%m/%d/%Y', '%d.%m.%Y', '%Y/%m/%d'] as const;

class DateFormatCandidate {
  fits = true;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private readonly parse: (text: string) => number | undefined;
  constructor(readonly format: string) {
    this.parse = compileStrptime(format, 'date');
  }

  add(text: string): void {
    if (!this.fits) return;
    const t = this.parse(text);
    if (t === undefined) {
      this.fits = false;
      return;
    }
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
  }
}

/**
 * The local number forms and spreadsheet date formats a text column's values could be written in.
 * Fed the distinct texts of columns that no plain type fits, after the main pass: the candidates
 * cost a few regular expressions per value, too much for every column of a large file.
 */
class LocalForms {
  private readonly decimalComma = new FormCandidate(DECIMAL_COMMA_RE, DECIMAL_COMMA_PROOF, { decimalChar: ',', groupChar: '.' });
  private readonly groupComma = new FormCandidate(GROUP_COMMA_RE, GROUP_COMMA_PROOF, { groupChar: ',' });
  private readonly dateFormats = DATE_FORMATS.map((f) => new DateFormatCandidate(f));
  private seen = false;

  add(text: string): void {
    this.seen = true;
    this.decimalComma.add(text);
    this.groupComma.add(text);
    for (const d of this.dateFormats) d.add(text);
  }

  /** Whether a number form still fits every value added. */
  anyNumberForm(): boolean {
    return this.decimalComma.fits || this.groupComma.fits;
  }

  /** Whether a number form or a date format still fits every value added. */
  anyForm(): boolean {
    return this.anyNumberForm() || this.dateFormats.some((d) => d.fits);
  }

  /** The local number form every value fits and one proves; null if none. */
  numberForm(): { form: Pick<SchemaField, 'decimalChar' | 'groupChar'>; min: number; max: number } | null {
    if (!this.seen) return null;
    const d = this.decimalComma;
    if (d.fits && d.proven) return { form: d.dotGroups ? { decimalChar: ',', groupChar: '.' } : { decimalChar: ',' }, min: d.min, max: d.max };
    const g = this.groupComma;
    if (g.fits && g.proven) return { form: { groupChar: ',' }, min: g.min, max: g.max };
    return null;
  }

  /** The one spreadsheet date format every value parses with, and the range; null if none or several fit. */
  dateFormat(): { format: string; min: number; max: number } | null {
    if (!this.seen) return null;
    const fitting = this.dateFormats.filter((d) => d.fits);
    return fitting.length === 1 ? { format: fitting[0]!.format, min: fitting[0]!.min, max: fitting[0]!.max } : null;
  }
}

/** Distinct texts counted exactly up to this many per column, so memory stays bounded on wide files. */
const DISTINCT_TEXT_CAP = 10_000;
/** Text columns with more distinct values than this (and mostly distinct) are not useful categories. */
const MAX_CATEGORY_VALUES = 50;

/** Running facts about one column. */
class ColumnFacts {
  rows = 0;
  nulls = 0;
  /** Bit i set while every value so far fits CANDIDATES[i]. */
  possible = (1 << CANDIDATES.length) - 1;
  distinct: Map<string, number> | null = new Map();
  /** Every value seen, only for columns that might be ids (bounded by the file's row count). */
  seen: Set<string> | null;
  unique = true;
  /** Range of the finite numbers; which special values occurred (they decide which bounds a number column gets). */
  minNum = Number.POSITIVE_INFINITY;
  maxNum = Number.NEGATIVE_INFINITY;
  nan = false;
  posInf = false;
  negInf = false;
  /** Per candidate (CANDIDATES order): the range of a temporal type, null for the others. */
  readonly ranges = CANDIDATES.map((t) => (TEMPORAL_PARSERS[t] !== undefined ? new TemporalRange() : null));
  /** Distinct texts, the first DISTINCT_TEXT_CAP of them; `textsComplete` once false, there were more. */
  readonly texts = new Set<string>();
  textsComplete = true;
  /** Local forms of a text column (set after the main pass, see {@link LocalForms}). */
  forms: LocalForms | null = null;
  /** `missing`: texts of this column read as null besides the table's (see {@link NA_TEXTS}). */
  constructor(readonly name: string, readonly distinctCap: number, private readonly missing: ReadonlySet<string> = new Set()) {
    this.seen = looksLikeId(name) ? new Set() : null;
  }

  add(col: StringColumn, n: number): void {
    const hist = new Int32Array(col.dictionary.length);
    const missing = this.missing.size > 0 ? col.dictionary.map((text) => this.missing.has(text)) : null;
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      if (c < 0 || missing?.[c] === true) this.nulls++;
      else hist[c]++;
    }
    this.rows += n;
    col.dictionary.forEach((text, c) => {
      const count = hist[c];
      if (count === 0) return;
      for (let t = 0; t < CANDIDATES.length; t++) {
        if (!(this.possible & (1 << t))) continue;
        const range = this.ranges[t];
        if (range === null) {
          if (!fits(CANDIDATES[t], text)) this.possible &= ~(1 << t);
          continue;
        }
        const at = TEMPORAL_PARSERS[CANDIDATES[t]]!(text);
        if (typeof at === 'number') range.add(at, text);
        else this.possible &= ~(1 << t);
      }
      if (this.distinct) {
        this.distinct.set(text, (this.distinct.get(text) ?? 0) + count);
        if (this.distinct.size > this.distinctCap) this.distinct = null;
      }
      if (this.seen && this.unique) {
        if (count > 1 || this.seen.has(text)) { this.unique = false; this.seen = null; } else this.seen.add(text);
      }
      if (this.textsComplete && !this.texts.has(text)) {
        if (this.texts.size < DISTINCT_TEXT_CAP) this.texts.add(text);
        else this.textsComplete = false;
      }
      const num = parseNumberText(text);
      if (num === undefined) return;
      if (Number.isFinite(num)) { if (num < this.minNum) this.minNum = num; if (num > this.maxNum) this.maxNum = num; }
      else if (num !== num) this.nan = true;
      else if (num > 0) this.posInf = true;
      else this.negInf = true;
    });
  }

  type(): FieldType {
    if (this.rows === this.nulls) return 'string';
    for (let t = 0; t < CANDIDATES.length; t++) if (this.possible & (1 << t)) return CANDIDATES[t];
    return 'string';
  }

  /**
   * Free text or names: more than MAX_CATEGORY_VALUES distinct values, most of them seen once or
   * twice (at least half the cells distinct). One-hot over its 50 most frequent values would teach
   * a model noise, and its frequencies cannot be compared for drift.
   */
  highCardinalityText(): boolean {
    const nonNull = this.rows - this.nulls;
    // Past the cap the count is unknown, but more than the cap: half the cells at least when there
    // are at most twice as many; on larger files the column keeps the benefit of the doubt.
    if (!this.textsComplete) return nonNull <= 2 * DISTINCT_TEXT_CAP;
    return this.texts.size > MAX_CATEGORY_VALUES && this.texts.size >= 0.5 * nonNull;
  }
}

function looksLikeId(name: string): boolean {
  return /^id$/i.test(name) || /[_\s.-]id$/i.test(name) || /[a-z]Id$/.test(name) || /ID$/.test(name) || /^id[_\s.-]/i.test(name);
}

function guessRole(name: string, type: FieldType, unique: boolean): FieldRole {
  if (/^(label|target|class|y)$/i.test(name)) return 'label';
  if (unique && (type === 'integer' || type === 'string') && looksLikeId(name)) return 'id';
  if (type === 'date' || type === 'datetime') return 'timestamp';
  return 'feature';
}

/** Infers a schema from an opened source (decoded as strings). */
/**
 * Spellings of "no value" that R (`NA`), spreadsheets (`#N/A`, `-`), SQL exports (`NULL`) and
 * Python (`None`) write into otherwise numeric or date columns. Not NaN: it is a number.
 */
const NA_TEXTS = new Set(['NA', 'N/A', 'n/a', 'na', 'NULL', 'null', 'None', '#N/A', '-', '?']);

/**
 * Columns whose only texts that are not numbers are a few {@link NA_TEXTS} (an `age` column of R's
 * write.csv with `NA` cells): those texts, by column. Inferred as they are, such columns were
 * `string`, and training one-hot encoded the ages.
 */
function naCandidates(facts: ColumnFacts[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of facts) {
    if (f.type() !== 'string' || !f.textsComplete) continue;
    const others = [...f.texts].filter((text) => parseNumberText(text) === undefined);
    if (others.length > 0 && others.length <= 3 && others.length < f.texts.size && others.every((text) => NA_TEXTS.has(text))) out.set(f.name, new Set(others));
  }
  return out;
}

/**
 * Infers a schema from an opened table (see {@link inferSchema}). A column whose only non-numbers
 * are a few spellings of "no value" (`NA`, `NULL`, `#N/A`…) gets them as its own `missingValues`
 * (Table Schema v2, replacing the table's for that field) and the type its other values have —
 * unless the caller chose the missing values, or the column is text without them too.
 */
export async function inferSchemaFromSource(source: TableSource, options: InferOptions = {}): Promise<TableSchema> {
  const first = await inferFields(source, options, new Map());
  const candidates = options.missingValues === undefined ? naCandidates(first.facts) : new Map<string, Set<string>>();
  let fields = first.fields;
  if (candidates.size > 0) {
    // One more pass over the data, with those texts read as null in their columns.
    const again = await inferFields(source, options, candidates);
    fields = first.fields.map((field, i) => {
      const na = candidates.get(field.name);
      const retyped = again.fields[i];
      if (na === undefined || retyped.type === 'string') return field;
      return { ...retyped, missingValues: ['', ...[...na].sort()] };
    });
  }
  return { fields, missingValues: options.missingValues ?? [''] };
}

async function inferFields(source: TableSource, options: InferOptions, naTexts: ReadonlyMap<string, ReadonlySet<string>>): Promise<{ fields: SchemaField[]; facts: ColumnFacts[] }> {
  const maxEnum = options.maxEnum ?? 20;
  const facts = source.fieldNames.map((name) => new ColumnFacts(name, maxEnum, naTexts.get(name)));
  const byName = new Map(facts.map((f) => [f.name, f]));
  for await (const batch of source.batches()) {
    for (const col of batch.columns) {
      const f = byName.get(col.name);
      if (!f) continue;
      if (col.kind === 'string') f.add(col, batch.length);
      else {
        // Natively numeric columns (Parquet/Arrow) arrive as numbers: view them as text for the same rules.
        const dictionary: string[] = [];
        const index = new Map<string, number>();
        const codes = new Int32Array(batch.length);
        for (let i = 0; i < batch.length; i++) {
          if (col.nulls[i]) { codes[i] = -1; continue; }
          const text = String(col.values[i]);
          let c = index.get(text);
          if (c === undefined) { c = dictionary.length; index.set(text, c); dictionary.push(text); }
          codes[i] = c;
        }
        f.add({ kind: 'string', name: col.name, codes, dictionary }, batch.length);
      }
    }
  }
  // Text columns may be numbers or dates in a local form: test their distinct values. Past the cap,
  // only a column whose first values still fit a form is read again for the rest.
  const reread: ColumnFacts[] = [];
  for (const f of facts) {
    if (f.type() !== 'string' || f.rows === f.nulls) continue;
    f.forms = new LocalForms();
    for (const text of f.texts) f.forms.add(text);
    if (!f.textsComplete && f.forms.anyForm()) reread.push(f);
  }
  if (reread.length > 0) {
    const again = new Map(reread.map((f) => [f.name, f.forms!]));
    for await (const batch of source.batches()) {
      for (const col of batch.columns) {
        const forms = again.get(col.name);
        if (forms && col.kind === 'string') for (const text of col.dictionary) forms.add(text);
      }
    }
  }
  const fields: SchemaField[] = facts.map((f) => {
    const local = f.forms?.numberForm() ?? null;
    const dated = local ? null : f.forms?.dateFormat() ?? null;
    const type = local ? 'number' : dated ? 'date' : f.type();
    const field: SchemaField = { name: f.name, type, role: 'feature', ...local?.form, ...(dated ? { format: dated.format } : {}) };
    const constraints: NonNullable<SchemaField['constraints']> = {};
    if (f.rows > 0 && f.nulls === 0) constraints.required = true;
    if (local) {
      // Bounds as plain YAML numbers: a bound in the field's own form would be a string.
      constraints.minimum = local.min;
      constraints.maximum = local.max;
    }
    const unique = f.seen !== null && f.unique && f.rows > f.nulls;
    // A timestamp column gets a lower bound only: tomorrow's rows are later than every row seen,
    // so an observed maximum would fail the next batch of data on every new row. So does an id.
    let role = guessRole(f.name, type, unique);
    if (role === 'feature' && type === 'string' && f.highCardinalityText()) role = 'ignore';
    if (role === 'id' && unique) constraints.unique = true;
    const range = f.ranges[CANDIDATES.indexOf(type)] ?? null;
    if (!local && (type === 'integer' || type === 'number')) {
      // The schema must pass the data it came from. NaN is outside every range (validation fails
      // it on any bound): a column holding NaN gets none. An infinity leaves its side open (a
      // bound of ±Infinity has no JSON form, and is no bound).
      if (!f.nan && Number.isFinite(f.minNum)) {
        if (!f.negInf) constraints.minimum = f.minNum;
        // An id grows as rows are added (the next order, the next user): no upper bound.
        if (!f.posInf && role !== 'id') constraints.maximum = f.maxNum;
      }
    } else if (dated) {
      // Bounds in ISO, which a formatted field accepts too: unambiguous to a reader of the schema.
      constraints.minimum = new Date(dated.min).toISOString().slice(0, 10);
      if (role !== 'timestamp') constraints.maximum = new Date(dated.max).toISOString().slice(0, 10);
    } else if (range !== null && range.min <= range.max) {
      // The earliest and latest values as instants, each written as in the data.
      constraints.minimum = range.minText;
      if (role !== 'timestamp') constraints.maximum = range.maxText;
    }
    const nonNull = f.rows - f.nulls;
    if (type === 'string' && f.distinct && f.distinct.size > 0 && nonNull >= 2 * f.distinct.size && role !== 'id') {
      constraints.enum = [...f.distinct.keys()].sort();
    }
    field.role = role;
    if (Object.keys(constraints).length) field.constraints = constraints;
    return field;
  });
  return { fields, facts };
}

/**
 * Infers a schema from a data file, or from several files of one dataset (shards: read one after
 * the other, as one table; their columns must agree): types, required, enums, ranges and role guesses.
 */
export async function inferSchema(paths: string | string[], options: InferOptions = {}): Promise<TableSchema> {
  const list = Array.isArray(paths) ? paths : [paths];
  const readOptions = { defaultDecoding: 'string' as const, missingValues: options.missingValues ?? [''] };
  const sources: TableSource[] = [];
  for (const path of list) sources.push(await openTable(path, readOptions));
  const first = sources[0]!;
  for (const other of sources.slice(1)) {
    if (other.fieldNames.join('\u0000') !== first.fieldNames.join('\u0000')) {
      throw new InputError(`the files of one schema must have the same columns: ${first.path} has ${first.fieldNames.join(', ')}; this file has ${other.fieldNames.join(', ')}`, { file: other.path });
    }
  }
  if (sources.length === 1) return inferSchemaFromSource(first, options);
  return inferSchemaFromSource({
    ...first,
    async *batches() {
      for (const source of sources) yield* source.batches();
    },
  }, options);
}

/** YAML text of a schema: fields as blocks, constraints inline, ready to edit and commit. */
export function dumpSchema(schema: TableSchema): string {
  const { source: _source, ...plain } = schema;
  return yaml.dump(plain, { lineWidth: 120, noRefs: true, flowLevel: 3, quotingType: '"' });
}
