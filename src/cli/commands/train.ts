import { groupDigits } from '../../core/text.ts';
import { isAbsolute, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { InputError, UsageError } from '../../core/errors.ts';
import { trainWithRuntime } from '../../actions/train.ts';
import { createActionsRuntime } from '../../actions/runtime.ts';
import { loadConfig, type TrainConfig } from '../../train/config.ts';
import { epochReporter } from '../../train/progress.ts';
import { externalFailure, trainModel, type RunRecord } from '../../train/train.ts';
import { parseBackendFlag, parseCommandArgs } from '../args.ts';
import { ExitCode, type Command } from '../command.ts';
import { configAboveHint } from '../config.ts';
import type { CliIo } from '../io.ts';

const USAGE = `Usage: mlops train [--config mlops.yaml] [--out <dir>] [--backend auto|tensorflow|wasm|cpu] [--native-dir <dir>] [--json]

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


function atCwd(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

/** The `--json` document. */
export function trainJson(run: RunRecord, modelDir: string) {
  return {
    modelDir, name: run.name, trainer: run.trainer, task: run.task, classes: run.classes,
    backend: run.backend.name, package: run.backend.package, device: run.backend.device,
    metrics: run.metrics, epochs: run.epochsRun, bestEpoch: run.bestEpoch, stoppedEarly: run.stoppedEarly,
    samplesPerSecond: run.samplesPerSecond, durationMs: run.durations.totalMs,
    commit: run.git.commit, dirty: run.git.dirty, run: resolve(modelDir, 'run.json'),
  };
}

/** Whether training ran to the end and earlyStopping.restoreBest then kept an earlier epoch's weights. */
function restoredBest(run: RunRecord): boolean {
  const train = run.params.train as Partial<TrainConfig>;
  return run.trainer === 'tfjs' && !run.stoppedEarly && run.bestEpoch !== null && run.bestEpoch < run.epochsRun
    && (train.earlyStopping?.patience ?? 0) > 0 && train.earlyStopping?.restoreBest === true;
}

function humanReport(run: RunRecord, modelDir: string): string {
  const metrics = Object.entries(run.metrics).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`).join(', ');
  const seconds = `${(run.durations.totalMs / 1000).toFixed(1)} s`;
  const lines = [
    run.trainer === 'external'
      ? `trained ${run.name} with the external command \`${run.command}\` in ${seconds}`
      : `trained ${run.name} (${run.params.model?.type ?? 'model'}, ${run.task}) on ${run.backend.name} in ${seconds}`
        + `${run.samplesPerSecond ? `, ${groupDigits(run.samplesPerSecond)} samples/s` : ''}`,
    run.epochsRun > 0 ? `epochs ${run.epochsRun}${run.stoppedEarly ? ` (stopped early, best ${run.bestEpoch})` : restoredBest(run) ? ` (best ${run.bestEpoch}, its weights kept)` : ''}` : '',
    metrics ? `${run.trainer === 'external' ? 'metrics' : 'validation'}: ${metrics}` : '',
    `model directory: ${modelDir}`,
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}

const command: Command = {
  name: 'train',
  summary: 'train the model of mlops.yaml (TensorFlow.js or an external command)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      config: { type: 'string' },
      out: { type: 'string' },
      backend: { type: 'string' },
      'native-dir': { type: 'string' },
      json: { type: 'boolean' },
    }, 'train');
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'. Usage: mlops train [--config mlops.yaml]`);
    const backend = parseBackendFlag(values.backend);
    const configPath = atCwd(io, values.config ?? 'mlops.yaml');
    if (values.config === undefined && !existsSync(configPath)) {
      // Run from a subdirectory (data/, models/): say where the config is rather than only that it is not here.
      const hint = configAboveHint(io.cwd);
      if (hint) throw new InputError(`config file not found${hint}`, { file: configPath });
    }
    const out = values.out !== undefined ? atCwd(io, values.out) : undefined;
    const nativeDir = values['native-dir'] !== undefined ? atCwd(io, values['native-dir']) : undefined;
    // backend auto skips a native package it cannot find: a mistyped directory would train on wasm
    // without a word, so a directory that is not there is an error before anything runs.
    if (nativeDir !== undefined && !statSync(nativeDir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UsageError(`--native-dir '${values['native-dir']}' is not a directory (it should hold node_modules/@tensorflow/tfjs-node or -gpu)`);
    }
    const json = values.json === true;
    // With --json stdout carries exactly one JSON document; all human text goes to stderr.
    const human = json ? io.stderr : io.stdout;

    let result: { exitCode: number; run: RunRecord; modelDir: string; signal?: NodeJS.Signals; interrupted?: boolean };
    if (io.env.GITHUB_ACTIONS === 'true') {
      // In Actions: grouped log lines per epoch, outputs and the summary with the loss chart.
      // With --json the log commands go to stderr (the runner reads workflow commands from both).
      const runtime = createActionsRuntime(json ? { ...io, stdout: io.stderr } : io);
      result = await trainWithRuntime(runtime, io, { config: configPath, ...(out ? { out } : {}), ...(backend ? { backend } : {}), ...(nativeDir ? { nativeDir } : {}) });
    } else {
      const config = await loadConfig(configPath);
      const reporter = epochReporter(io.stderr, io.isTTY);
      try {
        const r = await trainModel(config, {
          ...(out ? { out } : {}), ...(backend ? { backend } : {}), ...(nativeDir ? { nativeDir } : {}),
          cwd: io.cwd, env: io.env,
          log: (line) => io.stderr(`${line}\n`),
          onEpoch: reporter.onEpoch,
        });
        result = r;
      } finally {
        reporter.end();
      }
    }
    if (result.exitCode !== 0) {
      // In Actions the error annotation (trainWithRuntime) says it already.
      if (io.env.GITHUB_ACTIONS !== 'true') io.stderr(`mlops train: ${externalFailure(result)}; no model directory was written\n`);
      if (json) io.stdout(`${JSON.stringify({ exitCode: result.exitCode, command: result.run.command, modelDir: null })}\n`);
      return result.exitCode;
    }
    if (json) io.stdout(`${JSON.stringify(trainJson(result.run, result.modelDir), null, 2)}\n`);
    human(humanReport(result.run, result.modelDir));
    return ExitCode.ok;
  },
};
export default command;
