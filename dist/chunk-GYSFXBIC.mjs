import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_FALSE,
  DEFAULT_TRUE,
  allowedValues,
  compileStrptime,
  fieldParser,
  isNumericType,
  logicalKey,
  matchHeader,
  mergeSegments,
  parseBound,
  parseNumberText,
  readOptionsForSchema,
  validateBatches,
  validateCsvSegments,
  yaml
} from "./chunk-EAMZTAYM.mjs";
import {
  detectFormat,
  openTable
} from "./chunk-VFQYOCDE.mjs";
import {
  groupDigits,
  oneLine,
  plural
} from "./chunk-LVCVLYC2.mjs";
import {
  parallelAvailable,
  segmentBytesFromEnv,
  threadBudget
} from "./chunk-IW3PCL5P.mjs";
import {
  parseLocalNumber
} from "./chunk-HTMWGR7O.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/schema/file.ts
import { stat } from "node:fs/promises";
var VALIDATE_CSV_BATCH_ROWS = 4096;
var VALIDATE_SEGMENT_BYTES = 8 << 20;
var VALIDATE_MAX_SEGMENT_BYTES = 256 << 20;
function validateSegmentBytes(fileBytes, threads) {
  return Math.max(VALIDATE_SEGMENT_BYTES, Math.min(VALIDATE_MAX_SEGMENT_BYTES, Math.ceil(fileBytes / Math.max(1, threads))));
}
async function validateFile(path, schema, options = {}) {
  const format = detectFormat(path);
  const batching = format === "csv" ? { batchRows: VALIDATE_CSV_BATCH_ROWS } : {};
  let readOptions = { ...readOptionsForSchema(schema, void 0, format), ...batching };
  let source = await openTable(path, readOptions);
  const names = new Set(schema.fields.map((f) => f.name));
  const extraIgnored = schema.fieldsMatch === "subset" || schema.fieldsMatch === "partial";
  if (source.fieldNames.some((n) => !names.has(n)) || extraIgnored && (source.format === "jsonl" || source.format === "json")) {
    const header2 = source.fieldNames;
    readOptions = { ...readOptionsForSchema(schema, header2, format), ...batching };
    const subset = await openTable(path, readOptions);
    source = { ...subset, fieldNames: header2, batches: () => subset.batches() };
  }
  const maxErrors = options.maxErrors ?? 1e3;
  const header = matchHeader(schema, source);
  const segmentBytes = options.segmentBytes ?? segmentBytesFromEnv() ?? (parallelAvailable() ? validateSegmentBytes((await stat(path)).size, threadBudget()) : void 0);
  if (source.format === "csv" && segmentBytes !== void 0) {
    const report = await validateCsvSegments(path, schema, { ...readOptions, delimiter: source.delimiter }, source.fieldNames, header, maxErrors, segmentBytes);
    if (report !== null) return report;
  }
  const state = await validateBatches(schema, header.missing, source.batches(), maxErrors, false);
  return mergeSegments(schema, source, header, [{ state, rowOffset: 0, lineOffset: 0 }], maxErrors);
}

