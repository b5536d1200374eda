import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError, UsageError } from '../../core/errors.ts';
import { writeFileAtomic, writeJsonAtomic } from '../../core/fs.ts';
import { renderEvaluationReport, type ReportContext } from '../../evaluate/report.ts';
import { runEvaluation, type EvaluationReport } from '../../evaluate/run.ts';
import { createOctokit, resolveRunContext, upsertStickyComment } from '../../github/index.ts';
import { isModelRef, resolveModelRef } from '../../registry/index.ts';
import { loadConfig, defaultConfig, type BackendName, type MlopsConfig } from '../../train/config.ts';
import { parseCommandArgs, parseIntegerFlag } from '../args.ts';
import { ExitCode, type Command } from '../command.ts';
import type { CliIo } from '../io.ts';

const USAGE = `Usage: mlops evaluate [--config mlops.yaml] --candidate <model dir>
                      [--baseline <model dir>|<name>@<version>|<name>#<stage>] [--data <file>]
                      [--json] [--comment] [--report <file>] [--validation-report <file>]
                      [--no-latency] [--latency-clock wall|cpu] [--backend auto|tensorflow|wasm|cpu]
                      [--resamples N] [--seed N]

Compares a candidate model with the baseline (the model in production) on the golden test set:
every metric with a paired bootstrap 95% interval for the candidate, the baseline and the delta;
per-slice metrics; expected business cost; a fair latency comparison (both models in this
process, interleaved calls, p50/p95/p99 and throughput, ratio with an interval); and the gates of
mlops.yaml (evaluate.gates). Without --baseline only the candidate is evaluated and
baseline-relative gates are reported as skipped.

Options:
  --config <file>             mlops.yaml (default: ./mlops.yaml; built-in defaults when absent)
  --candidate <dir>           the candidate model directory (required)
  --baseline <dir|ref>        a model directory, or a registry reference name@vX.Y.Z / name#stage
  --data <file>               test data (default: data.test of the config)
  --json                      print the result as one JSON document on stdout (report on stderr)
  --comment                   post/update the sticky PR comment (GITHUB_TOKEN + a pull request);
                              otherwise write it to .mlops/outbox/evaluate-<name>.md
  --report <file>             write the markdown report to <file> (JSON when it ends in .json)
  --validation-report <file>  a 'mlops validate --report' JSON of the same run, shown in the report
  --no-latency                skip the latency benchmark (latency gates are skipped)
  --latency-clock <clock>     wall (default: elapsed time per call) or cpu (CPU time of this
                              process per call: ignores time the process was not scheduled; only
                              meaningful for the cpu and single-threaded wasm backends)
  --backend <name>            TensorFlow.js backend (default: train.backend of the config)
  --resamples N               bootstrap resamples (default: evaluate.bootstrap.resamples, 1000)
  --seed N                    bootstrap seed (default: evaluate.bootstrap.seed)

Exit codes: 0 every gate passed, 1 a gate failed, 2 could not run (bad flags or config, unreadable
models or data, incompatible candidate and baseline, missing label or features, unknown gate
metric, empty test set).`;

const BACKENDS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;

