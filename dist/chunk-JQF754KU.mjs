import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  sketchQuantile
} from "./chunk-KF6L3SPS.mjs";
import {
  assertReadableFile,
  writeFileAtomic
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/profile/io.ts
import { readFile } from "node:fs/promises";
function stringifyProfile(profile) {
  return `${format(profile, "")}
`;
}
function isPrimitive(v) {
  return v === null || typeof v !== "object";
}
function primitiveJson(v) {
  if (typeof v === "number" && (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY)) return JSON.stringify(Math.sign(v) * Number.MAX_VALUE);
  return JSON.stringify(v) ?? "null";
}
function format(value, indent) {
  if (isPrimitive(value)) return primitiveJson(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isPrimitive)) return `[${value.map(primitiveJson).join(",")}]`;
    return `[
${value.map((v) => inner + format(v, inner)).join(",\n")}
${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== void 0);
  if (entries.length === 0) return "{}";
  if (entries.every(([, v]) => isPrimitive(v))) {
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}}`;
  }
  return `{
${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(",\n")}
${indent}}`;
}
async function writeProfile(path, profile) {
  await writeFileAtomic(path, stringifyProfile(profile));
}
async function readProfile(path) {
  await assertReadableFile(path, "profile");
  const text = await readFile(path, "utf8");
  return parseProfile(text, path);
}
function parseProfile(text, file) {
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const loc = { file };
    if (offset >= 0) {
      const before = text.slice(0, offset);
      loc.line = before.split("\n").length;
      loc.column = offset - before.lastIndexOf("\n");
    }
    const message = error.message.split("\n")[0].replace(/, ".*$/, "").replace(/ in JSON at position \d+.*$/, "");
    throw new InputError(`not valid JSON: ${message}`, loc);
  }
  validateProfile(data, file);
  return data;
}
function jsonErrorOffset(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail = () => {
    throw i;
  };
  const literal = (word) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 32) fail();
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (; ; ) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (; ; ) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m[0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at === "number") return at;
    throw at;
  }
}
var Invalid = class extends Error {
  constructor(key, message) {
    super(message);
    this.key = key;
  }
  key;
};
function obj(v, key) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Invalid(key, "expected an object");
  return v;
}
function arr(v, key) {
  if (!Array.isArray(v)) throw new Invalid(key, "expected an array");
  return v;
}
function num(v, key) {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Invalid(key, "expected a finite number");
  return v;
}
function count(v, key) {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new Invalid(key, "expected a non-negative integer");
  return v;
}
function str(v, key) {
  if (typeof v !== "string") throw new Invalid(key, "expected a string");
  return v;
}
function numbers(v, key) {
  const a = arr(v, key);
  a.forEach((x, i) => num(x, `${key}[${i}]`));
  return a;
}
function validateSketch(v, key) {
  const s = obj(v, key);
  if (s.kind !== "kll") throw new Invalid(`${key}.kind`, "expected 'kll'");
  count(s.k, `${key}.k`);
  const n = count(s.n, `${key}.n`);
  num(s.epsilon, `${key}.epsilon`);
  count(s.seed, `${key}.seed`);
  numbers(s.compactions, `${key}.compactions`);
  let weight = 0;
  arr(s.compactors, `${key}.compactors`).forEach((level, h) => {
    weight += numbers(level, `${key}.compactors[${h}]`).length * Math.pow(2, h);
  });
  if (weight !== n) throw new Invalid(`${key}.n`, `compactors hold weight ${weight}, not n = ${n}`);
}
function validateColumn(v, key, profileRows) {
  const c = obj(v, key);
  str(c.name, `${key}.name`);
  const rows = count(c.count, `${key}.count`);
  if (rows !== profileRows) throw new Invalid(`${key}.count`, `the column counts ${rows} rows, the profile ${profileRows}`);
  const nulls = count(c.nulls, `${key}.nulls`);
  if (nulls > rows) throw new Invalid(`${key}.nulls`, "more nulls than rows");
  const nonNull = rows - nulls;
  const types = obj(c.types, `${key}.types`);
  let typed = 0;
  for (const t2 of ["integer", "number", "boolean", "date", "datetime", "string"]) typed += count(types[t2], `${key}.types.${t2}`);
  if (typed !== nonNull) throw new Invalid(`${key}.types`, `type counts sum to ${typed}, not ${nonNull} non-null cells`);
  if (c.numeric !== null) {
    const m = obj(c.numeric, `${key}.numeric`);
    const numbers2 = count(m.count, `${key}.numeric.count`);
    if (numbers2 > nonNull) throw new Invalid(`${key}.numeric.count`, `${numbers2} numbers in ${nonNull} non-null cells`);
    for (const f of ["min", "max", "mean", "m2"]) num(m[f], `${key}.numeric.${f}`);
    if (m.min > m.max) throw new Invalid(`${key}.numeric.min`, `min ${m.min} is above max ${m.max}`);
    if (m.m2 < 0) throw new Invalid(`${key}.numeric.m2`, "a sum of squared deviations cannot be negative");
    validateSketch(m.sketch, `${key}.numeric.sketch`);
    const sketched = m.sketch.n;
    if (sketched !== numbers2) throw new Invalid(`${key}.numeric.sketch.n`, `the sketch holds ${sketched} values, numeric.count is ${numbers2}`);
  }
  if (c.lengths !== null) {
    const l = obj(c.lengths, `${key}.lengths`);
    count(l.min, `${key}.lengths.min`);
    count(l.max, `${key}.lengths.max`);
  }
  const d = obj(c.distinct, `${key}.distinct`);
  if (d.values !== null) arr(d.values, `${key}.distinct.values`).forEach((x, i) => str(x, `${key}.distinct.values[${i}]`));
  count(d.exactLimit, `${key}.distinct.exactLimit`);
  const p = count(d.precision, `${key}.distinct.precision`);
  const hll = str(d.hll, `${key}.distinct.hll`);
  if (d.values === null && Buffer.from(hll, "base64").length !== 2 ** p) {
    throw new Invalid(`${key}.distinct.hll`, `expected ${2 ** p} base64-encoded registers`);
  }
  const t = obj(c.topK, `${key}.topK`);
  count(t.capacity, `${key}.topK.capacity`);
  count(t.n, `${key}.topK.n`);
  count(t.slack, `${key}.topK.slack`);
  arr(t.items, `${key}.topK.items`).forEach((it, i) => {
    const item = obj(it, `${key}.topK.items[${i}]`);
    str(item.value, `${key}.topK.items[${i}].value`);
    const hits = count(item.count, `${key}.topK.items[${i}].count`);
    if (count(item.error, `${key}.topK.items[${i}].error`) > hits) throw new Invalid(`${key}.topK.items[${i}].error`, "the error bound exceeds the count");
    if (hits > nonNull) throw new Invalid(`${key}.topK.items[${i}].count`, `count ${hits} exceeds the ${nonNull} non-null cells`);
  });
  const s = obj(c.sample, `${key}.sample`);
  count(s.capacity, `${key}.sample.capacity`);
  if (count(s.seen, `${key}.sample.seen`) !== nonNull) throw new Invalid(`${key}.sample.seen`, `the sample saw ${s.seen} cells, not the ${nonNull} non-null cells`);
  const values = arr(s.values, `${key}.sample.values`);
  values.forEach((x, i) => {
    if (typeof x !== "string") num(x, `${key}.sample.values[${i}]`);
  });
  const threshold = count(s.threshold, `${key}.sample.threshold`);
  if (threshold > 2 ** 32) throw new Invalid(`${key}.sample.threshold`, "expected at most 2^32");
  if (values.length > s.capacity) throw new Invalid(`${key}.sample.values`, "more values than the capacity");
  const kept = Math.min(nonNull, s.capacity);
  if (values.length !== kept) throw new Invalid(`${key}.sample.values`, `${values.length} values, expected ${kept}`);
}
function validateProfile(data, file) {
  try {
    const p = obj(data, "(root)");
    if (p.format !== "mlops-profile") throw new Invalid("format", "not an mlops profile (expected format 'mlops-profile'; a .json data file holds one JSON array of objects)");
    if (p.version !== 1) throw new Invalid("version", `unsupported profile version ${JSON.stringify(p.version)} (this mlops reads version 1)`);
    const rows = count(p.rows, "rows");
    const names = /* @__PURE__ */ new Set();
    arr(p.columns, "columns").forEach((col, i) => {
      validateColumn(col, `columns[${i}]`, rows);
      const name = col.name;
      if (names.has(name)) throw new Invalid(`columns[${i}].name`, `duplicate column '${name}'`);
      names.add(name);
    });
    arr(p.sources, "sources").forEach((src, i) => {
      const s = obj(src, `sources[${i}]`);
      str(s.path, `sources[${i}].path`);
      str(s.sha256, `sources[${i}].sha256`);
      str(s.md5, `sources[${i}].md5`);
      count(s.rows, `sources[${i}].rows`);
    });
  } catch (error) {
    if (error instanceof Invalid) throw new InputError(`invalid profile: ${error.message}`, { file, key: error.key });
    throw error;
  }
}
function assertDistinctSources(profiles, names) {
  const holder = /* @__PURE__ */ new Map();
  profiles.forEach((profile, i) => {
    for (const source of profile.sources) {
      const key = `${source.path}\0${source.sha256}`;
      const first = holder.get(key);
      if (first !== void 0 && first !== i) {
        throw new InputError(
          `${names[first]} and ${names[i]} both hold ${source.path} (${source.rows} rows): merging them would count those rows twice. Merge each shard once (is one of them a merge of the others?)`,
          { file: names[i], key: "sources" }
        );
      }
      holder.set(key, i);
    }
  });
}