// src/schema/infer.ts
var CANDIDATES = ["boolean", "integer", "number", "date", "datetime", "time"];
var BOOLEAN_TEXTS = /* @__PURE__ */ new Set(["true", "True", "TRUE", "false", "False", "FALSE"]);
var INTEGER_RE = /^[+-]?\d+$/;
var LEADING_ZERO_RE = /^[+-]?0\d/;
function isWideInteger(text) {
  const t = text.trim();
  if (!INTEGER_RE.test(t)) return false;
  const v = Number(t);
  return !Number.isSafeInteger(v) && String(v) !== t.replace(/^\+/, "");
}
var TEMPORAL_PARSERS = {
  date: fieldParser({ type: "date" }),
  datetime: fieldParser({ type: "datetime" }),
  time: fieldParser({ type: "time" })
};
function fits(type, text) {
  switch (type) {
    case "boolean":
      return BOOLEAN_TEXTS.has(text);
    case "integer":
      return INTEGER_RE.test(text) && !LEADING_ZERO_RE.test(text) && Number.isSafeInteger(Number(text));
    case "number":
      return !LEADING_ZERO_RE.test(text) && !isWideInteger(text) && parseNumberText(text) !== void 0;
    default:
      return true;
  }
}
var TemporalRange = class {
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  minText = "";
  maxText = "";
  add(at, text) {
    if (at < this.min) {
      this.min = at;
      this.minText = text;
    }
    if (at > this.max) {
      this.max = at;
      this.maxText = text;
    }
  }
};
var DECIMAL_COMMA_RE = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
var DECIMAL_COMMA_PROOF = /,(?:\d{1,2}|\d{4,})$|\.\d{3}.*,\d+$/;
var GROUP_COMMA_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
var GROUP_COMMA_PROOF = /,\d{3}\.\d+$|,\d{3},\d{3}/;
var FormCandidate = class {
  constructor(pattern, proof, form) {
    this.pattern = pattern;
    this.proof = proof;
    this.form = form;
  }
  pattern;
  proof;
  form;
  fits = true;
  proven = false;
  /** Whether some value uses `.` as its group mark (decimal-comma form only). */
  dotGroups = false;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  add(text) {
    if (!this.fits) return;
    if (!this.pattern.test(text) || LEADING_ZERO_RE.test(text)) {
      this.fits = false;
      return;
    }
    if (this.proof.test(text)) this.proven = true;
    if (this.form.decimalChar === "," && text.includes(".")) this.dotGroups = true;
    const v = parseLocalNumber(text, this.form);
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
};
function detectNumberForm(texts) {
  const forms = new LocalForms();
  for (const text of texts) {
    forms.add(text);
    if (!forms.anyNumberForm()) return null;
  }
  return forms.numberForm()?.form ?? null;
}
var DATE_FORMATS = ["%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d"];
var DateFormatCandidate = class {
  constructor(format) {
    this.format = format;
    this.parse = compileStrptime(format, "date");
  }
  format;
  fits = true;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  parse;
  add(text) {
    if (!this.fits) return;
    const t = this.parse(text);
    if (t === void 0) {
      this.fits = false;
      return;
    }
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
  }
};
var LocalForms = class {
  decimalComma = new FormCandidate(DECIMAL_COMMA_RE, DECIMAL_COMMA_PROOF, { decimalChar: ",", groupChar: "." });
  groupComma = new FormCandidate(GROUP_COMMA_RE, GROUP_COMMA_PROOF, { groupChar: "," });
  dateFormats = DATE_FORMATS.map((f) => new DateFormatCandidate(f));
  seen = false;
  add(text) {
    this.seen = true;
    this.decimalComma.add(text);
    this.groupComma.add(text);
    for (const d of this.dateFormats) d.add(text);
  }
  /** Whether a number form still fits every value added. */
  anyNumberForm() {
    return this.decimalComma.fits || this.groupComma.fits;
  }
  /** Whether a number form or a date format still fits every value added. */
  anyForm() {
    return this.anyNumberForm() || this.dateFormats.some((d) => d.fits);
  }
  /** The local number form every value fits and one proves; null if none. */
  numberForm() {
    if (!this.seen) return null;
    const d = this.decimalComma;
    if (d.fits && d.proven) return { form: d.dotGroups ? { decimalChar: ",", groupChar: "." } : { decimalChar: "," }, min: d.min, max: d.max };
    const g = this.groupComma;
    if (g.fits && g.proven) return { form: { groupChar: "," }, min: g.min, max: g.max };
    return null;
  }
  /** The one spreadsheet date format every value parses with, and the range; null if none or several fit. */
  dateFormat() {
    if (!this.seen) return null;
    const fitting = this.dateFormats.filter((d) => d.fits);
    return fitting.length === 1 ? { format: fitting[0].format, min: fitting[0].min, max: fitting[0].max } : null;
  }
};
var DISTINCT_TEXT_CAP = 1e4;
var MAX_CATEGORY_VALUES = 50;
var ColumnFacts = class {
  /** `missing`: texts of this column read as null besides the table's (see {@link NA_TEXTS}). */
  constructor(name, distinctCap, missing = /* @__PURE__ */ new Set()) {
    this.name = name;
    this.distinctCap = distinctCap;
    this.missing = missing;
    this.seen = looksLikeId(name) ? /* @__PURE__ */ new Set() : null;
  }
  name;
  distinctCap;
  missing;
  rows = 0;
  nulls = 0;
  /** Bit i set while every value so far fits CANDIDATES[i]. */
  possible = (1 << CANDIDATES.length) - 1;
  distinct = /* @__PURE__ */ new Map();
  /** Every value seen, only for columns that might be ids (bounded by the file's row count). */
  seen;
  unique = true;
  /** Range of the finite numbers; which special values occurred (they decide which bounds a number column gets). */
  minNum = Number.POSITIVE_INFINITY;
  maxNum = Number.NEGATIVE_INFINITY;
  nan = false;
  posInf = false;
  negInf = false;
  /** Per candidate (CANDIDATES order): the range of a temporal type, null for the others. */
  ranges = CANDIDATES.map((t) => TEMPORAL_PARSERS[t] !== void 0 ? new TemporalRange() : null);
  /** Distinct texts, the first DISTINCT_TEXT_CAP of them; `textsComplete` once false, there were more. */
  texts = /* @__PURE__ */ new Set();
  textsComplete = true;
  /** Local forms of a text column (set after the main pass, see {@link LocalForms}). */
  forms = null;
  add(col, n) {
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
        if (!(this.possible & 1 << t)) continue;
        const range = this.ranges[t];
        if (range === null) {
          if (!fits(CANDIDATES[t], text)) this.possible &= ~(1 << t);
          continue;
        }
        const at = TEMPORAL_PARSERS[CANDIDATES[t]](text);
        if (typeof at === "number") range.add(at, text);
        else this.possible &= ~(1 << t);
      }
      if (this.distinct) {
        this.distinct.set(text, (this.distinct.get(text) ?? 0) + count);
        if (this.distinct.size > this.distinctCap) this.distinct = null;
      }
      if (this.seen && this.unique) {
        if (count > 1 || this.seen.has(text)) {
          this.unique = false;
          this.seen = null;
        } else this.seen.add(text);
      }
      if (this.textsComplete && !this.texts.has(text)) {
        if (this.texts.size < DISTINCT_TEXT_CAP) this.texts.add(text);
        else this.textsComplete = false;
      }
      const num = parseNumberText(text);
      if (num === void 0) return;
      if (Number.isFinite(num)) {
        if (num < this.minNum) this.minNum = num;
        if (num > this.maxNum) this.maxNum = num;
      } else if (num !== num) this.nan = true;
      else if (num > 0) this.posInf = true;
      else this.negInf = true;
    });
  }
  type() {
    if (this.rows === this.nulls) return "string";
    for (let t = 0; t < CANDIDATES.length; t++) if (this.possible & 1 << t) return CANDIDATES[t];
    return "string";
  }
  /**
   * Free text or names: more than MAX_CATEGORY_VALUES distinct values, most of them seen once or
   * twice (at least half the cells distinct). One-hot over its 50 most frequent values would teach
   * a model noise, and its frequencies cannot be compared for drift.
   */
  highCardinalityText() {
    const nonNull = this.rows - this.nulls;
    if (!this.textsComplete) return nonNull <= 2 * DISTINCT_TEXT_CAP;
    return this.texts.size > MAX_CATEGORY_VALUES && this.texts.size >= 0.5 * nonNull;
  }
};
function looksLikeId(name) {
  return /^id$/i.test(name) || /[_\s.-]id$/i.test(name) || /[a-z]Id$/.test(name) || /ID$/.test(name) || /^id[_\s.-]/i.test(name);
}
function guessRole(name, type, unique) {
  if (/^(label|target|class|y)$/i.test(name)) return "label";
  if (unique && (type === "integer" || type === "string") && looksLikeId(name)) return "id";
  if (type === "date" || type === "datetime") return "timestamp";
  return "feature";
}
var NA_TEXTS = /* @__PURE__ */ new Set(["NA", "N/A", "n/a", "na", "NULL", "null", "None", "#N/A", "-", "?"]);
function naCandidates(facts) {
  const out = /* @__PURE__ */ new Map();
  for (const f of facts) {
    if (f.type() !== "string" || !f.textsComplete) continue;
    const others = [...f.texts].filter((text) => parseNumberText(text) === void 0);
    if (others.length > 0 && others.length <= 3 && others.length < f.texts.size && others.every((text) => NA_TEXTS.has(text))) out.set(f.name, new Set(others));
  }
  return out;
}
async function inferSchemaFromSource(source, options = {}) {
  const first = await inferFields(source, options, /* @__PURE__ */ new Map());
  const candidates = options.missingValues === void 0 ? naCandidates(first.facts) : /* @__PURE__ */ new Map();
  let fields = first.fields;
  if (candidates.size > 0) {
    const again = await inferFields(source, options, candidates);
    fields = first.fields.map((field, i) => {
      const na = candidates.get(field.name);
      const retyped = again.fields[i];
      if (na === void 0 || retyped.type === "string") return field;
      return { ...retyped, missingValues: ["", ...[...na].sort()] };
    });
  }
  return { fields, missingValues: options.missingValues ?? [""] };
}
async function inferFields(source, options, naTexts) {
  const maxEnum = options.maxEnum ?? 20;
  const facts = source.fieldNames.map((name) => new ColumnFacts(name, maxEnum, naTexts.get(name)));
  const byName = new Map(facts.map((f) => [f.name, f]));
  for await (const batch of source.batches()) {
    for (const col of batch.columns) {
      const f = byName.get(col.name);
      if (!f) continue;
      if (col.kind === "string") f.add(col, batch.length);
      else {
        const dictionary = [];
        const index = /* @__PURE__ */ new Map();
        const codes = new Int32Array(batch.length);
        for (let i = 0; i < batch.length; i++) {
          if (col.nulls[i]) {
            codes[i] = -1;
            continue;
          }
          const text = String(col.values[i]);
          let c = index.get(text);
          if (c === void 0) {
            c = dictionary.length;
            index.set(text, c);
            dictionary.push(text);
          }
          codes[i] = c;
        }
        f.add({ kind: "string", name: col.name, codes, dictionary }, batch.length);
      }
    }
  }
  const reread = [];
  for (const f of facts) {
    if (f.type() !== "string" || f.rows === f.nulls) continue;
    f.forms = new LocalForms();
    for (const text of f.texts) f.forms.add(text);
    if (!f.textsComplete && f.forms.anyForm()) reread.push(f);
  }
  if (reread.length > 0) {
    const again = new Map(reread.map((f) => [f.name, f.forms]));
    for await (const batch of source.batches()) {
      for (const col of batch.columns) {
        const forms = again.get(col.name);
        if (forms && col.kind === "string") for (const text of col.dictionary) forms.add(text);
      }
    }
  }
  const fields = facts.map((f) => {
    const local = f.forms?.numberForm() ?? null;
    const dated = local ? null : f.forms?.dateFormat() ?? null;
    const type = local ? "number" : dated ? "date" : f.type();
    const field = { name: f.name, type, role: "feature", ...local?.form, ...dated ? { format: dated.format } : {} };
    const constraints = {};
    if (f.rows > 0 && f.nulls === 0) constraints.required = true;
    if (local) {
      constraints.minimum = local.min;
      constraints.maximum = local.max;
    }
    const unique = f.seen !== null && f.unique && f.rows > f.nulls;
    let role = guessRole(f.name, type, unique);
    if (role === "feature" && type === "string" && f.highCardinalityText()) role = "ignore";
    if (role === "id" && unique) constraints.unique = true;
    const range = f.ranges[CANDIDATES.indexOf(type)] ?? null;
    if (!local && (type === "integer" || type === "number")) {
      if (!f.nan && Number.isFinite(f.minNum)) {
        if (!f.negInf) constraints.minimum = f.minNum;
        if (!f.posInf && role !== "id") constraints.maximum = f.maxNum;
      }
    } else if (dated) {
      constraints.minimum = new Date(dated.min).toISOString().slice(0, 10);
      if (role !== "timestamp") constraints.maximum = new Date(dated.max).toISOString().slice(0, 10);
    } else if (range !== null && range.min <= range.max) {
      constraints.minimum = range.minText;
      if (role !== "timestamp") constraints.maximum = range.maxText;
    }
    const nonNull = f.rows - f.nulls;
    if (type === "string" && f.distinct && f.distinct.size > 0 && nonNull >= 2 * f.distinct.size && role !== "id") {
      constraints.enum = [...f.distinct.keys()].sort();
    }
    field.role = role;
    if (Object.keys(constraints).length) field.constraints = constraints;
    return field;
  });
  return { fields, facts };
}
async function inferSchema(paths, options = {}) {
  const list = Array.isArray(paths) ? paths : [paths];
  const readOptions = { defaultDecoding: "string", missingValues: options.missingValues ?? [""] };
  const sources = [];
  for (const path of list) sources.push(await openTable(path, readOptions));
  const first = sources[0];
  for (const other of sources.slice(1)) {
    if (other.fieldNames.join("\0") !== first.fieldNames.join("\0")) {
      throw new InputError(`the files of one schema must have the same columns: ${first.path} has ${first.fieldNames.join(", ")}; this file has ${other.fieldNames.join(", ")}`, { file: other.path });
    }
  }
  if (sources.length === 1) return inferSchemaFromSource(first, options);
  return inferSchemaFromSource({
    ...first,
    async *batches() {
      for (const source of sources) yield* source.batches();
    }
  }, options);
}
function dumpSchema(schema) {
  const { source: _source, ...plain } = schema;
  return yaml.dump(plain, { lineWidth: 120, noRefs: true, flowLevel: 3, quotingType: '"' });
}

