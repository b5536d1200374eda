import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_MAX_ROW_BYTES,
  NumberColumnBuilder,
  StringColumnBuilder,
  batchRowsOption,
  concatBatches,
  decodeNumberFormsAs,
  missingSets,
  openCsv,
  ownValue,
  pushValue,
  sizeText,
  withNumberForms
} from "./chunk-HTMWGR7O.mjs";
import {
  countLines,
  firstInvalidUtf8,
  invalidUtf8Message,
  isGzipPath,
  openByteReader,
  withoutGzip
} from "./chunk-M6T65NKY.mjs";
import {
  openForReading
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/table/glob.ts
import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
var MAGIC = /[*?[{]/;
function isGlob(path) {
  return MAGIC.test(path);
}
async function dataArguments(paths, cwd) {
  return paths.length === 1 && !MAGIC.test(paths[0]) ? [paths[0]] : expandDataPaths([...paths], cwd);
}
function expandBraces(pattern) {
  let depth = 0;
  let open2 = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "{") {
      if (depth === 0) open2 = i;
      depth++;
    } else if (c === "}" && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(open2 + 1, i);
        const parts = [];
        let d = 0;
        let from = 0;
        for (let k = 0; k < body.length; k++) {
          if (body[k] === "{") d++;
          else if (body[k] === "}") d--;
          else if (body[k] === "," && d === 0) {
            parts.push(body.slice(from, k));
            from = k + 1;
          }
        }
        parts.push(body.slice(from));
        if (parts.length === 1) continue;
        const head = pattern.slice(0, open2);
        const tail = pattern.slice(i + 1);
        return parts.flatMap((p) => expandBraces(head + p + tail));
      }
    }
  }
  return [pattern];
}
function segmentRegExp(seg) {
  let re = "^";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === "\\" && i + 1 < seg.length) re += seg[++i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = seg.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let body = seg.slice(i + 1, end);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        re += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`${re}$`);
}
function matchSegment(seg, name) {
  if (name.startsWith(".") && !seg.startsWith(".")) return false;
  return segmentRegExp(seg).test(name);
}
async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
async function listDir(dir) {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return [];
  }
}
async function walk(base, shown, segments, out) {
  if (segments.length === 0) {
    if (await isFile(base)) out.add(shown);
    return;
  }
  const [seg, ...rest] = segments;
  const child = (name) => [join(base, name), shown === "" ? name : shown.endsWith("/") ? shown + name : `${shown}/${name}`];
  if (seg === "**") {
    await walk(base, shown, rest, out);
    for (const e of await listDir(base)) {
      if (e.dir && !e.name.startsWith(".")) await walk(...child(e.name), segments, out);
    }
    return;
  }
  if (!MAGIC.test(seg)) {
    await walk(...child(seg.replace(/\\(.)/g, "$1")), rest, out);
    return;
  }
  for (const e of await listDir(base)) {
    if (!matchSegment(seg, e.name)) continue;
    if (rest.length > 0 && !e.dir) continue;
    await walk(...child(e.name), rest, out);
  }
}
async function expandDataPaths(patternOrPaths, cwd = process.cwd()) {
  const patterns = Array.isArray(patternOrPaths) ? patternOrPaths : [patternOrPaths];
  if (patterns.length === 0) throw new InputError("no data path given");
  const out = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    if (typeof pattern !== "string" || pattern.trim() === "") throw new InputError("empty data path");
    const found = /* @__PURE__ */ new Set();
    for (const p of expandBraces(pattern)) {
      const abs = isAbsolute(p);
      const root = abs ? p.match(/^(?:[A-Za-z]:)?\//)?.[0] ?? "/" : "";
      const segments = p.slice(root.length).split("/").filter((s) => s !== "" && s !== ".");
      if (!MAGIC.test(p)) {
        const full = abs ? p : resolve(cwd, p);
        if (await isFile(full)) found.add(abs ? p : segments.join("/"));
        continue;
      }
      await walk(abs ? root : cwd, abs ? root : "", segments, found);
    }
    if (found.size === 0) {
      throw new InputError(MAGIC.test(pattern) ? "no file matches this pattern" : "data file not found", { file: pattern });
    }
    for (const f of found) out.add(f);
  }
  return [...out].sort();
}

