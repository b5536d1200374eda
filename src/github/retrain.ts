/**
 * The retraining pull request (DESIGN §6): on dataset drift, commit the drift report to the model's
 * fixed branch, then open its pull request or update the open one. Without GitHub (a terminal, or
 * no token) the branch is still pushed and the would-be pull request is written to the outbox.
 * A branch already merged into the base is rebuilt on it, or left alone when the base already
 * records the findings (docs/drift.md, "After the pull request was merged").
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../core/fs.ts';
import { runGit } from '../core/git.ts';
import type { DriftReport } from '../drift/engine.ts';
import { driftJson } from '../drift/report.ts';
import { pushRetrainBranch, type RetrainBranchResult } from '../drift/retrain-branch.ts';
import type { GitHubClient } from './client.ts';
import { dispatchWorkflow } from './dispatch.ts';
import { withGitHubError } from './errors.ts';
import { openOrUpdatePullRequest } from './pulls.ts';
import { cutText, fitTitle, oneLine, TITLE_LIMIT } from './truncate.ts';
import type { Operation } from './types.ts';

export interface RetrainGitHub {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /**
   * True when the token is the workflow's GITHUB_TOKEN: pull requests it opens start no workflows,
   * so the training workflow is dispatched on the branch instead.
   */
  isDefaultToken: boolean;
  /** Workflow (file name) to dispatch on the branch when `isDefaultToken`. */
  dispatchWorkflow?: string;
  summaryUrl?: string;
}

export interface RetrainOptions {
  model: string;
  report: DriftReport;
  /** PR body (the markdown drift report). */
  body: string;
  branch: string;
  /** Base branch; default: the repository's default branch (GitHub) or the current branch (local). */
  base?: string | null;
  labels: string[];
  cwd: string;
  env?: Record<string, string | undefined>;
  remote?: string;
  /** Push the branch (default true). */
  push?: boolean;
  /** Extra facts stored with the report in the commit (reference, current data…). */
  context?: Record<string, unknown>;
  github?: RetrainGitHub;
  /** Where the would-be pull request goes without GitHub (default `<cwd>/.mlops/outbox`). */
  outboxDir?: string;
  now?: Date;
}

export interface RetrainResult {
  /** What happened to the pull request (or to the branch, without GitHub). */
  operation: Operation;
  message: string;
  branch?: RetrainBranchResult;
  pullRequest?: { number: number; url: string; operation: Operation };
  dispatched?: string;
  outbox?: string;
}

/**
 * The retraining pull request's title: the first three drifted columns and how many more. Column
 * names are data and may be long (or hold line breaks): each is shortened to an equal share of
 * GitHub's 256 characters, so the title always fits and keeps its "and N more".
 */
export function retrainTitle(model: string, drifted: readonly string[]): string {
  const prefix = `Retrain ${oneLine(model)}: data drift`;
  const names = drifted.slice(0, 3).map(oneLine);
  if (names.length === 0) return fitTitle(prefix);
  const more = drifted.length > 3 ? ` and ${drifted.length - 3} more` : '';
  const fixed = Array.from(`${prefix} in ${more}`).length + 2 * (names.length - 1);
  const share = Math.floor((TITLE_LIMIT - fixed) / names.length);
  const listed = Array.from(`${prefix} in ${names.join(', ')}${more}`).length <= TITLE_LIMIT ? names : names.map((name) => cutText(name, Math.max(share, 1)));
  return fitTitle(`${prefix} in ${listed.join(', ')}${more}`);
}

/** JSON with object keys sorted, so two records compare by content, not by key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/** A retraining record's findings: everything but `checkedAt`; null when `text` is no record. */
function findings(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { checkedAt: _checkedAt, ...rest } = value as Record<string, unknown>;
  return canonicalJson(rest);
}

/**
 * The drift JSON with data paths inside `cwd` written relative to it: the record goes into git,
 * where a runner's workspace path means nothing — and differs from run to run on some runners,
 * which would make every re-run look like new findings.
 */
