import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { evaluateCondition, evaluateExpression, evaluateValue, fromExpressionData, splitTemplate, type ExpressionScope } from './expressions.ts';
import { runParsedJob, validateWorkflowText, type RunOptions, type RunResult, type WorkflowDoc } from './index.ts';

/**
 * Runs a CALLER workflow — the kind users copy into `.github/workflows/` — whose jobs call
 * reusable workflows (`uses: owner/repo/.github/workflows/<file>@ref`) or run steps. It does
 * what GitHub does between the caller and the called workflow:
 *
 * - `with:` is evaluated in the caller (github, inputs, needs, vars, secrets) and checked against
 *   the called workflow's `on.workflow_call.inputs` (unknown or missing required inputs fail the
 *   run before any job starts, as GitHub rejects such a workflow file); values get their declared
 *   types (boolean, number, string) and defaults;
 * - `secrets:` are mapped (`inherit` passes all) and checked against `on.workflow_call.secrets`;
 * - the caller job's `permissions:` (else the caller workflow's, else GitHub's restricted default)
 *   are the ceiling: a called job that declares more fails the run loudly;
 * - the called workflow's jobs run in `needs` order with the job machinery of index.ts, each on
 *   a fresh workspace and RUNNER_TEMP (separate runners), all sharing one artifact store;
 * - `jobs.<id>.if` is honoured at both levels (a failed or skipped dependency skips a job
 *   unless its condition uses a status function);
 * - `on.workflow_call.outputs` are evaluated over the called jobs and become
 *   `needs.<caller job>.outputs` for later caller jobs.
 */

/** Options of {@link runCallerWorkflow}. `inputs` are the caller's own inputs (workflow_dispatch). */
export interface CallerRunOptions extends Omit<RunOptions, 'needs' | 'matrix' | 'artifactDir' | 'workspace' | 'runnerTemp'> {
  /**
   * GITHUB_TOKEN for one job, given its effective permissions (e.g. an emulator token minted
   * with exactly those permissions). Default: `options.token` for every job.
   */
  tokenFor?: (permissions: Permissions, job: { callerJob: string; job: string }) => string;
  /** Called before each job with its fresh workspace (e.g. to inspect or seed it). */
  onJobStart?: (job: { callerJob: string; job: string; workspace: string; runnerTemp: string }) => void | Promise<void>;
  /** Keep each job's workspace/RUNNER_TEMP and the artifacts after the run (default: removed). */
  keepDirs?: boolean;
  /**
   * "Re-run jobs" of an earlier run (made with keepDirs): only the caller jobs listed run again;
   * every other job keeps its earlier result and outputs, and the earlier artifacts are reused,
   * as GitHub does when you re-run a job of a workflow run.
   */
  rerun?: { previous: CallerRunResult; jobs: string[] };
}

/** Effective GITHUB_TOKEN permissions: scope → none/read/write. */
export type Permissions = Record<string, 'none' | 'read' | 'write'>;

/** One job of a called workflow (or a plain caller job). */
export interface CalledJobResult extends RunResult {
  result: 'success' | 'failure' | 'skipped';
  /** `runs-on` as evaluated (labels). */
  runsOn: unknown;
  permissions: Permissions;
  workspace: string;
}

/** One job of the caller workflow. */
export interface CallerJobResult {
  result: 'success' | 'failure' | 'skipped';
  /** The called workflow's `on.workflow_call.outputs` (or a plain job's outputs). */
  outputs: Record<string, string>;
  /** The called workflow file (absent for a plain job). */
  workflow?: string;
  /** The inputs the called workflow saw, typed. */
  inputs?: Record<string, unknown>;
  /** Jobs of the called workflow by id (a plain job: its own id). */
  jobs: Record<string, CalledJobResult>;
}

export interface CallerRunResult {
  /** Every caller job, by id. */
  jobs: Record<string, CallerJobResult>;
  /** True when no job failed. */
  success: boolean;
  /** Shared artifact store of the run. */
  artifactDir: string;
  /** Removes kept directories (with keepDirs). */
  cleanup(): void;
}

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'];
const LEVEL = { none: 0, read: 1, write: 2 } as const;
/** GitHub's "restricted" default for GITHUB_TOKEN (new repositories and organizations). */
const RESTRICTED_DEFAULT: Permissions = { contents: 'read', packages: 'read', metadata: 'read' };

