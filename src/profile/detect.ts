import type { ProfiledType } from './types.ts';
import { daysInMonth } from '../table/temporal.ts';

/**
 * Cell type detection for text cells (CSV read as strings, string columns of any format). A cell
 * counts under its most specific type, tried in this order: boolean, integer, number, date,
 * datetime, string. Number syntax is the readers' (plain decimal or exponent, surrounding blanks
 * allowed, plus NaN/INF/Infinity); "1"/"0" are integers, not booleans.
 */

// A leading zero followed by a digit ("00501", "0123") is a code (zip, phone, product), not a
// number: a number type would silently change it. Schema inference keeps such columns as text
// (src/schema/infer.ts) and `detect` decoding reads them as text; profiles count them as text too.
const DECIMAL = /^\s*[+-]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const SPECIAL = /^\s*(?:NaN|[+-]?INF|[+-]?Infinity)\s*$/;
const BOOLEAN = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Dates as spreadsheets export them: `31/01/2024`, `1/31/2024`, `31.01.2024`, `2024/01/31`. */
const SPREADSHEET_DATE = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$|^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/** The detected type of a text cell and, for integer/number cells, its numeric value (else NaN). */
export interface Detected {
  type: ProfiledType;
  value: number;
}

// Type codes of detectCode: indices into TYPE_NAMES.
const INTEGER = 0;
const NUMBER = 1;
const BOOLEAN_T = 2;
const DATE_T = 3;
const DATETIME_T = 4;
const STRING = 5;

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The two-digit number at text[i, i+2), or −1 unless both are ASCII digits. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  // NaN past the end fails both comparisons.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  return a * 10 + b;
}

/**
 * Date or datetime recognition of a text with a digit first and '-' at index 4, as the patterns
 *   date      ^(\d{4})-(\d{2})-(\d{2})$
 *   datetime  ^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$
 * read it (with calendar and clock checks), scanned by hand: the regular expressions with captures
 * cost ~0.3 µs a text, most of the detection time of a column of unique datetimes (bench file).
 */
function dateCode(text: string): number {
  const n = text.length;
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0 || text.charCodeAt(7) !== 45) return STRING;
  if (!validDate(y1 * 100 + y2, month, day)) return STRING;
  if (n === 10) return DATE_T;
  const sep = text.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return STRING;
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  if (hours < 0 || hours > 23 || text.charCodeAt(13) !== 58 || minutes < 0 || minutes > 59) return STRING;
  let i = 16;
  if (i < n && text.charCodeAt(i) === 58) {
    const seconds = twoDigits(text, i + 1);
    if (seconds < 0 || seconds > 60) return STRING;
    i += 3;
    if (text.charCodeAt(i) === 46) {
      const start = ++i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        i++;
      }
      if (i === start) return STRING;
    }
  }
  if (i === n) return DATETIME_T;
  const zone = text.charCodeAt(i);
  if (zone === 90) i++;
  else if (zone === 43 || zone === 45) {
    if (twoDigits(text, i + 1) < 0) return STRING;
    i += 3;
    if (i < n) {
      if (text.charCodeAt(i) === 58) i++;
      if (twoDigits(text, i) < 0) return STRING;
      i += 2;
    }
  } else return STRING;
  return i === n ? DATETIME_T : STRING;
}

/**
 * A spreadsheet date: a real calendar date read day-first or month-first (which one does not
 * matter for the type; `schema infer` settles the format). Such a column is a timestamp for drift,
 * not hundreds of categories that every new window "changes".
 */
function spreadsheetDateCode(text: string): number {
  const m = SPREADSHEET_DATE.exec(text);
  if (m === null) return STRING;
  if (m[5] !== undefined) return validDate(Number(m[5]), Number(m[6]), Number(m[7])) ? DATE_T : STRING;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = Number(m[4]);
  return validDate(year, b, a) || validDate(year, a, b) ? DATE_T : STRING;
}