// src/schema/diff.ts
function widens(from, to) {
  if (from === to || to === "any") return true;
  if (to === "string") return true;
  if (from === "integer" && to === "number") return true;
  if (from === "year" && (to === "integer" || to === "number")) return true;
  return false;
}
var MATCH_ALLOWS = {
  exact: /* @__PURE__ */ new Set(),
  equal: /* @__PURE__ */ new Set(["reorder"]),
  subset: /* @__PURE__ */ new Set(["reorder", "extra"]),
  superset: /* @__PURE__ */ new Set(["reorder", "missing"]),
  partial: /* @__PURE__ */ new Set(["reorder", "extra", "missing"])
};
function keyList(key) {
  return key === void 0 ? [] : Array.isArray(key) ? key : [key];
}
function absentFieldFails(field, schema) {
  if (field.constraints?.required === true) return "it is required";
  if (field.maxNullFraction !== void 0 && field.maxNullFraction < 1) return `its maxNullFraction ${field.maxNullFraction} fails when every cell is missing`;
  if (keyList(schema.primaryKey).includes(field.name)) return "it is part of the primary key";
  return null;
}
function diffSchemas(older, newer) {
  const changes = [];
  const add = (severity, field, change, from, to, message) => changes.push({ severity, field, change, from, to, message });
  const oldFields = new Map(older.fields.map((f) => [f.name, f]));
  const newFields = new Map(newer.fields.map((f) => [f.name, f]));
  const om = older.fieldsMatch ?? "exact", nm = newer.fieldsMatch ?? "exact";
  const allowsMissing = MATCH_ALLOWS[nm].has("missing"), allowsExtra = MATCH_ALLOWS[nm].has("extra");
  for (const f of older.fields) {
    if (newFields.has(f.name)) continue;
    if (allowsExtra) add("compatible", f.name, "field.removed", f.type, null, `column '${f.name}' removed (fieldsMatch: ${nm} ignores extra columns)`);
    else add("breaking", f.name, "field.removed", f.type, null, `column '${f.name}' removed: old data that has it fails validation (fieldsMatch: ${nm} reports extra columns)`);
  }
  for (const f of newer.fields) {
    const o = oldFields.get(f.name);
    if (!o) {
      const required = f.constraints?.required === true;
      const change = required ? "field.added.required" : "field.added";
      const what = `${required ? "required " : ""}column '${f.name}' added`;
      const reason = !allowsMissing ? `fieldsMatch: ${nm} needs every schema field in the data` : absentFieldFails(f, newer);
      if (reason === null) add("compatible", f.name, change, null, f.type, `${what} (fieldsMatch: ${nm} lets old data lack it)`);
      else add("breaking", f.name, change, null, f.type, `${what}: old data without it fails validation (${allowsMissing ? `fieldsMatch: ${nm} lets it be absent, but ${reason}` : reason})`);
      continue;
    }
    diffField(o, f, add, older.missingValues ?? [""], newer.missingValues ?? [""], keyList(older.primaryKey), oldUniqueKeyOf(older, f.name));
  }
  if (nm === "partial" && newer.fields.length > 0) {
    const oldMustHave = older.fields.filter((f) => !MATCH_ALLOWS[om].has("missing") || absentFieldFails(f, older) !== null);
    const removed = older.fields.filter((f) => !newFields.has(f.name)).map((f) => f.name);
    if (removed.length > 0 && !oldMustHave.some((f) => newFields.has(f.name))) {
      add(
        "breaking",
        null,
        "fields.noneKept",
        removed,
        newer.fields.map((f) => f.name),
        `old data may hold none of the new schema's fields (only ${removed.map((n) => `'${n}'`).join(", ")}), which fails fieldsMatch: partial`
      );
    }
  }
  if (om !== nm) {
    const loosened = [...MATCH_ALLOWS[om]].every((k) => MATCH_ALLOWS[nm].has(k));
    add(loosened ? "compatible" : "breaking", null, loosened ? "fieldsMatch.loosened" : "fieldsMatch.tightened", om, nm, `fieldsMatch ${om} \u2192 ${nm}`);
  }
  if (nm === "exact" && om === "exact") {
    const oldOrder = older.fields.map((f) => f.name).filter((n) => newFields.has(n));
    const newOrder = newer.fields.map((f) => f.name).filter((n) => oldFields.has(n));
    if (oldOrder.join("\0") !== newOrder.join("\0")) add("breaking", null, "fields.reordered", oldOrder, newOrder, "field order changed (fieldsMatch: exact maps columns by position)");
  }
  const opk = keyList(older.primaryKey), npk = keyList(newer.primaryKey);
  const sameColumns = (a, b) => a.length === b.length && a.every((k) => b.includes(k));
  if (opk.length > 0 && opk.join("\0") !== npk.join("\0") && sameColumns(opk, npk)) {
    add("compatible", null, "primaryKey.reordered", older.primaryKey ?? null, newer.primaryKey ?? null, `primary key (${opk.join(", ")}) \u2192 (${npk.join(", ")}): same columns, new order`);
  } else if (opk.join("\0") !== npk.join("\0")) {
    const met = npk.length === 0 ? null : oldKeyMet(older, npk);
    const what = npk.length === 0 ? "primary key removed" : opk.length === 0 ? `primary key (${npk.join(", ")}) added` : `primary key (${opk.join(", ")}) \u2192 (${npk.join(", ")})`;
    add(
      npk.length === 0 || met ? "compatible" : "breaking",
      null,
      npk.length === 0 ? "primaryKey.removed" : opk.length === 0 ? "primaryKey.added" : "primaryKey.changed",
      older.primaryKey ?? null,
      newer.primaryKey ?? null,
      met ? `${what} (the old schema already held its columns unique and non-null)` : what
    );
  }
  const ukText = (k) => [...keyList(k)].sort().join("\0");
  const oldUK = new Set((older.uniqueKeys ?? []).map(ukText));
  const newUK = new Set((newer.uniqueKeys ?? []).map(ukText));
  for (const k of newUK) {
    if (oldUK.has(k)) continue;
    const cols = k.split("\0");
    const met = oldUnique(older, cols);
    add(met ? "compatible" : "breaking", null, "uniqueKey.added", null, cols, `unique key (${cols.join(", ")}) added${met ? " (the old schema already held it unique)" : ""}`);
  }
  for (const k of oldUK) if (!newUK.has(k)) add("compatible", null, "uniqueKey.removed", k.split("\0"), null, `unique key (${k.split("\0").join(", ")}) removed`);
  const omv = new Set(older.missingValues ?? [""]), nmv = new Set(newer.missingValues ?? [""]);
  const inheriting = newer.fields.filter((f) => f.missingValues === void 0 && oldFields.get(f.name)?.missingValues === void 0).map((f) => f.name);
  for (const v of omv) {
    if (nmv.has(v)) continue;
    if (inheriting.length > 0) add("breaking", null, "missingValues.removed", v, null, `missing value ${JSON.stringify(v)} no longer means null (such cells are now checked as values)`);
    else add("compatible", null, "missingValues.removed", v, null, `missing value ${JSON.stringify(v)} removed (every field has its own missingValues)`);
  }
  for (const v of nmv) if (!omv.has(v)) add("compatible", null, "missingValues.added", null, v, `missing value ${JSON.stringify(v)} added`);
  const breaking = changes.filter((c) => c.severity === "breaking");
  const compatible = changes.filter((c) => c.severity === "compatible");
  return { breaking: breaking.length > 0, breakingCount: breaking.length, compatibleCount: compatible.length, changes: [...breaking, ...compatible] };
}
function oldUnique(schema, columns) {
  const within = (key) => key.length > 0 && key.every((c) => columns.includes(c));
  if (within(keyList(schema.primaryKey))) return true;
  if ((schema.uniqueKeys ?? []).some((k) => within(keyList(k)))) return true;
  return schema.fields.some((f) => columns.includes(f.name) && f.constraints?.unique === true);
}
function oldUniqueKeyOf(schema, name) {
  return [schema.primaryKey, ...schema.uniqueKeys ?? []].some((k) => {
    const cols = keyList(k);
    return cols.length === 1 && cols[0] === name;
  });
}
function oldKeyMet(schema, columns) {
  const key = keyList(schema.primaryKey);
  const nonNull = columns.every((c) => key.includes(c) || schema.fields.some((f) => f.name === c && f.constraints?.required === true));
  return nonNull && oldUnique(schema, columns);
}
function effectiveBound(field, side) {
  const c = field.constraints ?? {};
  const integral = field.type === "integer" || field.type === "year";
  const candidates = [];
  const inclusive = side === "lower" ? c.minimum : c.maximum;
  const exclusive = side === "lower" ? c.exclusiveMinimum : c.exclusiveMaximum;
  const at = inclusive === void 0 ? void 0 : parseBound(inclusive, field);
  if (at !== void 0) candidates.push({ at, exclusive: false });
  const ex = exclusive === void 0 ? void 0 : parseBound(exclusive, field);
  if (ex !== void 0) {
    if (integral) candidates.push({ at: side === "lower" ? Math.floor(ex) + 1 : Math.ceil(ex) - 1, exclusive: false });
    else candidates.push({ at: ex, exclusive: true });
  }
  return candidates.reduce((best, b) => tighterBound(side, b, best) ? b : best, null);
}
function tighterBound(side, a, b) {
  if (a === null) return false;
  if (b === null) return true;
  if (a.at !== b.at) return side === "lower" ? a.at > b.at : a.at < b.at;
  return a.exclusive && !b.exclusive;
}
function diffField(o, n, add, oldTableMissing, newTableMissing, oldKey, oldUniqueColumn) {
  const name = n.name;
  if (o.type !== n.type) {
    const ok = widens(o.type, n.type);
    add(ok ? "compatible" : "breaking", name, ok ? "type.widened" : "type.narrowed", o.type, n.type, `type ${o.type} \u2192 ${n.type}`);
  } else if ((o.format ?? "default") !== (n.format ?? "default")) {
    const ok = n.format === "any" && (o.format ?? "default") === "default" || n.type === "string" && (n.format ?? "default") === "default";
    add(ok ? "compatible" : "breaking", name, ok ? "format.loosened" : "format.changed", o.format ?? "default", n.format ?? "default", `format ${o.format ?? "default"} \u2192 ${n.format ?? "default"}`);
  }
  const oc = o.constraints ?? {}, nc = n.constraints ?? {};
  const implied = { required: oldKey.includes(name), unique: oldUniqueColumn };
  const flag = (key) => {
    const a = oc[key] === true, b = nc[key] === true;
    if (a === b) return;
    if (b && implied[key]) add("compatible", name, `constraint.${key}.added`, a, b, `${key} added (the old primary key already required it)`);
    else add(b ? "breaking" : "compatible", name, `constraint.${key}.${b ? "added" : "removed"}`, a, b, `${key} ${b ? "added" : "removed"}`);
  };
  flag("required");
  flag("unique");
  for (const side of ["lower", "upper"]) {
    const keys = side === "lower" ? ["minimum", "exclusiveMinimum"] : ["maximum", "exclusiveMaximum"];
    const tighter = tighterBound(side, effectiveBound(n, side), effectiveBound(o, side));
    for (const key of keys) {
      const from = oc[key], to = nc[key];
      if (from === to) continue;
      const a = from === void 0 ? void 0 : parseBound(from, o);
      const b = to === void 0 ? void 0 : parseBound(to, n);
      if (a !== void 0 && a === b) continue;
      const what = b === void 0 ? "removed" : a === void 0 ? "added" : (side === "lower" ? b > a : b < a) ? "tightened" : "loosened";
      const narrows = what === "added" || what === "tightened";
      const severity = narrows && tighter ? "breaking" : "compatible";
      const text = what === "removed" ? `${key} removed` : what === "added" ? `${key} ${JSON.stringify(to)} added` : `${key} ${JSON.stringify(from)} \u2192 ${JSON.stringify(to)}`;
      add(severity, name, `constraint.${key}.${what}`, from ?? null, to ?? null, narrows && !tighter ? `${text} (the ${side} bound as a whole is not tighter)` : text);
    }
  }
  const length = (key, narrower) => {
    const a = oc[key], b = nc[key];
    if (a === b) return;
    if (b === void 0) add("compatible", name, `constraint.${key}.removed`, a, null, `${key} removed`);
    else if (a === void 0) add("breaking", name, `constraint.${key}.added`, null, b, `${key} ${b} added`);
    else if (narrower(a, b)) add("breaking", name, `constraint.${key}.tightened`, a, b, `${key} ${a} \u2192 ${b}`);
    else add("compatible", name, `constraint.${key}.loosened`, a, b, `${key} ${a} \u2192 ${b}`);
  };
  length("minLength", (a, b) => b > a);
  length("maxLength", (a, b) => b < a);
  if (oc.pattern !== nc.pattern) {
    if (nc.pattern === void 0) add("compatible", name, "constraint.pattern.removed", oc.pattern, null, "pattern removed");
    else add("breaking", name, oc.pattern === void 0 ? "constraint.pattern.added" : "constraint.pattern.changed", oc.pattern ?? null, nc.pattern, oc.pattern === void 0 ? `pattern ${JSON.stringify(nc.pattern)} added` : `pattern ${JSON.stringify(oc.pattern)} \u2192 ${JSON.stringify(nc.pattern)}`);
  }
  if (JSON.stringify(oc.jsonSchema ?? null) !== JSON.stringify(nc.jsonSchema ?? null)) {
    if (nc.jsonSchema === void 0) add("compatible", name, "constraint.jsonSchema.removed", oc.jsonSchema, null, "jsonSchema removed");
    else add("breaking", name, oc.jsonSchema === void 0 ? "constraint.jsonSchema.added" : "constraint.jsonSchema.changed", oc.jsonSchema ?? null, nc.jsonSchema, `jsonSchema ${oc.jsonSchema === void 0 ? "added" : "changed"}`);
  }
  if (o.type === "list" && n.type === "list") {
    const od = o.delimiter ?? ",", nd = n.delimiter ?? ",";
    if (od !== nd) add("breaking", name, "list.delimiter.changed", od, nd, `list delimiter ${JSON.stringify(od)} \u2192 ${JSON.stringify(nd)}`);
    const oi = o.itemType ?? "string", ni = n.itemType ?? "string";
    if (oi !== ni) {
      const ok = widens(oi, ni);
      add(ok ? "compatible" : "breaking", name, ok ? "list.itemType.widened" : "list.itemType.narrowed", oi, ni, `list itemType ${oi} \u2192 ${ni}`);
    }
  }
  const oEnum = allowedValues(o);
  const nEnum = allowedValues(n);
  if (oEnum || nEnum) {
    if (!nEnum) add("compatible", name, "constraint.enum.removed", oEnum ?? null, null, "enum removed");
    else if (!oEnum) add("breaking", name, "constraint.enum.added", null, nEnum, `enum added (${nEnum.length} values)`);
    else {
      const keyOf = (field, v) => {
        const parsed = typeof v === "string" ? fieldParser(field)(v) : v;
        return parsed === void 0 ? String(v) : logicalKey(parsed);
      };
      const oldKeys = new Map(oEnum.map((v) => [keyOf(o, v), v]));
      const newKeys = new Map(nEnum.map((v) => [keyOf(n, v), v]));
      for (const [k, v] of oldKeys) if (!newKeys.has(k)) add("breaking", name, "enum.value.removed", v, null, `enum value ${JSON.stringify(v)} removed`);
      for (const [k, v] of newKeys) if (!oldKeys.has(k)) add("compatible", name, "enum.value.added", null, v, `enum value ${JSON.stringify(v)} added`);
    }
  }
  if (o.mostly !== n.mostly) {
    const tighter = (n.mostly ?? 1) > (o.mostly ?? 1);
    add(tighter ? "breaking" : "compatible", name, tighter ? "mostly.tightened" : "mostly.loosened", o.mostly ?? null, n.mostly ?? null, `mostly ${o.mostly ?? "unset (every row)"} \u2192 ${n.mostly ?? "unset (every row)"}`);
  }
  if (o.maxNullFraction !== n.maxNullFraction) {
    const tighter = n.maxNullFraction !== void 0 && (o.maxNullFraction === void 0 || n.maxNullFraction < o.maxNullFraction);
    add(tighter ? "breaking" : "compatible", name, tighter ? "maxNullFraction.tightened" : "maxNullFraction.loosened", o.maxNullFraction ?? null, n.maxNullFraction ?? null, `maxNullFraction ${o.maxNullFraction ?? "unset"} \u2192 ${n.maxNullFraction ?? "unset"}`);
  }
  if (JSON.stringify(o.missingValues ?? null) !== JSON.stringify(n.missingValues ?? null)) {
    const before = o.missingValues ?? oldTableMissing, after = n.missingValues ?? newTableMissing;
    const kept = before.every((v) => after.includes(v));
    add(kept ? "compatible" : "breaking", name, "missingValues.changed", o.missingValues ?? null, n.missingValues ?? null, `field missingValues ${JSON.stringify(o.missingValues ?? "from the table")} \u2192 ${JSON.stringify(n.missingValues ?? "from the table")}`);
  }
  const nf = (f) => JSON.stringify([f.decimalChar ?? ".", f.groupChar ?? null, f.bareNumber ?? true]);
  if (isNumericType(n.type) && isNumericType(o.type) && nf(o) !== nf(n)) {
    add("breaking", name, "numberForm.changed", [o.decimalChar ?? null, o.groupChar ?? null, o.bareNumber ?? null], [n.decimalChar ?? null, n.groupChar ?? null, n.bareNumber ?? null], "decimalChar/groupChar/bareNumber changed");
  }
  if (n.type === "boolean" && o.type === "boolean") {
    const ot = o.trueValues ?? DEFAULT_TRUE, of = o.falseValues ?? DEFAULT_FALSE;
    const nt = n.trueValues ?? DEFAULT_TRUE, nf2 = n.falseValues ?? DEFAULT_FALSE;
    if (JSON.stringify([ot, of]) !== JSON.stringify([nt, nf2])) {
      const kept = ot.every((v) => nt.includes(v)) && of.every((v) => nf2.includes(v));
      add(
        kept ? "compatible" : "breaking",
        name,
        "booleanValues.changed",
        [o.trueValues ?? null, o.falseValues ?? null],
        [n.trueValues ?? null, n.falseValues ?? null],
        kept ? "trueValues/falseValues extended" : "trueValues/falseValues changed: a text that was a boolean may no longer be one, or means the opposite"
      );
    }
  }
  if ((o.role ?? "feature") !== (n.role ?? "feature")) add("compatible", name, "role.changed", o.role ?? null, n.role ?? null, `role ${o.role ?? "unset"} \u2192 ${n.role ?? "unset"}`);
  if (JSON.stringify(o.drift ?? null) !== JSON.stringify(n.drift ?? null)) add("compatible", name, "drift.changed", o.drift ?? null, n.drift ?? null, "drift settings changed");
  for (const key of ["title", "description"]) {
    if (o[key] !== n[key]) add("compatible", name, `${key}.changed`, o[key] ?? null, n[key] ?? null, `${key} changed`);
  }
}

