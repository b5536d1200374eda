/**
 * The retraining pull request (DESIGN §6): on dataset drift, commit the drift report to the model's
 * fixed branch, then open its pull request or update the open one. Without GitHub (a terminal, or
 * no token) the branch is still pushed and the would-be pull request is written to the outbox.
 */
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../core/fs.ts';
import { runGit } from '../core/git.ts';
import type { DriftReport } from '../drift/engine.ts';
import { driftJson } from '../drift/report.ts';
import { pushRetrainBranch, type RetrainBranchResult } from '../drift/retrain-branch.ts';
import type { GitHubClient } from './client.ts';
import { dispatchWorkflow } from './dispatch.ts';
import { withGitHubError } from './errors.ts';
import { openOrUpdatePullRequest } from './pulls.ts';
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
  const record = { model, checkedAt: now, ...options.context, drift: driftJson(report) };
  const drifted = report.columns.filter((c) => c.drifted).map((c) => c.name);
  const title = `Retrain ${model}: data drift in ${drifted.slice(0, 3).join(', ')}${drifted.length > 3 ? ` and ${drifted.length - 3} more` : ''}`;
  const branch = await pushRetrainBranch({
    cwd: options.cwd,
    env: options.env,
    remote: options.remote,
    branch: options.branch,
    base,
    push: options.push,
    files: [{ path: `.mlops/retrain/${model}.json`, content: `${JSON.stringify(record, null, 2)}\n` }],
    message: `mlops: retrain ${model} (drift in ${drifted.join(', ')})\n\nShare of drifted features: ${(report.share * 100).toFixed(1)}%.\nChecked at ${now}.`,
  });

  if (!options.github) {
    const outbox = options.outboxDir ?? join(options.cwd, '.mlops', 'outbox');
    const file = join(outbox, `retrain-${model}.md`);
    await writeFileAtomic(file, `<!-- mlops:retrain:${model} -->\n# ${title}\n\n${options.body}`);
    await writeJsonAtomic(join(outbox, `retrain-${model}.json`), { title, head: options.branch, base, labels: options.labels, commit: branch.commit });
    return {
      operation: branch.operation,
      message: `branch ${options.branch} ${branch.operation} (${branch.commit.slice(0, 7)}); no GitHub context, so the pull request was written to ${file}`,
      branch,
      outbox: file,
    };
  }

  const gh = options.github;
  const pr = await openOrUpdatePullRequest(gh.octokit, {
    owner: gh.owner, repo: gh.repo, head: options.branch, base, title, body: options.body, labels: options.labels, summaryUrl: gh.summaryUrl,
  });
  let dispatched: string | undefined;
  let message = `pull request #${pr.number} ${pr.operation}: ${pr.url}`;
  if (gh.isDefaultToken && branch.operation !== 'unchanged') {
    if (gh.dispatchWorkflow) {
      // The dispatched workflow declares a `pr` input (README) so its comment lands on this PR.
      await dispatchWorkflow(gh.octokit, { owner: gh.owner, repo: gh.repo, workflow: gh.dispatchWorkflow, ref: options.branch, inputs: { pr: String(pr.number) } });
      dispatched = gh.dispatchWorkflow;
      message += `; GITHUB_TOKEN cannot start workflows from a pull request, so ${gh.dispatchWorkflow} was dispatched on ${options.branch}`;
    } else {
      message += '; note: the pull request was opened with GITHUB_TOKEN, which starts no workflows — pass a PAT or App token, or set a workflow to dispatch';
    }
  }
  // A new commit on the branch updates the pull request even when its text did not change.
  const operation = pr.operation === 'unchanged' && branch.operation !== 'unchanged' ? 'updated' : pr.operation;
  return { operation, message, branch, pullRequest: { number: pr.number, url: pr.url, operation: pr.operation }, ...(dispatched ? { dispatched } : {}) };
}
