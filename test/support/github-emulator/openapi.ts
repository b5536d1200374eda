/**
 * GitHub's own OpenAPI description (`@octokit/openapi`, api.github.com) as a validator for the
 * emulator: every request it receives and every response it sends is checked against the
 * operation it claims to implement, so the emulator cannot invent behaviour.
 *
 * The spec is OpenAPI 3.0 with `$ref`s into `#/components`. Only the paths the emulator serves (and
 * the components they reach) are kept, cached under node_modules/.cache. We register `components.schemas` once
 * under the id `gh` (after turning OpenAPI's `nullable` into JSON Schema) and compile one small
 * schema per operation part lazily, on first use, then cache it for the life of the process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface SpecOperation {
  operationId: string;
  method: string;
  /** Path template, e.g. `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  path: string;
  op: JsonObject;
}

interface Spec {
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: JsonObject; parameters: JsonObject; responses: JsonObject };
}

/**
 * Statuses GitHub returns on any endpoint whether or not the description lists them: bad
 * credentials, missing permission or rate limits, "not found" for anything the token cannot see,
 * and server errors (docs: "Troubleshooting the REST API", "Rate limits for the REST API").
 * They are checked against `basic-error`.
 */
export const UNIVERSAL_STATUSES = new Set([401, 403, 404, 429, 500, 502, 503]);

let loaded: { spec: Spec; byId: Map<string, SpecOperation>; ajv: Ajv; coercing: Ajv } | undefined;
const cache = new Map<string, ValidateFunction>();

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames']);
const SCHEMA_ARRAYS = new Set(['allOf', 'anyOf', 'oneOf']);
const DROPPED = new Set(['nullable', 'discriminator', 'example', 'examples', 'xml', 'externalDocs']);

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv: `nullable: true` becomes `anyOf [schema, null]`
 * (ajv rejects `nullable` without `type`, which GitHub's description has 128 times), and local
 * `$ref`s point into the `gh` root. Property *names* are never touched.
 */
function toJsonSchema(node: Json): Json {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.startsWith('#/') ? `gh${value}` : value;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object' && !Array.isArray(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    else if (SCHEMA_VALUES.has(key)) out[key] = toJsonSchema(value);
    else if (SCHEMA_ARRAYS.has(key) && Array.isArray(value)) out[key] = value.map(toJsonSchema);
    else out[key] = value;
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function toJsonSchemaMap(map: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, toJsonSchema(v)]));
}

const FORMATS = {
  'date-time': (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s),
  date: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  uri: (s: string) => { try { new URL(s); return true; } catch { return false; } },
  email: (s: string) => /^[^\s@]+@[^\s@]+$/.test(s),
};

/** Paths the emulator and the fixture replays can touch; the rest of the 13 MB description is dropped. */
const KEPT_PATHS = /^\/(user$|repos\/\{owner\}\/\{repo\}($|\/(issues|pulls|git|releases|actions\/workflows)(\/|$)))/;

/**
 * GitHub's description restricted to {@link KEPT_PATHS} and the components they reach. Parsing
 * the full file costs about a second per test file, so the subset is cached in the temp directory,
 * keyed by the package version and file size, and written atomically (parallel workers).
 */
function loadSpec(): Spec {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const { version } = require('@octokit/openapi/package.json') as { version: string };
  const key = createHash('sha256').update(`${version} ${statSync(file).size} ${KEPT_PATHS.source}`).digest('hex').slice(0, 16);
  // node_modules/.cache is where tools keep such caches (and `npm ci` clears it with the package).
  let cacheDir = join(dirname(file), '..', '..', '..', '.cache', 'mlops-github-emulator');
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    cacheDir = tmpdir();
  }
  const cacheFile = join(cacheDir, `openapi-subset-${key}.json`);
  if (existsSync(cacheFile)) {
    try {
      return JSON.parse(readFileSync(cacheFile, 'utf8')) as Spec;
    } catch {
      // A corrupt cache is rebuilt below.
    }
  }
  const full = JSON.parse(readFileSync(file, 'utf8')) as Spec & { components: Record<string, JsonObject> };
  const paths = Object.fromEntries(Object.entries(full.paths).filter(([path]) => KEPT_PATHS.test(path)));
  const components: Record<string, JsonObject> = { schemas: {}, parameters: {}, responses: {}, headers: {} };
  const seen = new Set<string>();
  const visit = (node: Json): void => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const m = /^#\/components\/(schemas|parameters|responses|headers)\/(.+)$/.exec(value);
        if (m && !seen.has(value)) {
          seen.add(value);
          const target = full.components[m[1]]?.[m[2]];
          if (target !== undefined) { components[m[1]][m[2]] = target; visit(target); }
        }
      } else if (key !== 'examples' && key !== 'example') {
        visit(value);
      }
    }
  };
  visit(paths as unknown as Json);
  visit({ $ref: '#/components/schemas/basic-error' });
  const subset = { paths, components } as unknown as Spec;
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(subset));
  renameSync(temp, cacheFile);
  return subset;
}

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const spec = loadSpec();
  const byId = new Map<string, SpecOperation>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op && typeof op === 'object' && typeof op.operationId === 'string') byId.set(op.operationId, { operationId: op.operationId, method: method.toUpperCase(), path, op });
    }
  }
  const root = { $id: 'gh', components: { schemas: toJsonSchemaMap(spec.components.schemas) } };
  const make = (coerceTypes: boolean) => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, coerceTypes, formats: FORMATS });
    ajv.addSchema(root as object);
    return ajv;
  };
  loaded = { spec, byId, ajv: make(false), coercing: make(true) };
  return loaded;
}

