import { resolve } from 'node:path';
import type { CliIo } from '../cli/io.ts';
import { alert, details, formatDuration, formatNumber, table, xyChart } from '../report/index.ts';
import { loadConfig } from '../train/config.ts';
import { epochSummary } from '../train/progress.ts';
import { externalFailure, trainModel, type OutSetting, type RunRecord } from '../train/train.ts';
import type { ActionEntry } from './entry.ts';
import { ActionInputError, parseInputs } from './inputs.ts';
import { createActionsRuntime, type ActionsRuntime } from './runtime.ts';

/** The inputs of actions/train/action.yml that reach the CLI (install-native and setup-node are handled by the YAML). */
export const trainInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  'setup-node': { type: 'boolean', default: true, description: 'install Node.js with actions/setup-node' },
  config: { type: 'path', default: 'mlops.yaml', description: 'the mlops.yaml to train' },
  backend: { type: 'enum', values: ['auto', 'tensorflow', 'wasm', 'cpu'], description: 'TensorFlow.js backend (default: train.backend of mlops.yaml)' },
  out: { type: 'path', description: 'model directory (default: $RUNNER_TEMP/mlops-model/<name>)' },
  'native-dir': { type: 'path', description: 'directory holding node_modules/@tensorflow/tfjs-node(-gpu) (set by the YAML)' },
  // Consumed by the YAML steps; read here to validate them and to warn when the GPU was not used.
  'install-native': { type: 'enum', values: ['none', 'cpu', 'gpu'], default: 'none', description: 'native package installed by the YAML' },
  'native-version': { type: 'string', default: '4.22.0', pattern: /^\d+\.\d+\.\d+$/, description: 'native package version' },
  upload: { type: 'boolean', default: true, description: 'upload the model directory as an artifact' },
  'artifact-name': { type: 'string', default: 'mlops-model', description: 'artifact name' },
  'retention-days': { type: 'integer', default: 0, min: 0, max: 90, description: 'artifact retention' },
} as const;

/** Points above which the chart thins the history (mermaid gets unreadable). */
const CHART_POINTS = 60;

/** The job-summary section for one training run: verdict line, metrics, the loss chart, provenance. */
export function trainingMarkdown(run: RunRecord, modelDir: string): string {
  const parts: string[] = [`### Training: \`${run.name}\``, ''];
  const how = run.trainer === 'external'
    ? `external command \`${run.command}\``
    : `${run.params.model?.type ?? 'model'} on **${run.backend.name}** (${run.backend.package}, ${run.backend.device})`;
  const stop = run.stoppedEarly ? `, stopped early (best epoch ${run.bestEpoch})` : '';
  parts.push(alert('NOTE', `Trained ${how}: ${run.epochsRun} epoch(s)${stop} in ${formatDuration(run.durations.totalMs)}`
    + `${run.samplesPerSecond ? `, ${formatNumber(run.samplesPerSecond, 3)} samples/s` : ''}. Model directory: \`${modelDir}\`.`));
  const metrics = Object.entries(run.metrics);
  if (metrics.length > 0) {
    parts.push('', table([[run.trainer === 'external' ? 'metric (metrics.json)' : 'metric (validation split)', 'value'],
      ...metrics.map(([k, v]) => [k, formatNumber(v, 4)])], ['l', 'r']));
  }
  const history = run.history.filter((h) => Number.isFinite(h.loss));
  if (history.length > 1) {
    const step = Math.max(1, Math.ceil(history.length / CHART_POINTS));
    const shown = history.filter((_, i) => i % step === 0 || i === history.length - 1);
    const series = [{ name: 'training loss', kind: 'line' as const, values: shown.map((h) => h.loss) }];
    if (shown.every((h) => h.val_loss !== undefined)) series.push({ name: 'validation loss', kind: 'line', values: shown.map((h) => h.val_loss!) });
    parts.push('', xyChart({ title: 'Loss per epoch', xLabels: shown.map((h) => h.epoch), yLabel: 'loss', series }));
    parts.push('', details('Per-epoch history', table([['epoch', 'summary'], ...history.map((h) => [h.epoch, epochSummary(h)])], ['r', 'l'])));
  }
  const rows = [
    ['task', run.task ?? '–'], ['label', run.label ?? '–'], ['classes', run.classes.join(', ') || '–'],
    // An external trainer splits the rows itself: mlops knows only how many it was given.
    run.trainer === 'external'
      ? ['rows given to the trainer', `${run.rows.read} (the trainer splits them)`]
      : ['rows (train / validation)', `${run.rows.train} / ${run.rows.validation}`],
    ['commit', run.git.commit ? `${run.git.commit.slice(0, 12)}${run.git.dirty ? ' (dirty)' : ''}` : '–'],
    ...run.data.train.map((f) => [`data ${f.path}`, `sha256 ${f.sha256.slice(0, 16)}…, md5 ${f.md5}`]),
  ];
  parts.push('', details('Provenance', table([['', ''], ...rows], ['l', 'l'])));
  return `${parts.join('\n')}\n`;
}

