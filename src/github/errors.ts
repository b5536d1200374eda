/**
 * Turning GitHub API failures into messages that say what to change. A 403 from an Actions run is
 * nearly always a missing `permissions:` entry or a repository setting, and a 404 nearly always a
 * token that cannot see the repository; saying so saves the user a trip to the docs.
 */

import { ServiceError } from '../core/errors.ts';

/**
 * An API failure with a message that names the fix; `cause` holds the original RequestError.
 * A {@link ServiceError}: `mlops` reports it as one line (exit 2), without a stack trace.
 */
export class GitHubError extends ServiceError {
  readonly status: number | undefined;
  readonly attempted: string;
  constructor(message: string, options: { status?: number; attempted: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'GitHubError';
    this.status = options.status;
    this.attempted = options.attempted;
  }
}

interface ErrorShape {
  status?: number;
  message?: string;
  code?: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** The workflow permission a request needs, judged from its method and path. */
function permissionFor(method: string, path: string): string | undefined {
  const write = method !== 'GET' && method !== 'HEAD';
  const level = write ? 'write' : 'read';
  if (/\/issues\/(\d+\/comments|comments\/\d+)/.test(path)) return write ? '`pull-requests: write` (or `issues: write`)' : '`pull-requests: read`';
  if (/\/issues\/\d+\/labels/.test(path)) return '`pull-requests: write` (or `issues: write`)';
  if (/\/pulls(\/|$)/.test(path)) return `\`pull-requests: ${level}\`${write ? ' and `contents: write`' : ''}`;
  if (/\/actions\/workflows\/[^/]+\/dispatches/.test(path)) return '`actions: write`';
  if (/\/(releases|git\/|contents\/)/.test(path)) return `\`contents: ${level}\``;
  return undefined;
}

function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : 'GitHub';
  } catch {
    return 'GitHub';
  }
}

