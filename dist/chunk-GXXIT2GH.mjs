import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  epochReporter,
  externalFailure,
  trainModel,
  trainWithRuntime
} from "./chunk-HCCQRICE.mjs";
import "./chunk-JE3GIHDP.mjs";
import "./chunk-QUBK3FVQ.mjs";
import {
  createActionsRuntime
} from "./chunk-SP45EASV.mjs";
import "./chunk-JQF754KU.mjs";
import {
  configAboveHint
} from "./chunk-UR53JOIA.mjs";
import "./chunk-TOBO2QGH.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-FGDYCVTY.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-KF6L3SPS.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-4JGCLKKO.mjs";
import "./chunk-SXSB5XTO.mjs";
import {
  loadConfig
} from "./chunk-D3J2R3HR.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-GYSFXBIC.mjs";
import {
  parseBackendFlag,
  parseCommandArgs
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import "./chunk-EAMZTAYM.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-VFQYOCDE.mjs";
import {
  groupDigits
} from "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError,
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/train.ts
import { isAbsolute, resolve } from "node:path";
import { existsSync, statSync } from "node:fs";
var USAGE = `Usage: mlops train [--config mlops.yaml] [--out <dir>] [--backend auto|tensorflow|wasm|cpu] [--native-dir <dir>] [--json]

Trains the model described by mlops.yaml and writes its model directory: model.json + weights.bin
(TensorFlow.js), preprocessing.json (the fitted transform used again at evaluation and serving),
profile.json (training-data profile: the drift reference) and run.json (params, per-epoch history,
validation metrics, backend, durations, git commit, data hashes). With train.command set, runs that
external trainer instead; it must write metrics.json and a model into $MLOPS_OUTPUT_DIR.

Options:
  --config <file>     the config (default: mlops.yaml)
  --out <dir>         model directory (default: .mlops/models/<name>); replaced atomically
  --backend <name>    auto (default: train.backend): tfjs-node-gpu when a GPU is visible, then
                      tfjs-node, then the bundled wasm, then cpu; a forced backend that cannot
                      load is an error
  --native-dir <dir>  where node_modules/@tensorflow/tfjs-node(-gpu) is installed (default:
                      $MLOPS_NATIVE_DIR, then the working directory)
  --json              print one JSON document on stdout (progress goes to stderr)

Exit codes: 0 trained; 2 could not run (config or data error, forced backend unavailable,
external trainer wrote no metrics.json); otherwise the external trainer's own exit status.`;
function atCwd(io, path) {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}
function trainJson(run, modelDir) {
  return {
    modelDir,
    name: run.name,
    trainer: run.trainer,
    task: run.task,
    classes: run.classes,
    backend: run.backend.name,
    package: run.backend.package,
    device: run.backend.device,
    metrics: run.metrics,
    epochs: run.epochsRun,
    bestEpoch: run.bestEpoch,
    stoppedEarly: run.stoppedEarly,
    samplesPerSecond: run.samplesPerSecond,
    durationMs: run.durations.totalMs,
    commit: run.git.commit,
    dirty: run.git.dirty,
    run: resolve(modelDir, "run.json")
  };
}
function restoredBest(run) {
  const train = run.params.train;
  return run.trainer === "tfjs" && !run.stoppedEarly && run.bestEpoch !== null && run.bestEpoch < run.epochsRun && (train.earlyStopping?.patience ?? 0) > 0 && train.earlyStopping?.restoreBest === true;
}
function humanReport(run, modelDir) {
  const metrics = Object.entries(run.metrics).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`).join(", ");
  const seconds = `${(run.durations.totalMs / 1e3).toFixed(1)} s`;
  const lines = [
    run.trainer === "external" ? `trained ${run.name} with the external command \`${run.command}\` in ${seconds}` : `trained ${run.name} (${run.params.model?.type ?? "model"}, ${run.task}) on ${run.backend.name} in ${seconds}${run.samplesPerSecond ? `, ${groupDigits(run.samplesPerSecond)} samples/s` : ""}`,
    run.epochsRun > 0 ? `epochs ${run.epochsRun}${run.stoppedEarly ? ` (stopped early, best ${run.bestEpoch})` : restoredBest(run) ? ` (best ${run.bestEpoch}, its weights kept)` : ""}` : "",
    metrics ? `${run.trainer === "external" ? "metrics" : "validation"}: ${metrics}` : "",
    `model directory: ${modelDir}`
  ];
  return `${lines.filter(Boolean).join("\n")}
`;
}
var command = {
  name: "train",
  summary: "train the model of mlops.yaml (TensorFlow.js or an external command)",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      config: { type: "string" },
      out: { type: "string" },
      backend: { type: "string" },
      "native-dir": { type: "string" },
      json: { type: "boolean" }
    }, "train");
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'. Usage: mlops train [--config mlops.yaml]`);
    const backend = parseBackendFlag(values.backend);
    const configPath = atCwd(io, values.config ?? "mlops.yaml");
    if (values.config === void 0 && !existsSync(configPath)) {
      const hint = configAboveHint(io.cwd);
      if (hint) throw new InputError(`config file not found${hint}`, { file: configPath });
    }
    const out = values.out !== void 0 ? atCwd(io, values.out) : void 0;
    const nativeDir = values["native-dir"] !== void 0 ? atCwd(io, values["native-dir"]) : void 0;
    if (nativeDir !== void 0 && !statSync(nativeDir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UsageError(`--native-dir '${values["native-dir"]}' is not a directory (it should hold node_modules/@tensorflow/tfjs-node or -gpu)`);
    }
    const json = values.json === true;
    const human = json ? io.stderr : io.stdout;
    let result;
    if (io.env.GITHUB_ACTIONS === "true") {
      const runtime = createActionsRuntime(json ? { ...io, stdout: io.stderr } : io);
      result = await trainWithRuntime(runtime, io, { config: configPath, ...out ? { out } : {}, ...backend ? { backend } : {}, ...nativeDir ? { nativeDir } : {} });
    } else {
      const config = await loadConfig(configPath);
      const reporter = epochReporter(io.stderr, io.isTTY);
      try {
        const r = await trainModel(config, {
          ...out ? { out } : {},
          ...backend ? { backend } : {},
          ...nativeDir ? { nativeDir } : {},
          cwd: io.cwd,
          env: io.env,
          log: (line) => io.stderr(`${line}
`),
          onEpoch: reporter.onEpoch
        });
        result = r;
      } finally {
        reporter.end();
      }
    }
    if (result.exitCode !== 0) {
      if (io.env.GITHUB_ACTIONS !== "true") io.stderr(`mlops train: ${externalFailure(result)}; no model directory was written
`);
      if (json) io.stdout(`${JSON.stringify({ exitCode: result.exitCode, command: result.run.command, modelDir: null })}
`);
      return result.exitCode;
    }
    if (json) io.stdout(`${JSON.stringify(trainJson(result.run, result.modelDir), null, 2)}
`);
    human(humanReport(result.run, result.modelDir));
    return ExitCode.ok;
  }
};
var train_default = command;
export {
  train_default as default,
  trainJson
};