/** Normalises a `permissions:` value (`read-all`, `write-all`, `{}` or a map). */
export function normalizePermissions(value: unknown, where: string): Permissions {
  const all = (level: 'read' | 'write'): Permissions => Object.fromEntries([...SCOPES.filter((s) => s !== 'id-token' || level === 'write'), 'metadata'].map((s) => [s, s === 'metadata' ? 'read' : level]));
  if (value === 'read-all') return all('read');
  if (value === 'write-all') return all('write');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: permissions must be read-all, write-all or a map, got ${JSON.stringify(value)}`);
  const out: Permissions = { metadata: 'read' };
  for (const [scope, level] of Object.entries(value as Record<string, unknown>)) {
    if (!SCOPES.includes(scope)) throw new Error(`${where}: unknown permission scope '${scope}'`);
    if (level !== 'none' && level !== 'read' && level !== 'write') throw new Error(`${where}: permission ${scope} must be none, read or write`);
    out[scope] = level;
  }
  return out;
}

/** Scopes in `wanted` that `allowed` does not grant, as GitHub words the failure. */
function excess(wanted: Permissions, allowed: Permissions): string[] {
  const out: string[] = [];
  for (const [scope, level] of Object.entries(wanted)) {
    const have = allowed[scope] ?? 'none';
    if (LEVEL[level] > LEVEL[have]) out.push(`'${scope}: ${level}', but is only allowed '${scope}: ${have}'`);
  }
  return out;
}

/**
 * Each job's effective permissions (job-level, else the workflow's, else the ceiling), checked
 * against the ceiling the caller grants: GitHub refuses the whole run when a nested job asks
 * for more.
 */
function jobPermissions(doc: WorkflowDoc, ceiling: Permissions, callerJob: string, where: string): Record<string, Permissions> {
  const docPermissions = doc.permissions === undefined ? undefined : normalizePermissions(doc.permissions, `${where} permissions`);
  const permsOf: Record<string, Permissions> = {};
  for (const jobId of Object.keys(doc.jobs)) {
    const declared = doc.jobs[jobId]!.permissions;
    const wanted = declared !== undefined ? normalizePermissions(declared, `${where} jobs.${jobId}.permissions`) : docPermissions ?? ceiling;
    const over = excess(wanted, ceiling);
    if (over.length > 0) throw new Error(`${where}: The nested job '${jobId}' is requesting ${over.join('; ')} (grant it in the caller's jobs.${callerJob}.permissions)`);
    permsOf[jobId] = wanted;
  }
  return permsOf;
}