function validationDetails(data: unknown): string {
  const errors = (data as { errors?: unknown[] } | undefined)?.errors;
  if (!Array.isArray(errors)) return '';
  const parts = errors.map((e) => {
    if (typeof e === 'string') return e;
    const item = e as { resource?: string; field?: string; code?: string; message?: string };
    return item.message ?? [item.resource, item.field, item.code].filter(Boolean).join(' ');
  });
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * Describes a failed GitHub request as "Could not <attempted>: <what GitHub said>. <the fix>".
 * Maps 401 (bad token), 403 (missing permission, the "Allow GitHub Actions to create and approve
 * pull requests" setting, rate limits), 404 (token cannot see the repository), 410, 422 and 5xx.
 * @param attempted what we tried, as a verb phrase ("create the sticky comment on pull request #7").
 */
export function describeGitHubError(error: unknown, attempted: string): string {
  const e = (error ?? {}) as ErrorShape;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const method = (e.request?.method ?? 'GET').toUpperCase();
  const path = pathOf(e.request?.url);
  const said = (e.message ?? String(error)).split('\n')[0].replace(/\s*-\s*https:\/\/docs\.github\.com\S*$/, '');
  const head = `Could not ${attempted}: GitHub answered ${status ?? 'no response'}${said ? ` "${said}"` : ''}${validationDetails(e.response?.data)}.`;
  const permission = permissionFor(method, path);
  const headers = e.response?.headers ?? {};

  // Octokit reports a request that got no answer at all (refused, DNS, TLS, reset) as status 500
  // without a response; that is a connectivity or configuration problem, not a GitHub outage.
  if (status === undefined || (status === 500 && !e.response)) {
    const code = networkCode(error);
    return `Could not ${attempted}: no answer from GitHub (${[said || 'the request failed', code].filter(Boolean).join(', ')}). Check that ${originOf(e.request?.url)} is reachable from the runner; on GitHub Enterprise Server GITHUB_API_URL must be https://HOST/api/v3.`;
  }
  if (status === 401) {
    return `${head} The token is missing, invalid or expired: check the \`token\` input or the secret it comes from.`;
  }
  // A bare 429 (no retry-after, no x-ratelimit-remaining 0) is how GitHub's secondary rate limit sometimes answers.
  const bare429 = status === 429 && headers['x-ratelimit-remaining'] !== '0' && !/rate limit/i.test(said);
  if ((status === 403 || status === 429) && (/secondary rate/i.test(said) || headers['retry-after'] !== undefined || bare429)) {
    return `${head} GitHub's secondary rate limit stopped the request even after the retries; wait a few minutes and re-run, and avoid many jobs writing at the same time.`;
  }
  if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(said))) {
    return `${head} The token's API rate limit is used up; it resets at ${resetTime(headers['x-ratelimit-reset'])}. A GitHub App token has a higher limit.`;
  }
  if (status === 403 && /not permitted to create or approve pull requests/i.test(said)) {
    return `${head} Enable 'Allow GitHub Actions to create and approve pull requests' in the repository's (or organization's) Settings → Actions → General → Workflow permissions, or pass a PAT / GitHub App token as \`token\`.`;
  }
  if (status === 403) {
    const grant = permission ? `grant ${permission} in the workflow's \`permissions:\`` : `grant the missing permission in the workflow's \`permissions:\``;
    return `${head} The token lacks a permission: ${grant}. On pull requests from forks GITHUB_TOKEN is read-only whatever the workflow asks for; a fine-grained PAT needs the same permission on this repository.`;
  }
  if (status === 404) {
    return `${head} The token cannot see this repository or the object does not exist: check the owner/name, that a fine-grained PAT or App installation includes this repository${permission ? ` with ${permission}` : ''}, and that GITHUB_TOKEN is only used for the repository running the workflow.`;
  }
  if (status === 410) {
    return `${head} The feature is disabled in this repository (e.g. issues are turned off in Settings → General → Features).`;
  }
  if (status === 422) {
    if (/no commits between/i.test(said + validationDetails(e.response?.data))) {
      return `${head} The head branch has no commits that the base lacks: push the branch before opening the pull request.`;
    }
    return `${head} GitHub rejected the request's content; the details above name the field.`;
  }
  if (status >= 500) {
    return `${head} GitHub had a server error that persisted through the retries; re-run the job later (https://www.githubstatus.com).`;
  }
  return head;
}

/** The errno-style code (ECONNREFUSED, ENOTFOUND …) buried in a fetch failure's cause chain. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function resetTime(epochSeconds: string | undefined): string {
  const seconds = Number(epochSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : 'the top of the hour';
}

/** Wraps any failure of `fn` into a {@link GitHubError} whose message names the fix. */
export async function withGitHubError<T>(attempted: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GitHubError) throw error;
    const status = typeof (error as ErrorShape)?.status === 'number' ? (error as ErrorShape).status : undefined;
    throw new GitHubError(describeGitHubError(error, attempted), { status, attempted, cause: error });
  }
}

/**
 * True when GitHub refused a request because the token lacks a permission (403 "Resource not
 * accessible by integration", a read-only fork-PR token, a PAT without the scope) — not for rate
 * limits or the "create or approve pull requests" setting, which are 403s too. A type guard: it is
 * true only for a {@link GitHubError}, so callers that skip a refused comment (the CLI's
 * `evaluate --comment`, the actions' comments) read its message and `attempted` without a cast.
 */
export function isMissingPermission(error: unknown): error is GitHubError {
  if (!(error instanceof GitHubError) || error.status !== 403) return false;
  const cause = (error.cause ?? {}) as ErrorShape;
  const said = cause.message ?? '';
  const headers = cause.response?.headers ?? {};
  if (/rate limit/i.test(said) || headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0') return false;
  return !/not permitted to create or approve pull requests/i.test(said);
}

/** The HTTP status of a RequestError-like value, if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as ErrorShape | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}
