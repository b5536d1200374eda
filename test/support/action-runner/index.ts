import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter as PATH_DELIMITER, dirname, isAbsolute, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { parseEnvFile, parseWorkflowCommands, type Annotation } from './commands.ts';
import { evaluateCondition, evaluateTemplate, evaluateValue, type ExpressionScope } from './expressions.ts';
import { defaultLocalActions, type LocalAction, type LocalActionContext } from './local-actions.ts';
import { loadWorkflowParser } from './workflow-parser.ts';

export type { Annotation } from './commands.ts';
export type { LocalAction, LocalActionContext } from './local-actions.ts';
export { defaultLocalActions, gitCheckout } from './local-actions.ts';
export { parseEnvFile, parseWorkflowCommands } from './commands.ts';
export { loadWorkflowParser } from './workflow-parser.ts';

/**
 * Runs composite actions (and reusable workflows' jobs) the way the GitHub runner does, for
 * tests: each step gets the runner's environment contract and fresh file-command files,
 * `${{ }}` is evaluated with @actions/expressions, `run:` steps run under the real shell
 * command lines, step outputs map to action outputs, workflow commands become annotations, and
 * third-party `uses:` steps run declared local stand-ins.
 */

/** Options shared by {@link runCompositeAction} and {@link runWorkflowJob}. */
export interface RunOptions {
  /** Action inputs (`with:`) or, for a workflow job, `workflow_call`/`workflow_dispatch` inputs. */
  inputs?: Record<string, string | number | boolean>;
  /** Extra environment of the job (e.g. GITHUB_API_URL of an emulator); overrides runner defaults. */
  env?: Record<string, string>;
  /** Event payload, written to GITHUB_EVENT_PATH. */
  event?: Record<string, unknown>;
  /** Default: `pull_request` when the payload has one, else `push`. */
  eventName?: string;
  /** GITHUB_WORKSPACE; default a fresh temporary directory, removed afterwards. */
  workspace?: string;
  /**
   * RUNNER_TEMP; default a fresh temporary directory removed after the run. Pass one (and remove
   * it yourself) to inspect files the action wrote there, e.g. a report path output.
   */
  runnerTemp?: string;
  /** Stand-ins for third-party actions keyed `owner/repo[/path]`, merged over the defaults. */
  localActions?: Record<string, LocalAction>;
  /**
   * Repositories whose actions run from a local checkout instead of a stand-in:
   * `owner/repo[/path]@ref` runs the composite action at `<dir>/<path>`. Default: this project
   * (`mlops-actions/mlops-actions` → this checkout), so reusable workflows that call
   * `mlops-actions/mlops-actions/actions/drift@v1` run the working tree's action.
   */
  firstParty?: Record<string, string>;
  /** Where upload/download-artifact keep artifacts; share it between runs of one "workflow run". */
  artifactDir?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  actor?: string;
  /** `github.token` (never put into the environment by the runner itself). */
  token?: string;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** `needs` context for workflow jobs. */
  needs?: Record<string, { result?: string; outputs?: Record<string, string> }>;
  matrix?: Record<string, unknown>;
  /** Per-step time limit; default 120 s. */
  stepTimeoutMs?: number;
}

/** One executed (or skipped) step. */
export interface StepResult {
  id: string;
  name: string;
  /** `run` or the `uses` reference. */
  kind: 'run' | 'uses';
  uses?: string;
  outcome: 'success' | 'failure' | 'skipped';
  conclusion: 'success' | 'failure' | 'skipped';
  exitCode: number;
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
  /** Steps of a nested composite action. */
  steps?: StepResult[];
}

/** The result of a run. */
export interface RunResult {
  /** 0 when every step succeeded (or continued on error), else the failing step's exit code. */
  exitCode: number;
  /** The action's (or job's) outputs. */
  outputs: Record<string, string>;
  /** The job summary: every step's GITHUB_STEP_SUMMARY, concatenated. */
  summary: string;
  /** Everything the steps printed, raw (masks are NOT applied: tests check the product scrubs). */
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  /** Values registered with `::add-mask::`. */
  masks: string[];
  steps: StepResult[];
  /** The job environment at the end (GITHUB_ENV writes included). */
  env: Record<string, string>;
  /** False when a workflow job's `if:` skipped it. */
  ran: boolean;
}

