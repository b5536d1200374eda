import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-2CNBRTGX.mjs";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(argv, options, command) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`mlops ${command}: ${error.message.replace(/^.*?: /, "")}. Run 'mlops ${command} --help'.`);
  }
}
function parseIntegerFlag(value, flag, fallback) {
  if (value === void 0) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a non-negative integer, got '${value}'`);
  return Number(value);
}
function requirePositional(positionals, index, name, usage) {
  const value = positionals[index];
  if (value === void 0) throw new UsageError(`missing <${name}>. Usage: ${usage}`);
  return value;
}

export {
  parseCommandArgs,
  parseIntegerFlag,
  requirePositional
};
