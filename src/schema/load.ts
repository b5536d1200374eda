import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject } from 'ajv';
import { InputError, formatLocation, type SourceLocation } from '../core/errors.ts';
import { assertReadableFile, isJsonPath } from '../core/fs.ts';
import { driftMethodNamed, unknownDriftMethodMessage } from '../drift/policy.ts';
import { validate as validateTableSchema } from './table-schema-validator.generated.ts';
import { escapeKey, parseJsonWithPositions, parseYamlWithPositions, pointerToKey, positionOf } from './positions.ts';
import type { Bound, Constraints, PositionMap, SchemaField, TableSchema } from './types.ts';
import { FormatError, fieldParser, isCollectionType, isNumericType, isOrderedType, logicalKey } from './values.ts';

/**
 * The checker of schema files (src/schema/json-schema.ts), compiled ahead of time by ajv
 * (scripts/schema-validator.ts): compiling it here cost ~70 ms of every command that loads a schema.
 */
const schemaValidator = validateTableSchema as unknown as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** A compiled `constraints.jsonSchema`: true when a parsed value satisfies it, else the first violation. */
export type ValueSchemaCheck = (value: unknown) => true | string;

let valueAjv: Ajv | undefined;
/** Compiles a field's `constraints.jsonSchema` (throws ajv's error when the schema itself is invalid). */
export function compileValueSchema(jsonSchema: Record<string, unknown>): ValueSchemaCheck {
  valueAjv ??= new Ajv({ allErrors: false, strict: false });
  const validate = valueAjv.compile(jsonSchema);
  return (value) => (validate(value) ? true : `${validate.errors?.[0]?.instancePath || '(value)'} ${validate.errors?.[0]?.message ?? 'does not match'}`);
}

/** One problem in a schema file, located by JSON-pointer path. */
interface Problem {
  path: string;
  message: string;
}

function locate(file: string, positions: PositionMap, path: string): SourceLocation {
  const pos = positionOf(positions, path);
  return { file, line: pos?.line, column: pos?.column, key: pointerToKey(path) || undefined };
}

/** All problems as one InputError located at the first; the message lists every problem with its location. */
function fail(file: string, positions: PositionMap, problems: Problem[]): never {
  const [first, ...rest] = problems;
  const more = rest.slice(0, 19).map((p) => `\n  ${formatLocation(locate(file, positions, p.path))}: ${p.message}`);
  const tail = rest.length > 19 ? `\n  … and ${rest.length - 19} more` : '';
  throw new InputError(`${first.message}${more.join('')}${tail}`, locate(file, positions, first.path));
}

function ajvProblem(error: ErrorObject): Problem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    return { path: `${error.instancePath}/${escapeKey(key)}`, message: `unknown key '${key}'` };
  }
  if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { path: error.instancePath, message: `must be one of ${allowed}` };
  }
  if (error.keyword === 'required') {
    return { path: error.instancePath, message: `missing required key '${String(params.missingProperty)}'` };
  }
  return { path: error.instancePath, message: error.message ?? 'is invalid' };
}

/**
 * ajv's errors with each failed `anyOf` reduced to what is wrong: the errors of the branch whose
 * type the value has (`primaryKey: []` is an empty list, not "must be string" as well), or one
 * error naming every accepted type when the value has none of them (`must be string or array`).
 */