interface Job {
  workspace: string;
  runnerTemp: string;
  artifactDir: string;
  /** Runner-provided environment (contract variables). */
  baseEnv: Record<string, string>;
  /** Job environment: options.env, workflow/job env, GITHUB_ENV writes. */
  env: Record<string, string>;
  paths: string[];
  github: Record<string, unknown>;
  runner: Record<string, unknown>;
  extraContexts: Record<string, unknown>;
  localActions: Record<string, LocalAction>;
  firstParty: Record<string, string>;
  stepTimeoutMs: number;
  out: { stdout: string; stderr: string; summary: string; annotations: Annotation[]; masks: string[] };
}

/** This checkout: test/support/action-runner/../../.. */
const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const DEFAULT_SHA = '4f2a1c9e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39';
const SUMMARY_LIMIT = 1024 * 1024;

function baseProcessEnv(): Record<string, string> {
  // Only what a runner machine would have: never the test process's own GITHUB_* (tests may
  // themselves run inside GitHub Actions) or NODE_OPTIONS.
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'USER']) if (process.env[key]) env[key] = process.env[key]!;
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
  return env;
}

function createJob(options: RunOptions, workspace: string, runnerTemp: string, jobName: string, workflowName: string): Job {
  const event = options.event ?? {};
  const pr = (event as { pull_request?: { number?: number; head?: { ref?: string }; base?: { ref?: string } } }).pull_request;
  const eventName = options.eventName ?? (pr ? 'pull_request' : 'push');
  const repository = options.repository ?? 'octo-org/octo-repo';
  const sha = options.sha ?? DEFAULT_SHA;
  const ref = options.ref ?? (pr?.number !== undefined ? `refs/pull/${pr.number}/merge` : 'refs/heads/main');
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json');
  mkdirSync(dirname(eventPath), { recursive: true });
  writeFileSync(eventPath, JSON.stringify(event, null, 2));
  const serverUrl = options.env?.GITHUB_SERVER_URL ?? 'https://github.com';
  const apiUrl = options.env?.GITHUB_API_URL ?? 'https://api.github.com';
  const toolCache = join(runnerTemp, '_tool');
  mkdirSync(toolCache, { recursive: true });
  const baseEnv: Record<string, string> = {
    ...baseProcessEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/merge$/, '$1/merge'),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_HEAD_REF: pr?.head?.ref ?? '',
    GITHUB_BASE_REF: pr?.base?.ref ?? '',
    GITHUB_RUN_ID: '1000001',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_ACTOR: options.actor ?? 'octocat',
    GITHUB_TRIGGERING_ACTOR: options.actor ?? 'octocat',
    GITHUB_JOB: jobName,
    GITHUB_WORKFLOW: workflowName,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'mlops-test-runner',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
  };
  const github: Record<string, unknown> = {
    event, event_name: eventName, event_path: eventPath, repository, repository_owner: repository.split('/')[0], sha, ref,
    ref_name: baseEnv.GITHUB_REF_NAME, ref_type: baseEnv.GITHUB_REF_TYPE, head_ref: baseEnv.GITHUB_HEAD_REF, base_ref: baseEnv.GITHUB_BASE_REF,
    workspace, token: options.token ?? '', server_url: serverUrl, api_url: apiUrl, graphql_url: baseEnv.GITHUB_GRAPHQL_URL,
    run_id: baseEnv.GITHUB_RUN_ID, run_number: baseEnv.GITHUB_RUN_NUMBER, run_attempt: baseEnv.GITHUB_RUN_ATTEMPT,
    actor: baseEnv.GITHUB_ACTOR, triggering_actor: baseEnv.GITHUB_ACTOR, job: jobName, workflow: workflowName, action: '', action_path: '',
    retention_days: '90',
  };
  const runner = { os: 'Linux', arch: 'X64', name: 'mlops-test-runner', temp: runnerTemp, tool_cache: toolCache, environment: 'github-hosted', debug: '' };
  let artifactDir = options.artifactDir;
  if (!artifactDir) {
    artifactDir = join(runnerTemp, '_artifacts');
    mkdirSync(artifactDir, { recursive: true });
  }
  return {
    workspace, runnerTemp, artifactDir, baseEnv, env: { ...(options.env ?? {}) }, paths: [], github, runner,
    extraContexts: { secrets: { GITHUB_TOKEN: options.token ?? '', ...(options.secrets ?? {}) }, vars: options.vars ?? {}, needs: options.needs ?? {}, matrix: options.matrix ?? {}, strategy: {}, job: { status: 'success' } },
    localActions: { ...defaultLocalActions, ...(options.localActions ?? {}) },
    firstParty: Object.fromEntries(Object.entries(options.firstParty ?? { 'mlops-actions/mlops-actions': PROJECT_ROOT }).map(([k, v]) => [k.toLowerCase(), v])),
    stepTimeoutMs: options.stepTimeoutMs ?? 120_000,
    out: { stdout: '', stderr: '', summary: '', annotations: [], masks: [] },
  };
}

