import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly (unknown flags are usage errors, exit 2).
 * A thin wrapper over `node:util` parseArgs so every command reports bad flags the same way.
 */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`mlops ${command}: ${(error as Error).message.replace(/^.*?: /, '')}. Run 'mlops ${command} --help'.`);
  }
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