/** Jobs in an order where every job comes after its `needs` (stable, fails on cycles/unknowns). */
function orderJobs(jobs: Record<string, Record<string, unknown>>, where: string): string[] {
  const needsOf = (id: string): string[] => {
    const n = jobs[id]!.needs;
    return n === undefined ? [] : Array.isArray(n) ? n.map(String) : [String(n)];
  };
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]) => {
    if (!(id in jobs)) throw new Error(`${where}: job '${path.at(-1)}' needs unknown job '${id}'`);
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`${where}: job dependency cycle ${[...path, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const dep of needsOf(id)) visit(dep, [...path, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return order;
}

function needsList(job: Record<string, unknown>): string[] {
  const n = job.needs;
  return n === undefined ? [] : Array.isArray(n) ? n.map(String) : [String(n)];
}

/** Evaluates a value that may be a single `${{ }}` expression to its typed value (arrays for runs-on). */
function evaluateTyped(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value !== 'string') return value;
  const parts = splitTemplate(value.trim());
  if (parts.length === 1 && 'expression' in parts[0]!) return fromExpressionData(evaluateExpression(parts[0].expression, scope));
  return evaluateValue(value, scope);
}

function triggersOf(doc: WorkflowDoc): Record<string, NonNullable<Exclude<WorkflowDoc['on'], string | string[] | undefined>[string]>> {
  const on = doc.on;
  if (typeof on === 'string') return { [on]: {} };
  if (Array.isArray(on)) return Object.fromEntries(on.map((t) => [t, {}]));
  return Object.fromEntries(Object.entries(on ?? {}).map(([k, v]) => [k, v ?? {}]));
}

/** Converts a `with:` value to the declared workflow_call input type, as GitHub does. */
function typedInput(value: unknown, type: string | undefined, where: string): unknown {
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new Error(`${where}: expected a boolean, got ${JSON.stringify(value)}`);
  }
  if (type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) throw new Error(`${where}: expected a number, got ${JSON.stringify(value)}`);
    return n;
  }
  return typeof value === 'string' ? value : String(value);
}

function resolveCalled(uses: string, firstParty: Record<string, string>, where: string): string {
  const match = /^([^/]+)\/([^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/.exec(uses);
  if (!match) throw new Error(`${where}: unsupported reusable workflow reference '${uses}' (owner/repo/.github/workflows/<file>@ref)`);
  const root = Object.entries(firstParty).find(([k]) => k.toLowerCase() === `${match[1]}/${match[2]}`.toLowerCase())?.[1];
  if (root === undefined) throw new Error(`${where}: the test runner only runs first-party reusable workflows; '${match[1]}/${match[2]}' is not in options.firstParty`);
  const file = join(root, match[3]!);
  if (!existsSync(file)) throw new Error(`${where}: ${uses} does not exist (looked for ${file})`);
  return file;
}

/**
 * Runs a caller workflow (YAML text or a path) end to end and returns every job's result.
 * Throws — before running anything — on what GitHub would reject when the workflow file is
 * loaded: invalid YAML, unknown or missing inputs/secrets, permissions the caller does not grant.
 */
export async function runCallerWorkflow(yamlOrPath: string, options: CallerRunOptions = {}): Promise<CallerRunResult> {
  const isPath = !yamlOrPath.includes('\n') && existsSync(yamlOrPath);
  const text = isPath ? readFileSync(yamlOrPath, 'utf8') : yamlOrPath;
  const name = isPath ? basename(yamlOrPath) : 'caller.yml';
  await validateWorkflowText(name, text);
  const caller = yaml.load(text) as WorkflowDoc;
  const firstParty = options.firstParty ?? { 'mlops-actions/mlops-actions': PROJECT_ROOT };
  const event = options.event ?? {};
  const eventName = options.eventName ?? ((event as { pull_request?: unknown }).pull_request ? 'pull_request' : 'push');
  const callerTriggers = triggersOf(caller);
  if (!(eventName in callerTriggers) && !(eventName === 'pull_request' && 'pull_request_target' in callerTriggers)) {
    throw new Error(`${name}: the workflow does not run on '${eventName}' (on: ${Object.keys(callerTriggers).join(', ')})`);
  }
  // The `inputs` context of the caller: workflow_dispatch inputs (defaults, then the event's).
  const callerInputs: Record<string, unknown> = {};
  if (eventName === 'workflow_dispatch') {
    for (const [key, spec] of Object.entries(callerTriggers.workflow_dispatch?.inputs ?? {})) if (spec?.default !== undefined) callerInputs[key] = spec.default;
    for (const [key, value] of Object.entries((event as { inputs?: Record<string, unknown> }).inputs ?? {})) callerInputs[key] = value;
  }
  for (const [key, value] of Object.entries(options.inputs ?? {})) callerInputs[key] = value;
  const callerSecrets: Record<string, string> = { GITHUB_TOKEN: options.token ?? '', ...(options.secrets ?? {}) };
  const workflowPermissions = caller.permissions === undefined ? undefined : normalizePermissions(caller.permissions, `${name} permissions`);

  const root = mkdtempSync(join(tmpdir(), 'mlops-caller-run-'));
  const artifactDir = options.rerun ? options.rerun.previous.artifactDir : join(root, 'artifacts');
  if (options.rerun && !existsSync(artifactDir)) throw new Error('rerun: the previous run was not made with keepDirs (its artifacts are gone)');
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  const results: Record<string, CallerJobResult> = {};
  const github = { event, event_name: eventName, repository: options.repository ?? 'octo-org/octo-repo', sha: options.sha ?? '', ref: options.ref ?? '', token: options.token ?? '', actor: options.actor ?? 'octocat' };
  let counter = 0;

  const runJob = async (doc: WorkflowDoc, file: string, jobId: string, inputs: Record<string, unknown>, secrets: Record<string, string>, needs: Record<string, { result: string; outputs: Record<string, string> }>, permissions: Permissions, callerJob: string): Promise<CalledJobResult> => {
    const dir = join(root, `job-${++counter}-${callerJob}-${jobId}`);
    const workspace = join(dir, 'workspace');
    const runnerTemp = join(dir, 'temp');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(runnerTemp, { recursive: true });
    await options.onJobStart?.({ callerJob, job: jobId, workspace, runnerTemp });
    const token = options.tokenFor?.(permissions, { callerJob, job: jobId }) ?? options.token;
    const scope: ExpressionScope = { contexts: { github: { ...github, token: token ?? '' }, inputs, needs, vars: options.vars ?? {}, secrets, runner: {}, env: {}, strategy: {}, matrix: {} }, failed: false, workspace };
    const runsOnRaw = doc.jobs[jobId]!['runs-on'];
    const runsOn = evaluateTyped(runsOnRaw, scope);
    const { tokenFor: _t, onJobStart: _o, keepDirs: _k, rerun: _r, ...runOptions } = options;
    const run = await runParsedJob(doc, file, jobId, inputs, {
      ...runOptions, inputs: undefined, token, secrets, needs, workspace, runnerTemp, artifactDir, eventName,
    });
    const result = !run.ran ? 'skipped' : run.exitCode === 0 ? 'success' : 'failure';
    return { ...run, result, runsOn, permissions, workspace };
  };

  const schedule = async (doc: WorkflowDoc, file: string, inputs: Record<string, unknown>, secrets: Record<string, string>, ceiling: Permissions, callerJob: string, where: string): Promise<Record<string, CalledJobResult>> => {
    const jobs: Record<string, CalledJobResult> = {};
    const permsOf = jobPermissions(doc, ceiling, callerJob, where);
    for (const jobId of orderJobs(doc.jobs, where)) {
      const needs = Object.fromEntries(needsList(doc.jobs[jobId]!).map((n) => [n, { result: jobs[n]!.result, outputs: jobs[n]!.outputs }]));
      const depsOk = Object.values(needs).every((n) => n.result === 'success');
      const condition = doc.jobs[jobId]!.if;
      const usesStatus = typeof condition === 'string' && /\b(always|failure|cancelled|success)\s*\(/.test(condition);
      if (!depsOk && !usesStatus) {
        jobs[jobId] = { result: 'skipped', ran: false, exitCode: 0, outputs: {}, summary: '', stdout: '', stderr: '', annotations: [], masks: [], steps: [], env: {}, runsOn: undefined, permissions: permsOf[jobId]!, workspace: '' };
        continue;
      }
      jobs[jobId] = await runJob(doc, file, jobId, inputs, secrets, needs, permsOf[jobId]!, callerJob);
    }
    return jobs;
  };

  // What GitHub checks when it loads the workflow, before any job starts: references, input
  // and secret names, required inputs/secrets, permissions.
  const loaded: Record<string, { file: string; doc: WorkflowDoc }> = {};
  try {
    for (const callerJob of orderJobs(caller.jobs, name)) {
      const jobDoc = caller.jobs[callerJob]!;
      const where = `${name} jobs.${callerJob}`;
      const ceiling = jobDoc.permissions !== undefined ? normalizePermissions(jobDoc.permissions, `${where}.permissions`) : workflowPermissions ?? RESTRICTED_DEFAULT;
      if (typeof jobDoc.uses !== 'string') {
        jobPermissions({ ...caller, jobs: { [callerJob]: jobDoc } }, ceiling, callerJob, where);
        continue;
      }
      const file = resolveCalled(jobDoc.uses, firstParty, where);
      const calledText = readFileSync(file, 'utf8');
      await validateWorkflowText(file, calledText);
      const doc = yaml.load(calledText) as WorkflowDoc;
      const call = triggersOf(doc).workflow_call;
      if (!call) throw new Error(`${where}: ${jobDoc.uses} has no 'on: workflow_call' trigger`);
      const declared = call.inputs ?? {};
      const provided = (jobDoc.with ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(provided).filter((k) => !(k in declared));
      if (unknown.length > 0) throw new Error(`${where}: Invalid input, ${unknown.join(', ')} is not defined in the referenced workflow (${basename(file)} accepts: ${Object.keys(declared).join(', ')})`);
      for (const [key, spec] of Object.entries(declared)) {
        if (spec?.required && !(key in provided)) throw new Error(`${where}: Input ${key} is required, but not provided while calling.`);
      }
      if (jobDoc.secrets !== 'inherit') {
        const unknownSecrets = Object.keys((jobDoc.secrets ?? {}) as Record<string, unknown>).filter((k) => !(k in (call.secrets ?? {})));
        if (unknownSecrets.length > 0) throw new Error(`${where}: Invalid secret, ${unknownSecrets.join(', ')} is not defined in the referenced workflow`);
      }
      jobPermissions(doc, ceiling, callerJob, `${basename(file)} (called by ${where})`);
      loaded[callerJob] = { file, doc };
    }
  } catch (error) {
    cleanup();
    throw error;
  }

  try {
    for (const callerJob of orderJobs(caller.jobs, name)) {
      const jobDoc = caller.jobs[callerJob]!;
      const where = `${name} jobs.${callerJob}`;
      const earlier = options.rerun?.previous.jobs[callerJob];
      if (options.rerun && !options.rerun.jobs.includes(callerJob) && earlier) {
        results[callerJob] = earlier;
        continue;
      }
      const needs = Object.fromEntries(needsList(jobDoc).map((n) => [n, { result: results[n]!.result, outputs: results[n]!.outputs }]));
      const failedDeps = Object.values(needs).some((n) => n.result !== 'success');
      const scope: ExpressionScope = { contexts: { github, inputs: callerInputs, needs, vars: options.vars ?? {}, secrets: callerSecrets }, failed: failedDeps, workspace: root };
      if (!evaluateCondition(jobDoc.if, scope)) {
        results[callerJob] = { result: 'skipped', outputs: {}, jobs: {} };
        continue;
      }
      const ceiling = jobDoc.permissions !== undefined ? normalizePermissions(jobDoc.permissions, `${where}.permissions`) : workflowPermissions ?? RESTRICTED_DEFAULT;
      if (typeof jobDoc.uses !== 'string') {
        // A plain job with steps: run it in place.
        const perms = jobPermissions({ ...caller, jobs: { [callerJob]: jobDoc } }, ceiling, callerJob, where)[callerJob]!;
        const plain = await runJob(caller, name, callerJob, callerInputs, callerSecrets, needs, perms, callerJob);
        results[callerJob] = { result: plain.result, outputs: plain.outputs, jobs: { [callerJob]: plain } };
        continue;
      }
      const { file, doc: called } = loaded[callerJob]!;
      const call = triggersOf(called).workflow_call!;
      // with: → typed inputs of the called workflow.
      const declared = call.inputs ?? {};
      const provided = (jobDoc.with ?? {}) as Record<string, unknown>;
      const inputs: Record<string, unknown> = {};
      for (const [key, spec] of Object.entries(declared)) {
        if (key in provided) inputs[key] = typedInput(evaluateTyped(provided[key], scope), spec?.type, `${where}.with.${key}`);
        else if (spec?.required) throw new Error(`${where}: Input ${key} is required, but not provided while calling.`);
        else if (spec?.default !== undefined) inputs[key] = typedInput(spec.default, spec.type, `${basename(file)} inputs.${key}.default`);
        else inputs[key] = spec?.type === 'boolean' ? false : spec?.type === 'number' ? 0 : '';
      }
      // secrets: → the called workflow's secrets context.
      const declaredSecrets = call.secrets ?? {};
      let secrets: Record<string, string>;
      if (jobDoc.secrets === 'inherit') {
        secrets = { ...callerSecrets };
      } else {
        const given = (jobDoc.secrets ?? {}) as Record<string, unknown>;
        secrets = { GITHUB_TOKEN: callerSecrets.GITHUB_TOKEN! };
        for (const [key, value] of Object.entries(given)) secrets[key] = evaluateValue(value, scope);
        for (const [key, spec] of Object.entries(declaredSecrets)) {
          if (spec?.required && !secrets[key]) throw new Error(`${where}: Secret ${key} is required, but not provided while calling.`);
        }
      }
      const jobs = await schedule(called, file, inputs, secrets, ceiling, callerJob, `${basename(file)} (called by ${where})`);
      const failed = Object.values(jobs).some((j) => j.result === 'failure');
      const jobsCtx = Object.fromEntries(Object.entries(jobs).map(([id, j]) => [id, { result: j.result, outputs: j.outputs }]));
      const outScope: ExpressionScope = { contexts: { github, inputs, jobs: jobsCtx, vars: options.vars ?? {} }, failed, workspace: root };
      const outputs: Record<string, string> = {};
      for (const [key, spec] of Object.entries(call.outputs ?? {})) outputs[key] = evaluateValue(spec?.value, outScope);
      results[callerJob] = { result: failed ? 'failure' : 'success', outputs, workflow: file, inputs, jobs };
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  if (!options.keepDirs) cleanup();
  return { jobs: results, success: Object.values(results).every((j) => j.result !== 'failure'), artifactDir, cleanup };
}