// src/schema/format.ts
var TABLE_COLUMNS = 50;
function cell(v) {
  if (v === null) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  return v;
}
function formatValidationReport(report, diff) {
  const out = [];
  const against = report.schema ? ` against ${report.schema}` : "";
  if (report.valid) out.push(`\u2713 ${report.file} is valid${against}: ${plural(report.rows, "row")}, ${plural(Object.keys(report.columns).length, "column")} checked`);
  else out.push(`\u2717 ${report.file} is invalid${against}: ${plural(report.errorCount, "error")} in ${plural(report.rows, "row")}`);
  const rules = Object.entries(report.errorsByRule).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (rules.length) out.push(`  by rule: ${rules.map(([r, n]) => `${r} ${groupDigits(n ?? 0)}`).join(", ")}`);
  if (report.errors.length || report.truncated) {
    out.push("");
    for (const e of report.errors) {
      const where = e.line !== null ? `${report.file}:${e.line}` : e.row !== null ? `${report.file} row ${e.row}` : report.file;
      out.push(`  ${where}: ${e.column !== null ? `[${oneLine(e.column)}] ` : ""}${e.rule}: ${oneLine(e.message)}`);
    }
    if (report.truncated) out.push(`  \u2026 showing ${report.errors.length} of ${plural(report.errorCount, "error")} (--max-errors ${report.maxErrors})`);
  }
  const entries = Object.entries(report.columns);
  const failing = (c) => Object.values(c.failures).some((n) => (n ?? 0) > 0) || c.mostly?.passed === false || c.maxNullFraction?.passed === false || !c.present;
  const shown = entries.length <= TABLE_COLUMNS ? entries : [...entries.filter(([, c]) => failing(c)), ...entries.filter(([, c]) => !failing(c))].slice(0, TABLE_COLUMNS);
  const rows = shown.map(([name, c]) => {
    const failures = Object.entries(c.failures).filter(([, n]) => (n ?? 0) > 0).map(([r, n]) => `${r} ${n}`).join(", ");
    const checks = [
      c.mostly ? `mostly ${c.mostly.passed ? "\u2713" : "\u2717"} ${(c.mostly.observed * 100).toFixed(2)}%` : "",
      c.maxNullFraction ? `nulls ${c.maxNullFraction.passed ? "\u2713" : "\u2717"}` : ""
    ].filter(Boolean).join(" ");
    return [c.present ? oneLine(name) : `${oneLine(name)} (absent)`, c.type, String(c.nulls), cell(c.min), cell(c.max), failures || "-", checks];
  });
  if (rows.length) {
    out.push("");
    const head = ["column", "type", "nulls", "min", "max", "failures", "checks"];
    const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
    const line = (r) => `  ${r.map((v, i) => v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}\u2026` : v.padEnd(widths[i])).join("  ").trimEnd()}`;
    out.push(line(head));
    for (const r of rows) out.push(line(r));
    if (entries.length > shown.length) out.push(`  \u2026 ${entries.length - shown.length} more columns (every column is in the JSON report: --json, --report)`);
  }
  if (report.extraColumns.length) out.push("", `  columns not in the schema: ${report.extraColumns.map(oneLine).join(", ")}`);
  if (report.missingColumns.length) out.push("", `  schema fields not in the data (allowed by fieldsMatch ${report.fieldsMatch}): ${report.missingColumns.map(oneLine).join(", ")}`);
  if (diff) out.push("", formatSchemaDiff(diff));
  return `${out.join("\n")}