function withRelativeSources(drift: Record<string, unknown>, cwd: string): Record<string, unknown> {
  const side = (value: unknown): unknown => {
    const sources = (value as { sources?: unknown } | null)?.sources;
    if (!Array.isArray(sources)) return value;
    return {
      ...(value as Record<string, unknown>),
      sources: sources.map((source: unknown) => {
        const path = (source as { path?: unknown } | null)?.path;
        if (typeof path !== 'string' || !isAbsolute(path)) return source;
        const rel = relative(cwd, path);
        if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return source;
        return { ...(source as Record<string, unknown>), path: rel.split(sep).join('/') };
      }),
    };
  };
  return { ...drift, reference: side(drift.reference), current: side(drift.current) };
}

/**
 * Whether a `workflow_dispatch` run of `workflow` exists on `branch` at `commit` (whatever its
 * outcome: a failed run is re-run by hand, not dispatched again). An answer GitHub refuses counts
 * as none, so the dispatch itself runs and reports what is wrong.
 */
async function dispatchedAt(gh: RetrainGitHub, workflow: string, branch: string, commit: string): Promise<boolean> {
  try {
    const { data } = await gh.octokit.rest.actions.listWorkflowRuns({
      owner: gh.owner, repo: gh.repo, workflow_id: workflow, branch, event: 'workflow_dispatch', head_sha: commit, per_page: 1,
    });
    return data.total_count > 0 || data.workflow_runs.length > 0;
  } catch {
    return false;
  }
}

