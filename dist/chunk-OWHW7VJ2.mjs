import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  createActionsRuntime
} from "./chunk-SP45EASV.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-DVDZ43KM.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError,
  UsageError,
  isExpectedError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/actions/entries.ts
var actionEntries = {
  validate: async () => (await import("./chunk-XQPKFE3S.mjs")).default,
  train: async () => (await import("./chunk-UO5JM6SS.mjs")).default,
  evaluate: async () => (await import("./chunk-DQF2VFWC.mjs")).default,
  release: async () => (await import("./chunk-6N7JXWQK.mjs")).default,
  drift: async () => (await import("./chunk-6YYXPEKH.mjs")).default
};

// src/cli/commands/action.ts
var names = () => Object.keys(actionEntries).join(" | ");
var SECRET_INPUT = /^INPUT_(.*[-_ ])?(TOKEN|SECRET|PASSWORD|PRIVATE[-_]KEY|API[-_]KEY)$/i;
var NOT_A_SECRET = /* @__PURE__ */ new Set(["true", "false", "null", "undefined"]);
var SECRET_ENV = ["GITHUB_TOKEN", "GH_TOKEN", "MLOPS_TOKEN"];
function secretValues(env) {
  const values = [];
  for (const [key, value] of Object.entries(env)) {
    const text = value?.trim() ?? "";
    if (text.length < 4 || NOT_A_SECRET.has(text.toLowerCase())) continue;
    if (SECRET_INPUT.test(key) || SECRET_ENV.includes(key)) values.push(text);
  }
  return values;
}
var command = {
  name: "action",
  summary: "run a composite action's step (used by action.yml)",
  usage: `Usage: mlops action <name>

Runs one composite action's step: ${names()}.
Inputs are read from INPUT_<NAME> environment variables (as the runner sets them), outputs go to
$GITHUB_OUTPUT, the report to $GITHUB_STEP_SUMMARY, annotations to the log. Outside GitHub
Actions the same step runs in a terminal: set INPUT_<NAME> yourself; outputs are printed to stderr.

Exit codes: 0 success, 1 the check failed, 2 the step could not run (bad input, missing permission).
`,
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === void 0) throw new UsageError(`missing <name>: one of ${names()}. Usage: mlops action <name>`);
    if (rest.length > 0) throw new UsageError(`unexpected arguments after '${name}': ${rest.join(" ")} (inputs come from INPUT_<NAME> variables)`);
    const load = Object.hasOwn(actionEntries, name) ? actionEntries[name] : void 0;
    if (!load) throw new UsageError(`unknown action '${name}': expected one of ${names()}`);
    const runtime = createActionsRuntime(io);
    for (const secret of secretValues(io.env)) runtime.setSecret(secret);
    try {
      const entry = await load();
      const code = await entry.run(runtime.io);
      if (!runtime.inActions && runtime.outputs.size > 0) {
        for (const [key, value] of runtime.outputs) runtime.info(`output ${key}=${value}`);
      }
      return code;
    } catch (error) {
      if (isExpectedError(error)) {
        const where = error instanceof InputError ? error.location : {};
        runtime.setFailed(error.message, where.file === void 0 ? {} : { file: where.file, startLine: where.line, startColumn: where.line === void 0 ? void 0 : where.column });
      } else {
        runtime.info(`internal error: ${error?.stack ?? String(error)}`);
        runtime.setFailed(`internal error in 'mlops action ${name}': ${error?.message ?? String(error)}`);
      }
      return ExitCode.cannotRun;
    } finally {
      runtime.finish();
    }
  }
};
var action_default = command;
export {
  action_default as default,
  secretValues
};