// src/profile/helpers.ts
function categoricalCounts(col) {
  const counts = /* @__PURE__ */ new Map();
  const sample = col.sample;
  if (col.topK.slack > 0 && sample.values.length === sample.seen && sample.values.every((v) => typeof v === "string")) {
    for (const v of sample.values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, col.topK.capacity);
    const listed2 = ranked.reduce((sum, [, c]) => sum + c, 0);
    return { counts: new Map(ranked), other: sample.seen - listed2, exact: true };
  }
  let listed = 0;
  for (const item of col.topK.items) {
    const c = item.count - item.error / 2;
    counts.set(item.value, c);
    listed += c;
  }
  const nonNull = col.count - col.nulls;
  return { counts, other: Math.max(0, nonNull - listed), exact: col.topK.slack === 0 };
}
function columnQuantile(col, q) {
  const n = col.numeric;
  if (!n) return NaN;
  if (q <= 0) return n.min;
  if (q >= 1) return n.max;
  return Math.min(n.max, Math.max(n.min, sketchQuantile(n.sketch, q)));
}
function columnType(col) {
  const t = col.types;
  const present = Object.keys(t).filter((k) => t[k] > 0);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0];
  if (present.every((k) => k === "integer" || k === "number")) return "number";
  if (present.every((k) => k === "date" || k === "datetime")) return "datetime";
  return "string";
}

export {
  stringifyProfile,
  writeProfile,
  readProfile,
  assertDistinctSources,
  categoricalCounts,
  columnQuantile,
  columnType
};
