#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/core/errors.ts
function formatLocation(loc) {
  let out = loc.file ?? "";
  if (loc.line !== void 0) out += `${out ? ":" : "line "}${loc.line}`;
  if (loc.line !== void 0 && loc.column !== void 0) out += `:${loc.column}`;
  if (loc.key !== void 0) out += `${out ? " " : ""}(${loc.key})`;
  return out;
}
function isExpectedError(error) {
  return error instanceof InputError || error instanceof UsageError;
}
var InputError, UsageError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    InputError = class extends Error {
      location;
      constructor(message, location = {}, options) {
        const where = formatLocation(location);
        super(where ? `${where}: ${message}` : message, options);
        this.name = "InputError";
        this.location = location;
      }
    };
    UsageError = class extends Error {
      constructor(message) {
        super(message);
        this.name = "UsageError";
      }
    };
  }
});

// src/cli/commands/validate.ts
var validate_exports = {};
__export(validate_exports, {
  default: () => validate_default
});
var command, validate_default;
var init_validate = __esm({
  "src/cli/commands/validate.ts"() {
    "use strict";
    init_errors();
    command = {
      name: "validate",
      summary: "",
      usage: "mlops validate (not yet implemented)",
      async run() {
        throw new UsageError("'mlops validate' is not implemented yet");
      }
    };
    validate_default = command;
  }
});

// src/cli/commands/schema.ts
var schema_exports = {};
__export(schema_exports, {
  default: () => schema_default
});
var command2, schema_default;
var init_schema = __esm({
  "src/cli/commands/schema.ts"() {
    "use strict";
    init_errors();
    command2 = {
      name: "schema",
      summary: "",
      usage: "mlops schema (not yet implemented)",
      async run() {
        throw new UsageError("'mlops schema' is not implemented yet");
      }
    };
    schema_default = command2;
  }
});

// src/cli/commands/profile.ts
var profile_exports = {};
__export(profile_exports, {
  default: () => profile_default
});
var command3, profile_default;
var init_profile = __esm({
  "src/cli/commands/profile.ts"() {
    "use strict";
    init_errors();
    command3 = {
      name: "profile",
      summary: "",
      usage: "mlops profile (not yet implemented)",
      async run() {
        throw new UsageError("'mlops profile' is not implemented yet");
      }
    };
    profile_default = command3;
  }
});

// src/cli/commands/train.ts
var train_exports = {};
__export(train_exports, {
  default: () => train_default
});
var command4, train_default;
var init_train = __esm({
  "src/cli/commands/train.ts"() {
    "use strict";
    init_errors();
    command4 = {
      name: "train",
      summary: "",
      usage: "mlops train (not yet implemented)",
      async run() {
        throw new UsageError("'mlops train' is not implemented yet");
      }
    };
    train_default = command4;
  }
});

// src/cli/commands/evaluate.ts
var evaluate_exports = {};
__export(evaluate_exports, {
  default: () => evaluate_default
});
var command5, evaluate_default;
var init_evaluate = __esm({
  "src/cli/commands/evaluate.ts"() {
    "use strict";
    init_errors();
    command5 = {
      name: "evaluate",
      summary: "",
      usage: "mlops evaluate (not yet implemented)",
      async run() {
        throw new UsageError("'mlops evaluate' is not implemented yet");
      }
    };
    evaluate_default = command5;
  }
});

// src/cli/commands/registry.ts
var registry_exports = {};
__export(registry_exports, {
  default: () => registry_default
});
var command6, registry_default;
var init_registry = __esm({
  "src/cli/commands/registry.ts"() {
    "use strict";
    init_errors();
    command6 = {
      name: "registry",
      summary: "",
      usage: "mlops registry (not yet implemented)",
      async run() {
        throw new UsageError("'mlops registry' is not implemented yet");
      }
    };
    registry_default = command6;
  }
});