function anyOfBranches(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  const extra: ErrorObject[] = [];
  for (const any of errors) {
    if (any.keyword !== 'anyOf') continue;
    drop.add(any);
    const prefix = `${any.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    // A branch failed on the value's own type when it has a `type` error at the value itself.
    const wrongType = (list: ErrorObject[]) => list.some((e) => e.keyword === 'type' && e.instancePath === any.instancePath);
    const fitting = [...branches.values()].filter((list) => !wrongType(list));
    for (const list of branches.values()) if (fitting.length > 0 && wrongType(list)) for (const e of list) drop.add(e);
    if (fitting.length === 0 && branches.size > 1) {
      const types = [...branches.values()].flatMap((list) => list.filter((e) => e.keyword === 'type' && e.instancePath === any.instancePath))
        .flatMap((e) => [(e.params as { type: string | string[] }).type].flat().flatMap((t) => String(t).split(',')));
      for (const list of branches.values()) for (const e of list) drop.add(e);
      extra.push({ ...any, keyword: 'type', message: `must be ${[...new Set(types)].join(' or ')}` });
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...extra];
}


/** Problems in file order (line, then column); problems at one place keep their order. */
function inFileOrder(positions: PositionMap, problems: Problem[]): Problem[] {
  const at = problems.map((p, i) => ({ p, i, pos: positionOf(positions, p.path) }));
  at.sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.column ?? 0) - (b.pos?.column ?? 0) || a.i - b.i);
  return at.map((x) => x.p);
}

/**
 * Parses and validates a Table Schema from text: strict JSON when `file` ends in `.json`, YAML
 * otherwise. Every problem is reported at `file:line:col (key)`, in file order; the first sets
 * the InputError's location. Structural problems (ajv) and semantic ones are listed in one run:
 * the semantic checks skip only the values that the structural check already rejected.
 */
export function parseSchema(text: string, file: string): TableSchema {
  if (text.trim() === '') throw new InputError('schema file is empty', { file });
  const { value, positions } = isJsonPath(file) ? parseJsonWithPositions(text, file) : parseYamlWithPositions(text, file);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('a schema must be a mapping with a `fields` list', { file, line: 1, column: 1 });
  }
  const problems: Problem[] = [];
  const errors = schemaValidator(value) ? [] : schemaValidator.errors ?? [];
  if (errors.length > 0) {
    // ajv reports an anyOf failure once per branch: keep one message per path+text.
    const seen = new Set<string>();
    problems.push(...anyOfBranches(errors).map(ajvProblem)
      .filter((p) => !seen.has(`${p.path} ${p.message}`) && Boolean(seen.add(`${p.path} ${p.message}`))));
    if (problems.length === 0) problems.push({ path: '', message: 'invalid schema' });
  }
  // A value ajv rejected (or one holding a rejected part) is not checked again: no cascade.
  const rejected = errors.map((e) => e.instancePath);
  const bad = (path: string) => rejected.some((p) => p === path || p.startsWith(`${path}/`));
  problems.push(...semanticProblems(value as TableSchema, bad));
  if (problems.length) fail(file, positions, inFileOrder(positions, problems));
  const schema = value as TableSchema;
  if (schema.missingValues !== undefined) schema.missingValues = missingTexts(schema.missingValues);
  for (const field of schema.fields) if (field.missingValues !== undefined) field.missingValues = missingTexts(field.missingValues);
  schema.source = { path: file, positions };
  return schema;
}

/**
 * The texts of a v2 `missingValues` list: a `{ value, label }` entry is its value (the label only
 * documents why it is missing), so every consumer reads a list of texts.
 */
function missingTexts(list: ReadonlyArray<string | { value: string }>): string[] {
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.value));
}

/** Reads, parses and validates a schema file (YAML, or JSON by extension). Exit-2 InputError on any problem. */
export async function loadSchema(path: string): Promise<TableSchema> {
  await assertReadableFile(path, 'schema file');
  return parseSchema(await readFile(path, 'utf8'), path);
}

const BOUND_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
/** Settings the field's value parser reads: with one of them rejected, no value can be parsed. */
const PARSER_KEYS = ['type', 'format', 'trueValues', 'falseValues', 'decimalChar', 'groupChar', 'bareNumber', 'delimiter', 'itemType'] as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A lower or upper bound of a range, parsed, with the key that set it. */
interface RangeEnd {
  key: (typeof BOUND_KEYS)[number];
  value: number;
  exclusive: boolean;
}

/**
 * The tighter of two ends of a range (`lower`: the larger value); at equal values the exclusive
 * one, which admits less.
 */
function tighter(a: RangeEnd | undefined, b: RangeEnd | undefined, lower: boolean): RangeEnd | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  if (a.value === b.value) return a.exclusive ? a : b;
  return (a.value > b.value) === lower ? a : b;
}

/**
 * Checks the JSON Schema cannot express: names unique and referenced keys present, constraints
 * applicable to the type, bounds and enum values valid for the field's type and format, patterns
 * compilable, and ranges non-empty. Runs on a schema that may have failed the structural check:
 * `bad(path)` is true for values ajv rejected, which are skipped, as is whatever depends on them
 * (a field of an unknown type, a range with an invalid bound). Defaults `type` to `any`.
 */
function semanticProblems(schema: TableSchema, bad: (path: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  if (!Array.isArray(schema.fields)) return problems;
  const names = new Map<string, number>();
  let allNamed = true;
  (schema.fields as unknown[]).forEach((item, index) => {
    const at = `/fields/${index}`;
    if (!isPlainObject(item)) { allNamed = false; return; }
    const field = item as unknown as SchemaField;
    if (typeof field.name === 'string' && !bad(`${at}/name`)) {
      if (names.has(field.name)) problems.push({ path: `${at}/name`, message: `duplicate field name '${field.name}' (also fields[${names.get(field.name)}])` });
      else names.set(field.name, index);
    } else allNamed = false;
    // A typo in the drift extension fails here, not when drift first runs (a scheduled job, later).
    const method = (field as { drift?: { method?: unknown } }).drift?.method;
    if (typeof method === 'string' && !bad(`${at}/drift/method`) && driftMethodNamed(method) === null) {
      problems.push({ path: `${at}/drift/method`, message: unknownDriftMethodMessage(method) });
    }
    // Every rule depends on the type: a field of an unknown type has nothing more to check.
    if (bad(`${at}/type`)) return;
    field.type ??= 'any';
    let parse: ReturnType<typeof fieldParser> | undefined;
    if (!PARSER_KEYS.some((key) => bad(`${at}/${key}`))) {
      try {
        parse = fieldParser(field);
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        problems.push({ path: `${at}/format`, message: error.message });
      }
    }
    if (field.format !== undefined && !bad(`${at}/format`) && !['string', 'date', 'datetime', 'time', 'geopoint', 'geojson'].includes(field.type)) {
      if (field.format !== 'default') problems.push({ path: `${at}/format`, message: `type '${field.type}' has no formats besides 'default'` });
    }
    for (const key of ['decimalChar', 'groupChar', 'bareNumber'] as const) {
      if (field[key] === undefined) continue;
      if (field.type !== 'number' && field.type !== 'integer') problems.push({ path: `${at}/${key}`, message: `only number and integer fields take ${key}` });
      else if (key === 'decimalChar' && field.type === 'integer') problems.push({ path: `${at}/${key}`, message: 'integer fields have no decimalChar' });
    }
    if (field.decimalChar !== undefined && field.decimalChar === field.groupChar && !bad(`${at}/decimalChar`) && !bad(`${at}/groupChar`)) {
      problems.push({ path: `${at}/groupChar`, message: 'groupChar must differ from decimalChar' });
    }
    for (const key of ['delimiter', 'itemType'] as const) {
      if (field[key] !== undefined && field.type !== 'list') problems.push({ path: `${at}/${key}`, message: `only list fields take ${key}` });
    }
    if (field.categories !== undefined) {
      if (field.type !== 'string' && field.type !== 'integer') problems.push({ path: `${at}/categories`, message: `only string and integer fields take categories` });
      else if (isPlainObject(field.constraints) && field.constraints.enum !== undefined) problems.push({ path: `${at}/categories`, message: 'give the allowed values once: categories or constraints.enum' });
      else if (Array.isArray(field.categories) && parse !== undefined) {
        const parseItem = parse;
        field.categories.forEach((item, i) => {
          if (bad(`${at}/categories/${i}`)) return;
          const value = typeof item === 'object' ? item.value : item;
          if (parseItem(String(value)) === undefined) problems.push({ path: `${at}/categories/${i}`, message: `${JSON.stringify(value)} is not a valid ${field.type}` });
        });
      }
    }
    if ((field.trueValues || field.falseValues) && field.type !== 'boolean') {
      problems.push({ path: `${at}/${field.trueValues ? 'trueValues' : 'falseValues'}`, message: `only boolean fields take trueValues/falseValues` });
    }
    if (!isPlainObject(field.constraints)) return;
    const c: Constraints = field.constraints;
    const cAt = `${at}/constraints`;
    problems.push(...boundProblems(field, c, cAt, parse, bad));
    for (const key of ['minLength', 'maxLength'] as const) {
      if (c[key] !== undefined && field.type !== 'string' && field.type !== 'any' && !isCollectionType(field.type)) problems.push({ path: `${cAt}/${key}`, message: `'${key}' does not apply to type '${field.type}'` });
    }
    if (c.minLength !== undefined && c.maxLength !== undefined && !bad(`${cAt}/minLength`) && !bad(`${cAt}/maxLength`) && c.minLength > c.maxLength) {
      problems.push({ path: `${cAt}/minLength`, message: `minLength ${c.minLength} exceeds maxLength ${c.maxLength}` });
    }
    if (c.jsonSchema !== undefined) {
      if (field.type !== 'object' && field.type !== 'array') problems.push({ path: `${cAt}/jsonSchema`, message: `'jsonSchema' applies to object and array fields, not '${field.type}'` });
      else if (!bad(`${cAt}/jsonSchema`)) {
        try { compileValueSchema(c.jsonSchema); } catch (error) { problems.push({ path: `${cAt}/jsonSchema`, message: `invalid jsonSchema: ${(error as Error).message}` }); }
      }
    }
    if (c.pattern !== undefined) {
      if (isNumericType(field.type)) problems.push({ path: `${cAt}/pattern`, message: `'pattern' does not apply to type '${field.type}' (numbers are checked as values; use minimum/maximum)` });
      else if (!bad(`${cAt}/pattern`)) {
        try { new RegExp(c.pattern, 'u'); } catch (error) { problems.push({ path: `${cAt}/pattern`, message: `invalid pattern: ${(error as Error).message}` }); }
      }
    }
    if (Array.isArray(c.enum) && parse !== undefined) {
      const parseItem = parse;
      c.enum.forEach((item, i) => {
        if (bad(`${cAt}/enum/${i}`)) return;
        const parsed = typeof item === 'string' ? parseItem(item) : typeof item === 'number' && (isOrderedType(field.type) && field.type !== 'date' && field.type !== 'datetime' && field.type !== 'time') ? item : typeof item === 'boolean' && field.type === 'boolean' ? item : parseItem(String(item));
        if (parsed === undefined || (field.type === 'integer' && !Number.isInteger(parsed))) problems.push({ path: `${cAt}/enum/${i}`, message: `${JSON.stringify(item)} is not a valid ${field.type}` });
      });
    }
  });
  // With a field unnamed, any name could be "missing": key checks would only cascade.
  if (!allNamed) return problems;
  const checkKey = (key: string | string[], path: string) => {
    if (bad(path)) return;
    for (const [i, name] of (Array.isArray(key) ? key : [key]).entries()) {
      if (!names.has(name)) problems.push({ path: Array.isArray(key) ? `${path}/${i}` : path, message: `'${name}' is not a field of this schema` });
    }
  };
  if (schema.primaryKey !== undefined) checkKey(schema.primaryKey, '/primaryKey');
  if (Array.isArray(schema.uniqueKeys)) schema.uniqueKeys.forEach((key, i) => checkKey(key, `/uniqueKeys/${i}`));
  return problems;
}

/**
 * Each bound valid for the field's type and format, and the range they leave non-empty. The range
 * is checked only when every bound given is valid: with one invalid, its problem is the one to fix.
 */
function boundProblems(field: SchemaField, c: Constraints, cAt: string, parse: ReturnType<typeof fieldParser> | undefined, bad: (path: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  let lower: RangeEnd | undefined;
  let upper: RangeEnd | undefined;
  let valid = true;
  for (const key of BOUND_KEYS) {
    const raw = c[key];
    if (raw === undefined) continue;
    if (!isOrderedType(field.type)) { problems.push({ path: `${cAt}/${key}`, message: `'${key}' does not apply to type '${field.type}'` }); valid = false; continue; }
    if (bad(`${cAt}/${key}`) || parse === undefined) { valid = false; continue; }
    const parsed = parseBound(raw, field, parse);
    if (parsed === undefined) {
      problems.push({ path: `${cAt}/${key}`, message: `${JSON.stringify(raw)} is not a valid ${field.type}${field.format ? ` in format '${field.format}'` : ''}` });
      valid = false;
    } else if (parsed !== parsed) {
      // Validation fails NaN on every bound; a NaN bound would fail every value.
      problems.push({ path: `${cAt}/${key}`, message: `NaN cannot be a bound: no value is ordered against it` });
      valid = false;
    } else {
      const end: RangeEnd = { key, value: parsed, exclusive: key.startsWith('exclusive') };
      if (key === 'minimum' || key === 'exclusiveMinimum') lower = tighter(lower, end, true);
      else upper = tighter(upper, end, false);
    }
  }
  if (valid && lower !== undefined && upper !== undefined && (lower.value > upper.value || (lower.value === upper.value && (lower.exclusive || upper.exclusive)))) {
    problems.push({ path: cAt, message: `the allowed range is empty (lower bound ${lower.key} ${JSON.stringify(c[lower.key])}, upper bound ${upper.key} ${JSON.stringify(c[upper.key])})` });
  }
  return problems;
}

/** A bound's comparable number: numbers as given, dates/times parsed with the field's format (ISO accepted too). */
export function parseBound(raw: Bound, field: SchemaField, parse = fieldParser(field)): number | undefined {
  if (typeof raw === 'number') return field.type === 'number' || field.type === 'integer' || field.type === 'year' ? raw : undefined;
  const parsed = parse(raw) ?? (field.format ? fieldParser({ type: field.type })(raw) : undefined);
  return typeof parsed === 'number' ? parsed : undefined;
}

/** The enum as a set of logical keys (see `logicalKey`), parsing strings with the field's parser. */
/** The values a field allows by `constraints.enum`, else by Frictionless `categories`. */
export function allowedValues(field: SchemaField): Array<string | number | boolean> | undefined {
  return field.constraints?.enum ?? field.categories?.map((c) => (typeof c === 'object' ? c.value : c));
}

export function enumKeys(field: SchemaField): Set<string> | undefined {
  const values = allowedValues(field);
  if (!values) return undefined;
  const parse = fieldParser(field);
  const keys = new Set<string>();
  for (const v of values) {
    const parsed = typeof v === 'string' ? parse(v) : v;
    if (parsed !== undefined) keys.add(logicalKey(parsed));
  }
  return keys;
}
