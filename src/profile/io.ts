import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import { assertReadableFile, writeFileAtomic } from '../core/fs.ts';
import type { DatasetProfile } from './types.ts';

/**
 * Profile files: JSON, written atomically, read back with structural validation so a foreign or
 * damaged file is an InputError naming the file and the key at fault (exit 2), never a crash deep
 * inside drift.
 */

/**
 * Serialises a profile deterministically: objects indented by two spaces, but arrays and objects
 * made only of primitives on one line, so a sample of 2000 values is one line, not 2000.
 */
export function stringifyProfile(profile: DatasetProfile): string {
  return `${format(profile, '')}\n`;
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/**
 * A primitive as JSON. An infinite number is written as the largest finite one of its sign: the
 * sum of squared deviations of numbers beyond ~1e154 overflows, and JSON.stringify wrote it as
 * null, a profile that every reader (merge, drift, a model's profile.json) then refused.
 */
function primitiveJson(v: unknown): string {
  if (typeof v === 'number' && (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY)) return JSON.stringify(Math.sign(v) * Number.MAX_VALUE);
  return JSON.stringify(v) ?? 'null';
}

function format(value: unknown, indent: string): string {
  if (isPrimitive(value)) return primitiveJson(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) return `[${value.map(primitiveJson).join(',')}]`;
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => isPrimitive(v))) {
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Writes a profile atomically. */
export async function writeProfile(path: string, profile: DatasetProfile): Promise<void> {
  await writeFileAtomic(path, stringifyProfile(profile));
}

/** Reads and validates a profile file; InputError (naming the file, and line/key) when it is not one. */
export async function readProfile(path: string): Promise<DatasetProfile> {
  await assertReadableFile(path, 'profile');
  const text = await readFile(path, 'utf8');
  return parseProfile(text, path);
}

/** Parses and validates profile JSON text; `file` names the source in errors. */
export function parseProfile(text: string, file: string): DatasetProfile {
  // A byte-order mark (PowerShell's Set-Content -Encoding utf8, Notepad) is no part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Node 20's messages do not always carry a position: find the offending offset ourselves.
    const offset = jsonErrorOffset(text);
    const loc: { file: string; line?: number; column?: number } = { file };
    if (offset >= 0) {
      const before = text.slice(0, offset);
      loc.line = before.split('\n').length;
      loc.column = offset - before.lastIndexOf('\n');
    }
    const message = (error as Error).message.split('\n')[0].replace(/, ".*$/, '').replace(/ in JSON at position \d+.*$/, '');
    throw new InputError(`not valid JSON: ${message}`, loc);
  }
  validateProfile(data, file);
  return data as DatasetProfile;
}

/** Offset of the first JSON syntax error in `text` (a small recursive-descent scan), or −1. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += (m as RegExpExecArray)[0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}

class Invalid extends Error {
  constructor(readonly key: string, message: string) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

function obj(v: unknown, key: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Invalid(key, 'expected an object');
  return v as Obj;
}
function arr(v: unknown, key: string): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(key, 'expected an array');
  return v;
}
function num(v: unknown, key: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(key, 'expected a finite number');
  return v;
}
function count(v: unknown, key: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Invalid(key, 'expected a non-negative integer');
  return v;
}
function str(v: unknown, key: string): string {
  if (typeof v !== 'string') throw new Invalid(key, 'expected a string');
  return v;
}
function numbers(v: unknown, key: string): number[] {
  const a = arr(v, key);
  a.forEach((x, i) => num(x, `${key}[${i}]`));
  return a as number[];
}

function validateSketch(v: unknown, key: string): void {
  const s = obj(v, key);
  if (s.kind !== 'kll') throw new Invalid(`${key}.kind`, "expected 'kll'");
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

/**
 * Checks one column. Besides the shapes, the counts a profile keeps in several places must agree
 * (every column counts every row; the sketch, sample and top values count the cells they saw): a
 * hand-edited or spliced profile that breaks them was read as valid, and drift then reported
 * verdicts from negative category counts or a mean over more numbers than cells.
 */
function validateColumn(v: unknown, key: string, profileRows: number): void {
  const c = obj(v, key);
  str(c.name, `${key}.name`);
  const rows = count(c.count, `${key}.count`);
  if (rows !== profileRows) throw new Invalid(`${key}.count`, `the column counts ${rows} rows, the profile ${profileRows}`);
  const nulls = count(c.nulls, `${key}.nulls`);
  if (nulls > rows) throw new Invalid(`${key}.nulls`, 'more nulls than rows');
  const nonNull = rows - nulls;
  const types = obj(c.types, `${key}.types`);
  let typed = 0;
  for (const t of ['integer', 'number', 'boolean', 'date', 'datetime', 'string']) typed += count(types[t], `${key}.types.${t}`);
  if (typed !== nonNull) throw new Invalid(`${key}.types`, `type counts sum to ${typed}, not ${nonNull} non-null cells`);
  if (c.numeric !== null) {
    const m = obj(c.numeric, `${key}.numeric`);
    const numbers = count(m.count, `${key}.numeric.count`);
    if (numbers > nonNull) throw new Invalid(`${key}.numeric.count`, `${numbers} numbers in ${nonNull} non-null cells`);
    for (const f of ['min', 'max', 'mean', 'm2']) num(m[f], `${key}.numeric.${f}`);
    if ((m.min as number) > (m.max as number)) throw new Invalid(`${key}.numeric.min`, `min ${m.min as number} is above max ${m.max as number}`);
    if ((m.m2 as number) < 0) throw new Invalid(`${key}.numeric.m2`, 'a sum of squared deviations cannot be negative');
    validateSketch(m.sketch, `${key}.numeric.sketch`);
    const sketched = (m.sketch as Obj).n as number;
    if (sketched !== numbers) throw new Invalid(`${key}.numeric.sketch.n`, `the sketch holds ${sketched} values, numeric.count is ${numbers}`);
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
  if (d.values === null && Buffer.from(hll, 'base64').length !== 2 ** p) {
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
    if (count(item.error, `${key}.topK.items[${i}].error`) > hits) throw new Invalid(`${key}.topK.items[${i}].error`, 'the error bound exceeds the count');
    if (hits > nonNull) throw new Invalid(`${key}.topK.items[${i}].count`, `count ${hits} exceeds the ${nonNull} non-null cells`);
  });
  const s = obj(c.sample, `${key}.sample`);
  count(s.capacity, `${key}.sample.capacity`);
  if (count(s.seen, `${key}.sample.seen`) !== nonNull) throw new Invalid(`${key}.sample.seen`, `the sample saw ${s.seen as number} cells, not the ${nonNull} non-null cells`);
  const values = arr(s.values, `${key}.sample.values`);
  values.forEach((x, i) => {
    if (typeof x !== 'string') num(x, `${key}.sample.values[${i}]`);
  });
  const threshold = count(s.threshold, `${key}.sample.threshold`);
  if (threshold > 2 ** 32) throw new Invalid(`${key}.sample.threshold`, 'expected at most 2^32');
  if (values.length > (s.capacity as number)) throw new Invalid(`${key}.sample.values`, 'more values than the capacity');
  // The sample keeps every cell up to its capacity: fewer values would pass a partial sample off as complete.
  const kept = Math.min(nonNull, s.capacity as number);
  if (values.length !== kept) throw new Invalid(`${key}.sample.values`, `${values.length} values, expected ${kept}`);
}

/** Throws an InputError naming `file` and the key when `data` is not a version-1 profile. */
export function validateProfile(data: unknown, file: string): asserts data is DatasetProfile {
  try {
    const p = obj(data, '(root)');
    if (p.format !== 'mlops-profile') throw new Invalid('format', "not an mlops profile (expected format 'mlops-profile'; a .json data file holds one JSON array of objects)");
    if (p.version !== 1) throw new Invalid('version', `unsupported profile version ${JSON.stringify(p.version)} (this mlops reads version 1)`);
    const rows = count(p.rows, 'rows');
    const names = new Set<string>();
    arr(p.columns, 'columns').forEach((col, i) => {
      validateColumn(col, `columns[${i}]`, rows);
      const name = (col as Obj).name as string;
      if (names.has(name)) throw new Invalid(`columns[${i}].name`, `duplicate column '${name}'`);
      names.add(name);
    });
    arr(p.sources, 'sources').forEach((src, i) => {
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

/**
 * Throws an InputError when two of the profiles about to be merged hold the same source (same path,
 * same content): a merged profile globbed together with its own shards (`--current 'p-*.json'`
 * next to `p-all.json`), or one shard named twice, was merged without a word and counted every row
 * of that source twice. `names` are the files the profiles were read from, in the same order.
 */
export function assertDistinctSources(profiles: readonly DatasetProfile[], names: readonly string[]): void {
  const holder = new Map<string, number>();
  profiles.forEach((profile, i) => {
    for (const source of profile.sources) {
      const key = `${source.path}\0${source.sha256}`;
      const first = holder.get(key);
      if (first !== undefined && first !== i) {
        throw new InputError(
          `${names[first]} and ${names[i]} both hold ${source.path} (${source.rows} rows): merging them would count those rows twice. Merge each shard once (is one of them a merge of the others?)`,
          { file: names[i], key: 'sources' },
        );
      }
      holder.set(key, i);
    }
  });
}