// src/table/format.ts
var BY_EXTENSION = {
  csv: "csv",
  tsv: "csv",
  txt: "csv",
  jsonl: "jsonl",
  ndjson: "jsonl",
  json: "json",
  parquet: "parquet",
  pq: "parquet",
  arrow: "arrow",
  feather: "arrow",
  ipc: "arrow",
  arrows: "arrow"
};
function detectFormat(path) {
  const gzip = isGzipPath(path);
  const match = /\.([A-Za-z0-9]+)$/.exec(withoutGzip(path));
  const format = match ? BY_EXTENSION[match[1].toLowerCase()] : void 0;
  if (!format) {
    throw new InputError("unknown data format: use a .csv, .tsv, .jsonl, .ndjson, .json, .parquet, .arrow or .feather file, or a text one gzip-compressed (.csv.gz, \u2026)", { file: path });
  }
  if (gzip && (format === "parquet" || format === "arrow")) {
    throw new InputError(`a gzip-compressed ${format === "parquet" ? "Parquet" : "Arrow"} file cannot be read: these formats compress their pages themselves; decompress it first`, { file: path });
  }
  return format;
}

// src/table/index.ts
import { open, stat as stat2 } from "node:fs/promises";

// src/table/jsonl.ts
import { isUtf8 } from "node:buffer";

