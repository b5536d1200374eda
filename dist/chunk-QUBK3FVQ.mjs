import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/actions/inputs.ts
import { isAbsolute, resolve } from "node:path";
var ActionInputError = class extends InputError {
  input;
  value;
  constructor(input, value, message) {
    super(message);
    this.name = "InputError";
    this.input = input;
    this.value = value;
  }
};
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
function show(value) {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}\u2026` : value);
}
function parseOne(name, spec, raw, cwd) {
  const fail = (what) => {
    throw new ActionInputError(name, raw, `input '${name}' ${what}, got ${show(raw)}`);
  };
  switch (spec.type) {
    case "string":
      if (spec.pattern && !spec.pattern.test(raw)) fail(`must match ${String(spec.pattern)}`);
      return raw;
    case "boolean":
      if (TRUE.has(raw)) return true;
      if (FALSE.has(raw)) return false;
      return fail("must be a boolean (true | True | TRUE | false | False | FALSE)");
    case "integer":
    case "number": {
      const ok = spec.type === "integer" ? /^[+-]?\d+$/.test(raw) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw);
      const value = Number(raw);
      if (!ok || !Number.isFinite(value)) fail(`must be ${spec.type === "integer" ? "an integer" : "a number"}`);
      if (spec.type === "integer" && !Number.isSafeInteger(value)) fail("is out of the safe integer range");
      if (spec.min !== void 0 && value < spec.min) fail(`must be \u2265 ${spec.min}`);
      if (spec.max !== void 0 && value > spec.max) fail(`must be \u2264 ${spec.max}`);
      return value;
    }
    case "enum": {
      const exact = spec.values.find((v) => v === raw) ?? spec.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      if (exact === void 0) fail(`must be one of ${spec.values.join(" | ")}`);
      return exact;
    }
    case "json":
      try {
        return JSON.parse(raw);
      } catch (error) {
        return fail(`must be JSON (${error.message})`);
      }
    case "path": {
      const absolute = (p) => cwd === void 0 || isAbsolute(p) ? p : resolve(cwd, p);
      if (spec.list === true) {
        return raw.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "").map(absolute);
      }
      if (/[\r\n]/.test(raw)) fail("must be a single path");
      return absolute(raw);
    }
  }
}
function parseInputs(spec, env, options = {}) {
  const result = {};
  for (const [name, input] of Object.entries(spec)) {
    const rawValue = env[inputEnvName(name)] ?? "";
    const trim = !(input.type === "string" && input.trim === false);
    const raw = trim ? rawValue.trim() : rawValue;
    if (raw === "") {
      if (input.required) {
        throw new ActionInputError(name, void 0, `input '${name}' is required but was not given (set \`with: ${name}: \u2026\` on the step, or ${inputEnvName(name)} in a terminal)`);
      }
      if (input.default !== void 0) {
        const cwd = options.cwd;
        const absolute = (p) => cwd === void 0 || isAbsolute(p) ? p : resolve(cwd, p);
        result[name] = input.type === "path" && input.list === true ? input.default.map(absolute) : input.type === "path" ? absolute(input.default) : input.default;
      } else {
        result[name] = input.type === "path" && input.list === true ? [] : void 0;
      }
      continue;
    }
    result[name] = parseOne(name, input, raw, options.cwd);
  }
  return result;
}

export {
  ActionInputError,
  parseInputs
};
