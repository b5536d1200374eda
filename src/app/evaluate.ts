/**
 * The evaluation use case shared by `mlops evaluate` and the evaluate action: resolve the
 * baseline (directory or registry reference, falling back to GitHub Releases on a fresh runner),
 * run the comparison, render the report, and publish the sticky comment or the outbox file.
 * src/app sits between the adapters (src/cli, src/actions) and the domain and GitHub modules.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { referenceStores, type ReferenceStores } from '../github/release-store.ts';
import type { CliIo } from '../cli/io.ts';
import { InputError } from '../core/errors.ts';
import { writeFileAtomic } from '../core/fs.ts';
import { renderEvaluationReport, renderFullEvaluationReport, type ReportContext } from '../evaluate/report.ts';
import { runEvaluation, type EvaluationReport } from '../evaluate/run.ts';
import { createOctokit, markStickyComment, resolveRunContext, upsertStickyComment, type RunContext } from '../github/index.ts';
import { plainText } from '../report/markdown.ts';
import { isModelRef, resolveModelRef } from '../registry/index.ts';
import { loadConfig, defaultConfig, type BackendName, type MlopsConfig } from '../train/config.ts';

/** A path relative to `base` when inside it, else its last component (e.g. a runner temp dir). */
function displayPath(path: string, base: string): string {
  const rel = relative(base, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : basename(path);
}

export function atCwd(io: CliIo, path: string): string {
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
export async function configFor(io: CliIo, path: string | undefined): Promise<MlopsConfig> {
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

/**
 * A directory, or a registry reference resolved (pulled and verified) through src/registry from
 * `stores`; by default the local store, then the registry's GitHub Releases when the environment
 * has a repository and a token (a fresh runner has no local artifact store).
 */
export async function resolveBaseline(io: CliIo, value: string, stores?: ReferenceStores): Promise<{ dir: string; ref?: string; name?: string; version?: string }> {
  const asPath = atCwd(io, value);
  if (await isDirectory(asPath)) return { dir: asPath };
  if (isModelRef(value)) {
    const resolved = await resolveModelRef(value, { cwd: io.cwd, env: io.env, ...referenceStores(io.env, stores) });
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

/** Who the comment is written as (see upsertStickyComment): the actions pass what they know. */
export interface CommentIdentityOptions {
  /** Login of our comments when `GET /user` cannot tell (a GitHub App's `<app-slug>[bot]`). */
  authorLogin?: string;
  /** Whether the token is the workflow's GITHUB_TOKEN. */
  defaultToken?: boolean;
}

/**
 * Where the `evaluate` comment goes: the token and this run's pull request, or why there is none.
 */
function commentTarget(io: CliIo): { token: string; context: RunContext & { prNumber: number } } | { why: string } {
  const env = io.env;
  const token = env.INPUT_TOKEN || env.GITHUB_TOKEN;
  if (!token) return { why: 'no GITHUB_TOKEN' };
  const context = env.GITHUB_REPOSITORY ? resolveRunContext(env) : undefined;
  if (context?.prNumber === undefined) return { why: 'no pull request in this run' };
  return { token, context: context as RunContext & { prNumber: number } };
}

/** The client and the options naming the model's sticky `evaluate` comment, for a target of {@link commentTarget}. */
function stickyComment(io: CliIo, target: { token: string; context: RunContext & { prNumber: number } }, name: string, identity: CommentIdentityOptions) {
  const { token, context } = target;
  return {
    octokit: createOctokit({ token, env: io.env, log: { warn: (m: string) => io.stderr(`warning: ${m}\n`) } }),
    options: {
      owner: context.owner, repo: context.repo, issueNumber: context.prNumber, kind: 'evaluate', name, summaryUrl: context.runUrl,
      ...(identity.authorLogin ? { authorLogin: identity.authorLogin } : {}),
      ...(identity.defaultToken !== undefined ? { defaultToken: identity.defaultToken } : {}),
    },
  };
}

/**
 * Posts or updates the sticky `evaluate` comment when a token and a pull request are known;
 * otherwise writes the body under .mlops/outbox/ (DESIGN §1.2). Returns a sentence saying which.
 */
export async function publishComment(io: CliIo, name: string, body: string, identity: CommentIdentityOptions = {}): Promise<{ message: string; url?: string }> {
  const target = commentTarget(io);
  if ('why' in target) {
    const file = join(io.cwd, '.mlops', 'outbox', `evaluate-${name}.md`);
    await writeFileAtomic(file, body);
    return { message: `${target.why}: comment written to ${file}` };
  }
  const { octokit, options } = stickyComment(io, target, name, identity);
  const result = await upsertStickyComment(octokit, { ...options, body });
  const url = 'url' in result ? (result.url as string | undefined) : undefined;
  return { message: `evaluate comment ${result.operation} on pull request #${target.context.prNumber}${url ? `: ${url}` : ''}`, ...(url ? { url } : {}) };
}

/**
 * The notice put above an evaluation comment whose report is of an earlier commit: `reason` says
 * why this commit was not evaluated (shown as text, never as markdown or HTML).
 */
export function outdatedNotice(reason: string, headSha: string | undefined): string {
  const at = headSha ? ` at \`${headSha.slice(0, 7)}\`` : '';
  return `> [!WARNING]\n> **Not evaluated${at}:** ${plainText(reason.replace(/\s+/g, ' ').trim())}. The report below is of an earlier commit of this pull request; it is replaced when the pull request is evaluated again.`;
}

/**
 * Marks the model's sticky evaluation comment as outdated (see {@link outdatedNotice}), when the
 * run is for a pull request that has one; otherwise says why nothing was done.
 */
export async function markCommentOutdated(io: CliIo, name: string, reason: string, identity: CommentIdentityOptions = {}): Promise<{ message: string; url?: string }> {
  const target = commentTarget(io);
  if ('why' in target) return { message: `${target.why}: no evaluation comment to mark` };
  const { octokit, options } = stickyComment(io, target, name, identity);
  // context.sha: the pull request's head, the commit that was not evaluated.
  const result = await markStickyComment(octokit, { ...options, notice: outdatedNotice(reason, target.context.sha) });
  if (result.operation === 'skipped') return { message: `evaluation comment not marked: ${result.reason}` };
  return { message: `evaluation comment marked outdated (${result.operation}) on pull request #${target.context.prNumber}${result.url ? `: ${result.url}` : ''}`, ...(result.url ? { url: result.url } : {}) };
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
  /** Stores of a registry-reference baseline (default: see {@link resolveBaseline}). */
  stores?: ReferenceStores;
  /** Why there is no baseline (the action's default `<name>#production` is not there), for the report. */
  noBaseline?: string;
}

/**
 * Runs an evaluation and renders its markdown report (used by the CLI and the action): `markdown`
 * is the whole report (stdout, --report, the job summary), `comment` the same cut to fit a
 * pull-request comment, whose pointer names `fullReportAt` (default: the job summary).
 */
export async function evaluateAndRender(io: CliIo, options: EvaluateCommandOptions & { fullReportAt?: (runUrl: string | undefined) => string }): Promise<{ report: EvaluationReport; markdown: string; comment: string }> {
  const config = options.config;
  if (options.resamples !== undefined) config.evaluate.bootstrap.resamples = options.resamples;
  if (options.seed !== undefined) config.evaluate.bootstrap.seed = options.seed;
  const candidateDir = atCwd(io, options.candidate);
  if (!(await isDirectory(candidateDir))) throw new InputError('candidate model directory not found', { file: candidateDir, key: '--candidate' });
  const baseline = options.baseline !== undefined ? await resolveBaseline(io, options.baseline, options.stores) : null;
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
    env: io.env,
    cwd: io.cwd,
  });
  // The comment is read on GitHub: show repository paths, not the runner's absolute ones.
  const base = io.env.GITHUB_WORKSPACE ?? io.cwd;
  report.data.path = displayPath(report.data.path, base);
  report.candidate.model.dir = displayPath(report.candidate.model.dir, base);
  if (report.baseline) report.baseline.model.dir = displayPath(report.baseline.model.dir, base);
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
  if (baseline === null && options.noBaseline !== undefined) report.noBaseline = options.noBaseline;
  const ctx: ReportContext = { ...(runUrl ? { runUrl } : {}), ...(commit ? { commit } : {}), ...(validation ? { validation } : {}) };
  const comment = renderEvaluationReport(report, { ...ctx, ...(options.fullReportAt ? { fullReportAt: options.fullReportAt(runUrl) } : {}) });
  return { report, markdown: renderFullEvaluationReport(report, ctx), comment };
}

/** JSON has no NaN/Infinity: they become null (a metric undefined on this data). */
export function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