// src/table/json-syntax.ts
var EXPECTED = {
  value: "a value",
  valueOrClose: "a value or ']'",
  commaOrCloseArray: "',' or ']'",
  key: "a property name in double quotes",
  keyOrClose: "a property name in double quotes or '}'",
  colon: "':'",
  commaOrCloseObject: "',' or '}'",
  end: "the end of the"
};
var isWhitespace = (c) => c === 32 || c === 10 || c === 13 || c === 9;
var isWordChar = (c) => c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36;
var isNumberChar = (c) => isWordChar(c) || c === 43 || c === 45 || c === 46;
var NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
var HEX4 = /^[0-9a-fA-F]{4}$/;
function charText(text, at) {
  const cp = text.codePointAt(at) ?? 0;
  if (cp < 32 || cp === 127 || cp >= 128 && cp < 160) return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const ch = String.fromCodePoint(cp);
  return ch === "'" ? `"'"` : `'${ch}'`;
}
function tokenText(text, token) {
  if (token.kind === "punct") return charText(text, token.start);
  const raw = text.slice(token.start, token.end);
  const shown = raw.length > 40 ? `${raw.slice(0, 37)}\u2026` : raw;
  return token.kind === "word" ? `'${shown}'` : shown;
}
function place(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c >= 55296 && c <= 56319 && i + 1 < offset) i++;
    column++;
  }
  return { line, column };
}
function jsonSyntaxError(text, unit = "text") {
  const fault = (offset, message) => ({ offset, ...place(text, offset), message });
  const n = text.length;
  const stack = [];
  let expect = "value";
  let previous;
  let i = 0;
  for (; ; ) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (expect === "end") return void 0;
      const open2 = stack.length === 0 ? "" : stack[stack.length - 1] === 91 ? " (an array is not closed)" : " (an object is not closed)";
      return fault(previous?.end ?? 0, `unexpected end of the ${unit} where ${EXPECTED[expect]} was expected${open2}`);
    }
    const start = i;
    const c = text.charCodeAt(i);
    let kind;
    if (c === 34) {
      kind = "string";
      for (i++; ; ) {
        if (i >= n) return fault(start, "string never closed (its closing quote is missing)");
        const d = text.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) {
          const e = text.charCodeAt(i + 1);
          if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i += 2;
          else if (e === 117 && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
          else if (e === 117) return fault(i, "\\u in a string must be followed by 4 hexadecimal digits");
          else if (i + 1 >= n) return fault(start, "string never closed (its closing quote is missing)");
          else return fault(i, `bad escape '\\${String.fromCodePoint(text.codePointAt(i + 1) ?? 0)}' in a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
          continue;
        }
        if (d < 32) {
          return fault(i, d === 10 || d === 13 ? "line break inside a string (write it as \\n, or close the string)" : `control character ${charText(text, i)} inside a string (write it escaped)`);
        }
        i++;
      }
      i++;
    } else if (c === 45 || c >= 48 && c <= 57) {
      kind = "number";
      for (i++; i < n && isNumberChar(text.charCodeAt(i)); i++) ;
      if (!NUMBER.test(text.slice(start, i))) return fault(start, `invalid number '${text.slice(start, i)}'`);
    } else if (isWordChar(c)) {
      for (i++; i < n && isWordChar(text.charCodeAt(i)); i++) ;
      const word = text.slice(start, i);
      kind = word === "true" || word === "false" || word === "null" ? "literal" : "word";
    } else {
      kind = "punct";
      i += c >= 55296 && c <= 56319 ? 2 : 1;
    }
    const token = { kind, start, end: i };
    const isValue = kind === "string" || kind === "number" || kind === "literal";
    const afterValue = () => stack.length === 0 ? "end" : stack[stack.length - 1] === 91 ? "commaOrCloseArray" : "commaOrCloseObject";
    let next;
    switch (expect) {
      case "value":
      case "valueOrClose":
        if (isValue) next = afterValue();
        else if (c === 91) {
          stack.push(c);
          next = "valueOrClose";
        } else if (c === 123) {
          stack.push(c);
          next = "keyOrClose";
        } else if (c === 93 && expect === "valueOrClose") {
          stack.pop();
          next = afterValue();
        }
        break;
      case "key":
      case "keyOrClose":
        if (kind === "string") next = "colon";
        else if (c === 125 && expect === "keyOrClose") {
          stack.pop();
          next = afterValue();
        }
        break;
      case "colon":
        if (c === 58) next = "value";
        break;
      case "commaOrCloseArray":
      case "commaOrCloseObject":
        if (c === 44) next = expect === "commaOrCloseArray" ? "value" : "key";
        else if (c === (expect === "commaOrCloseArray" ? 93 : 125)) {
          stack.pop();
          next = afterValue();
        }
        break;
      case "end":
        break;
    }
    if (next === void 0) {
      let hint = "";
      const afterComma = previous !== void 0 && previous.kind === "punct" && text.charCodeAt(previous.start) === 44;
      if (afterComma && kind === "punct" && (c === 93 || c === 125)) hint = " (a trailing comma?)";
      else if ((expect === "commaOrCloseArray" || expect === "commaOrCloseObject") && (isValue || c === 91 || c === 123)) hint = " (a missing ','?)";
      const expected = expect === "end" ? `${EXPECTED.end} ${unit}` : EXPECTED[expect];
      return fault(start, `unexpected ${tokenText(text, token)} where ${expected} was expected${hint}`);
    }
    expect = next;
    previous = token;
  }
}
function memberNumberText(text, key) {
  let depth = 0;
  let found;
  let name;
  let valueNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) continue;
    if (c === 34) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      if (depth === 1 && !valueNext) name = JSON.parse(text.slice(start, i + 1));
      valueNext = false;
      continue;
    }
    if (depth === 1 && valueNext && (c === 45 || c >= 48 && c <= 57)) {
      const start = i;
      while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
      if (name === key) found = text.slice(start, i + 1);
      valueNext = false;
      continue;
    }
    valueNext = depth === 1 && c === 58;
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) break;
    }
  }
  return found;
}

// src/table/jsonl.ts
async function* jsonLines(path, chunkSize, maxLineBytes) {
  const fh = await openByteReader(path);
  let current = "";
  const source = () => current;
  try {
    let carry = Buffer.alloc(0);
    let line = 1;
    let position = 0;
    let first = true;
    for (; ; ) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(chunkSize, carry.length), Math.max(1, maxLineBytes + 1 - carry.length)));
      const { bytesRead } = await fh.read(buf, 0, buf.length, position);
      position += bytesRead;
      const final = bytesRead === 0;
      let data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      if (first && (data.length >= 3 || final)) {
        first = false;
        if (data[0] === 239 && data[1] === 187 && data[2] === 191) data = data.subarray(3);
      }
      let start = 0;
      for (; ; ) {
        let nl = data.indexOf(10, start);
        if (nl < 0) {
          if (!final || start >= data.length) break;
          nl = data.length;
        }
        let end = nl;
        if (end > start && data[end - 1] === 13) end--;
        const bytes = data.subarray(start, end);
        if (bytes.indexOf(0) >= 0) throw new InputError("NUL byte in a text file (is this a binary file?)", { file: path, line });
        if (!isUtf8(bytes)) throw new InputError(invalidUtf8Message(bytes[firstInvalidUtf8(bytes, 0, bytes.length)]), { file: path, line });
        const text = bytes.toString("utf8");
        if (text.trim() !== "") {
          let value;
          try {
            value = JSON.parse(text);
          } catch (error) {
            throw invalidJson(path, text, error, line, "line");
          }
          if (value === null || typeof value !== "object" || Array.isArray(value)) {
            throw new InputError("each line must be a JSON object", { file: path, line });
          }
          current = text;
          yield { value, line, source };
        }
        line++;
        start = nl + 1;
      }
      if (final) return;
      carry = Buffer.from(data.subarray(start));
      if (carry.length > maxLineBytes && !(carry.length === maxLineBytes + 1 && carry[maxLineBytes] === 13)) {
        throw new InputError(`line longer than ${sizeText(maxLineBytes)}`, { file: path, line });
      }
    }
  } finally {
    await fh.close();
  }
}
function invalidJson(path, text, error, firstLine, unit) {
  const fault = jsonSyntaxError(text, unit);
  if (fault) return new InputError(`invalid JSON: ${fault.message}`, { file: path, line: firstLine + fault.line - 1, column: fault.column }, { cause: error });
  const lastLine = firstLine + text.trimEnd().split("\n").length - 1;
  return new InputError(`invalid JSON: ${error.message}`, { file: path, line: lastLine }, { cause: error });
}
var MAX_JSON_ARRAY_BYTES = 256 << 20;
var lineAt = (buf, offset) => 1 + countLines(buf, 0, offset);
function elementStarts(buf, open2) {
  const starts = [];
  let depth = 0;
  let expectValue = false;
  for (let i = open2; i < buf.length; i++) {
    const c = buf[i];
    if (c === 34) {
      if (expectValue) {
        starts.push(i);
        expectValue = false;
      }
      for (i++; i < buf.length && buf[i] !== 34; i++) if (buf[i] === 92) i++;
      continue;
    }
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (expectValue && c !== 93) {
      starts.push(i);
      expectValue = false;
    }
    if (c === 91 || c === 123) {
      depth++;
      if (depth === 1 && c === 91) expectValue = true;
    } else if (c === 93 || c === 125) {
      depth--;
      if (depth === 0) break;
    } else if (c === 44 && depth === 1) expectValue = true;
  }
  return starts;
}
async function* jsonArrayRows(path) {
  const fh = await openForReading(path);
  let buf;
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
      const { gunzipSync } = await import("node:zlib");
      buf = gunzipSync(buf, { maxOutputLength: MAX_JSON_ARRAY_BYTES + 1 });
    } catch (error) {
      if (error.code !== "ERR_BUFFER_TOO_LARGE") throw new InputError(`not a readable gzip file: ${error.message}`, { file: path }, { cause: error });
      buf = Buffer.alloc(MAX_JSON_ARRAY_BYTES + 1);
    }
    if (buf.length > MAX_JSON_ARRAY_BYTES) throw new InputError(`a JSON array file is read whole, and this one holds more than ${MAX_JSON_ARRAY_BYTES >> 20} MiB: write it as JSON Lines (.jsonl), one object per line, which streams`, { file: path });
  }
  let from = buf[0] === 239 && buf[1] === 187 && buf[2] === 191 ? 3 : 0;
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError("NUL byte in a text file (is this a binary file?)", { file: path, line: lineAt(buf, nul) });
  if (!isUtf8(buf.subarray(from))) {
    const bad = firstInvalidUtf8(buf, from, buf.length);
    throw new InputError(invalidUtf8Message(buf[bad]), { file: path, line: lineAt(buf, bad) });
  }
  while (from < buf.length && (buf[from] === 32 || buf[from] === 10 || buf[from] === 13 || buf[from] === 9)) from++;
  if (from === buf.length) throw new InputError("empty file: no JSON array", { file: path, line: 1 });
  if (buf[from] !== 91) throw new InputError("a .json data file must hold one JSON array of objects (use .jsonl for one object per line)", { file: path, line: lineAt(buf, from) });
  let rows;
  const text = buf.toString("utf8", buf[0] === 239 && buf[1] === 187 && buf[2] === 191 ? 3 : 0);
  try {
    rows = JSON.parse(text);
  } catch (error) {
    throw invalidJson(path, text, error, 1, "file");
  }
  const items = rows;
  const starts = elementStarts(buf, from);
  const placed = starts.length === items.length;
  let current = 0;
  const source = () => buf.toString("utf8", starts[current], current + 1 < starts.length ? starts[current + 1] : buf.length);
  let line = 1;
  let counted = 0;
  for (let k = 0; k < items.length; k++) {
    const value = items[k];
    if (placed) {
      line += countLines(buf, counted, starts[k]);
      counted = starts[k];
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new InputError(`element ${k + 1} of the array is not a JSON object`, { file: path, ...placed ? { line } : {} });
    }
    current = k;
    yield { value, line: placed ? line : 0, source: placed ? source : void 0 };
  }
}
async function openJsonl(path, opts = {}) {
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const maxLineBytes = opts.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  return openRecords(path, "jsonl", opts, () => jsonLines(path, chunkSize, maxLineBytes));
}
async function openJsonArray(path, opts = {}) {
  return openRecords(path, "json", opts, () => jsonArrayRows(path));
}
async function openRecords(path, format, opts, records) {
  const batchRows = batchRowsOption(opts.batchRows);
  const keys = [];
  const seen = /* @__PURE__ */ new Set();
  const numeric = /* @__PURE__ */ new Map();
  const anyNumber = /* @__PURE__ */ new Set();
  let count = 0;
  for await (const { value } of records()) {
    for (const [k, v] of Object.entries(value)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
        numeric.set(k, true);
      }
      if (typeof v === "number") anyNumber.add(k);
      else if (v !== null) numeric.set(k, false);
    }
    if (++count >= batchRows) break;
  }
  if (count === 0) throw new InputError(format === "json" ? "empty array: no JSON object" : "empty file: no JSON object", { file: path, line: 1 });
  const names = opts.columns ?? keys;
  for (const name of names) if (!seen.has(name)) throw new InputError(`column ${JSON.stringify(name)} is not in the data`, { file: path, key: name });
  const missingFor = missingSets(names, opts);
  const kinds = names.map((name) => {
    const decoding = ownValue(opts.decoding, name) ?? opts.defaultDecoding ?? "auto";
    return decoding === "auto" || decoding === "detect" ? numeric.get(name) && anyNumber.has(name) ? "number" : "string" : decoding;
  });
  return {
    path,
    format,
    fieldNames: keys,
    async *batches() {
      let rowOffset = 0;
      let emitted = 0;
      let lines = [];
      let builders = newBuilders();
      function newBuilders() {
        return names.map((name, k) => kinds[k] === "number" ? new NumberColumnBuilder(name, 1024) : new StringColumnBuilder(name, 1024));
      }
      const finish = () => {
        const batch = { length: lines.length, rowOffset, lines: Float64Array.from(lines), columns: builders.map((b) => b.finish()) };
        rowOffset += lines.length;
        lines = [];
        builders = newBuilders();
        emitted++;
        return batch;
      };
      const numberColumns = kinds.flatMap((kind, k) => kind === "number" ? [k] : []);
      for await (const { value, line, source } of records()) {
        for (const k of Object.keys(value)) {
          if (!seen.has(k) && opts.columns === void 0) throw new InputError(`key ${JSON.stringify(k)} does not appear in the first ${batchRows} rows (the columns are fixed by them)`, { file: path, line, key: k });
        }
        names.forEach((name, k) => {
          const v = Object.hasOwn(value, name) ? value[name] : null;
          if (kinds[k] === "string" && typeof v === "number" && !Number.isSafeInteger(v) && Number.isInteger(v) && source !== void 0) {
            const text = memberNumberText(source(), name);
            if (text !== void 0 && /^-?\d+$/.test(text)) {
              builders[k].push(missingFor[k].has(text) ? null : text);
              return;
            }
          }
          pushValue(builders[k], v, missingFor[k]);
        });
        if (source !== void 0) {
          for (const k of numberColumns) {
            const b = builders[k];
            if (b.untexted !== 0) b.textLastInfinity(memberNumberText(source(), names[k]));
          }
        }
        lines.push(line);
        if (lines.length === batchRows) yield finish();
      }
      if (lines.length > 0 || emitted === 0) yield finish();
    }
  };
}

// src/table/hash.ts
var TEXT_BLOCK = 512;
function isTextBlock(block) {
  if (block.length === 0) return true;
  let nonText = 0;
  for (const b of block) {
    if (b === 0) return false;
    const text = b >= 32 && b <= 126 || b === 10 || b === 13 || b === 9 || b === 12 || b === 8;
    if (!text) nonText++;
  }
  return nonText / block.length <= 0.3;
}
async function hashFile(path) {
  const { createHash } = await import("node:crypto");
  const fh = await openForReading(path);
  try {
    const sha = createHash("sha256");
    const raw = createHash("md5");
    let dvc = null;
    const buf = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    let text = null;
    let pendingCR = false;
    let position = 0;
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buf.subarray(0, bytesRead);
      bytes += bytesRead;
      sha.update(chunk);
      if (text === null) text = isTextBlock(chunk.subarray(0, TEXT_BLOCK));
      if (dvc === null && (!text || chunk.indexOf(13) < 0)) {
        raw.update(chunk);
        continue;
      }
      dvc ??= raw.copy();
      raw.update(chunk);
      let from = 0;
      if (pendingCR) {
        if (chunk[0] !== 10) dvc.update(CR_BYTE);
        pendingCR = false;
      }
      for (let i = chunk.indexOf(13); i >= 0; i = chunk.indexOf(13, i + 1)) {
        if (i + 1 === chunk.length) {
          dvc.update(chunk.subarray(from, i));
          from = chunk.length;
          pendingCR = true;
          break;
        }
        if (chunk[i + 1] === 10) {
          dvc.update(chunk.subarray(from, i));
          from = i + 1;
        }
      }
      if (from < chunk.length) dvc.update(chunk.subarray(from));
    }
    if (pendingCR) dvc?.update(CR_BYTE);
    const md5Raw = raw.digest("hex");
    return { sha256: sha.digest("hex"), md5: dvc ? dvc.digest("hex") : md5Raw, md5Raw, bytes, text: text ?? true };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read: ${error.message}`, { file: path }, { cause: error });
  } finally {
    await fh.close();
  }
}
var CR_BYTE = Buffer.from([13]);

// src/table/index.ts
async function openTable(path, opts = {}) {
  const forms = opts.numberForms;
  if (!forms || Object.keys(forms).length === 0) return openFormat(path, opts);
  const format = opts.format ?? detectFormat(path);
  const source = await openFormat(path, decodeNumberFormsAs(opts, format === "csv" ? "string" : "auto"));
  return { ...source, batches: () => withNumberForms(source.batches(), forms) };
}
var LFS_POINTER = Buffer.from("version https://git-lfs.github.com/spec/v1\n");
async function refuseLfsPointer(path) {
  const info = await stat2(path).catch(() => null);
  if (info === null || !info.isFile() || info.size > 1024) return;
  const handle = await open(path, "r").catch(() => null);
  if (handle === null) return;
  try {
    const head = Buffer.alloc(LFS_POINTER.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === head.length && head.equals(LFS_POINTER)) {
      throw new InputError("this is a Git LFS pointer, not the data: fetch the file (git lfs pull; in a workflow, actions/checkout with lfs: true)", { file: path, line: 1 });
    }
  } finally {
    await handle.close();
  }
}
async function openFormat(path, opts) {
  await refuseLfsPointer(path);
  const format = opts.format ?? detectFormat(path);
  switch (format) {
    case "csv":
      return openCsv(path, opts);
    case "jsonl":
      return openJsonl(path, opts);
    case "json":
      return openJsonArray(path, opts);
    // Loaded on first use: hyparquet and apache-arrow are most of the table code's size, and every
    // command (and each worker thread) would otherwise compile them at start-up to read a CSV file.
    case "parquet":
      return (await import("./chunk-2V6BGHWV.mjs")).openParquet(path, opts);
    case "arrow":
      return (await import("./chunk-4SGAK7UQ.mjs")).openArrow(path, opts);
  }
}
async function readTable(path, opts = {}) {
  const source = await openTable(path, opts);
  const batches = [];
  for await (const batch of source.batches()) batches.push(batch);
  return concatBatches(path, opts.columns ?? source.fieldNames, batches);
}

export {
  detectFormat,
  hashFile,
  isGlob,
  dataArguments,
  expandDataPaths,
  openTable,
  readTable
};