/** Resolves an action path: a directory holding action.yml/action.yaml, or the file itself. */
function actionFile(pathOrDir: string): string {
  if (existsSync(pathOrDir) && statSync(pathOrDir).isFile()) return pathOrDir;
  for (const name of ['action.yml', 'action.yaml']) {
    const file = join(pathOrDir, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`no action.yml or action.yaml in ${pathOrDir}`);
}

async function validateWithParser(file: string, kind: 'action' | 'workflow'): Promise<void> {
  const parser = await loadWorkflowParser();
  const content = readFileSync(file, 'utf8');
  const trace = new parser.NoOperationTraceWriter();
  const parsed = kind === 'action' ? parser.parseAction({ name: file, content }, trace) : parser.parseWorkflow({ name: file, content }, trace);
  const errors = parsed.context.errors.getErrors();
  if (errors.length > 0) throw new Error(`${file} is invalid:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
}

type Steps = Record<string, unknown>[];
interface StepFrame {
  /** Contexts specific to this frame: `inputs` for composite actions and workflow_call jobs. */
  inputs: Record<string, unknown>;
  actionPath?: string;
  /** Display prefix for nested step names. */
  prefix: string;
  defaultShell?: string;
  defaultWorkingDirectory?: string;
  /** Composite `run:` steps must name a shell; job steps default to `bash -e {0}`. */
  composite: boolean;
}

interface FrameResult {
  failed: boolean;
  exitCode: number;
  steps: StepResult[];
  contexts: Record<string, unknown>;
}

function scopeFor(job: Job, frame: StepFrame, stepsCtx: Record<string, unknown>, failed: boolean, extraEnv: Record<string, string> = {}): ExpressionScope {
  return {
    contexts: {
      github: { ...job.github, action_path: frame.actionPath ?? '' },
      runner: job.runner,
      env: { ...job.env, ...extraEnv },
      inputs: frame.inputs,
      steps: stepsCtx,
      ...job.extraContexts,
    },
    failed,
    workspace: job.workspace,
  };
}

function shellCommand(shell: string | undefined, composite: boolean, script: string): { file: string; args: string[]; extension: string } {
  const name = shell ?? (composite ? undefined : 'bash-default');
  switch (name) {
    case undefined: throw new Error("a composite action's run step must set `shell:`");
    case 'bash-default': return { file: 'bash', args: ['-e', script], extension: '.sh' };
    case 'bash': return { file: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', script], extension: '.sh' };
    case 'sh': return { file: 'sh', args: ['-e', script], extension: '.sh' };
    case 'python': return { file: 'python3', args: [script], extension: '.py' };
    default: {
      if (!name.includes('{0}')) throw new Error(`unsupported shell '${name}' in the test runner`);
      const [file, ...args] = name.split(/\s+/);
      return { file: file!, args: args.map((a) => a.replace('{0}', script)), extension: '' };
    }
  }
}

async function runProcess(file: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) stderr += `\n[test runner] step killed after ${timeoutMs} ms\n`;
      resolvePromise({ code: code ?? (signal ? 1 : 0), stdout, stderr });
    });
  });
}

/** Fresh file-command files for one step, as the runner creates them. */
function stepFiles(job: Job): Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY', string> {
  const dir = join(job.runnerTemp, '_runner_file_commands');
  mkdirSync(dir, { recursive: true });
  const id = randomUUID();
  const files = {
    GITHUB_OUTPUT: join(dir, `set_output_${id}`),
    GITHUB_ENV: join(dir, `set_env_${id}`),
    GITHUB_PATH: join(dir, `add_path_${id}`),
    GITHUB_STATE: join(dir, `save_state_${id}`),
    GITHUB_STEP_SUMMARY: join(dir, `step_summary_${id}`),
  };
  for (const path of Object.values(files)) writeFileSync(path, '');
  return files;
}

/** Applies a finished step's files: env, path, summary; returns its outputs. */
function collectStepFiles(job: Job, files: ReturnType<typeof stepFiles>, stepName: string): Record<string, string> {
  const outputs = parseEnvFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'), 'GITHUB_OUTPUT');
  Object.assign(job.env, parseEnvFile(readFileSync(files.GITHUB_ENV, 'utf8'), 'GITHUB_ENV'));
  for (const line of readFileSync(files.GITHUB_PATH, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).reverse()) job.paths.unshift(line);
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  const bytes = Buffer.byteLength(summary, 'utf8');
  if (bytes >= SUMMARY_LIMIT) {
    job.out.annotations.push({ level: 'error', message: `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got ${Math.round(bytes / 1024)}k.`, step: stepName });
  } else {
    job.out.summary += summary;
  }
  return outputs;
}

function recordOutput(job: Job, result: { stdout: string; stderr: string }, stepName: string): Record<string, string> {
  job.out.stdout += result.stdout;
  job.out.stderr += result.stderr;
  const parsed = parseWorkflowCommands(`${result.stdout}\n${result.stderr}`, stepName);
  job.out.annotations.push(...parsed.annotations);
  job.out.masks.push(...parsed.masks);
  return parsed.legacyOutputs;
}

async function runStepList(job: Job, steps: Steps, frame: StepFrame): Promise<FrameResult> {
  const stepsCtx: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const results: StepResult[] = [];
  let failed = false;
  let exitCode = 0;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    const id = typeof step.id === 'string' && step.id !== '' ? step.id : `__step_${index}`;
    const scope = scopeFor(job, frame, stepsCtx, failed);
    const displayName = `${frame.prefix}${typeof step.name === 'string' ? evaluateTemplate(step.name, scope) : (typeof step.uses === 'string' ? step.uses : `Run ${String(step.run ?? '').split('\n')[0]}`)}`;
    const kind: 'run' | 'uses' = typeof step.uses === 'string' ? 'uses' : 'run';
    const result: StepResult = { id, name: displayName, kind, outcome: 'skipped', conclusion: 'skipped', exitCode: 0, outputs: {}, stdout: '', stderr: '' };
    if (kind === 'uses') result.uses = step.uses as string;
    results.push(result);
    if (!evaluateCondition(step.if, scope)) {
      stepsCtx[id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    // The step's env is evaluated with the job env; it then overrides it.
    const stepEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries((step.env ?? {}) as Record<string, unknown>)) stepEnv[key] = evaluateValue(value, scope);
    const envScope = scopeFor(job, frame, stepsCtx, failed, stepEnv);
    let code = 0;
    try {
      if (kind === 'run') {
        code = await runScriptStep(job, step, frame, envScope, stepEnv, result);
      } else {
        code = await runUsesStep(job, step, frame, envScope, stepEnv, result);
      }
    } catch (error) {
      code = 1;
      const message = (error as Error).message;
      result.stderr += `${message}\n`;
      job.out.stderr += `${message}\n`;
      job.out.annotations.push({ level: 'error', message, step: displayName });
    }
    result.exitCode = code;
    result.outcome = code === 0 ? 'success' : 'failure';
    const coe = step['continue-on-error'];
    const continueOnError = coe === true || (typeof coe === 'string' && evaluateTemplate(coe, envScope) === 'true');
    result.conclusion = code === 0 || continueOnError ? 'success' : 'failure';
    stepsCtx[id] = { outputs: result.outputs, outcome: result.outcome, conclusion: result.conclusion };
    if (result.conclusion === 'failure') {
      failed = true;
      if (exitCode === 0) exitCode = code;
    }
  }
  return { failed, exitCode, steps: results, contexts: { steps: stepsCtx } };
}

async function runScriptStep(job: Job, step: Record<string, unknown>, frame: StepFrame, scope: ExpressionScope, stepEnv: Record<string, string>, result: StepResult): Promise<number> {
  const script = evaluateValue(step.run, scope);
  const shell = typeof step.shell === 'string' ? evaluateTemplate(step.shell, scope) : frame.defaultShell;
  const scriptDir = join(job.runnerTemp, '_scripts');
  mkdirSync(scriptDir, { recursive: true });
  const command = shellCommand(shell, frame.composite, '{script}');
  const scriptPath = join(scriptDir, `${randomUUID()}${command.extension}`);
  writeFileSync(scriptPath, script);
  const files = stepFiles(job);
  const env: Record<string, string> = {
    ...job.baseEnv,
    ...job.env,
    ...stepEnv,
    ...files,
    PATH: [...job.paths, job.env.PATH ?? job.baseEnv.PATH!].join(PATH_DELIMITER),
  };
  if (frame.actionPath) env.GITHUB_ACTION_PATH = frame.actionPath;
  env.GITHUB_ACTION = result.id;
  const wd = step['working-directory'] !== undefined ? evaluateValue(step['working-directory'], scope) : frame.defaultWorkingDirectory;
  const cwd = wd ? (isAbsolute(wd) ? wd : resolve(job.workspace, wd)) : job.workspace;
  const run = await runProcess(command.file, command.args.map((a) => a.replace('{script}', scriptPath)), cwd, env, job.stepTimeoutMs);
  result.stdout = run.stdout;
  result.stderr = run.stderr;
  const legacy = recordOutput(job, run, result.name);
  result.outputs = { ...legacy, ...collectStepFiles(job, files, result.name) };
  return run.code;
}

async function runUsesStep(job: Job, step: Record<string, unknown>, frame: StepFrame, scope: ExpressionScope, stepEnv: Record<string, string>, result: StepResult): Promise<number> {
  const uses = step.uses as string;
  const withValues: Record<string, string> = {};
  for (const [key, value] of Object.entries((step.with ?? {}) as Record<string, unknown>)) withValues[key] = evaluateValue(value, scope);
  if (uses.startsWith('./') || uses.startsWith('../')) {
    // Local actions resolve against the workspace (the checked-out repository), as the runner does.
    const dir = resolve(job.workspace, uses);
    const nested = await runComposite(job, dir, withValues, `${result.name} / `, stepEnv);
    result.outputs = nested.outputs;
    result.steps = nested.steps;
    result.stdout = nested.steps.map((s) => s.stdout).join('');
    result.stderr = nested.steps.map((s) => s.stderr).join('');
    return nested.exitCode;
  }
  if (uses.startsWith('docker://')) throw new Error(`docker actions are not supported by the test runner: ${uses}`);
  const key = uses.replace(/@.*$/, '');
  const [owner, repo, ...rest] = key.split('/');
  const firstPartyRoot = job.firstParty[`${owner}/${repo}`.toLowerCase()];
  if (firstPartyRoot !== undefined) {
    const nested = await runComposite(job, join(firstPartyRoot, ...rest), withValues, `${result.name} / `, stepEnv);
    result.outputs = nested.outputs;
    result.steps = nested.steps;
    result.stdout = nested.steps.map((s) => s.stdout).join('');
    result.stderr = nested.steps.map((s) => s.stderr).join('');
    return nested.exitCode;
  }
  const local = job.localActions[key];
  if (!local) throw new Error(`the test runner has no local stand-in for '${key}' (pass one in options.localActions)`);
  const files = stepFiles(job);
  let log = '';
  const context: LocalActionContext = {
    with: withValues,
    env: { ...job.baseEnv, ...job.env, ...stepEnv, ...files },
    workspace: job.workspace,
    runnerTemp: job.runnerTemp,
    artifactDir: job.artifactDir,
    addPath: (dir) => { writeFileSync(files.GITHUB_PATH, `${dir}\n`, { flag: 'a' }); },
    setOutput: (name, value) => { result.outputs[name] = value; },
    log: (line) => { log += `${line}\n`; },
    annotate: (level, message) => { log += `::${level}::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`; },
  };
  const code = (await local(context)) ?? 0;
  result.stdout = log;
  recordOutput(job, { stdout: log, stderr: '' }, result.name);
  const fileOutputs = collectStepFiles(job, files, result.name);
  result.outputs = { ...result.outputs, ...fileOutputs };
  return code;
}

interface CompositeResult {
  exitCode: number;
  outputs: Record<string, string>;
  steps: StepResult[];
}

async function runComposite(job: Job, pathOrDir: string, provided: Record<string, string>, prefix: string, callerEnv: Record<string, string> = {}): Promise<CompositeResult> {
  const file = actionFile(pathOrDir);
  await validateWithParser(file, 'action');
  const doc = yaml.load(readFileSync(file, 'utf8')) as {
    inputs?: Record<string, { default?: unknown; required?: boolean }>;
    outputs?: Record<string, { value?: unknown }>;
    runs: { using: string; steps?: Steps };
  };
  if (doc.runs.using !== 'composite') throw new Error(`${file}: only composite actions run in the test runner (runs.using: ${doc.runs.using})`);
  const actionPath = dirname(file);
  const frame: StepFrame = { inputs: {}, actionPath, prefix, composite: true };
  const declared = doc.inputs ?? {};
  const lowerProvided = new Map(Object.entries(provided).map(([k, v]) => [k.toLowerCase(), v]));
  const defaultScope = scopeFor(job, frame, {}, false, callerEnv);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const given = lowerProvided.get(name.toLowerCase());
    inputs[name] = given !== undefined ? given : evaluateValue(spec?.default, defaultScope);
  }
  const unexpected = Object.keys(provided).filter((k) => !Object.keys(declared).some((d) => d.toLowerCase() === k.toLowerCase()));
  if (unexpected.length > 0) {
    job.out.annotations.push({ level: 'warning', message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`, step: prefix.replace(/ \/ $/, '') || basename(actionPath) });
  }
  frame.inputs = inputs;
  const ran = await runStepList(job, doc.runs.steps ?? [], frame);
  const outputScope = { ...scopeFor(job, frame, ran.contexts.steps as Record<string, unknown>, ran.failed) };
  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.outputs ?? {})) outputs[name] = evaluateValue(spec?.value, outputScope);
  return { exitCode: ran.failed ? (ran.exitCode || 1) : 0, outputs, steps: ran.steps };
}