async function defaultBase(options: RetrainOptions): Promise<string> {
  if (options.base) return options.base;
  if (options.github) {
    const { octokit, owner, repo } = options.github;
    const { data } = await withGitHubError(`read ${owner}/${repo}`, () => octokit.rest.repos.get({ owner, repo }));
    return data.default_branch;
  }
  const current = (await runGit({ cwd: options.cwd, env: options.env }, ['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => 'HEAD')).trim();
  return current === 'HEAD' ? 'main' : current;
}

/**
 * Runs the retraining flow for a drift report. No drift: nothing is written (`skipped`).
 * Drift: the branch gets a commit with `.mlops/retrain/<model>.json`, then the PR is opened or
 * updated (GitHub) or written to the outbox (local).
 */
export async function openRetrainingPullRequest(options: RetrainOptions): Promise<RetrainResult> {
  const { report, model } = options;
  if (!report.drifted) {
    return { operation: 'skipped', message: 'no dataset drift: the retraining branch and pull request were left alone' };
  }
  const base = await defaultBase(options);
  const now = (options.now ?? new Date()).toISOString();
  const record = { model, checkedAt: now, ...options.context, drift: withRelativeSources(driftJson(report), resolve(options.cwd)) };
  const content = `${JSON.stringify(record, null, 2)}\n`;
  const drifted = report.columns.filter((c) => c.drifted).map((c) => c.name);
  const title = retrainTitle(model, drifted);
  const branch = await pushRetrainBranch({
    cwd: options.cwd,
    env: options.env,
    remote: options.remote,
    branch: options.branch,
    base,
    push: options.push,
    // A re-run with the same findings (only `checkedAt` would differ) commits and pushes nothing,
    // like peter-evans/create-pull-request: idempotent writes (DESIGN §1).
    files: [{ path: `.mlops/retrain/${model}.json`, content, same: (current) => findings(current) === findings(content) }],
    message: `mlops: retrain ${model} (drift in ${drifted.join(', ')})\n\nShare of drifted features: ${(report.share * 100).toFixed(1)}%.\nChecked at ${now}.`,
  });

  if (branch.inBase) {
    // The base already records these findings: a retraining pull request for them was merged (or
    // they were committed there by hand) and nothing changed since. Nothing to propose.
    return {
      operation: 'unchanged',
      message: `${base} already records these findings${branch.merged ? ` (${options.branch} was merged into it)` : ''}, so nothing was pushed and no pull request was opened`,
      branch,
    };
  }
  const rebuilt = branch.merged ? `; ${options.branch} had been merged into ${base}, so the new commit was built on ${base}` : '';

  // Without a push the branch exists only here: a pull request opened on GitHub would name a head
  // GitHub lacks (422), or describe findings its remote branch does not hold.
  const notPushed = options.push === false;
  const gh = options.github;
  if (!gh || notPushed) {
    const outbox = options.outboxDir ?? join(options.cwd, '.mlops', 'outbox');
    const file = join(outbox, `retrain-${model}.md`);
    await writeFileAtomic(file, `<!-- mlops:retrain:${model} -->\n# ${title}\n\n${options.body}`);
    await writeJsonAtomic(join(outbox, `retrain-${model}.json`), { title, head: options.branch, base, labels: options.labels, commit: branch.commit });
    return {
      operation: branch.operation,
      message: `branch ${options.branch} ${branch.operation === 'unchanged' ? 'unchanged (it already records these findings)' : branch.operation} (${branch.commit.slice(0, 7)})${rebuilt}; ${notPushed ? 'not pushed' : 'no GitHub context'}, so the pull request was written to ${file}`,
      branch,
      outbox: file,
    };
  }

  const pr = await openOrUpdatePullRequest(gh.octokit, {
    owner: gh.owner, repo: gh.repo, head: options.branch, base, title, body: options.body, labels: options.labels, summaryUrl: gh.summaryUrl,
    // Without a new commit, a pull request closed unmerged at the branch's commit was declined for
    // these very findings: opened again, it came back on every scheduled run. New findings (a new
    // commit) open a new one.
    ...(branch.operation === 'unchanged' ? { leaveClosedAt: branch.commit } : {}),
  });
  if (pr.closed) {
    return {
      operation: 'unchanged',
      message: `pull request #${pr.number} (${pr.url}) was closed without merging and ${options.branch} still records these findings, so no pull request was opened again; new findings will open a new one`,
      branch,
    };
  }
  let dispatched: string | undefined;
  let message = `pull request #${pr.number} ${pr.operation}: ${pr.url}${rebuilt}`;
  if (branch.operation === 'unchanged') message += `; ${options.branch} already records these findings, so nothing was pushed`;
  if (gh.isDefaultToken) {
    // With GITHUB_TOKEN neither the push nor the pull request starts a workflow. The pull request
    // needs a dispatched run for its commit: after a new commit, for a new pull request (its first
    // attempt may have failed after pushing, e.g. PR creation refused), and whenever no run of the
    // workflow was dispatched at that commit yet (an earlier dispatch failed).
    const fresh = branch.operation !== 'unchanged' || pr.operation === 'created';
    if (gh.dispatchWorkflow) {
      const workflow = gh.dispatchWorkflow;
      const missing = !fresh && !(await dispatchedAt(gh, workflow, options.branch, branch.commit));
      if (fresh || missing) {
        // The dispatched workflow declares a `pr` input (README) so its comment lands on this PR.
        await dispatchWorkflow(gh.octokit, { owner: gh.owner, repo: gh.repo, workflow, ref: options.branch, inputs: { pr: String(pr.number) }, headSha: branch.commit });
        dispatched = workflow;
        message += `; GITHUB_TOKEN cannot start workflows from a pull request, so ${workflow} was dispatched on ${options.branch}`;
        if (missing) message += ` (no run of it had been dispatched at ${branch.commit.slice(0, 7)} yet)`;
      }
    } else if (fresh) {
      message += '; note: the pull request was opened with GITHUB_TOKEN, which starts no workflows — pass a PAT or App token, or set a workflow to dispatch';
    }
  }
  // A new commit on the branch updates the pull request even when its text did not change.
  const operation = pr.operation === 'unchanged' && branch.operation !== 'unchanged' ? 'updated' : pr.operation;
  return { operation, message, branch, pullRequest: { number: pr.number, url: pr.url, operation: pr.operation }, ...(dispatched ? { dispatched } : {}) };
}
