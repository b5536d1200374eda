import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  processIo
} from "./chunk-4JGCLKKO.mjs";
import {
  inertJson,
  inertStream
} from "./chunk-DVDZ43KM.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  prestartWorkersFor
} from "./chunk-IW3PCL5P.mjs";
import {
  InputError,
  UsageError,
  isExpectedError
} from "./chunk-DXANMND3.mjs";

// src/cli/main.ts
import { pathToFileURL } from "node:url";
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { isMainThread } from "node:worker_threads";

// src/cli/commands/index.ts
var commands = [
  { name: "init", summary: "set up mlops.yaml, schema.yaml and the three workflows for your data", load: async () => (await import("./chunk-FA4D44ZK.mjs")).default },
  { name: "validate", summary: "validate a data file against a Table Schema", load: async () => (await import("./chunk-JQQ65OQD.mjs")).default, splitsFilesFrom: 8 << 20 },
  { name: "schema", summary: "infer a schema from data, or diff two schemas (infer | diff)", load: async () => (await import("./chunk-3LVZVUAE.mjs")).default },
  { name: "profile", summary: "profile a data file, or merge shard profiles (merge)", load: async () => (await import("./chunk-3WPGCSP3.mjs")).default, splitsFilesFrom: 32 << 20 },
  { name: "train", summary: "train a model from mlops.yaml into a model directory", load: async () => (await import("./chunk-GXXIT2GH.mjs")).default },
  { name: "evaluate", summary: "compare a candidate model with the baseline: metrics, latency, gates", load: async () => (await import("./chunk-JHJ2YAVG.mjs")).default },
  { name: "registry", summary: "model registry on git tags: register, promote, rollback, deprecate, list, show, history, pull", load: async () => (await import("./chunk-XKIANHHB.mjs")).default },
  { name: "drift", summary: "compare current data with the reference; open a retraining PR on drift", load: async () => (await import("./chunk-SRLWNRCF.mjs")).default, splitsFilesFrom: 32 << 20 },
  { name: "demo", summary: "run the whole life cycle on the bundled fixtures, locally", load: async () => (await import("./chunk-2OLISMFX.mjs")).default },
  { name: "action", summary: "run a composite action's step (used by action.yml)", load: async () => (await import("./chunk-OWHW7VJ2.mjs")).default }
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
var JSON_STDOUT = /* @__PURE__ */ new Set(["profile"]);
var OWN_RUNTIME = /* @__PURE__ */ new Set(["action", "train"]);
function workflowSafeIo(io, name, json) {
  if (io.env.GITHUB_ACTIONS !== "true" || OWN_RUNTIME.has(name)) return io;
  const stderr = inertStream();
  const humanStdout = inertStream();
  const stdout = (text) => {
    if (io.stdoutIsFile === true) return text;
    if (json || JSON_STDOUT.has(name)) return inertJson(text);
    return humanStdout(text);
  };
  return { ...io, stdout: (text) => io.stdout(stdout(text)), stderr: (text) => io.stderr(stderr(text)) };
}
async function runCli(argv, given = processIo()) {
  const [name, ...rest] = argv;
  const end = rest.indexOf("--");
  const options = end < 0 ? rest : rest.slice(0, end);
  const io = workflowSafeIo(given, name ?? "", options.includes("--json"));
  if (name === "help" && rest[0] !== void 0 && !rest[0].startsWith("-")) {
    return runCli([rest[0], "--help"], io);
  }
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
    if (options.includes("--json")) io.stdout(`${JSON.stringify({ error: errorDocument(name, new UsageError(`unknown command '${name}'`), false) }, null, 2)}
`);
    return ExitCode.cannotRun;
  }
  let printed = false;
  const commandIo = { ...io, stdout: (text) => {
    printed = true;
    io.stdout(text);
  } };
  const failed = (error, internal) => {
    if (options.includes("--json") && !printed) io.stdout(`${JSON.stringify({ error: errorDocument(name, error, internal) }, null, 2)}
`);
    return ExitCode.cannotRun;
  };
  try {
    if (entry.splitsFilesFrom !== void 0) prestartWorkersFor(rest, io.cwd, entry.splitsFilesFrom);
    const command = await entry.load();
    if (options.includes("--help") || options.includes("-h")) {
      io.stdout(`${command.usage.trimEnd()}
`);
      return ExitCode.ok;
    }
    return await command.run(rest, commandIo);
  } catch (error) {
    if (isExpectedError(error)) {
      const shown = error instanceof InputError && name !== "action" ? namedAsGiven(error, rest, io.cwd) : error;
      io.stderr(`mlops ${name}: ${shown.message}
`);
      return failed(shown, false);
    }
    io.stderr(`mlops ${name}: internal error: ${error?.stack ?? String(error)}
`);
    return failed(error, true);
  }
}
function namedAsGiven(error, argv, cwd) {
  const file = error.location.file;
  if (file === void 0 || !isAbsolute(file)) return error;
  const target = resolve(file);
  let shown;
  for (const arg of argv) {
    const spellings = [arg, ...arg.startsWith("--") && arg.includes("=") ? [arg.slice(arg.indexOf("=") + 1)] : []];
    shown = spellings.find((s) => s !== "" && !s.startsWith("-") && resolve(cwd, s) === target);
    if (shown !== void 0) break;
  }
  if (shown === void 0) {
    const inside = relative(resolve(cwd), target);
    if (inside !== "" && !inside.startsWith(`..${sep}`) && inside !== ".." && !isAbsolute(inside)) shown = inside;
  }
  if (shown === void 0 || shown === file) return error;
  return new InputError(error.detail, { ...error.location, file: shown }, { cause: error });
}
function errorDocument(command, error, internal) {
  const doc = { command, message: error instanceof Error ? error.message : String(error), exitCode: ExitCode.cannotRun };
  if (error instanceof InputError) {
    doc.detail = error.detail;
    const { file, line, column, key } = error.location;
    if (file !== void 0) doc.file = file;
    if (line !== void 0) doc.line = line;
    if (column !== void 0) doc.column = column;
    if (key !== void 0) doc.key = key;
  }
  if (internal) doc.internal = true;
  return doc;
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
function runMain() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    });
  }
  return runCli(process.argv.slice(2)).then(
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
if (isMainThread && isEntryPoint()) void runMain();

export {
  VERSION,
  runCli,
  namedAsGiven,
  runMain
};