function finish(job: Job, exitCode: number, outputs: Record<string, string>, steps: StepResult[], ran = true): RunResult {
  return {
    exitCode, outputs, steps, ran,
    summary: job.out.summary, stdout: job.out.stdout, stderr: job.out.stderr,
    annotations: job.out.annotations, masks: [...new Set(job.out.masks)], env: { ...job.env },
  };
}

function setupDirs(options: RunOptions): { workspace: string; runnerTemp: string; cleanup: () => void } {
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'mlops-runner-'));
  mkdirSync(runnerTemp, { recursive: true });
  const workspace = options.workspace ?? join(runnerTemp, '_workspace');
  mkdirSync(workspace, { recursive: true });
  const owned = options.runnerTemp === undefined;
  return { workspace, runnerTemp, cleanup: () => { if (owned) rmSync(runnerTemp, { recursive: true, force: true }); } };
}

/**
 * Runs a composite action (its directory or its action.yml) as the runner does and returns
 * exit code, outputs, summary, raw stdout/stderr, annotations and per-step results.
 */
export async function runCompositeAction(actionPath: string, options: RunOptions = {}): Promise<RunResult> {
  const { workspace, runnerTemp, cleanup } = setupDirs(options);
  try {
    const job = createJob(options, workspace, runnerTemp, 'test', 'test');
    const provided = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [k, String(v)]));
    const result = await runComposite(job, resolve(actionPath), provided, '');
    return finish(job, result.exitCode, result.outputs, result.steps);
  } finally {
    cleanup();
  }
}

