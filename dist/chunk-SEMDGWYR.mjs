import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  inertJson,
  inertStream
} from "./chunk-AWM6KSK7.mjs";
import {
  processIo
} from "./chunk-4JGCLKKO.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  prestartWorkersFor
} from "./chunk-MF3YALT7.mjs";
import {
  InputError,
  isExpectedError
} from "./chunk-DXANMND3.mjs";

// src/cli/main.ts
import { pathToFileURL } from "node:url";
import { realpathSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

// src/cli/commands/index.ts
var commands = [
  { name: "init", summary: "set up mlops.yaml, schema.yaml and the three workflows for your data", load: async () => (await import("./chunk-KGIWPWFW.mjs")).default },
  { name: "validate", summary: "validate a data file against a Table Schema", load: async () => (await import("./chunk-AVOM4CBX.mjs")).default, splitsFilesFrom: 8 << 20 },
  { name: "schema", summary: "infer a schema from data, or diff two schemas (infer | diff)", load: async () => (await import("./chunk-YQPF4RRK.mjs")).default },
  { name: "profile", summary: "profile a data file, or merge shard profiles (merge)", load: async () => (await import("./chunk-GO5YW2OU.mjs")).default, splitsFilesFrom: 16 << 20 },
  { name: "train", summary: "train a model from mlops.yaml into a model directory", load: async () => (await import("./chunk-DOUNKPAS.mjs")).default },
  { name: "evaluate", summary: "compare a candidate model with the baseline: metrics, latency, gates", load: async () => (await import("./chunk-N4UWCDPX.mjs")).default },
  { name: "registry", summary: "model registry on git tags: register, promote, rollback, deprecate, list, show, history, pull", load: async () => (await import("./chunk-DLMRQG2E.mjs")).default },
  { name: "drift", summary: "compare current data with the reference; open a retraining PR on drift", load: async () => (await import("./chunk-IQKWGTS4.mjs")).default, splitsFilesFrom: 16 << 20 },
  { name: "demo", summary: "run the whole life cycle on the bundled fixtures, locally", load: async () => (await import("./chunk-2QVGEUB5.mjs")).default },
  { name: "action", summary: "run a composite action's step (used by action.yml)", load: async () => (await import("./chunk-EBLXMRUB.mjs")).default }
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
var HUMAN_STDOUT = /* @__PURE__ */ new Set(["validate", "evaluate", "drift"]);
var OWN_RUNTIME = /* @__PURE__ */ new Set(["action", "train"]);
function workflowSafeIo(io, name, json) {
  if (io.env.GITHUB_ACTIONS !== "true" || OWN_RUNTIME.has(name)) return io;
  const stderr = inertStream();
  const humanStdout = inertStream();
  const stdout = (text) => {
    if (io.stdoutIsFile === true) return text;
    if (json) return inertJson(text);
    return HUMAN_STDOUT.has(name) ? humanStdout(text) : text;
  };
  return { ...io, stdout: (text) => io.stdout(stdout(text)), stderr: (text) => io.stderr(stderr(text)) };
}
async function runCli(argv, given = processIo()) {
  const io = workflowSafeIo(given, argv[0] ?? "", argv.includes("--json"));
  const [name, ...rest] = argv;
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
    return ExitCode.cannotRun;
  }
  let printed = false;
  const commandIo = { ...io, stdout: (text) => {
    printed = true;
    io.stdout(text);
  } };
  const failed = (error, internal) => {
    if (rest.includes("--json") && !printed) io.stdout(`${JSON.stringify({ error: errorDocument(name, error, internal) }, null, 2)}
`);
    return ExitCode.cannotRun;
  };
  try {
    if (entry.splitsFilesFrom !== void 0) prestartWorkersFor(rest, io.cwd, entry.splitsFilesFrom);
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${command.usage.trimEnd()}
`);
      return ExitCode.ok;
    }
    return await command.run(rest, commandIo);
  } catch (error) {
    if (isExpectedError(error)) {
      io.stderr(`mlops ${name}: ${error.message}
`);
      return failed(error, false);
    }
    io.stderr(`mlops ${name}: internal error: ${error?.stack ?? String(error)}
`);
    return failed(error, true);
  }
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
  runMain
};
