import type { FieldType, SchemaField } from './types.ts';
import { civilMs, dayOfCivil, plainNumberText, zoneMinutes } from '../table/index.ts';

/**
 * A field's logical value parsed from its text: numbers for number/integer/year, epoch
 * milliseconds for date/datetime, seconds since midnight for time (so bounds compare as numbers),
 * booleans, or the text itself for string/any. `undefined` means the text is not of the type.
 */
export type Logical = number | string | boolean;
export type Parser = (text: string) => Logical | undefined;

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?\d+$/;
const ISO_DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?$/;
const YEAR_RE = /^[+-]?\d{4}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URI_RE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const DEFAULT_TRUE = ['true', 'True', 'TRUE', '1'];
export const DEFAULT_FALSE = ['false', 'False', 'FALSE', '0'];

/**
 * Frictionless number lexical form, including NaN and ±INF, and ±Infinity as the readers spell
 * infinities too (a text cell `Infinity`, a Parquet DOUBLE infinity as text): what a reader takes
 * for a number, `schema infer` and a field's own parser must take for one as well.
 */
export function parseNumberText(text: string): number | undefined {
  if (NUMBER_RE.test(text)) return Number(text);
  switch (text) {
    case 'NaN': return Number.NaN;
    case 'INF': case '+INF': case 'Infinity': case '+Infinity': return Number.POSITIVE_INFINITY;
    case '-INF': case '-Infinity': return Number.NEGATIVE_INFINITY;
    default: return undefined;
  }
}

/** Whole milliseconds of a fraction of a second (`.5`, `123456`): its first three digits, exactly. */
function fractionMs(frac: string | undefined): number {
  if (!frac) return 0;
  // Digits, not Number('0.285') * 1000, which is 284.99999999999994.
  const digits = frac.startsWith('.') ? frac.slice(1) : frac;
  return Number(`${digits}00`.slice(0, 3));
}

/** Two ASCII digits at i, or -1. */
function d2(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48, b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Epoch ms of `YYYY-MM-DD` at offset 0 of `t`, or undefined. Hand-written because dates are the
 * one string type whose values are mostly distinct per batch (a regex + Date per cell showed up
 * as 10% of validation time).
 */
function ymd(t: string): number | undefined {
  const hi = d2(t, 0), lo = d2(t, 2), mo = d2(t, 5), d = d2(t, 8);
  if (hi < 0 || lo < 0 || mo < 1 || mo > 12 || d < 1 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const day = dayOfCivil(hi * 100 + lo, mo, d);
  return day === day ? day * 86_400_000 : undefined;
}

function isoDate(text: string): number | undefined {
  return text.length === 10 ? ymd(text) : undefined;
}

function isoDatetime(text: string): number | undefined {
  // Fast path: YYYY-MM-DDThh:mm:ss with Z or nothing (the usual machine-written form).
  if ((text.length === 19 || (text.length === 20 && text.charCodeAt(19) === 90)) && (text.charCodeAt(10) === 84 || text.charCodeAt(10) === 32)) {
    const day = ymd(text);
    const h = d2(text, 11), mi = d2(text, 14), s = d2(text, 17);
    if (day === undefined || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
    return day + (h * 3600 + mi * 60 + s) * 1000;
  }
  const m = ISO_DATETIME_RE.exec(text);
  if (!m) return undefined;
  const t = civilMs(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], fractionMs(m[7]));
  return t === undefined ? undefined : t - zoneMinutes(m[8] ?? '') * 60_000;
}

function isoTime(text: string): number | undefined {
  const m = ISO_TIME_RE.exec(text);
  if (!m) return undefined;
  const h = +m[1], mi = +m[2], s = +m[3];
  if (h > 23 || mi > 59 || s > 60) return undefined;
  return h * 3600 + mi * 60 + s + fractionMs(m[4]) / 1000;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Thrown for a `format` the validator cannot honour; the loader turns it into an InputError at the key. */
export class FormatError extends Error {}

/**
 * Compiles a strptime-style pattern (`%Y-%m-%d`, `%d/%m/%Y %H:%M`) as Frictionless allows for
 * date/time/datetime formats. Supported directives: %Y %y %m %d %H %I %M %S %f %p %z %b %B %%.
 */
export function compileStrptime(format: string, kind: 'date' | 'datetime' | 'time'): (text: string) => number | undefined {
  const parts: string[] = [];
  const slots: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%') { parts.push(ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')); continue; }
    const d = format[++i];
    const group: Record<string, string> = {
      Y: '(\\d{4})', y: '(\\d{2})', m: '(\\d{1,2})', d: '(\\d{1,2})', H: '(\\d{1,2})', I: '(\\d{1,2})', M: '(\\d{1,2})',
      S: '(\\d{1,2})', f: '(\\d{1,9})', p: '(AM|PM|am|pm)', z: '(Z|[+-]\\d{2}:?\\d{2})', b: '([A-Za-z]{3})', B: '([A-Za-z]{3,9})',
    };
    if (d === '%') { parts.push('%'); continue; }
    if (d === undefined || !(d in group)) throw new FormatError(`unsupported directive '%${d ?? ''}' in format '${format}'`);
    parts.push(group[d]);
    slots.push(d);
  }
  const re = new RegExp(`^${parts.join('')}$`);
  return (text) => {
    const m = re.exec(text);
    if (!m) return undefined;
    let y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0, pm: boolean | undefined, tz: string | undefined;
    for (let k = 0; k < slots.length; k++) {
      const v = m[k + 1];
      switch (slots[k]) {
        case 'Y': y = +v; break;
        case 'y': y = +v < 69 ? 2000 + +v : 1900 + +v; break;
        case 'm': mo = +v; break;
        case 'd': d = +v; break;
        case 'H': case 'I': h = +v; break;
        case 'M': mi = +v; break;
        case 'S': s = +v; break;
        case 'f': ms = fractionMs(v); break;
        case 'p': pm = v.toLowerCase() === 'pm'; break;
        case 'z': tz = v; break;
        case 'b': case 'B': {
          const idx = MONTHS.indexOf(v.slice(0, 3).toLowerCase());
          if (idx < 0) return undefined;
          mo = idx + 1;
          break;
        }
      }
    }
    if (pm !== undefined) { if (h < 1 || h > 12) return undefined; h = (h % 12) + (pm ? 12 : 0); }
    if (kind === 'time') return h > 23 || mi > 59 || s > 60 ? undefined : h * 3600 + mi * 60 + s + ms / 1000;
    const t = civilMs(y, mo, d, h, mi, s, ms);
    return t === undefined ? undefined : t - zoneMinutes(tz ?? '') * 60_000;
  };
}