function atCwd(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Loads --config, or ./mlops.yaml, or the defaults when neither exists. */
async function configFor(io: CliIo, path: string | undefined): Promise<MlopsConfig> {
  if (path !== undefined) return loadConfig(atCwd(io, path));
  const implicit = join(io.cwd, 'mlops.yaml');
  try {
    await stat(implicit);
    return await loadConfig(implicit);
  } catch (error) {
    if (error instanceof InputError) throw error;
    return defaultConfig(io.cwd);
  }
}

/** A directory, or a registry reference resolved (pulled and verified) through src/registry. */
export async function resolveBaseline(io: CliIo, value: string): Promise<{ dir: string; ref?: string; name?: string; version?: string }> {
  const asPath = atCwd(io, value);
  if (await isDirectory(asPath)) return { dir: asPath };
  if (isModelRef(value)) {
    const resolved = await resolveModelRef(value, { cwd: io.cwd });
    return { dir: resolved.dir, ref: value, name: resolved.name, version: resolved.version };
  }
  throw new InputError(`baseline '${value}' is neither a model directory nor a registry reference (name@vX.Y.Z or name#stage)`, { key: '--baseline' });
}

/** Reads a `mlops validate --report` file for the report's validation section. */
export async function readValidationReport(path: string, shownAs: string): Promise<NonNullable<ReportContext['validation']>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError('validation report not found', { file: path, key: '--validation-report' });
  }
  try {
    const json = JSON.parse(text) as { valid?: boolean; rows?: number; errorCount?: number };
    return { path: shownAs, json: { valid: json.valid, rows: json.rows, errorCount: json.errorCount } };
  } catch {
    return { path: shownAs, markdown: text };
  }
}

/**
 * Posts or updates the sticky `evaluate` comment when a token and a pull request are known;
 * otherwise writes the body under .mlops/outbox/ (DESIGN §1.2). Returns a sentence saying which.
 */
export async function publishComment(io: CliIo, name: string, body: string): Promise<{ message: string; url?: string }> {
  const env = io.env;
  const token = env.INPUT_TOKEN || env.GITHUB_TOKEN;
  let context: ReturnType<typeof resolveRunContext> | undefined;
  if (token && env.GITHUB_REPOSITORY) context = resolveRunContext(env);
  if (token && context?.prNumber !== undefined) {
    const octokit = createOctokit({ token, env, log: { warn: (m: string) => io.stderr(`warning: ${m}\n`) } });
    const result = await upsertStickyComment(octokit, {
      owner: context.owner, repo: context.repo, issueNumber: context.prNumber, kind: 'evaluate', name, body, summaryUrl: context.runUrl,
    });
    const url = 'url' in result ? (result.url as string | undefined) : undefined;
    return { message: `evaluate comment ${result.operation} on pull request #${context.prNumber}${url ? `: ${url}` : ''}`, ...(url ? { url } : {}) };
  }
  const file = join(io.cwd, '.mlops', 'outbox', `evaluate-${name}.md`);
  await writeFileAtomic(file, body);
  const why = !token ? 'no GITHUB_TOKEN' : 'no pull request in this run';
  return { message: `${why}: comment written to ${file}` };
}

/** Options shared by the CLI and the action. */
export interface EvaluateCommandOptions {
  config: MlopsConfig;
  candidate: string;
  baseline?: string;
  data?: string;
  latency: boolean;
  latencyClock?: 'wall' | 'cpu';
  backend?: BackendName;
  resamples?: number;
  seed?: number;
  validationReport?: string;
}

/** Runs an evaluation and renders its markdown report (used by the CLI and the action). */
export async function evaluateAndRender(io: CliIo, options: EvaluateCommandOptions): Promise<{ report: EvaluationReport; markdown: string }> {
  const config = options.config;
  if (options.resamples !== undefined) config.evaluate.bootstrap.resamples = options.resamples;
  if (options.seed !== undefined) config.evaluate.bootstrap.seed = options.seed;
  const candidateDir = atCwd(io, options.candidate);
  if (!(await isDirectory(candidateDir))) throw new InputError('candidate model directory not found', { file: candidateDir, key: '--candidate' });
  const baseline = options.baseline !== undefined ? await resolveBaseline(io, options.baseline) : null;
  const validation = options.validationReport !== undefined ? await readValidationReport(atCwd(io, options.validationReport), options.validationReport) : undefined;
  const report = await runEvaluation({
    config,
    candidateDir,
    baseline,
    ...(options.data !== undefined ? { dataPath: atCwd(io, options.data) } : {}),
    latency: options.latency,
    ...(options.latencyClock ? { latencyClock: options.latencyClock } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
    log: (m) => io.stderr(`${m}\n`),
  });
  let runUrl: string | undefined;
  let commit: string | undefined;
  if (io.env.GITHUB_REPOSITORY) {
    try {
      const ctx = resolveRunContext(io.env);
      runUrl = ctx.runUrl;
      commit = ctx.sha;
      report.run = { commit: ctx.sha, ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}), repository: `${ctx.owner}/${ctx.repo}`, ...(ctx.prNumber !== undefined ? { pr: ctx.prNumber } : {}) };
    } catch {
      // A malformed event payload must not fail an evaluation; the footer just has no run link.
    }
  }
  if (validation) report.validation = { path: validation.path, ...(validation.json ? { valid: validation.json.valid } : {}) };
  const markdown = renderEvaluationReport(report, { ...(runUrl ? { runUrl } : {}), ...(commit ? { commit } : {}), ...(validation ? { validation } : {}) });
  return { report, markdown };
}