// src/cli/commands/drift.ts
var drift_exports = {};
__export(drift_exports, {
  default: () => drift_default
});
var command7, drift_default;
var init_drift = __esm({
  "src/cli/commands/drift.ts"() {
    "use strict";
    init_errors();
    command7 = {
      name: "drift",
      summary: "",
      usage: "mlops drift (not yet implemented)",
      async run() {
        throw new UsageError("'mlops drift' is not implemented yet");
      }
    };
    drift_default = command7;
  }
});

// src/cli/commands/demo.ts
var demo_exports = {};
__export(demo_exports, {
  default: () => demo_default
});
var command8, demo_default;
var init_demo = __esm({
  "src/cli/commands/demo.ts"() {
    "use strict";
    init_errors();
    command8 = {
      name: "demo",
      summary: "",
      usage: "mlops demo (not yet implemented)",
      async run() {
        throw new UsageError("'mlops demo' is not implemented yet");
      }
    };
    demo_default = command8;
  }
});

// src/cli/main.ts
init_errors();
import { pathToFileURL } from "node:url";
import { realpathSync } from "node:fs";

// src/cli/command.ts
var ExitCode = {
  /** Success, or the check passed. */
  ok: 0,
  /** The check failed: invalid data, a gate failed, drift with --fail-on-drift. */
  checkFailed: 1,
  /** The command could not run: bad flags, unreadable or malformed input, config error. */
  cannotRun: 2
};

// src/cli/io.ts
function processIo() {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY)
  };
}

// src/cli/commands/index.ts
var commands = [
  { name: "validate", summary: "validate a data file against a Table Schema", load: async () => (await Promise.resolve().then(() => (init_validate(), validate_exports))).default },
  { name: "schema", summary: "infer a schema from data, or diff two schemas (infer | diff)", load: async () => (await Promise.resolve().then(() => (init_schema(), schema_exports))).default },
  { name: "profile", summary: "profile a data file, or merge shard profiles (merge)", load: async () => (await Promise.resolve().then(() => (init_profile(), profile_exports))).default },
  { name: "train", summary: "train a model from mlops.yaml into a model directory", load: async () => (await Promise.resolve().then(() => (init_train(), train_exports))).default },
  { name: "evaluate", summary: "compare a candidate model with the baseline: metrics, latency, gates", load: async () => (await Promise.resolve().then(() => (init_evaluate(), evaluate_exports))).default },
  { name: "registry", summary: "model registry on git tags: register, promote, rollback, list, show, history, pull", load: async () => (await Promise.resolve().then(() => (init_registry(), registry_exports))).default },
  { name: "drift", summary: "compare current data with the reference; open a retraining PR on drift", load: async () => (await Promise.resolve().then(() => (init_drift(), drift_exports))).default },
  { name: "demo", summary: "run the whole life cycle on the bundled fixtures, locally", load: async () => (await Promise.resolve().then(() => (init_demo(), demo_exports))).default }
];

// src/cli/main.ts
var VERSION = "0.1.0";
function help() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `mlops ${VERSION} \u2014 GitHub-native MLOps`,
    "",
    "Usage: mlops <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run 'mlops <command> --help' for a command's options.",
    "Exit codes: 0 success, 1 check failed, 2 could not run.",
    ""
  ].join("\n");
}
async function runCli(argv, io = processIo()) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name === void 0 ? ExitCode.cannotRun : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${VERSION}
`);
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`mlops: unknown command '${name}'

${help()}`);
    return ExitCode.cannotRun;
  }
  try {
    const command9 = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${command9.usage.trimEnd()}
`);
      return ExitCode.ok;
    }
    return await command9.run(rest, io);
  } catch (error) {
    if (isExpectedError(error)) {
      io.stderr(`mlops ${name}: ${error.message}
`);
      return ExitCode.cannotRun;
    }
    io.stderr(`mlops ${name}: internal error: ${error?.stack ?? String(error)}
`);
    return ExitCode.cannotRun;
  }
}
function isEntryPoint() {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
if (isEntryPoint()) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`mlops: ${String(error)}
`);
      process.exitCode = ExitCode.cannotRun;
    }
  );
}
export {
  VERSION,
  runCli
};
