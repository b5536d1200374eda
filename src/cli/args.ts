import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.ts';
import { BACKENDS, type BackendName } from '../train/backend-names.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** ` (run 'mlops <command> --help')`: the end of a usage error's one line. */
export function helpHint(command: string): string {
  return ` (run 'mlops ${command} --help')`;
}

/**
 * Parses a command's arguments strictly (unknown flags are usage errors, exit 2).
 * A thin wrapper over `node:util` parseArgs so every command reports bad flags the same way:
 * one line, in our words (the CLI puts `mlops <command>: ` before it).
 */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, command: string) {
  try {
    return parseArgs({ args: withLongInlineValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${optionProblem(error as NodeJS.ErrnoException)}${helpHint(command)}`);
  }
}

/**
 * `-o=out.json` written as `--output=out.json`. parseArgs reads a short option's inline value
 * from right after the letter, so `-o=out.json` named the file `=out.json`; users write the `=` by
 * analogy with `--output=out.json`, and no one means a name that starts with it.
 */
function withLongInlineValues(argv: string[], options: Options): string[] {
  const longOf = new Map<string, string>();
  for (const [name, option] of Object.entries(options)) if (option.short !== undefined && option.type === 'string') longOf.set(option.short, name);
  const end = argv.indexOf('--');
  return argv.map((arg, i) => {
    const match = /^-([^-])=([\s\S]*)$/.exec(arg);
    const long = match ? longOf.get(match[1]!) : undefined;
    return long !== undefined && (end < 0 || i < end) ? `--${long}=${match![2]}` : arg;
  });
}

/** parseArgs's complaint, said in one short line: `unknown option '--bogus'`, `--schema needs a value`. */
function optionProblem(error: NodeJS.ErrnoException): string {
  const message = error.message;
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (option !== undefined) {
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
    // `Option '-o, --output <value>' argument missing`: name the long form.
    const long = /'(?:-\w, )?(--[^' ]+)/.exec(message)?.[1] ?? option;
    if (/argument missing/.test(message)) return `${long} needs a value`;
    if (/argument is ambiguous/.test(message)) return `${long} needs a value; write ${long}=-… for one starting with '-'`;
    if (/does not take an argument/.test(message)) return `${long} takes no value`;
  }
  // Anything else: its first sentence, in lower case.
  const first = message.split(/\.(?:\s|$)/)[0]!;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** Parses a non-negative integer flag value, or throws a usage error naming the flag. */
export function parseIntegerFlag(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a non-negative integer, got '${value}'`);
  return Number(value);
}

/** Throws a usage error when a required positional argument is missing. */
export function requirePositional(positionals: string[], index: number, name: string, usage: string): string {
  const value = positionals[index];
  if (value === undefined) throw new UsageError(`missing <${name}>. Usage: ${usage}`);
  return value;
}

/** A `--backend` value (train, evaluate, demo): one of {@link BACKENDS}, else a UsageError (exit 2). */
export function parseBackendFlag(value: string | undefined): BackendName | undefined {
  if (value === undefined) return undefined;
  if (!(BACKENDS as readonly string[]).includes(value)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}, got '${value}'`);
  return value as BackendName;
}

/**
 * An `-o` value: `-` means stdout, as Unix tools read it (`mlops profile d.csv -o - | jq`), so it
 * gives undefined (the command prints there); `./-` still names a file so called. It wrote a
 * file named `-` and left the pipe empty.
 */
export function outputFlag(value: string | undefined): string | undefined {
  return value === '-' ? undefined : value;
}

/**
 * A flag naming a report file (`--report`, `--markdown`): `-` is refused, exit 2, as stdout
 * already carries the command's report (the JSON document with `--json`); it wrote a file named `-`.
 */
export function reportFileFlag(value: string | undefined, flag: string, command: string): string | undefined {
  if (value === '-') throw new UsageError(`--${flag} takes a file: stdout already carries the report (the JSON document with --json)${helpHint(command)}`);
  return value;
}