`;
}
function formatSchemaDiff(diff) {
  if (diff.changes.length === 0) return "schema: no changes";
  const out = [`schema: ${plural(diff.breakingCount, "breaking change")}, ${plural(diff.compatibleCount, "compatible change")}`];
  for (const c of diff.changes) out.push(`  ${c.severity === "breaking" ? "BREAKING  " : "compatible"}  ${c.field !== null ? `${oneLine(c.field)}: ` : ""}${oneLine(c.message)}`);
  return out.join("\n");
}

// src/schema/multi.ts
function validationJson(report, diff) {
  return diff ? { ...report, schemaDiff: diff } : report;
}
function multiValidation(reports, diff) {
  const errorsByRule = {};
  for (const r of reports) for (const [rule, n] of Object.entries(r.errorsByRule)) errorsByRule[rule] = (errorsByRule[rule] ?? 0) + n;
  return {
    valid: reports.every((r) => r.valid),
    rows: reports.reduce((s, r) => s + r.rows, 0),
    errorCount: reports.reduce((s, r) => s + r.errorCount, 0),
    errors: reports.flatMap((r) => r.errors.map((e) => ({ file: r.file, ...e }))),
    columns: columnTotals(reports),
    errorsByRule,
    files: reports.map((r) => ({ file: r.file, valid: r.valid, rows: r.rows, errorCount: r.errorCount })),
    reports,
    ...diff ? { schemaDiff: diff } : {}
  };
}
function columnTotals(reports) {
  const out = /* @__PURE__ */ new Map();
  for (const report of reports) {
    for (const [name, c] of Object.entries(report.columns)) {
      let t = out.get(name);
      if (t === void 0) out.set(name, t = { type: c.type, present: false, rows: 0, nulls: 0, nullFraction: 0, valid: 0, failures: {}, errorCount: 0, min: null, max: null });
      t.present ||= c.present;
      t.rows += c.rows;
      t.nulls += c.nulls;
      t.valid += c.valid;
      t.errorCount += c.errorCount;
      for (const [rule, n] of Object.entries(c.failures)) t.failures[rule] = (t.failures[rule] ?? 0) + n;
      if (typeof c.min === "number") t.min = typeof t.min === "number" ? Math.min(t.min, c.min) : t.min === null ? c.min : t.min;
      if (typeof c.max === "number") t.max = typeof t.max === "number" ? Math.max(t.max, c.max) : t.max === null ? c.max : t.max;
    }
  }
  for (const t of out.values()) t.nullFraction = t.rows ? t.nulls / t.rows : 0;
  return Object.fromEntries(out);
}
function multiValidationLine(doc, schemaPath) {
  const invalid = doc.files.filter((f) => !f.valid).length;
  return `${doc.valid ? "\u2713" : "\u2717"} ${plural(doc.files.length, "file")} against ${schemaPath}: ${doc.files.length - invalid} valid, ${invalid} invalid; ${plural(doc.errorCount, "error")} in ${plural(doc.rows, "row")}`;
}

export {
  validateFile,
  detectNumberForm,
  inferSchema,
  dumpSchema,
  diffSchemas,
  formatValidationReport,
  formatSchemaDiff,
  validationJson,
  multiValidation,
  multiValidationLine
};