const command: Command = {
  name: 'evaluate',
  summary: 'compare a candidate model with the baseline: metrics, latency, gates',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      config: { type: 'string' },
      candidate: { type: 'string' },
      baseline: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean' },
      comment: { type: 'boolean' },
      report: { type: 'string' },
      'validation-report': { type: 'string' },
      'no-latency': { type: 'boolean' },
      'latency-clock': { type: 'string' },
      backend: { type: 'string' },
      resamples: { type: 'string' },
      seed: { type: 'string' },
    }, 'evaluate');
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'. Run 'mlops evaluate --help'.`);
    if (values.candidate === undefined) throw new UsageError("missing --candidate <model dir>. Run 'mlops evaluate --help'.");
    if (values.backend !== undefined && !(BACKENDS as readonly string[]).includes(values.backend)) {
      throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}, got '${values.backend}'`);
    }
    const clock = values['latency-clock'];
    if (clock !== undefined && !['wall', 'cpu'].includes(clock)) throw new UsageError(`--latency-clock must be wall or cpu, got '${clock}'`);
    const resamples = values.resamples !== undefined ? parseIntegerFlag(values.resamples, 'resamples', 1000) : undefined;
    if (resamples !== undefined && resamples < 10) throw new UsageError('--resamples must be at least 10');
    const config = await configFor(io, values.config);
    const { report, markdown } = await evaluateAndRender(io, {
      config,
      candidate: values.candidate,
      ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
      ...(values.data !== undefined ? { data: values.data } : {}),
      latency: !values['no-latency'],
      ...(clock ? { latencyClock: clock as 'wall' | 'cpu' } : {}),
      ...(values.backend ? { backend: values.backend as BackendName } : {}),
      ...(resamples !== undefined ? { resamples } : {}),
      ...(values.seed !== undefined ? { seed: parseIntegerFlag(values.seed, 'seed', 0) } : {}),
      ...(values['validation-report'] !== undefined ? { validationReport: values['validation-report'] } : {}),
    });
    if (values.report !== undefined) {
      const path = atCwd(io, values.report);
      if (path.endsWith('.json')) await writeJsonAtomic(path, report);
      else await writeFileAtomic(path, markdown);
    }
    if (values.comment) {
      const published = await publishComment(io, config.name, markdown);
      io.stderr(`${published.message}\n`);
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(report, jsonSafe)}\n`);
      io.stderr(markdown);
    } else {
      io.stdout(markdown);
    }
    const failed = report.gates.filter((g) => g.status === 'failed');
    io.stderr(report.passed ? `evaluate: passed (${report.gates.length} gate(s))\n` : `evaluate: ${failed.length} gate(s) failed: ${failed.map((g) => g.name).join('; ')}\n`);
    return report.passed ? ExitCode.ok : ExitCode.checkFailed;
  },
};
export default command;

/** JSON has no NaN/Infinity: they become null (a metric undefined on this data). */
export function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
