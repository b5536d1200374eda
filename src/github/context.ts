/**
 * The run context: which repository, pull request and commit a step works on, read from the
 * runner's `GITHUB_*` environment contract and the event payload at `GITHUB_EVENT_PATH`.
 *
 * `@actions/github`'s `context` reads `process.env` once at import time; reading from an explicit
 * `env` instead keeps this testable and lets the CLI resolve a context for another repository.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.ts';

/** What a step needs to know about the run it is part of. */
export interface RunContext {
  owner: string;
  repo: string;
  /** The pull request the run is about, when there is one. */
  prNumber?: number;
  /** The commit under test: the PR head for pull-request events, else `GITHUB_SHA`. */
  sha: string;
  /** `GITHUB_REF` (e.g. `refs/pull/7/merge`, `refs/heads/main`). */
  ref: string;
  /** Head branch of the pull request, when there is one. */
  headRef?: string;
  /** Base branch of the pull request, when there is one. */
  baseRef?: string;
  /** Link to this workflow run (the job summary lives there). */
  runUrl?: string;
  eventName: string;
  actor?: string;
  /** `GITHUB_SERVER_URL` (https://github.com or the GHES host). */
  serverUrl: string;
  /** `GITHUB_API_URL`. */
  apiUrl: string;
  /** The parsed event payload (empty object when there is none). */
  payload: Record<string, unknown>;
}

/** Values that take precedence over the environment (CLI flags such as `--pr`, `--repo`). */
export interface RunContextOverrides {
  /** `owner/name`. */
  repository?: string;
  pr?: number | string;
  sha?: string;
  ref?: string;
  eventName?: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
/** Inputs of a `workflow_dispatch` event that name a pull request. */
const DISPATCH_PR_INPUTS = ['pr', 'pr-number', 'pr_number', 'pull-request', 'pull_request'];

/**
 * Resolves the run context from `env` (the runner's contract) and the event payload.
 * PR number: `overrides.pr` (`--pr`), else `pull_request`/`pull_request_target` payloads, an
 * `issue_comment` on a PR, or a `workflow_dispatch` input `pr`.
 * @throws InputError when the repository is unknown or the payload/PR number is malformed.
 */
export function resolveRunContext(env: Record<string, string | undefined>, overrides: RunContextOverrides = {}): RunContext {
  const repository = overrides.repository ?? env.GITHUB_REPOSITORY;
  if (!repository) {
    throw new InputError('the repository is unknown: GITHUB_REPOSITORY is not set (outside GitHub Actions pass --repo owner/name)', { key: 'GITHUB_REPOSITORY' });
  }
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repository.trim());
  if (!match) throw new InputError(`repository must look like owner/name, got "${repository}"`, { key: overrides.repository ? 'repo' : 'GITHUB_REPOSITORY' });
  const [, owner, repo] = match;

  const eventName = overrides.eventName ?? env.GITHUB_EVENT_NAME ?? 'local';
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const pullRequest = PR_EVENTS.has(eventName) ? asRecord(payload.pull_request) : undefined;

  let prNumber: number | undefined;
  if (overrides.pr !== undefined && overrides.pr !== '') {
    prNumber = parsePrNumber(overrides.pr, 'pr');
  } else if (pullRequest) {
    prNumber = parsePrNumber(pullRequest.number ?? payload.number, 'pull_request.number', env.GITHUB_EVENT_PATH);
  } else if (eventName === 'issue_comment' && asRecord(payload.issue)?.pull_request) {
    prNumber = parsePrNumber(asRecord(payload.issue)?.number, 'issue.number', env.GITHUB_EVENT_PATH);
  } else if (eventName === 'workflow_dispatch') {
    const inputs = asRecord(payload.inputs) ?? {};
    const key = DISPATCH_PR_INPUTS.find((name) => inputs[name] !== undefined && inputs[name] !== '');
    if (key) prNumber = parsePrNumber(inputs[key], `inputs.${key}`, env.GITHUB_EVENT_PATH);
  }

  const head = asRecord(pullRequest?.head);
  const base = asRecord(pullRequest?.base);
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const runUrl = env.GITHUB_RUN_ID
    ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${Number(env.GITHUB_RUN_ATTEMPT) > 1 ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
    : undefined;

  const context: RunContext = {
    owner,
    repo,
    sha: overrides.sha ?? (typeof head?.sha === 'string' ? head.sha : env.GITHUB_SHA ?? ''),
    ref: overrides.ref ?? env.GITHUB_REF ?? '',
    eventName,
    serverUrl,
    apiUrl,
    payload,
  };
  if (prNumber !== undefined) context.prNumber = prNumber;
  const headRef = typeof head?.ref === 'string' ? head.ref : env.GITHUB_HEAD_REF || undefined;
  const baseRef = typeof base?.ref === 'string' ? base.ref : env.GITHUB_BASE_REF || undefined;
  if (headRef) context.headRef = headRef;
  if (baseRef) context.baseRef = baseRef;
  if (runUrl) context.runUrl = runUrl;
  const actor = env.GITHUB_ACTOR || undefined;
  if (actor) context.actor = actor;
  return context;
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // The runner always writes the file; a missing one is a local run with a stale variable.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new InputError(`cannot read the event payload: ${(error as Error).message}`, { file: path, key: 'GITHUB_EVENT_PATH' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`the event payload is not JSON: ${(error as Error).message}`, { file: path, key: 'GITHUB_EVENT_PATH' });
  }
  const record = asRecord(parsed);
  if (!record) throw new InputError('the event payload is not a JSON object', { file: path, key: 'GITHUB_EVENT_PATH' });
  return record;
}

function parsePrNumber(value: unknown, key: string, file?: string): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(/^#/, '') : '';
  if (!/^[1-9][0-9]{0,9}$/.test(text)) {
    throw new InputError(`pull request number must be a positive integer, got ${JSON.stringify(value)}`, file ? { file, key } : { key });
  }
  return Number(text);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
