import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';

/**
 * Typed action inputs. The runner passes every input as a string in `INPUT_<NAME>` and enforces
 * nothing (not even `required: true`), so each action entry declares its inputs once here and
 * gets typed, validated values — or an {@link ActionInputError} naming the input and the value.
 */

interface Common {
  /** The runner does not enforce `required`; we do. An empty value counts as missing. */
  required?: boolean;
  description?: string;
}
export interface StringInput extends Common { type: 'string'; default?: string; /** Default true. */ trim?: boolean; pattern?: RegExp }
export interface BooleanInput extends Common { type: 'boolean'; default?: boolean }
export interface IntegerInput extends Common { type: 'integer'; default?: number; min?: number; max?: number }
export interface NumberInput extends Common { type: 'number'; default?: number; min?: number; max?: number }
export interface EnumInput<V extends string = string> extends Common { type: 'enum'; values: readonly V[]; default?: V }
export interface JsonInput extends Common { type: 'json'; default?: unknown }
/** A path, resolved against `options.cwd` when given. */
export interface PathInput extends Common { type: 'path'; list?: false; default?: string }
/** Newline-separated paths (blank lines ignored). Missing → `[]` unless required. */
export interface PathListInput extends Common { type: 'path'; list: true; default?: readonly string[] }

export type InputSpec = StringInput | BooleanInput | IntegerInput | NumberInput | EnumInput | JsonInput | PathInput | PathListInput;
export type InputsSpec = Readonly<Record<string, InputSpec>>;

/** The parsed type of one input. */
export type InputValue<S extends InputSpec> =
  S extends { type: 'string' } ? string
    : S extends { type: 'boolean' } ? boolean
      : S extends { type: 'integer' | 'number' } ? number
        : S extends { type: 'enum'; values: readonly (infer V)[] } ? V
          : S extends { type: 'json' } ? unknown
            : S extends { type: 'path'; list: true } ? string[]
              : S extends { type: 'path' } ? string
                : never;

/** Inputs that always have a value: required, defaulted, or lists (empty when missing). */
type Present<S extends InputSpec> = S extends { required: true } ? true
  : S extends { default: unknown } ? (undefined extends S['default'] ? false : true)
    : S extends { type: 'path'; list: true } ? true
      : false;

/** The typed result of {@link parseInputs}: optional inputs without a default may be undefined. */
export type ParsedInputs<T extends InputsSpec> = {
  -readonly [K in keyof T]: Present<T[K]> extends true ? InputValue<T[K]> : InputValue<T[K]> | undefined;
};

/** A bad action input: names the input and the value given. Exit code 2. */
export class ActionInputError extends InputError {
  readonly input: string;
  readonly value: string | undefined;
  constructor(input: string, value: string | undefined, message: string) {
    super(message);
    this.name = 'InputError';
    this.input = input;
    this.value = value;
  }
}

/** The environment variable the runner uses for an input: `INPUT_` + upper case, spaces → `_` (hyphens stay). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

function show(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}

function parseOne(name: string, spec: InputSpec, raw: string, cwd: string | undefined): unknown {
  const fail = (what: string): never => {
    throw new ActionInputError(name, raw, `input '${name}' ${what}, got ${show(raw)}`);
  };
  switch (spec.type) {
    case 'string':
      if (spec.pattern && !spec.pattern.test(raw)) fail(`must match ${String(spec.pattern)}`);
      return raw;
    case 'boolean':
      // YAML 1.2 core schema, as @actions/core's getBooleanInput.
      if (TRUE.has(raw)) return true;
      if (FALSE.has(raw)) return false;
      return fail('must be a boolean (true | True | TRUE | false | False | FALSE)');
    case 'integer':
    case 'number': {
      const ok = spec.type === 'integer' ? /^[+-]?\d+$/.test(raw) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw);
      const value = Number(raw);
      if (!ok || !Number.isFinite(value)) fail(`must be ${spec.type === 'integer' ? 'an integer' : 'a number'}`);
      if (spec.type === 'integer' && !Number.isSafeInteger(value)) fail('is out of the safe integer range');
      if (spec.min !== undefined && value < spec.min) fail(`must be ≥ ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) fail(`must be ≤ ${spec.max}`);
      return value;
    }
    case 'enum': {
      const exact = spec.values.find((v) => v === raw) ?? spec.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      if (exact === undefined) fail(`must be one of ${spec.values.join(' | ')}`);
      return exact;
    }
    case 'json':
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        return fail(`must be JSON (${(error as Error).message})`);
      }
    case 'path': {
      const absolute = (p: string): string => (cwd === undefined || isAbsolute(p) ? p : resolve(cwd, p));
      if (spec.list === true) {
        return raw.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '').map(absolute);
      }
      if (/[\r\n]/.test(raw)) fail('must be a single path');
      return absolute(raw);
    }
  }
}

/**
 * Reads and validates the inputs declared in `spec` from `env` (`INPUT_<NAME>`). Values are
 * trimmed (strings keep their whitespace with `trim: false`); an empty value means "not given",
 * which yields the default, an error for `required`, `[]` for path lists, else `undefined`.
 * Throws {@link ActionInputError} for a missing required input or a malformed value.
 */
export function parseInputs<const T extends InputsSpec>(
  spec: T,
  env: Record<string, string | undefined>,
  options: { cwd?: string } = {},
): ParsedInputs<T> {
  const result: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(spec)) {
    const rawValue = env[inputEnvName(name)] ?? '';
    const trim = !(input.type === 'string' && input.trim === false);
    const raw = trim ? rawValue.trim() : rawValue;
    if (raw === '') {
      if (input.required) {
        throw new ActionInputError(name, undefined, `input '${name}' is required but was not given (set \`with: ${name}: …\` on the step, or ${inputEnvName(name)} in a terminal)`);
      }
      if (input.default !== undefined) {
        const cwd = options.cwd;
        const absolute = (p: string): string => (cwd === undefined || isAbsolute(p) ? p : resolve(cwd, p));
        result[name] = input.type === 'path' && input.list === true ? input.default.map(absolute)
          : input.type === 'path' ? absolute(input.default as string)
            : input.default;
      } else {
        result[name] = input.type === 'path' && input.list === true ? [] : undefined;
      }
      continue;
    }
    result[name] = parseOne(name, input, raw, options.cwd);
  }
  return result as ParsedInputs<T>;
}