/** The operation with this id (e.g. `issues/create-comment`). */
export function operation(operationId: string): SpecOperation {
  const op = load().byId.get(operationId);
  if (!op) throw new Error(`the OpenAPI description has no operation ${operationId}`);
  return op;
}

/** Follows a local `$ref` (`#/components/responses/x`) to its object. */
function deref(node: JsonObject): JsonObject {
  let current = node;
  for (let i = 0; i < 5 && typeof current.$ref === 'string'; i++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: Json = load().spec as unknown as Json;
    for (const part of parts) target = (target as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = target as JsonObject;
  }
  return current;
}

function compiled(key: string, schema: () => Json, coerce = false): ValidateFunction {
  let fn = cache.get(key);
  if (!fn) {
    const { ajv, coercing } = load();
    fn = (coerce ? coercing : ajv).compile(toJsonSchema(schema()) as object);
    cache.set(key, fn);
  }
  return fn;
}

function errorsOf(fn: ValidateFunction, where: string): string[] {
  return (fn.errors ?? []).slice(0, 8).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
}

function parameters(op: SpecOperation, location: 'path' | 'query'): JsonObject[] {
  return ((op.op.parameters ?? []) as JsonObject[]).map(deref).filter((p) => p.in === location);
}

function paramsSchema(op: SpecOperation, location: 'path' | 'query'): Json {
  const list = parameters(op, location);
  return {
    type: 'object',
    properties: Object.fromEntries(list.map((p) => [p.name as string, (p.schema ?? {}) as Json])),
    required: list.filter((p) => p.required === true).map((p) => p.name as string),
    // GitHub ignores unknown query parameters; we reject them so a misspelt one fails a test.
    additionalProperties: false,
  };
}

/** Validates a request: path parameters, query string and JSON body. Returns the violations. */
export function validateRequest(
  operationId: string,
  request: { pathParams: Record<string, string>; query: Record<string, string>; body: unknown; hasBody: boolean; contentType?: string },
): string[] {
  const op = operation(operationId);
  const problems: string[] = [];
  for (const location of ['path', 'query'] as const) {
    const values = { ...(location === 'path' ? request.pathParams : request.query) };
    const fn = compiled(`${operationId} ${location}`, () => paramsSchema(op, location), true);
    if (!fn(values)) problems.push(...errorsOf(fn, `${location} parameters`));
  }
  const requestBody = op.op.requestBody ? deref(op.op.requestBody as JsonObject) : undefined;
  const content = requestBody?.content as JsonObject | undefined;
  if (!requestBody) {
    if (request.hasBody && request.body !== undefined && request.body !== null && JSON.stringify(request.body) !== '{}') problems.push('request has a body but the operation takes none');
    return problems;
  }
  if (!request.hasBody) {
    if (requestBody.required === true) problems.push('request body is required');
    return problems;
  }
  const json = content?.['application/json'] as JsonObject | undefined;
  if (json?.schema) {
    if (!request.contentType?.includes('json')) problems.push(`request content-type must be application/json, got ${request.contentType ?? 'none'}`);
    const fn = compiled(`${operationId} body`, () => json.schema);
    if (!fn(request.body)) problems.push(...errorsOf(fn, 'request body'));
  } else if (!request.contentType) {
    problems.push('request content-type header is missing');
  }
  return problems;
}

/**
 * Validates a response. Statuses the operation declares are checked against their declared
 * body; {@link UNIVERSAL_STATUSES} are checked against `basic-error`; anything else is a violation.
 */
export function validateResponse(operationId: string, status: number, body: unknown): string[] {
  const op = operation(operationId);
  const responses = op.op.responses as JsonObject;
  const declared = (responses[String(status)] ?? responses.default) as JsonObject | undefined;
  if (!declared) {
    if (!UNIVERSAL_STATUSES.has(status)) return [`status ${status} is not a response of ${operationId}`];
    const fn = compiled('basic-error', () => ({ $ref: '#/components/schemas/basic-error' }));
    return fn(body) ? [] : errorsOf(fn, `response ${status} body`);
  }
  const response = deref(declared);
  const json = (response.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
  if (!json?.schema) {
    return body === undefined || body === '' ? [] : [`response ${status} of ${operationId} must have no body`];
  }
  const fn = compiled(`${operationId} ${status} response`, () => json.schema);
  return fn(body) ? [] : errorsOf(fn, `response ${status} body`);
}

/** The JSON schema of a component, resolved, for the emulator's object synthesizer. */
export function componentSchema(name: string): JsonObject {
  const schema = load().spec.components.schemas[name];
  if (!schema) throw new Error(`no component schema ${name}`);
  return schema as JsonObject;
}

/** The raw schema of an operation's response body. */
export function responseSchema(operationId: string, status: number): JsonObject | undefined {
  const responses = operation(operationId).op.responses as JsonObject;
  const declared = responses[String(status)] as JsonObject | undefined;
  if (!declared) return undefined;
  const json = (deref(declared).content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
  return json?.schema as JsonObject | undefined;
}

/** Resolves a `#/components/...` reference (for the synthesizer). */
export function resolveRef(node: JsonObject): JsonObject {
  return deref(node);
}

export type { Json, JsonObject };
