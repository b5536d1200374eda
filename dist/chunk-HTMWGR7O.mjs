import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  chunkReader,
  countLines,
  firstInvalidUtf8,
  invalidUtf8Message,
  isGzipPath,
  openByteReader,
  readHead,
  withoutGzip
} from "./chunk-M6T65NKY.mjs";
import {
  openForReading
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/table/columns.ts
import { constants } from "node:buffer";
function ownValue(record, key) {
  return record !== void 0 && Object.hasOwn(record, key) ? record[key] : void 0;
}
var MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;
function lazyStringColumn(name, codes, bytes) {
  const col = { kind: "string", name, codes };
  const settle = (dictionary) => {
    Object.defineProperty(col, "dictionary", { value: dictionary, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(col, "dictionary", {
    enumerable: true,
    configurable: true,
    get() {
      const { data, starts, lengths } = bytes;
      const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const dictionary = new Array(starts.length);
      if (data.byteLength <= MAX_STRING_LENGTH) {
        const all = buf.toString("latin1");
        for (let d = 0; d < starts.length; d++) dictionary[d] = all.substring(starts[d], starts[d] + lengths[d]);
      } else {
        for (let d = 0; d < starts.length; d++) dictionary[d] = buf.toString("latin1", starts[d], starts[d] + lengths[d]);
      }
      settle(dictionary);
      return dictionary;
    },
    set: settle
  });
  Object.defineProperty(col, "bytes", { value: bytes, enumerable: false });
  return col;
}
var DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseNumberText(text) {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  switch (t) {
    case "NaN":
      return Number.NaN;
    case "INF":
    case "Infinity":
    case "+INF":
    case "+Infinity":
      return Number.POSITIVE_INFINITY;
    case "-INF":
    case "-Infinity":
      return Number.NEGATIVE_INFINITY;
    default:
      return void 0;
  }
}
var NOT_NUMBER_EDGES = /^[^0-9+\-.,]+|[^0-9.,]+$/g;
function plainNumberText(text, form) {
  let t = form.bareNumber === false ? text.trim().replace(NOT_NUMBER_EDGES, "") : text;
  if (form.groupChar !== void 0) t = t.split(form.groupChar).join("");
  const decimal = form.decimalChar ?? ".";
  if (decimal !== ".") {
    if (t.includes(".")) return void 0;
    t = t.split(decimal).join(".");
  }
  return t;
}
function parseLocalNumber(text, form) {
  const plain = plainNumberText(text, form);
  return plain === void 0 ? void 0 : parseNumberText(plain);
}
function applyNumberForms(batch, forms) {
  let changed = false;
  const columns = batch.columns.map((col) => {
    const form = ownValue(forms, col.name);
    if (form === void 0 || col.kind !== "string") return col;
    changed = true;
    const parsed = col.dictionary.map((text) => parseLocalNumber(text, form));
    const values = new Float64Array(batch.length);
    const nulls = new Uint8Array(batch.length);
    const invalid = [];
    const written = [];
    for (let i = 0; i < batch.length; i++) {
      const code = col.codes[i];
      if (code < 0) {
        values[i] = Number.NaN;
        nulls[i] = 1;
        continue;
      }
      const v = parsed[code];
      if (v === void 0) {
        values[i] = Number.NaN;
        invalid.push({ index: i, text: col.dictionary[code] });
      } else {
        values[i] = v;
        if (isInfinite(v)) written.push({ index: i, text: col.dictionary[code] });
      }
    }
    return { kind: "number", name: col.name, values, nulls, invalid, ...written.length > 0 ? { written } : {} };
  });
  return changed ? { ...batch, columns } : batch;
}
function decodeNumberFormsAs(opts, decoding) {
  const forms = opts.numberForms;
  if (!forms || Object.keys(forms).length === 0) return opts;
  const columns = Object.fromEntries([...Object.entries(opts.decoding ?? {}), ...Object.keys(forms).map((name) => [name, decoding])]);
  return { ...opts, decoding: columns };
}
function withNumberForms(batches, forms) {
  if (!forms || Object.keys(forms).length === 0) return batches;
  return convertNumberForms(batches, forms);
}
async function* convertNumberForms(batches, forms) {
  for await (const batch of batches) yield applyNumberForms(batch, forms);
}
var StringColumnBuilder = class {
  constructor(name, capacity) {
    this.name = name;
    this.codes = new Int32Array(capacity);
  }
  name;
  codes;
  dictionary = [];
  index = /* @__PURE__ */ new Map();
  lastValue = null;
  lastCode = -1;
  length = 0;
  push(value) {
    if (this.length === this.codes.length) this.grow();
    if (value === null) {
      this.codes[this.length++] = -1;
      return;
    }
    if (value === this.lastValue) {
      this.codes[this.length++] = this.lastCode;
      return;
    }
    let code = this.index.get(value);
    if (code === void 0) {
      code = this.dictionary.length;
      this.dictionary.push(value);
      this.index.set(value, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    this.codes[this.length++] = code;
  }
  grow() {
    const next = new Int32Array(Math.max(16, this.codes.length * 2));
    next.set(this.codes);
    this.codes = next;
  }
  finish() {
    return { kind: "string", name: this.name, codes: this.codes.slice(0, this.length), dictionary: this.dictionary };
  }
};
var isInfinite = (v) => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;
var NumberColumnBuilder = class {
  constructor(name, capacity) {
    this.name = name;
    this.values = new Float64Array(capacity);
    this.nulls = new Uint8Array(capacity);
  }
  name;
  values;
  nulls;
  invalid = [];
  written = [];
  length = 0;
  /**
   * 1 once an infinity is pushed without its text, until {@link textLastInfinity} (called right
   * after the row, by a reader that can find the text) clears it.
   */
  untexted = 0;
  ensure() {
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
  pushNumber(value, text) {
    this.ensure();
    if (isInfinite(value)) {
      if (text !== void 0) this.written.push({ index: this.length, text });
      else this.untexted = 1;
    }
    this.values[this.length++] = value;
  }
  /** The text of the last value pushed, an infinity pushed without one (a JSON number, parsed before its text was known). */
  textLastInfinity(text) {
    if (this.untexted === 0) return;
    this.untexted = 0;
    if (text !== void 0) this.written.push({ index: this.length - 1, text });
  }
  pushNull() {
    this.ensure();
    this.values[this.length] = Number.NaN;
    this.nulls[this.length++] = 1;
  }
  /** A non-number value: NaN, listed in `invalid` with its text. */
  pushInvalid(text) {
    this.ensure();
    this.values[this.length] = Number.NaN;
    this.invalid.push({ index: this.length, text });
    this.length++;
  }
  /** Parses text with {@link parseNumberText}. */
  pushText(text) {
    const value = parseNumberText(text);
    if (value === void 0) this.pushInvalid(text);
    else this.pushNumber(value, text);
  }
  finish() {
    return {
      kind: "number",
      name: this.name,
      values: this.values.slice(0, this.length),
      nulls: this.nulls.slice(0, this.length),
      invalid: this.invalid,
      ...this.written.length > 0 ? { written: this.written } : {}
    };
  }
};
function findInvalid(invalid, i) {
  let lo = 0;
  let hi = invalid.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >>> 1;
    const at = invalid[mid].index;
    if (at === i) return invalid[mid];
    if (at < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return void 0;
}
function cellText(col, i) {
  if (col.kind === "string") {
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
function concatBatches(path, fieldNames, batches) {
  let length = 0;
  for (const b of batches) length += b.length;
  const lines = new Float64Array(length);
  let at = 0;
  for (const b of batches) {
    lines.set(b.lines, at);
    at += b.length;
  }
  const columns = [];
  const width = batches.length > 0 ? batches[0].columns.length : 0;
  for (let c = 0; c < width; c++) {
    const first = batches[0].columns[c];
    if (first.kind === "number") {
      const values = new Float64Array(length);
      const nulls = new Uint8Array(length);
      const invalid = [];
      const written = [];
      let off = 0;
      for (const b of batches) {
        const col = b.columns[c];
        values.set(col.values, off);
        nulls.set(col.nulls, off);
        for (const cell of col.invalid) invalid.push({ index: cell.index + off, text: cell.text });
        for (const cell of col.written ?? []) written.push({ index: cell.index + off, text: cell.text });
        off += b.length;
      }
      columns.push({ kind: "number", name: first.name, values, nulls, invalid, ...written.length > 0 ? { written } : {} });
    } else {
      const codes = new Int32Array(length);
      const dictionary = [];
      const index = /* @__PURE__ */ new Map();
      let off = 0;
      for (const b of batches) {
        const col = b.columns[c];
        const remap = new Int32Array(col.dictionary.length);
        for (let d = 0; d < col.dictionary.length; d++) {
          const value = col.dictionary[d];
          let code = index.get(value);
          if (code === void 0) {
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
      columns.push({ kind: "string", name: first.name, codes, dictionary });
    }
  }
  return { path, fieldNames, length, lines, columns };
}
function valueText(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  return JSON.stringify(v, (_k, x) => typeof x === "bigint" ? Number(x) : x);
}
var DateTextCache = class {
  /**
   * @param calendarDays the column holds dates (Parquet DATE, Arrow date32: whole days): their text
   *   is `YYYY-MM-DD`, what a Table Schema `date` field reads, not the midnight of a datetime.
   */
  constructor(calendarDays = false) {
    this.calendarDays = calendarDays;
  }
  calendarDays;
  texts = /* @__PURE__ */ new Map();
  text(d) {
    const t = d.getTime();
    let s = this.texts.get(t);
    if (s === void 0) {
      s = valueText(d);
      if (this.calendarDays && s !== "Invalid Date") s = s.slice(0, s.indexOf("T"));
      if (this.texts.size >= 1 << 16) this.texts.clear();
      this.texts.set(t, s);
    }
    return s;
  }
};
function pushValue(b, v, missing, dates) {
  if (dates !== void 0 && v instanceof Date && b instanceof StringColumnBuilder) {
    const text = dates.text(v);
    b.push(missing.has(text) ? null : text);
    return;
  }
  if (b instanceof NumberColumnBuilder) {
    if (v === null || v === void 0) b.pushNull();
    else if (typeof v === "number") b.pushNumber(v);
    else if (typeof v === "bigint") b.pushNumber(Number(v));
    else {
      const text = valueText(v);
      if (missing.has(text)) b.pushNull();
      else if (typeof v === "string") b.pushText(text);
      else b.pushInvalid(text);
    }
  } else if (v === null || v === void 0) b.push(null);
  else {
    const text = valueText(v);
    b.push(missing.has(text) ? null : text);
  }
}
function pushValues(b, data, from, to, missing, dates) {
  if (b instanceof NumberColumnBuilder) {
    for (let r = from; r < to; r++) {
      const v = data[r];
      if (typeof v === "number") b.pushNumber(v);
      else if (v === null || v === void 0) b.pushNull();
      else pushValue(b, v, missing, dates);
    }
    return;
  }
  const emptyOnly = missing.size === 1 && missing.has("");
  for (let r = from; r < to; r++) {
    const v = data[r];
    if (typeof v === "string") b.push(emptyOnly ? v.length === 0 ? null : v : missing.has(v) ? null : v);
    else if (v === null || v === void 0) b.push(null);
    else pushValue(b, v, missing, dates);
  }
}
function missingSets(names, opts) {
  return names.map((name) => new Set(ownValue(opts.fieldMissingValues, name) ?? opts.missingValues ?? [""]));
}

// src/table/csv.ts
import { isUtf8 } from "node:buffer";

// src/table/temporal.ts
function daysInMonth(y, m) {
  if (m === 2) return y % 4 === 0 && y % 100 !== 0 || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
var TABLE_FIRST_YEAR = 1900;
var TABLE_MONTHS = 400 * 12;
var MONTH_START = new Float64Array(TABLE_MONTHS);
var MONTH_LENGTH = new Uint8Array(TABLE_MONTHS);
for (let k = 0; k < TABLE_MONTHS; k++) {
  const y = TABLE_FIRST_YEAR + Math.floor(k / 12);
  const m = 1 + k % 12;
  MONTH_START[k] = daysFromCivil(y, m, 1);
  MONTH_LENGTH[k] = daysInMonth(y, m);
}
function dayOfCivil(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return NaN;
  const k = (y - TABLE_FIRST_YEAR) * 12 + m - 1;
  if (k >= 0 && k < TABLE_MONTHS) return d <= MONTH_LENGTH[k] ? MONTH_START[k] + d - 1 : NaN;
  return d <= daysInMonth(y, m) ? daysFromCivil(y, m, d) : NaN;
}
function civilFromDays(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
function civilMs(y, mo, d, h = 0, mi = 0, s = 0, ms = 0) {
  const day = dayOfCivil(y, mo, d);
  if (day !== day || h > 23 || mi > 59 || s > 60) return void 0;
  return day * 864e5 + ((h * 60 + mi) * 60 + s) * 1e3 + ms;
}
function pad(n, width) {
  return String(n).padStart(width, "0");
}
function zoneMinutes(zone) {
  if (zone === "" || zone === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  return (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
function temporalText(ms, shape, sub = 0) {
  const local = ms + zoneMinutes(shape.zone) * 6e4;
  const days = Math.floor(local / 864e5);
  const [y, m, d] = civilFromDays(days);
  const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  if (shape.type === "date") return date;
  let rest = local - days * 864e5;
  const milli = rest % 1e3;
  rest = (rest - milli) / 1e3;
  const s = rest % 60;
  rest = (rest - s) / 60;
  const fd = shape.fractionDigits;
  const fraction = fd === 0 ? "" : fd <= 3 ? `.${pad(milli, 3).slice(0, fd)}` : `.${pad(milli, 3)}${pad(sub, fd - 3)}`;
  return `${date}${shape.separator}${pad(Math.floor(rest / 60), 2)}:${pad(rest % 60, 2)}:${pad(s, 2)}${fraction}${shape.zone}`;
}

// src/table/csv-decode.ts
var POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;
function parseNumberBytes(b, s, e) {
  let i = s;
  const c = b[i];
  let neg = false;
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let m = 0;
  let digits = 0;
  let exp = 0;
  while (i < e) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    digits++;
    i++;
  }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      digits++;
      exp--;
      i++;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  if (i < e) {
    if ((b[i] | 32) !== 101) return Number.NaN;
    i++;
    let eneg = false;
    if (b[i] === 45) {
      eneg = true;
      i++;
    } else if (b[i] === 43) i++;
    let x = 0;
    let xd = 0;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) return Number.NaN;
      x = x * 10 + d;
      xd++;
      i++;
      if (xd > 4) return Number.NaN;
    }
    if (xd === 0) return Number.NaN;
    exp += eneg ? -x : x;
  }
  let v;
  if (exp === 0) v = m;
  else if (exp < 0) {
    if (exp < -22) return Number.NaN;
    v = m / POW10[-exp];
  } else {
    if (exp > 22) return Number.NaN;
    v = m * POW10[exp];
  }
  return neg ? -v : v;
}
var PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(?:\.(\d+))?$/;
function isMissing(spec, b, s, e) {
  const len = e - s;
  for (const m of spec.others) {
    if (m.length !== len) continue;
    let k = 0;
    while (k < len && m[k] === b[s + k]) k++;
    if (k === len) return true;
  }
  return false;
}
function isNullCell(spec, b, s, e) {
  return s === e ? spec.emptyIsNull : spec.others.length > 0 && isMissing(spec, b, s, e);
}
function dropRescanned(invalid, row) {
  if (invalid.length > 0 && invalid[invalid.length - 1].index === row) invalid.pop();
}
var ArrayPool = class {
  constructor(capacity) {
    this.capacity = capacity;
  }
  capacity;
  f64 = [];
  u8 = [];
  i32 = [];
  float64() {
    return this.f64.pop()?.fill(0) ?? new Float64Array(this.capacity);
  }
  uint8() {
    return this.u8.pop()?.fill(0) ?? new Uint8Array(this.capacity);
  }
  int32() {
    return this.i32.pop()?.fill(0) ?? new Int32Array(this.capacity);
  }
  /** Takes back an array no one uses any more (others than batch-sized ones are left to the GC). */
  give(a) {
    if (a === void 0 || a.length !== this.capacity || !(a.buffer instanceof ArrayBuffer)) return;
    if (a instanceof Float64Array) keep(this.f64, a);
    else if (a instanceof Uint8Array) keep(this.u8, a);
    else keep(this.i32, a);
  }
};
var POOL_LIMIT = 64;
function keep(list, a) {
  if (list.length < POOL_LIMIT && !list.includes(a)) list.push(a);
}
function inRowOrder(invalid) {
  for (let k = 1; k < invalid.length; k++) {
    if (invalid[k - 1].index > invalid[k].index) return invalid.sort((a, b) => a.index - b.index);
  }
  return invalid;
}
function numberColumn(d, length, full) {
  const col = {
    kind: "number",
    name: d.name,
    values: full ? d.values : d.values.slice(0, length),
    nulls: full ? d.nulls : d.nulls.slice(0, length),
    invalid: inRowOrder(d.invalid)
  };
  if (d.written !== void 0 && d.written.length > 0) col.written = inRowOrder(d.written);
  return col;
}
var NumberDecoder = class {
  constructor(name, capacity, missing, detect = false) {
    this.name = name;
    this.capacity = capacity;
    this.missing = missing;
    this.detect = detect;
    this.values = new Float64Array(capacity);
    this.nulls = new Uint8Array(capacity);
    this.fd = new Uint8Array(detect ? capacity : 0);
  }
  name;
  capacity;
  missing;
  detect;
  pool = null;
  values;
  nulls;
  invalid = [];
  /** Cells read as ±Infinity, with their text (NumberColumn.written). */
  written = [];
  /** `detect` columns: digits after the point per row, and text lengths of the cells read as numbers (updated by the scanner). */
  fd;
  minLen = Infinity;
  maxLen = -Infinity;
  cell(b, s, e, row) {
    if (isNullCell(this.missing, b, s, e)) {
      this.values[row] = Number.NaN;
      this.nulls[row] = 1;
      return;
    }
    this.nulls[row] = 0;
    if (this.detect) {
      this.detectCell(b, s, e, row);
      return;
    }
    const v = parseNumberBytes(b, s, e);
    if (v === v) {
      this.values[row] = v;
      return;
    }
    this.slow(b, s, e, row);
  }
  /**
   * `detect` decoding, general path: a cell is a number only when it is a plain decimal that
   * `toFixed(fraction digits)` prints back exactly (see NumberColumn.fractionDigits), so a profile of
   * the NumberColumn equals the profile of the text; any other cell stays text, listed in `invalid`.
   */
  detectCell(b, s, e, row) {
    const text = b.toString("utf8", s, e);
    dropRescanned(this.invalid, row);
    const m = PLAIN_DECIMAL.exec(text);
    if (m !== null && m[1].length + (m[2]?.length ?? 0) <= 15 && !(text.charCodeAt(0) === 45 && /^-0(\.0+)?$/.test(text))) {
      this.values[row] = Number(text);
      this.fd[row] = m[2]?.length ?? 0;
      if (text.length < this.minLen) this.minLen = text.length;
      if (text.length > this.maxLen) this.maxLen = text.length;
      return;
    }
    this.values[row] = Number.NaN;
    this.invalid.push({ index: row, text });
  }
  /** Odd spellings (blanks, 16+ digits, NaN/INF) or not a number at all. */
  slow(b, s, e, row) {
    const text = b.toString("utf8", s, e);
    const parsed = parseNumberText(text);
    dropRescanned(this.invalid, row);
    dropRescanned(this.written, row);
    if (parsed === void 0) {
      this.values[row] = Number.NaN;
      this.invalid.push({ index: row, text });
    } else {
      this.values[row] = parsed;
      if (isInfinite(parsed)) this.written.push({ index: row, text });
    }
  }
  finish(length, full) {
    const col = numberColumn(this, length, full);
    if (this.detect) {
      col.detected = true;
      col.fractionDigits = full ? this.fd : this.fd.slice(0, length);
      this.fd = this.pool?.uint8() ?? new Uint8Array(this.capacity);
      col.textLengths = this.maxLen >= 0 ? { min: this.minLen, max: this.maxLen } : null;
      this.minLen = Infinity;
      this.maxLen = -Infinity;
    }
    this.values = this.pool?.float64() ?? new Float64Array(this.capacity);
    this.nulls = this.pool?.uint8() ?? new Uint8Array(this.capacity);
    this.invalid = [];
    this.written = [];
    return col;
  }
};
function digits2(b, i) {
  const x = b[i] - 48;
  const y = b[i + 1] - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}
var TemporalDecoder = class {
  constructor(name, capacity, missing, type) {
    this.name = name;
    this.capacity = capacity;
    this.missing = missing;
    this.type = type;
    this.values = new Float64Array(capacity);
    this.nulls = new Uint8Array(capacity);
    this.sub = new Int32Array(0);
  }
  name;
  capacity;
  missing;
  type;
  pool = null;
  values;
  nulls;
  invalid = [];
  /** Fraction digits past the third, per row, while this batch's form has more than three. */
  sub;
  /** This batch's datetime form, fixed by its first datetime read fast (separator -1 while unknown). */
  separator = -1;
  fractionDigits = 0;
  zoneLength = 0;
  zone = new Uint8Array(6);
  zoneMs = 0;
  /** The last valid day read (YYYYMMDD as a number) and its epoch ms. */
  lastDayKey = -1;
  lastDayMs = 0;
  /**
   * Reads a canonical cell that starts at `s` into `row`; returns the offset just after it, or -1
   * when the bytes there are not this batch's form. Whether the cell ends there is the caller's
   * check. Stops at the first byte that does not fit, so it never reads past a row's line break.
   */
  fast(b, s, row) {
    const hi = digits2(b, s);
    const lo = hi < 0 ? -1 : digits2(b, s + 2);
    if (lo < 0 || b[s + 4] !== 45) return -1;
    const mo = digits2(b, s + 5);
    if (mo < 1 || mo > 12 || b[s + 7] !== 45) return -1;
    const d = digits2(b, s + 8);
    const key = ((hi * 100 + lo) * 100 + mo) * 100 + d;
    let day = this.lastDayMs;
    if (key !== this.lastDayKey) {
      const days = dayOfCivil(hi * 100 + lo, mo, d);
      if (days !== days) return -1;
      day = days * 864e5;
      this.lastDayKey = key;
      this.lastDayMs = day;
    }
    if (this.type === "date") {
      this.values[row] = day;
      this.nulls[row] = 0;
      return s + 10;
    }
    const sep = b[s + 10];
    if (sep !== 84 && sep !== 32) return -1;
    const h = digits2(b, s + 11);
    if (h < 0 || h > 23 || b[s + 13] !== 58) return -1;
    const mi = digits2(b, s + 14);
    if (mi < 0 || mi > 59 || b[s + 16] !== 58) return -1;
    const sec = digits2(b, s + 17);
    if (sec < 0 || sec > 59) return -1;
    let i = s + 19;
    let ms = 0;
    let extra = 0;
    let fd = 0;
    if (b[i] === 46) {
      let x = b[++i] - 48;
      while (x >= 0 && x <= 9 && fd < 10) {
        if (fd < 3) ms = ms * 10 + x;
        else extra = extra * 10 + x;
        fd++;
        x = b[++i] - 48;
      }
      if (fd === 0 || fd > 9) return -1;
      if (fd < 3) ms *= fd === 1 ? 100 : 10;
    }
    const z = i;
    const c = b[i];
    if (c === 90) i++;
    else if (c === 43 || c === 45) {
      const oh = digits2(b, i + 1);
      const colon = b[i + 3] === 58 ? 1 : 0;
      const om = digits2(b, i + 3 + colon);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return -1;
      i += 5 + colon;
    }
    const zl = i - z;
    if (this.separator < 0) {
      this.separator = sep;
      this.fractionDigits = fd;
      this.zoneLength = zl;
      for (let k = 0; k < zl; k++) this.zone[k] = b[z + k];
      this.zoneMs = zl <= 1 ? 0 : zoneMinutes(String.fromCharCode(...this.zone.subarray(0, zl))) * 6e4;
      if (fd > 3) this.sub = this.pool?.int32() ?? new Int32Array(this.capacity);
    } else {
      if (sep !== this.separator || fd !== this.fractionDigits || zl !== this.zoneLength) return -1;
      for (let k = 0; k < zl; k++) if (b[z + k] !== this.zone[k]) return -1;
    }
    if (fd > 3) this.sub[row] = extra;
    this.values[row] = day + ((h * 60 + mi) * 60 + sec) * 1e3 + ms - this.zoneMs;
    this.nulls[row] = 0;
    return i;
  }
  /** True when the non-empty cell `b[s, e)` is a configured missing value. */
  isOtherMissing(b, s, e) {
    return isMissing(this.missing, b, s, e);
  }
  cell(b, s, e, row) {
    if (isNullCell(this.missing, b, s, e)) {
      this.values[row] = Number.NaN;
      this.nulls[row] = 1;
      return;
    }
    dropRescanned(this.invalid, row);
    if (this.fast(b, s, row) === e) return;
    this.values[row] = Number.NaN;
    this.nulls[row] = 0;
    this.invalid.push({ index: row, text: b.toString("utf8", s, e) });
  }
  finish(length, full) {
    const col = numberColumn(this, length, full);
    col.temporal = {
      type: this.type,
      separator: this.separator === 32 ? " " : "T",
      fractionDigits: this.fractionDigits,
      zone: String.fromCharCode(...this.zone.subarray(0, this.zoneLength))
    };
    if (this.fractionDigits > 3) col.subMilliseconds = full ? this.sub : this.sub.slice(0, length);
    this.values = this.pool?.float64() ?? new Float64Array(this.capacity);
    this.nulls = this.pool?.uint8() ?? new Uint8Array(this.capacity);
    this.sub = new Int32Array(0);
    this.invalid = [];
    this.separator = -1;
    this.fractionDigits = this.zoneLength = this.zoneMs = 0;
    return col;
  }
};
function hashBytes(b, s, e) {
  let h = e - s;
  for (let k = s; k < e; k += 4) h = Math.imul(h ^ wordAt(b, k, e), HASH_MULTIPLIER);
  return h ^ h >>> 16;
}
var HASH_MULTIPLIER = -1640531535;
var WORD_MASK = Int32Array.of(0, 255, 65535, 16777215, -1);
function wordAt(b, k, e) {
  const n = e - k;
  if (n >= 4) return b[k] | b[k + 1] << 8 | b[k + 2] << 16 | b[k + 3] << 24;
  if (n <= 0) return 0;
  let w = b[k];
  if (n > 1) w |= b[k + 1] << 8;
  if (n > 2) w |= b[k + 2] << 16;
  return w;
}
var StringDecoder = class {
  constructor(name, capacity, missing) {
    this.name = name;
    this.capacity = capacity;
    this.missing = missing;
    this.codes = new Int32Array(capacity);
  }
  name;
  capacity;
  missing;
  pool = null;
  codes;
  /**
   * Open-addressing slots `[code + 1, hash]`; read by the scanner's inlined probe. It starts at 32
   * slots and doubles past half full: a category of a few values probes 256 bytes, not the 8 KiB of
   * a 1024-slot start, which, over a row's several text columns, missed the L1 cache on most
   * probes (the hottest load of the scanner in a sampled profile).
   */
  table = new Int32Array(64);
  mask = 31;
  hashes = new Int32Array(256);
  entryStart = new Int32Array(256);
  entryLen = new Int32Array(256);
  /**
   * The first two words of each entry ({@link wordAt}): with the length, they decide a hit on a
   * value of up to 8 bytes (most categories, booleans, codes) without a byte loop.
   */
  entryW0 = new Int32Array(256);
  entryW1 = new Int32Array(256);
  count = 0;
  arena = Buffer.allocUnsafe(1 << 16);
  arenaLen = 0;
  highBits = 0;
  cell(b, s, e, row) {
    if (isNullCell(this.missing, b, s, e)) {
      this.codes[row] = -1;
      return;
    }
    this.codes[row] = this.lookup(b, s, e, hashBytes(b, s, e));
  }
  /**
   * Takes over the first `rows` rows of a `detect` NumberDecoder's batch as text: nulls stay null,
   * text cells keep their text, and numbers get theirs back (`toFixed` of their fraction digits,
   * exact for what detection reads as numbers). Entries are added in row order, as a scan would.
   */
  adoptDetected(dec, rows) {
    const texts = new Map(dec.invalid.map((c) => [c.index, c.text]));
    for (let r = 0; r < rows; r++) {
      if (dec.nulls[r] === 1) {
        this.codes[r] = -1;
        continue;
      }
      const bytes = Buffer.from(texts.get(r) ?? dec.values[r].toFixed(dec.fd[r]), "utf8");
      this.codes[r] = this.lookup(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
    }
  }
  /** True when the non-empty cell `b[s, e)` is a configured missing value. */
  isOtherMissing(b, s, e) {
    return isMissing(this.missing, b, s, e);
  }
  /** The dictionary code of `b[s, e)` (hash `h` from {@link hashBytes}), inserting it when new. */
  lookup(b, s, e, h) {
    const len = e - s;
    const w0 = wordAt(b, s, e);
    const w1 = wordAt(b, s + 4, e);
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (; ; ) {
      const t = table[slot << 1];
      if (t === 0) return this.insert(b, s, e, h, slot, w0, w1);
      if (table[(slot << 1) + 1] === h) {
        const idx = t - 1;
        if (this.entryLen[idx] === len && this.entryW0[idx] === w0 && this.entryW1[idx] === w1) {
          const arena = this.arena;
          let p = this.entryStart[idx] + 8;
          let i = s + 8;
          while (i < e && arena[p] === b[i]) {
            i++;
            p++;
          }
          if (i >= e) return idx;
        }
      }
      slot = slot + 1 & mask;
    }
  }
  /** Adds a new distinct value (its hash and first two words given) at the empty `slot` found by the probe; returns its code. */
  insert(b, s, e, h, slot, w0, w1) {
    const idx = this.count++;
    if (idx === this.hashes.length) {
      const size = idx * 2;
      const grow = (a) => {
        const n = new Int32Array(size);
        n.set(a);
        return n;
      };
      this.hashes = grow(this.hashes);
      this.entryStart = grow(this.entryStart);
      this.entryLen = grow(this.entryLen);
      this.entryW0 = grow(this.entryW0);
      this.entryW1 = grow(this.entryW1);
    }
    const len = e - s;
    if (this.arenaLen + len > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaLen + len));
      this.arena.copy(next, 0, 0, this.arenaLen);
      this.arena = next;
    }
    const arena = this.arena;
    let p = this.arenaLen;
    let bits = 0;
    for (let i = s; i < e; i++) {
      const c = b[i];
      bits |= c;
      arena[p++] = c;
    }
    this.highBits |= bits;
    this.hashes[idx] = h;
    this.entryStart[idx] = this.arenaLen;
    this.entryLen[idx] = len;
    this.entryW0[idx] = w0;
    this.entryW1[idx] = w1;
    this.arenaLen = p;
    this.table[slot << 1] = idx + 1;
    this.table[(slot << 1) + 1] = h;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return idx;
  }
  rehash() {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * 2);
    const mask = size - 1;
    for (let idx = 0; idx < this.count; idx++) {
      const h = this.hashes[idx];
      let slot = h & mask;
      while (table[slot << 1] !== 0) slot = slot + 1 & mask;
      table[slot << 1] = idx + 1;
      table[(slot << 1) + 1] = h;
    }
    this.table = table;
    this.mask = mask;
  }
  finish(length, full) {
    const codes = full ? this.codes : this.codes.slice(0, length);
    let col;
    if ((this.highBits & 128) === 0) {
      col = lazyStringColumn(this.name, codes, {
        data: new Uint8Array(this.arena.subarray(0, this.arenaLen)),
        starts: this.entryStart.slice(0, this.count),
        lengths: this.entryLen.slice(0, this.count)
      });
    } else {
      const dictionary = new Array(this.count);
      for (let d = 0; d < this.count; d++) {
        const s = this.entryStart[d];
        dictionary[d] = this.arena.toString("utf8", s, s + this.entryLen[d]);
      }
      col = { kind: "string", name: this.name, codes, dictionary };
    }
    this.codes = this.pool?.int32() ?? new Int32Array(this.capacity);
    this.table.fill(0);
    this.count = 0;
    this.arenaLen = 0;
    this.highBits = 0;
    return col;
  }
};

// src/table/csv.ts
function sizeText(bytes) {
  return bytes % (1 << 20) === 0 ? `${bytes >> 20} MiB` : `${bytes} bytes`;
}
var LF = 10;
var CR = 13;
var QUOTE = 34;
var COMMA = 44;
var DEFAULT_CHUNK_SIZE = 1 << 20;
var DEFAULT_MAX_ROW_BYTES = 64 << 20;
var DEFAULT_BATCH_ROWS = 16384;
var MAX_BATCH_ROWS = 1 << 20;
function batchRowsOption(value) {
  const n = Math.floor(value ?? DEFAULT_BATCH_ROWS);
  return Number.isFinite(n) ? Math.min(MAX_BATCH_ROWS, Math.max(1, n)) : DEFAULT_BATCH_ROWS;
}
var MAX_BATCH_CELLS = 1 << 22;
var MIN_WIDE_BATCH_ROWS = 256;
function batchRowsFor(batchRows, columns) {
  return Math.min(batchRows, Math.max(MIN_WIDE_BATCH_ROWS, Math.floor(MAX_BATCH_CELLS / Math.max(1, columns))));
}
var DEFAULT_SEGMENT_BYTES = 32 << 20;
var MAX_FIELDS = 1 << 16;
var K_NUM = 1;
var K_STR = 2;
var K_DET = 3;
var DETECT_TEXT_SHARE = 64;
var DETECT_SWITCH_CELLS = 256;
var K_TIME = 4;
var K_CELL = 5;
var NUMBER_BYTES = /[0-9.eE]/;
var DETECT_BYTES = /[0-9.-]/;
var DATE_BYTES = /[0-9-]/;
var DATETIME_BYTES = /[0-9:T .Z+-]/;
var CsvParser = class {
  constructor(file, delim, batchRows, maxRowBytes, makePlan) {
    this.file = file;
    this.delim = delim;
    this.batchRows = batchRows;
    this.maxRowBytes = maxRowBytes;
    this.makePlan = makePlan;
    this.special[delim] = 1;
    this.special[LF] = 1;
    this.special[CR] = 1;
    this.special[QUOTE] = 1;
  }
  file;
  delim;
  batchRows;
  maxRowBytes;
  makePlan;
  /** Physical line (1-based) at the current parse position. */
  line = 1;
  header = null;
  out = [];
  nf = 0;
  plan = null;
  /** Per field: 0 (not decoded), K_NUM or K_STR, and its decoder. */
  kinds = new Uint8Array(0);
  /**
   * Per decoded field: 1 when no non-empty missing value is configured (a parsed number is final,
   * a text cell needs no comparison with the missing values). Read per cell: one byte instead of
   * the decoder's `missing.others.length`.
   */
  noOtherMissing = new Uint8Array(0);
  fieldDecoders = [];
  numDecoders = [];
  strDecoders = [];
  timeDecoders = [];
  rowStarts = new Int32Array(0);
  rowEnds = new Int32Array(0);
  specials = [];
  batchLines = new Float64Array(0);
  /** Arrays of released batches (RecordBatch.release), shared by this parser's decoders. */
  pool = null;
  filled = 0;
  rowOffset = 0;
  emitted = 0;
  /** Results of scanRowGeneral. */
  rowEnd = 0;
  rowFields = 0;
  rowNewlines = 0;
  /** Bytes that end the inline field loops: delimiter, LF, CR (data unless before LF), quote. */
  special = new Uint8Array(256);
  error(message, line) {
    return new InputError(message, { file: this.file, line });
  }
  /**
   * Parses every complete row of `buf`; returns the offset of the first byte not consumed. A
   * `final` buffer is the rest of the file and always ends with LF (the driver adds one).
   */
  feed(buf, final) {
    let pos = 0;
    if (this.header === null) {
      pos = this.parseHeader(buf, final);
      if (this.header === null || this.makePlan === null) return pos;
    }
    pos = this.scan(buf, pos, final);
    if (pos < buf.length && this.overLimit(buf, pos)) {
      throw this.error(`row longer than ${sizeText(this.maxRowBytes)} (missing line break or unbalanced quote?)`, this.line);
    }
    if (final) this.flush(true);
    return pos;
  }
  /**
   * Whether the incomplete row at `pos` (the rest of `buf`, no line break yet) is already longer
   * than `maxRowBytes`. A row's length leaves out its line break, so one byte more is still within
   * the limit when it is a CR: the LF of a CRLF may come with the next read.
   */
  overLimit(buf, pos) {
    const pending = buf.length - pos;
    return pending > this.maxRowBytes && !(pending === this.maxRowBytes + 1 && buf[buf.length - 1] === CR);
  }
  parseHeader(buf, final) {
    let pos = 0;
    for (; ; ) {
      if (pos < buf.length && buf[pos] === LF) {
        pos++;
        this.line++;
      } else if (pos + 1 < buf.length && buf[pos] === CR && buf[pos + 1] === LF) {
        pos += 2;
        this.line++;
      } else break;
    }
    const sep = excelSepLine(buf, pos);
    if (sep !== null && sep.delimiter === this.delim) {
      this.line++;
      return sep.end + this.parseHeader(buf.subarray(sep.end), final);
    }
    if (pos >= buf.length || final && pos === buf.length - 1 && buf[pos] === CR) {
      if (final) throw this.error("empty file: no header line", this.line);
      return pos;
    }
    const starts = new Int32Array(MAX_FIELDS);
    const ends = new Int32Array(MAX_FIELDS);
    this.specials = [];
    if (!this.scanRowGeneral(buf, pos, final, starts, ends, MAX_FIELDS, this.line)) {
      if (this.overLimit(buf, pos)) throw this.error(`header longer than ${sizeText(this.maxRowBytes)}`, this.line);
      return pos;
    }
    const nf = this.rowFields;
    if (nf > MAX_FIELDS) throw this.error(`header has ${nf} columns; at most ${MAX_FIELDS} are supported`, this.line);
    const names = [];
    for (let f = 0; f < nf; f++) {
      const e = ends[f];
      names.push(e < 0 ? this.specials[-1 - e].toString("utf8") : buf.toString("utf8", starts[f], e));
    }
    const seen = /* @__PURE__ */ new Set();
    const dups = /* @__PURE__ */ new Set();
    names.forEach((name, f) => {
      if (name.trim() === "") throw new InputError(`empty column name in the header (column ${f + 1})`, { file: this.file, line: this.line, column: f + 1 });
      if (seen.has(name)) dups.add(name);
      seen.add(name);
    });
    if (dups.size > 0) {
      throw this.error(`duplicate column names in the header: ${[...dups].map((d) => JSON.stringify(d)).join(", ")}`, this.line);
    }
    this.line += 1 + this.rowNewlines;
    this.setHeader(names);
    return this.rowEnd;
  }
  /** Adopts a header: the one just parsed, or a segment's (read once by whoever planned the segments). */
  setHeader(names) {
    const nf = names.length;
    this.header = names;
    this.nf = nf;
    if (this.makePlan) {
      const plan = this.makePlan(names);
      this.plan = plan;
      this.batchRows = plan.batchRows;
      this.kinds = new Uint8Array(nf);
      this.noOtherMissing = new Uint8Array(nf);
      this.fieldDecoders = new Array(nf).fill(null);
      this.numDecoders = new Array(nf);
      this.strDecoders = new Array(nf);
      this.timeDecoders = new Array(nf);
      const delimiter = String.fromCharCode(this.delim);
      plan.decoders.forEach((d, k) => {
        const f = plan.fieldIndex[k];
        this.fieldDecoders[f] = d;
        this.noOtherMissing[f] = d.missing.others.length === 0 ? 1 : 0;
        if (d instanceof NumberDecoder) {
          this.kinds[f] = (d.detect ? DETECT_BYTES : NUMBER_BYTES).test(delimiter) ? K_CELL : d.detect ? K_DET : K_NUM;
          this.numDecoders[f] = d;
        } else if (d instanceof TemporalDecoder) {
          this.kinds[f] = (d.type === "date" ? DATE_BYTES : DATETIME_BYTES).test(delimiter) ? K_CELL : K_TIME;
          this.timeDecoders[f] = d;
        } else {
          this.kinds[f] = K_STR;
          this.strDecoders[f] = d;
        }
      });
      this.rowStarts = new Int32Array(nf);
      this.rowEnds = new Int32Array(nf);
      this.pool = new ArrayPool(this.batchRows);
      for (const d of plan.decoders) d.pool = this.pool;
      this.batchLines = new Float64Array(this.batchRows);
    }
  }
  /** Emits the rows decoded so far (the end of a segment). */
  finishSegment() {
    this.flush(true);
  }
  /**
   * The hot loop. Rows without quotes are decoded inline, field by field, in one pass over their
   * bytes: numbers are parsed digit by digit, text is hashed once its end is found. Only rows
   * that start before the buffer's last LF are taken (an unquoted row then ends inside the buffer);
   * a row with a quote goes to the general state machine. Returns the offset after the last row.
   */
  scan(buf, pos, final) {
    const bufLength = buf.length;
    const limit = final ? bufLength - 1 : buf.lastIndexOf(LF);
    const nf = this.nf;
    const last = nf - 1;
    const kinds = this.kinds;
    const special = this.special;
    const delim = this.delim;
    const hi = Math.max(delim, QUOTE);
    const noOtherMissing = this.noOtherMissing;
    const nums = this.numDecoders;
    const strs = this.strDecoders;
    const times = this.timeDecoders;
    let line = this.line;
    while (pos <= limit) {
      if (this.filled === this.batchRows) this.flush(false);
      const row = this.filled;
      let c = buf[pos];
      if (c === LF) {
        pos++;
        line++;
        continue;
      }
      if (c === CR && buf[pos + 1] === LF) {
        pos += 2;
        line++;
        continue;
      }
      let i = pos;
      let f = 0;
      let e = 0;
      let general = false;
      for (; ; ) {
        const s = i;
        c = buf[i];
        if (c === QUOTE) {
          general = true;
          break;
        }
        const kind = kinds[f];
        if (kind === K_NUM) {
          const dec = nums[f];
          if (c === delim || c === LF || c === CR && buf[i + 1] === LF) {
            dec.cell(buf, s, s, row);
          } else {
            let neg = false;
            if (c === 45) {
              neg = true;
              c = buf[++i];
            } else if (c === 43) c = buf[++i];
            let mi = 0;
            let digits = 0;
            let exp = 0;
            while (c >= 48 && c <= 57 && digits < 9) {
              mi = mi * 10 + (c - 48) | 0;
              digits++;
              c = buf[++i];
            }
            let m;
            if (c === 46 && digits < 9) {
              c = buf[++i];
              while (c >= 48 && c <= 57 && digits < 9) {
                mi = mi * 10 + (c - 48) | 0;
                digits++;
                exp--;
                c = buf[++i];
              }
              m = mi;
              while (c >= 48 && c <= 57) {
                m = m * 10 + (c - 48);
                digits++;
                exp--;
                c = buf[++i];
              }
            } else {
              m = mi;
              while (c >= 48 && c <= 57) {
                m = m * 10 + (c - 48);
                digits++;
                c = buf[++i];
              }
              if (c === 46) {
                c = buf[++i];
                while (c >= 48 && c <= 57) {
                  m = m * 10 + (c - 48);
                  digits++;
                  exp--;
                  c = buf[++i];
                }
              }
            }
            let ok = digits > 0 && digits <= 15;
            if (c === 101 || c === 69) {
              c = buf[++i];
              let eneg = false;
              if (c === 45) {
                eneg = true;
                c = buf[++i];
              } else if (c === 43) c = buf[++i];
              let x = 0;
              let xd = 0;
              while (c >= 48 && c <= 57) {
                x = x * 10 + (c - 48);
                xd++;
                c = buf[++i];
              }
              if (xd === 0 || xd > 4) ok = false;
              exp += eneg ? -x : x;
            }
            if (ok && (c === delim || c === LF || c === CR && buf[i + 1] === LF) && exp >= -22 && exp <= 22 && noOtherMissing[f] === 1) {
              let v = exp === 0 ? m : exp < 0 ? m / POW10[-exp] : m * POW10[exp];
              if (neg) v = -v;
              dec.values[row] = v;
            } else {
              for (; ; ) {
                while (c > hi || special[c] === 0) c = buf[++i];
                if (c === CR && buf[i + 1] !== LF) {
                  c = buf[++i];
                  continue;
                }
                break;
              }
              if (c === QUOTE) {
                general = true;
                break;
              }
              dec.cell(buf, s, i, row);
            }
          }
        } else if (kind === K_DET) {
          const dec = nums[f];
          let neg = false;
          if (c === 45) {
            neg = true;
            c = buf[++i];
          }
          const d0 = i;
          let mi = 0;
          while (c >= 48 && c <= 57 && i - d0 < 9) {
            mi = mi * 10 + (c - 48) | 0;
            c = buf[++i];
          }
          let m = mi;
          while (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            c = buf[++i];
          }
          let fd = 0;
          const intDigits = i - d0;
          let ok = intDigits === 1 || intDigits > 1 && buf[d0] !== 48;
          if (c === 46) {
            c = buf[++i];
            const f0 = i;
            if (intDigits < 9) {
              while (c >= 48 && c <= 57 && intDigits + (i - f0) < 9) {
                mi = mi * 10 + (c - 48) | 0;
                c = buf[++i];
              }
              m = mi;
            }
            while (c >= 48 && c <= 57) {
              m = m * 10 + (c - 48);
              c = buf[++i];
            }
            fd = i - f0;
            if (fd === 0) ok = false;
          }
          if (ok && intDigits + fd <= 15 && (c === delim || c === LF || c === CR && buf[i + 1] === LF) && noOtherMissing[f] === 1 && !(neg && m === 0)) {
            const v = fd === 0 ? m : m / POW10[fd];
            dec.values[row] = neg ? -v : v;
            dec.fd[row] = fd;
            const l = i - s;
            if (l < dec.minLen) dec.minLen = l;
            if (l > dec.maxLen) dec.maxLen = l;
          } else ok = false;
          if (!ok) {
            for (; ; ) {
              while (c > hi || special[c] === 0) c = buf[++i];
              if (c === CR && buf[i + 1] !== LF) {
                c = buf[++i];
                continue;
              }
              break;
            }
            if (c === QUOTE) {
              general = true;
              break;
            }
            dec.cell(buf, s, i, row);
            const texts = dec.invalid.length;
            if (texts >= DETECT_SWITCH_CELLS && texts * DETECT_TEXT_SHARE > row + 1) this.detectedText(f, row + 1);
          }
        } else if (kind === K_STR) {
          for (; ; ) {
            while (c > hi || special[c] === 0) c = buf[++i];
            if (c === CR && buf[i + 1] !== LF) {
              c = buf[++i];
              continue;
            }
            break;
          }
          if (c === QUOTE) {
            general = true;
            break;
          }
          const dec = strs[f];
          const len = i - s;
          if (len === 0) {
            if (dec.missing.emptyIsNull) dec.codes[row] = -1;
            else dec.codes[row] = dec.lookup(buf, s, i, hashBytes(buf, s, i));
          } else if (noOtherMissing[f] === 0 && dec.isOtherMissing(buf, s, i)) dec.codes[row] = -1;
          else {
            let w0;
            let w1 = 0;
            if (s + 8 <= bufLength) {
              w0 = (buf[s] | buf[s + 1] << 8 | buf[s + 2] << 16 | buf[s + 3] << 24) & WORD_MASK[len < 4 ? len : 4];
              if (len > 4) w1 = (buf[s + 4] | buf[s + 5] << 8 | buf[s + 6] << 16 | buf[s + 7] << 24) & WORD_MASK[len < 8 ? len - 4 : 4];
            } else {
              w0 = wordAt(buf, s, i);
              w1 = wordAt(buf, s + 4, i);
            }
            let h = Math.imul(len ^ w0, HASH_MULTIPLIER);
            if (len > 4) h = Math.imul(h ^ w1, HASH_MULTIPLIER);
            for (let k = s + 8; k < i; k += 4) h = Math.imul(h ^ wordAt(buf, k, i), HASH_MULTIPLIER);
            h ^= h >>> 16;
            const table = dec.table;
            const mask = dec.mask;
            let slot = h & mask;
            let code = -1;
            for (; ; ) {
              const t = table[slot << 1];
              if (t === 0) {
                code = dec.insert(buf, s, i, h, slot, w0, w1);
                break;
              }
              if (table[(slot << 1) + 1] === h) {
                const idx = t - 1;
                if (dec.entryLen[idx] === len && dec.entryW0[idx] === w0 && dec.entryW1[idx] === w1) {
                  if (len <= 8) {
                    code = idx;
                    break;
                  }
                  const arena = dec.arena;
                  let p = dec.entryStart[idx] + 8;
                  let k = s + 8;
                  while (k < i && arena[p] === buf[k]) {
                    k++;
                    p++;
                  }
                  if (k === i) {
                    code = idx;
                    break;
                  }
                }
              }
              slot = slot + 1 & mask;
            }
            dec.codes[row] = code;
          }
        } else if (kind === K_TIME && (e = times[f].fast(buf, s, row)) >= 0 && ((c = buf[e]) === delim || c === LF || c === CR && buf[e + 1] === LF)) {
          if (noOtherMissing[f] === 0 && times[f].isOtherMissing(buf, s, e)) times[f].cell(buf, s, e, row);
          i = e;
        } else {
          c = buf[i];
          for (; ; ) {
            while (c > hi || special[c] === 0) c = buf[++i];
            if (c === CR && buf[i + 1] !== LF) {
              c = buf[++i];
              continue;
            }
            break;
          }
          if (c === QUOTE) {
            general = true;
            break;
          }
          if (kind === K_TIME) times[f].cell(buf, s, i, row);
          else if (kind === K_CELL) this.fieldDecoders[f].cell(buf, s, i, row);
        }
        if (c === delim) {
          if (f === last) {
            general = true;
            break;
          }
          f++;
          i++;
          continue;
        }
        if (f !== last) throw this.error(`expected ${nf} fields (as in the header), found ${f + 1}`, line);
        i += c === CR ? 2 : 1;
        break;
      }
      if (general) {
        if (!this.generalRow(buf, pos, final, row, line)) break;
        this.batchLines[row] = line;
        line += 1 + this.rowNewlines;
        pos = this.rowEnd;
      } else {
        this.batchLines[row] = line;
        line++;
        pos = i;
      }
      this.filled++;
    }
    this.line = line;
    return pos;
  }
  /** Decodes one row with the general state machine; false when it does not end inside the buffer. */
  generalRow(buf, pos, final, row, line) {
    this.specials = [];
    if (!this.scanRowGeneral(buf, pos, final, this.rowStarts, this.rowEnds, this.nf, line)) return false;
    const f = this.rowFields;
    if (f !== this.nf) throw this.error(`expected ${this.nf} fields (as in the header), found ${f}`, line);
    for (let k = 0; k < f; k++) {
      const dec = this.fieldDecoders[k];
      if (dec === null) continue;
      const e = this.rowEnds[k];
      if (e < 0) {
        const b = this.specials[-1 - e];
        dec.cell(b, 0, b.length, row);
      } else dec.cell(buf, this.rowStarts[k], e, row);
    }
    return true;
  }
  /**
   * General RFC 4180 state machine for one row starting at `pos`: quoted fields, doubled quotes,
   * line breaks inside quotes. A quote inside an unquoted field is kept as a literal character.
   * Writes field offsets (a field with doubled quotes becomes an unescaped copy in `specials`,
   * marked by a negative end) and returns false when the row does not end inside the buffer.
   */
  scanRowGeneral(buf, pos, final, starts, ends, cap, line) {
    const len = buf.length;
    const delim = this.delim;
    let f = 0;
    let newlines = 0;
    for (; ; ) {
      let s;
      let e;
      let next;
      if (pos < len && buf[pos] === QUOTE) {
        const openLine = line + newlines;
        let i = pos + 1;
        let escaped = false;
        let close = -1;
        for (; ; ) {
          const j = buf.indexOf(QUOTE, i);
          if (j < 0) {
            if (final) throw this.error("unterminated quoted field (the quote opens on this line)", openLine);
            return false;
          }
          if (j + 1 >= len) {
            if (!final) return false;
            close = j;
            break;
          }
          if (buf[j + 1] === QUOTE) {
            escaped = true;
            i = j + 2;
            continue;
          }
          close = j;
          break;
        }
        for (let k = pos + 1; k < close; k++) if (buf[k] === LF) newlines++;
        next = close + 1;
        if (escaped) {
          const out = Buffer.allocUnsafe(close - pos - 1);
          let o = 0;
          for (let k = pos + 1; k < close; k++) {
            out[o++] = buf[k];
            if (buf[k] === QUOTE) k++;
          }
          this.specials.push(out.subarray(0, o));
          s = 0;
          e = -this.specials.length;
        } else {
          s = pos + 1;
          e = close;
        }
        if (next < len) {
          const c2 = buf[next];
          if (c2 !== delim && c2 !== LF && c2 !== CR) {
            if (!final && buf.indexOf(LF, next) < 0) return false;
            throw this.error(`unexpected character ${JSON.stringify(String.fromCharCode(c2))} after a closing quote`, line + newlines);
          }
          if (c2 === CR) {
            if (next + 1 >= len) {
              if (!final) return false;
            } else if (buf[next + 1] !== LF) {
              if (!final && buf.indexOf(LF, next) < 0) return false;
              throw this.error("unexpected carriage return after a closing quote", line + newlines);
            }
          }
        }
      } else {
        let i = pos;
        while (i < len && buf[i] !== delim && buf[i] !== LF) i++;
        if (i >= len && !final) return false;
        s = pos;
        e = i;
        if (e > s && (i >= len || buf[i] === LF) && buf[e - 1] === CR) e--;
        next = i;
      }
      if (f < cap) {
        starts[f] = s;
        ends[f] = e;
      }
      f++;
      if (next >= len) {
        this.rowEnd = len;
        break;
      }
      const c = buf[next];
      if (c === delim) {
        pos = next + 1;
        continue;
      }
      this.rowEnd = c === LF ? next + 1 : next + 2;
      break;
    }
    this.rowFields = f;
    this.rowNewlines = newlines;
    return true;
  }
  /** Field `f` is decoded by `str` from now on. */
  useStringDecoder(f, str) {
    str.pool = this.pool;
    const plan = this.plan;
    plan.decoders[plan.fieldIndex.indexOf(f)] = str;
    this.fieldDecoders[f] = str;
    this.strDecoders[f] = str;
    this.kinds[f] = K_STR;
  }
  /** Switches the `detect` field `f` to text within the batch: its first `rows` rows are re-encoded. */
  detectedText(f, rows) {
    const dec = this.numDecoders[f];
    const str = new StringDecoder(dec.name, this.batchRows, dec.missing);
    str.adoptDetected(dec, rows);
    this.useStringDecoder(f, str);
  }
  /** Emits the current batch (and, at the end of a file with no rows, one empty batch). */
  flush(final) {
    if (this.filled === 0 && !(final && this.emitted === 0)) return;
    const plan = this.plan;
    const full = this.filled === this.batchRows;
    const length = this.filled;
    const decoded = plan.decoders.map((d) => d.finish(length, full));
    const columns = plan.order ? plan.order.map((k) => decoded[k]) : decoded;
    plan.decoders.forEach((d, k) => {
      if (!(d instanceof NumberDecoder) || !d.detect) return;
      const col = decoded[k];
      if (col.invalid.length * DETECT_TEXT_SHARE <= length) return;
      this.useStringDecoder(plan.fieldIndex[k], new StringDecoder(d.name, this.batchRows, d.missing));
    });
    const lines = full ? this.batchLines : this.batchLines.slice(0, length);
    const batch = { length, rowOffset: this.rowOffset, lines, columns };
    const pool = this.pool;
    if (full && pool !== null) {
      this.batchLines = pool.float64();
      let released = false;
      batch.release = () => {
        if (released) return;
        released = true;
        for (const col of columns) {
          if (col.kind === "string") pool.give(col.codes);
          else {
            pool.give(col.values);
            pool.give(col.nulls);
            pool.give(col.fractionDigits);
            pool.give(col.subMilliseconds);
          }
        }
        pool.give(lines);
      };
    }
    this.out.push(batch);
    this.rowOffset += length;
    this.filled = 0;
    this.emitted++;
  }
};
function csvDelimiter(path, opts) {
  const d = opts.delimiter ?? (/\.tsv$/i.test(withoutGzip(path)) ? "	" : ",");
  if (d.length !== 1 || d.charCodeAt(0) > 127 || d === '"' || d === "\n" || d === "\r") {
    throw new InputError(`CSV delimiter must be one ASCII character other than a quote or line break, got ${JSON.stringify(d)}`, { file: path });
  }
  return d.charCodeAt(0);
}
function missingSpec(values) {
  const list = values ?? [""];
  return { emptyIsNull: list.includes(""), others: list.filter((v) => v !== "").map((v) => Buffer.from(v, "utf8")) };
}
function planFor(path, opts, batchRows) {
  return (header) => {
    const names = opts.columns ?? header;
    const rows = batchRowsFor(batchRows, names.length);
    const missing = missingSpec(opts.missingValues);
    const fieldIndex = [];
    const decoders = [];
    const decoderOf = /* @__PURE__ */ new Map();
    const order = [];
    for (const name of names) {
      const known = decoderOf.get(name);
      if (known !== void 0) {
        order.push(known);
        continue;
      }
      decoderOf.set(name, decoders.length);
      order.push(decoders.length);
      const fi = header.indexOf(name);
      if (fi < 0) throw new InputError(`column ${JSON.stringify(name)} is not in the header`, { file: path, line: 1, key: name });
      const decoding = ownValue(opts.decoding, name) ?? opts.defaultDecoding ?? "auto";
      const own = ownValue(opts.fieldMissingValues, name);
      const cellMissing = own ? missingSpec(own) : missing;
      fieldIndex.push(fi);
      const temporal = ownValue(opts.temporal, name);
      decoders.push(
        decoding === "number" || decoding === "detect" ? new NumberDecoder(name, rows, cellMissing, decoding === "detect") : temporal !== void 0 ? new TemporalDecoder(name, rows, cellMissing, temporal) : new StringDecoder(name, rows, cellMissing)
      );
    }
    return { fieldIndex, decoders, batchRows: rows, ...order.length !== decoders.length ? { order } : {} };
  };
}
async function* drive(path, parser, chunkSize, headerOnly, segment) {
  const fh = chunkReader(await openByteReader(path), chunkSize);
  try {
    let carry = new Uint8Array(0);
    let checked = 0;
    let position = segment?.start ?? 0;
    let first = position === 0;
    let viewOffset = position;
    for (; ; ) {
      const have = carry.length;
      let want = Math.min(Math.max(chunkSize, have), Math.max(1, parser.maxRowBytes + 1 - have));
      if (segment && position < segment.end) want = Math.min(want, segment.end - position);
      const buf = await fh.next(carry, want, position);
      const n = buf.length - have;
      position += n;
      const final = n === 0;
      let start = 0;
      const end = buf.length;
      if (first && end > 0) {
        if (end < 3 && !final) {
          carry = buf;
          continue;
        }
        first = false;
        if (end >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191) {
          start = 3;
          viewOffset += 3;
        }
      }
      const view = buf.subarray(start, end);
      const checkEnd = final ? view.length : view.lastIndexOf(LF) + 1;
      if (checkEnd > checked) {
        const nulAt = view.indexOf(0, checked);
        let bad = nulAt >= 0 && nulAt < checkEnd ? nulAt : -1;
        let message = "NUL byte in a text file (is this a binary file?)";
        const utf8End = bad >= 0 ? bad : checkEnd;
        if (!isUtf8(view.subarray(checked, utf8End))) {
          bad = firstInvalidUtf8(view, checked, utf8End);
          message = invalidUtf8Message(view[bad]);
        }
        if (bad >= 0) {
          const line = parser.line + countLines(view, 0, bad);
          const lineStart = bad > 0 ? view.lastIndexOf(LF, bad - 1) + 1 : 0;
          if (lineStart > 0) parser.feed(view.subarray(0, lineStart), false);
          if (headerOnly && parser.header !== null) return;
          throw new InputError(message, { file: path, line });
        }
        checked = checkEnd;
      }
      const piece = final && view.length > 0 && view[view.length - 1] !== LF ? Buffer.concat([view, Buffer.from([LF])]) : view;
      const consumed = parser.feed(piece, final);
      if (segment && (final || viewOffset + consumed >= segment.end)) {
        if (!final) parser.finishSegment();
        segment.endOffset = final ? position : viewOffset + consumed;
        segment.lines = parser.line - 1;
      }
      while (parser.out.length > 0) yield parser.out.shift();
      if (headerOnly && parser.header !== null) return;
      if (final || segment && segment.endOffset >= 0) return;
      carry = view.subarray(consumed);
      checked = Math.max(0, checked - consumed);
      viewOffset += consumed;
    }
  } finally {
    await fh.close();
  }
}
var SNIFFED = [";", "	", "|"];
function sniffDelimiter(head) {
  let i = head[0] === 239 && head[1] === 187 && head[2] === 191 ? 3 : 0;
  while (i < head.length && (head[i] === LF || head[i] === CR)) i++;
  const declared = excelSepLine(head, i);
  if (declared !== null) return String.fromCharCode(declared.delimiter);
  const counts = /* @__PURE__ */ new Map();
  let quoted = false;
  for (; i < head.length; i++) {
    const c = head[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if ((counts.get(44) ?? 0) > 0) return ",";
  let best = ",";
  let most = 0;
  for (const d of SNIFFED) {
    const n = counts.get(d.charCodeAt(0)) ?? 0;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}
function excelSepLine(buf, pos) {
  if (buf.length < pos + 6 || buf[pos] !== 115 || buf[pos + 1] !== 101 || buf[pos + 2] !== 112 || buf[pos + 3] !== 61) return null;
  const delimiter = buf[pos + 4];
  if (delimiter === LF || delimiter === CR || delimiter === QUOTE) return null;
  if (buf[pos + 5] === LF) return { delimiter, end: pos + 6 };
  if (buf[pos + 5] === CR && buf[pos + 6] === LF) return { delimiter, end: pos + 7 };
  return null;
}
async function openCsv(path, opts = {}) {
  if (opts.delimiter === void 0 && !/\.tsv$/i.test(withoutGzip(path))) opts = { ...opts, delimiter: sniffDelimiter(await readHead(path, 1 << 16)) };
  const delim = csvDelimiter(path, opts);
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const maxRowBytes = opts.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const batchRows = batchRowsOption(opts.batchRows);
  const probe = new CsvParser(path, delim, batchRows, maxRowBytes, null);
  for await (const _ of drive(path, probe, Math.min(chunkSize, 1 << 16), true)) {
  }
  const header = probe.header;
  planFor(path, opts, 1)(header);
  return {
    path,
    format: "csv",
    fieldNames: header,
    delimiter: String.fromCharCode(delim),
    batches() {
      warmUpScanner();
      const parser = new CsvParser(path, delim, batchRows, maxRowBytes, planFor(path, opts, batchRows));
      return drive(path, parser, chunkSize, false);
    }
  };
}
function parseCsvText(text, options, batchRows) {
  const parser = memoryParser(options, batchRows);
  parser.feed(Buffer.from(text, "utf8"), true);
  return parser.out;
}
function memoryParser(options, batchRows) {
  return new CsvParser("(in memory)", COMMA, batchRows, DEFAULT_MAX_ROW_BYTES, planFor("(in memory)", options, batchRows));
}
var warmedUp = false;
function warmUpScanner() {
  if (warmedUp) return;
  warmedUp = true;
  const rows = [
    "n,d,s,t,day,skip",
    "12,12,a,2021-01-03T10:45:32Z,2021-01-03,x",
    "-3.5,-0.25,b,2021-01-03T10:45:32.5+01:00,2020-02-29,y",
    "1.5e-3,7,,,,z",
    "+2E+4,abc,a,2021-01-03,2021-01-03,x",
    ',,"q,1","2021-01-03T00:00:00Z",,"a ""b"""',
    "abc,0.50,b,bad,bad,y",
    "12345678901234567890,007,c,2021-01-03T10:45:32Z,2021-01-03,z"
  ];
  const text = `${rows[0]}\r
${rows.slice(1).join("\n")}\r
${rows.slice(1).join("\r\n")}
`;
  const options = {
    columns: ["n", "d", "s", "t", "day"],
    decoding: { n: "number", d: "detect", s: "string", t: "string", day: "string" },
    temporal: { t: "datetime", day: "date" }
  };
  const bytes = Buffer.from(text, "latin1");
  const cut = bytes.indexOf(LF, bytes.length >> 1) + 1;
  for (let round = 0; round < 4; round++) {
    const parser = memoryParser(options, 4);
    parser.feed(bytes.subarray(0, cut), false);
    parser.feed(bytes.subarray(cut), true);
  }
  for (let k = 0; k < 32; k++) bytes.lastIndexOf(LF);
}
function readCsvSegment(path, options, header, progress) {
  warmUpScanner();
  const opts = decodeNumberFormsAs(options, "string");
  const delim = csvDelimiter(path, opts);
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const batchRows = batchRowsOption(opts.batchRows);
  const parser = new CsvParser(path, delim, batchRows, opts.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES, planFor(path, opts, batchRows));
  if (progress.start > 0) parser.setHeader(header);
  progress.endOffset = -1;
  progress.lines = 0;
  return withNumberForms(drive(path, parser, chunkSize, false, progress), options.numberForms);
}
async function planCsvSegments(path, segmentBytes) {
  const fh = await openForReading(path);
  try {
    const size = (await fh.stat()).size;
    if (isGzipPath(path)) return [{ start: 0, end: size }];
    const bounds = [0];
    const probe = Buffer.allocUnsafe(1 << 16);
    for (let target = segmentBytes; target < size; ) {
      const { bytesRead } = await fh.read(probe, 0, probe.length, target);
      const lf = probe.subarray(0, bytesRead).indexOf(LF);
      if (lf < 0) {
        if (bytesRead === 0) break;
        target += bytesRead;
        continue;
      }
      const boundary = target + lf + 1;
      if (boundary >= size) break;
      bounds.push(boundary);
      target = Math.max(boundary, target + segmentBytes);
    }
    bounds.push(size);
    const out = [];
    for (let k = 0; k + 1 < bounds.length; k++) out.push({ start: bounds[k], end: bounds[k + 1] });
    return out;
  } finally {
    await fh.close();
  }
}
function alignSegments(segments, outcomes) {
  const placed = [];
  let lineOffset = 0;
  for (let k = 0; k < outcomes.length; k++) {
    const outcome = outcomes[k];
    if (k > 0) {
      const previous = outcomes[k - 1];
      if (!previous.ok || previous.value.endOffset !== segments[k].start) return null;
    }
    if (!outcome.ok) throw atLineOffset(outcome.error, lineOffset);
    placed.push({ value: outcome.value, lineOffset });
    lineOffset += outcome.value.lines;
  }
  return placed;
}
function atLineOffset(error, lineOffset) {
  if (!(error instanceof InputError) || lineOffset === 0 || error.location.line === void 0) return error;
  return new InputError(error.detail, { ...error.location, line: error.location.line + lineOffset });
}

export {
  ownValue,
  plainNumberText,
  parseLocalNumber,
  applyNumberForms,
  decodeNumberFormsAs,
  withNumberForms,
  StringColumnBuilder,
  NumberColumnBuilder,
  cellText,
  concatBatches,
  DateTextCache,
  pushValue,
  pushValues,
  missingSets,
  daysInMonth,
  dayOfCivil,
  civilMs,
  zoneMinutes,
  temporalText,
  sizeText,
  DEFAULT_CHUNK_SIZE,
  DEFAULT_MAX_ROW_BYTES,
  batchRowsOption,
  DEFAULT_SEGMENT_BYTES,
  openCsv,
  parseCsvText,
  warmUpScanner,
  readCsvSegment,
  planCsvSegments,
  alignSegments
};