/** Trains with the runtime's grouped logs, writes outputs and the summary. Shared by `mlops train` in Actions and the train action. */
export async function trainWithRuntime(
  runtime: ActionsRuntime, io: CliIo,
  opts: { config: string; out?: string; backend?: 'auto' | 'tensorflow' | 'wasm' | 'cpu'; nativeDir?: string; outSetting?: OutSetting; backendKey?: string },
): Promise<{ exitCode: number; run: RunRecord; modelDir: string; signal?: NodeJS.Signals }> {
  const config = await loadConfig(opts.config);
  const result = await runtime.group(`Training ${config.name}`, () => trainModel(config, {
    ...(opts.out ? { out: opts.out } : {}), ...(opts.backend ? { backend: opts.backend } : {}),
    ...(opts.nativeDir ? { nativeDir: opts.nativeDir } : {}),
    ...(opts.outSetting ? { outSetting: opts.outSetting } : {}),
    ...(opts.backendKey ? { backendKey: opts.backendKey } : {}),
    cwd: io.cwd, env: io.env,
    log: (line) => runtime.info(line),
    // The repository's own trainer: its output is passed on as is, its workflow commands included.
    commandOutput: (chunk) => runtime.output(chunk),
    onEpoch: (r, total) => runtime.info(`epoch ${r.epoch}/${total}: ${epochSummary(r)}`),
  }));
  if (result.exitCode !== 0) {
    // The trainer's own output sits in the collapsed group above: the failed step says why, at the top.
    runtime.annotate('error', `${externalFailure(result)}; no model directory was written (its output is in the log group 'Training ${config.name}')`,
      { title: 'mlops train: the external trainer failed' });
    return { exitCode: result.exitCode, run: result.run, modelDir: result.modelDir, ...(result.signal ? { signal: result.signal } : {}) };
  }
  runtime.setOutput('model-dir', result.modelDir);
  runtime.setOutput('run', resolve(result.modelDir, 'run.json'));
  runtime.setOutput('backend', result.run.backend.name);
  runtime.appendSummary(trainingMarkdown(result.run, result.modelDir));
  return { exitCode: 0, run: result.run, modelDir: result.modelDir };
}

const entry: ActionEntry = {
  name: 'train',
  async run(io) {
    const inputs = parseInputs(trainInputs, io.env);
    // actions/upload-artifact refuses these in a name, in the step after training: say so before it.
    if (inputs.upload && /[":<>|*?\r\n\\/]/.test(inputs['artifact-name'])) {
      throw new ActionInputError('artifact-name', inputs['artifact-name'],
        `input 'artifact-name' cannot hold " : < > | * ? \\ / or a line break (actions/upload-artifact refuses them), got ${JSON.stringify(inputs['artifact-name'])}`);
    }
    const runtime = createActionsRuntime(io);
    const cwd = io.env.GITHUB_WORKSPACE ?? io.cwd;
    const at = (p: string) => resolve(cwd, p);
    const config = at(inputs.config);
    // Default under RUNNER_TEMP: the workspace stays clean and the upload step knows where to look.
    const out = inputs.out ? at(inputs.out) : undefined;
    const result = await trainWithRuntime(runtime, runtime.io, {
      config, backend: inputs.backend,
      ...(out ? { out } : io.env.RUNNER_TEMP ? { out: resolve(io.env.RUNNER_TEMP, 'mlops-model', (await loadConfig(config)).name) } : {}),
      ...(inputs['native-dir'] ? { nativeDir: at(inputs['native-dir']) } : {}),
      // A refused output directory is named as the workflow set it.
      outSetting: { key: 'out', phrase: "'out' input" },
      backendKey: 'backend',
    });
    if (result.exitCode === 0 && inputs['install-native'] === 'gpu' && result.run.trainer === 'tfjs' && !result.run.backend.gpu) {
      runtime.annotate('warning', `install-native is gpu but training ran on ${result.run.backend.name} (${result.run.backend.device}): `
        + `${result.run.backend.skipped.join('; ') || 'the GPU package did not load'}`, { title: 'mlops train: GPU not used' });
    }
    runtime.finish();
    return result.exitCode;
  },
};
export default entry;