/** A workflow document as the runner reads it (js-yaml output). */
export interface WorkflowDoc {
  name?: string;
  on?: Record<string, { inputs?: Record<string, { default?: unknown; type?: string; required?: boolean }>; secrets?: Record<string, { required?: boolean } | null>; outputs?: Record<string, { value?: unknown }> } | null> | string | string[];
  env?: Record<string, unknown>;
  permissions?: unknown;
  defaults?: { run?: { shell?: string; 'working-directory'?: string } };
  jobs: Record<string, Record<string, unknown>>;
}

/** Validates workflow text with GitHub's parser (throws listing the errors). */
export async function validateWorkflowText(name: string, content: string): Promise<void> {
  const parser = await loadWorkflowParser();
  const parsed = parser.parseWorkflow({ name, content }, new parser.NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors();
  if (errors.length > 0) throw new Error(`${name} is invalid:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
}

/**
 * Runs one job of an already parsed workflow with exactly the given `inputs` context (no
 * defaults applied). Used by {@link runWorkflowJob} and by the caller-workflow runner
 * (caller.ts), which computes typed `workflow_call` inputs itself.
 */
export async function runParsedJob(doc: WorkflowDoc, file: string, jobId: string, inputs: Record<string, unknown>, options: RunOptions = {}): Promise<RunResult> {
  const jobDoc = doc.jobs[jobId];
  if (!jobDoc) throw new Error(`${file}: no job '${jobId}' (jobs: ${Object.keys(doc.jobs).join(', ')})`);
  if (jobDoc.uses) throw new Error(`${file}: job '${jobId}' calls a reusable workflow; run that workflow's jobs instead`);
  const { workspace, runnerTemp, cleanup } = setupDirs(options);
  try {
    const job = createJob(options, workspace, runnerTemp, jobId, doc.name ?? basename(file));
    const frame: StepFrame = {
      inputs,
      prefix: '',
      composite: false,
      defaultShell: ((jobDoc.defaults as WorkflowDoc['defaults'])?.run?.shell ?? doc.defaults?.run?.shell),
      defaultWorkingDirectory: ((jobDoc.defaults as WorkflowDoc['defaults'])?.run?.['working-directory'] ?? doc.defaults?.run?.['working-directory']),
    };
    const scope = () => scopeFor(job, frame, {}, false);
    for (const [key, value] of Object.entries(doc.env ?? {})) job.env[key] = evaluateValue(value, scope());
    for (const [key, value] of Object.entries((jobDoc.env ?? {}) as Record<string, unknown>)) job.env[key] = evaluateValue(value, scope());
    if (!evaluateCondition(jobDoc.if, scope())) return finish(job, 0, {}, [], false);
    const ran = await runStepList(job, (jobDoc.steps ?? []) as Steps, frame);
    const outputScope = scopeFor(job, frame, ran.contexts.steps as Record<string, unknown>, ran.failed);
    const outputs: Record<string, string> = {};
    for (const [name, value] of Object.entries((jobDoc.outputs ?? {}) as Record<string, unknown>)) outputs[name] = evaluateValue(value, outputScope);
    return finish(job, ran.failed ? (ran.exitCode || 1) : 0, outputs, ran.steps);
  } finally {
    cleanup();
  }
}

/**
 * Runs one job of a workflow file whose steps are `run:` scripts and `uses:` steps (local
 * composite actions or stand-ins). `workflow_call`/`workflow_dispatch` input defaults apply;
 * `options.inputs` override them. Job `outputs:` become the result's outputs.
 */
export async function runWorkflowJob(workflowPath: string, jobId: string, options: RunOptions = {}): Promise<RunResult> {
  const file = resolve(workflowPath);
  await validateWithParser(file, 'workflow');
  const doc = yaml.load(readFileSync(file, 'utf8')) as WorkflowDoc;
  // Inputs keep their declared types (booleans and numbers) in workflow_call.
  const inputs: Record<string, unknown> = {};
  const triggers = typeof doc.on === 'object' && doc.on !== null && !Array.isArray(doc.on) ? doc.on : {};
  for (const trigger of ['workflow_dispatch', 'workflow_call'] as const) {
    for (const [name, spec] of Object.entries(triggers[trigger]?.inputs ?? {})) if (spec?.default !== undefined) inputs[name] = spec.default;
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) inputs[name] = value;
  return runParsedJob(doc, file, jobId, inputs, options);
}

export { runCallerWorkflow } from './caller.ts';
export type { CallerRunOptions, CallerRunResult, CallerJobResult, CalledJobResult, Permissions } from './caller.ts';
export { actionsCheckout } from './checkout.ts';