/** `format: any` for dates: ISO first, then whatever Date.parse accepts. */
function anyDate(text: string): number | undefined {
  const iso = isoDatetime(text) ?? isoDate(text);
  if (iso !== undefined) return iso;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/** Fields whose numbers are written in a local form (decimal comma, group marks, units around). */
export function hasNumberForm(field: Pick<SchemaField, 'decimalChar' | 'groupChar' | 'bareNumber'>): boolean {
  return field.decimalChar !== undefined || field.groupChar !== undefined || field.bareNumber === false;
}

/**
 * A parser that brings a local number form back to plain digits (the table layer's
 * {@link plainNumberText}, which readers use for `numberForms` too) before `parse`.
 */
function localNumber(field: Pick<SchemaField, 'decimalChar' | 'groupChar' | 'bareNumber'>, parse: Parser): Parser {
  return (text) => {
    const plain = plainNumberText(text, field);
    return plain === undefined ? undefined : parse(plain);
  };
}

const YEARMONTH_RE = /^(\d{4})-(\d{2})$/;
const NUM = '\\d+(?:[.,]\\d+)?';
/** ISO 8601 durations: `P1Y2M10DT2H30M`, `PT0.5S`, `P3W` (at least one part; `T` needs a time part). */
const DURATION_RE = new RegExp(`^P(?!$)(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?=\\d)(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`);
const GEOJSON_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Feature', 'FeatureCollection']);

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A point as `lon,lat` text when both are numbers in range (longitude ±180, latitude ±90). */
function point(lon: unknown, lat: unknown): string | undefined {
  const x = typeof lon === 'string' ? Number(lon.trim()) : lon;
  const y = typeof lat === 'string' ? Number(lat.trim()) : lat;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  if (typeof lon === 'string' && lon.trim() === '') return undefined;
  if (typeof lat === 'string' && lat.trim() === '') return undefined;
  return x >= -180 && x <= 180 && y >= -90 && y <= 90 ? `${x},${y}` : undefined;
}

/** Geopoint parsers per format: `default` "lon, lat", `array` [lon, lat], `object` {"lon", "lat"}. */
function geopointParser(format: string): Parser {
  switch (format) {
    case 'default': return (t) => {
      const parts = t.split(',');
      return parts.length === 2 ? point(parts[0], parts[1]) : undefined;
    };
    case 'array': return (t) => {
      const v = json(t);
      return Array.isArray(v) && v.length === 2 ? point(v[0], v[1]) : undefined;
    };
    case 'object': return (t) => {
      const v = json(t);
      return isObject(v) && Object.keys(v).length === 2 ? point(v.lon, v.lat) : undefined;
    };
    default: throw new FormatError(`unsupported geopoint format '${format}' (default, array, object)`);
  }
}

/** The items of a `list` cell, split at the field's delimiter (an empty cell has none). */
export function listItems(field: Pick<SchemaField, 'delimiter'>, text: string): string[] {
  return text === '' ? [] : text.split(field.delimiter ?? ',');
}

/** The number of items of a collection value (array, list, object): what minLength/maxLength count for them. */
export function collectionLength(field: Pick<SchemaField, 'type' | 'delimiter'>, text: string): number {
  if (field.type === 'list') return listItems(field, text).length;
  const v = json(text);
  return Array.isArray(v) ? v.length : isObject(v) ? Object.keys(v).length : 0;
}

/** Types whose minLength/maxLength count items rather than characters. */
export function isCollectionType(type: FieldType): boolean {
  return type === 'array' || type === 'list' || type === 'object';
}

/** The parser of a field's type and format. Throws FormatError for an unsupported format. */
export function fieldParser(field: Pick<SchemaField, 'type' | 'format' | 'trueValues' | 'falseValues' | 'decimalChar' | 'groupChar' | 'bareNumber' | 'delimiter' | 'itemType'>): Parser {
  const format = field.format ?? 'default';
  switch (field.type) {
    case 'yearmonth': return (t) => {
      const m = YEARMONTH_RE.exec(t);
      const month = m ? Number(m[2]) : 0;
      return m && month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : undefined;
    };
    case 'duration': return (t) => (DURATION_RE.test(t) ? t : undefined);
    case 'object': return (t) => {
      const v = json(t);
      return isObject(v) ? JSON.stringify(v) : undefined;
    };
    case 'array': return (t) => {
      const v = json(t);
      return Array.isArray(v) ? JSON.stringify(v) : undefined;
    };
    case 'list': {
      const itemType = field.itemType ?? 'string';
      if (itemType === 'list' || itemType === 'array' || itemType === 'object' || itemType === 'geojson') throw new FormatError(`a list's itemType cannot be '${itemType}'`);
      const item = fieldParser({ type: itemType });
      const delimiter = field.delimiter ?? ',';
      return (t) => {
        const items = listItems(field, t);
        return items.every((x) => item(x) !== undefined) ? items.join(delimiter) : undefined;
      };
    }
    case 'geopoint': return geopointParser(format);
    case 'geojson': {
      if (format !== 'default' && format !== 'topojson') throw new FormatError(`unsupported geojson format '${format}' (default, topojson)`);
      return (t) => {
        const v = json(t);
        if (!isObject(v) || typeof v.type !== 'string') return undefined;
        const ok = format === 'topojson' ? v.type === 'Topology' && isObject(v.objects) : GEOJSON_TYPES.has(v.type);
        return ok ? JSON.stringify(v) : undefined;
      };
    }
    case 'number': return hasNumberForm(field) ? localNumber(field, parseNumberText) : parseNumberText;
    case 'integer': {
      const integer: Parser = (t) => (INTEGER_RE.test(t) ? Number(t) : undefined);
      return hasNumberForm(field) ? localNumber(field, integer) : integer;
    }
    case 'year': return (t) => (YEAR_RE.test(t) ? Number(t) : undefined);
    case 'boolean': {
      const yes = new Set(field.trueValues ?? DEFAULT_TRUE);
      const no = new Set(field.falseValues ?? DEFAULT_FALSE);
      return (t) => (yes.has(t) ? true : no.has(t) ? false : undefined);
    }
    case 'date':
      if (format === 'default') return isoDate;
      if (format === 'any') return anyDate;
      return compileStrptime(format, 'date');
    case 'datetime':
      if (format === 'default') return isoDatetime;
      if (format === 'any') return anyDate;
      return compileStrptime(format, 'datetime');
    case 'time':
      if (format === 'default') return isoTime;
      if (format === 'any') return (t) => isoTime(t) ?? compileStrptime('%H:%M', 'time')(t);
      return compileStrptime(format, 'time');
    case 'string': {
      const re = { default: null, email: EMAIL_RE, uri: URI_RE, uuid: UUID_RE, binary: BASE64_RE }[format];
      if (re === undefined) throw new FormatError(`unsupported string format '${format}' (default, email, uri, uuid, binary)`);
      return re === null ? (t) => t : (t) => (re.test(t) ? t : undefined);
    }
    case 'any': return (t) => t;
  }
}

/** Types whose values are ordered (minimum/maximum apply). */
export function isOrderedType(type: FieldType): boolean {
  return type === 'number' || type === 'integer' || type === 'year' || type === 'yearmonth' || type === 'date' || type === 'datetime' || type === 'time';
}

/** Types the reader decodes as numbers (Float64Array) rather than dictionary-encoded strings. */
export function isNumericType(type: FieldType): boolean {
  return type === 'number' || type === 'integer';
}

/** A canonical text for a logical value: equal logical values have equal keys (uniqueness, enum). */
export function logicalKey(value: Logical): string {
  return typeof value === 'number' ? (Object.is(value, -0) ? '0' : String(value)) : typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
}
