import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  BACKENDS
} from "./chunk-KCMKRERF.mjs";
import {
  UsageError
} from "./chunk-DXANMND3.mjs";

// src/cli/args.ts
import { parseArgs } from "node:util";
function helpHint(command) {
  return ` (run 'mlops ${command} --help')`;
}
function parseCommandArgs(argv, options, command) {
  try {
    return parseArgs({ args: withLongInlineValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${optionProblem(error)}${helpHint(command)}`);
  }
}
function withLongInlineValues(argv, options) {
  const longOf = /* @__PURE__ */ new Map();
  for (const [name, option] of Object.entries(options)) if (option.short !== void 0 && option.type === "string") longOf.set(option.short, name);
  const end = argv.indexOf("--");
  return argv.map((arg, i) => {
    const match = /^-([^-])=([\s\S]*)$/.exec(arg);
    const long = match ? longOf.get(match[1]) : void 0;
    return long !== void 0 && (end < 0 || i < end) ? `--${long}=${match[2]}` : arg;
  });
}
function optionProblem(error) {
  const message = error.message;
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (option !== void 0) {
    if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option '${option}'`;
    const long = /'(?:-\w, )?(--[^' ]+)/.exec(message)?.[1] ?? option;
    if (/argument missing/.test(message)) return `${long} needs a value`;
    if (/argument is ambiguous/.test(message)) return `${long} needs a value; write ${long}=-\u2026 for one starting with '-'`;
    if (/does not take an argument/.test(message)) return `${long} takes no value`;
  }
  const first = message.split(/\.(?:\s|$)/)[0];
  return first.charAt(0).toLowerCase() + first.slice(1);
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
function parseBackendFlag(value) {
  if (value === void 0) return void 0;
  if (!BACKENDS.includes(value)) throw new UsageError(`--backend must be one of ${BACKENDS.join(", ")}, got '${value}'`);
  return value;
}
function outputFlag(value) {
  return value === "-" ? void 0 : value;
}
function reportFileFlag(value, flag, command) {
  if (value === "-") throw new UsageError(`--${flag} takes a file: stdout already carries the report (the JSON document with --json)${helpHint(command)}`);
  return value;
}

export {
  helpHint,
  parseCommandArgs,
  parseIntegerFlag,
  requirePositional,
  parseBackendFlag,
  outputFlag,
  reportFileFlag
};