/**
 * Hand-rolled scan of the plain decimal syntax (no blanks): 1 for an integer, 2 for a number,
 * 0 otherwise (a leading zero followed by a digit included: see DECIMAL). Faster than the regular
 * expressions on the hot path (one call per distinct value).
 */
function scanDecimal(text: string): number {
  // Every read is bounds-checked: charCodeAt past the end returns NaN through a slow path.
  const n = text.length;
  if (n === 0) return 0;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 43 || c === 45) {
    if (++i === n) return 0;
    c = text.charCodeAt(i);
  }
  if (c === 48 && i + 1 < n) {
    const next = text.charCodeAt(i + 1);
    if (next >= 48 && next <= 57) return 0;
  }
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    if (++i === n) return 1;
    c = text.charCodeAt(i);
  }
  let frac = 0;
  if (c === 46) {
    while (++i < n) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      frac++;
    }
    if (digits + frac === 0) return 0;
    if (i === n) return 2;
  } else if (digits === 0) return 0;
  if (c !== 101 && c !== 69) return 0;
  if (++i === n) return 0;
  c = text.charCodeAt(i);
  if (c === 43 || c === 45) {
    if (++i === n) return 0;
    c = text.charCodeAt(i);
  }
  while (c >= 48 && c <= 57) {
    if (++i === n) return 2;
    c = text.charCodeAt(i);
  }
  return 0;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Type codes of {@link detectCode}, in the order of {@link TYPE_NAMES}. */
export const TYPE_NAMES: readonly ProfiledType[] = ['integer', 'number', 'boolean', 'date', 'datetime', 'string'];

/** Numeric value of the last {@link detectCode} call (NaN unless it returned integer/number). */
export let detectedValue = NaN;

/**
 * Allocation-free detection (the profiler's hot path): returns the index of the cell's type in
 * {@link TYPE_NAMES} and leaves its numeric value in {@link detectedValue}.
 */
export function detectCode(text: string): number {
  const kind = scanDecimal(text);
  if (kind !== 0) {
    detectedValue = Number(text);
    return kind === 1 ? INTEGER : NUMBER;
  }
  detectedValue = NaN;
  const first = text.charCodeAt(0);
  if (isBlank(first) || isBlank(text.charCodeAt(text.length - 1))) {
    // Numbers with surrounding blanks are numbers for the readers too.
    const trimmed = text.trim();
    const k = trimmed === '' ? 0 : scanDecimal(trimmed);
    if (k !== 0) {
      detectedValue = Number(trimmed);
      return k === 1 ? INTEGER : NUMBER;
    }
  }
  if ((first === 78 || first === 73 || first === 43 || first === 45 || isBlank(first)) && SPECIAL.test(text)) return NUMBER;
  if (first >= 48 && first <= 57 && text.length >= 10 && text.charCodeAt(4) === 45) return dateCode(text);
  const n = text.length;
  if (first >= 48 && first <= 57 && n >= 8 && n <= 10) {
    const c1 = text.charCodeAt(1), c2 = text.charCodeAt(2);
    if (c1 === 47 || c2 === 47 || c1 === 46 || c2 === 46 || text.charCodeAt(4) === 47) return spreadsheetDateCode(text);
  }
  // Only 4- and 5-letter texts starting t/T/f/F can be booleans: spares a Set lookup (a string hash) per text.
  if ((n === 4 || n === 5) && (first === 116 || first === 84 || first === 102 || first === 70) && BOOLEAN.has(text)) return BOOLEAN_T;
  return STRING;
}

/** Detects the most specific type of a non-null text cell. */
export function detectType(text: string): Detected {
  const code = detectCode(text);
  return { type: TYPE_NAMES[code], value: detectedValue };
}

const DECIMAL_ONLY = DECIMAL;
/** Parses a text as a finite number with the readers' syntax, or returns undefined. */
export function finiteNumberText(text: string): number | undefined {
  if (!DECIMAL_ONLY.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}
