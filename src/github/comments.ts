/**
 * Sticky comments (DESIGN §6): one comment per `<kind>:<name>` on a pull request, found by a hidden
 * marker among ALL pages of comments written by our own identity, updated in place.
 */
import type { GitHubClient } from './client.ts';
import { InputError } from '../core/errors.ts';
import { statusOf, withGitHubError } from './errors.ts';
import { createOnce, NO_RETRY } from './idempotent.ts';
import { COMMENT_BODY_LIMIT, truncateMarkdown } from './truncate.ts';
import type { WriteResult } from './types.ts';

/** The login GitHub shows for comments written with the workflow's `GITHUB_TOKEN`. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** Who we are on GitHub; `source` says how we know. */
export interface GitHubIdentity {
  login: string;
  /** `User` or `Bot`, when known. */
  type?: string;
  /** `user`: from `GET /user`; `override`: given by the caller; `fallback`: assumed `github-actions[bot]`. */
  source: 'user' | 'override' | 'fallback';
}

const identityCache = new WeakMap<object, Promise<GitHubIdentity>>();

/**
 * Finds the identity our comments are written under. A PAT or OAuth token can read `GET /user`;
 * `GITHUB_TOKEN` and App installation tokens get 403 there, and their comments are written by a
 * Bot account — `github-actions[bot]` for `GITHUB_TOKEN`. App tokens comment as `<app-slug>[bot]`,
 * which no installation-token endpoint reveals: such callers pass `login` explicitly.
 */
export async function resolveIdentity(octokit: GitHubClient, login?: string): Promise<GitHubIdentity> {
  if (login) return { login, source: 'override' };
  let cached = identityCache.get(octokit);
  if (!cached) {
    cached = (async (): Promise<GitHubIdentity> => {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return { login: data.login, type: data.type, source: 'user' };
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) return { login: ACTIONS_BOT_LOGIN, type: 'Bot', source: 'fallback' };
        throw error;
      }
    })();
    identityCache.set(octokit, cached);
    // A transient failure must not poison later calls.
    cached.catch(() => identityCache.delete(octokit));
  }
  return cached;
}

/** The hidden marker that identifies a sticky comment. */
export function stickyMarker(kind: string, name: string): string {
  for (const [key, value] of [['kind', kind], ['name', name]] as const) {
    // `--` or `>` would end the HTML comment early and show the marker to readers.
    if (!value || /--|>|[\r\n]/.test(value)) throw new InputError(`sticky comment ${key} must be non-empty and contain no "--", ">" or newline: ${JSON.stringify(value)}`, { key });
  }
  return `<!-- mlops:${kind}:${name} -->`;
}

/** Options of {@link upsertStickyComment}. */
export interface StickyCommentOptions {
  owner: string;
  repo: string;
  /** Pull request (or issue) number; `undefined` (no PR in this run) → `skipped`. */
  issueNumber: number | undefined;
  /** What the comment reports: `validate`, `evaluate`, `drift`, … */
  kind: string;
  /** Which one: the model or dataset name. One comment per kind and name. */
  name: string;
  /** Markdown body; the marker is prepended. */
  body: string;
  /** Link to the full report (the job summary / run URL), used when the body must be cut. */
  summaryUrl?: string;
  /** Login our comments are written under, when `GET /user` cannot tell (App tokens). */
  authorLogin?: string;
  /** Size limit in characters. Default 65,536 (GitHub's). */
  maxChars?: number;
}

interface CommentLike {
  id: number;
  html_url: string;
  body?: string | null;
  user?: { login: string; type?: string } | null;
}

/** The final body: marker line first, cut to the limit with a pointer to the job summary. */
export function buildStickyBody(kind: string, name: string, body: string, summaryUrl?: string, maxChars = COMMENT_BODY_LIMIT): string {
  const full = `${stickyMarker(kind, name)}\n${body.replace(/\r\n/g, '\n')}`;
  const where = summaryUrl ? `the [job summary](${summaryUrl})` : 'the job summary of this workflow run';
  const pointer = `> [!NOTE]\n> This comment was cut to fit GitHub's ${maxChars.toLocaleString('en-US')}-character limit; the full report is in ${where}.`;
  return truncateMarkdown(full, maxChars, pointer);
}

function isOurs(comment: CommentLike, marker: string, identity: GitHubIdentity): boolean {
  if (!comment.body?.includes(marker)) return false;
  const user = comment.user;
  if (!user || user.login.toLowerCase() !== identity.login.toLowerCase()) return false;
  // An assumed identity is only trusted for Bot accounts: a person can't be named `…[bot]`, but be strict anyway.
  return identity.source !== 'fallback' || user.type === 'Bot';
}

/**
 * Creates or updates the sticky comment `<!-- mlops:<kind>:<name> -->` on a pull request.
 * Reads every page of comments, matches only comments by our identity, updates in place, and
 * reports `unchanged` (no write) when the body is identical. Creation is never blindly retried
 * (a 5xx may hide a comment that was posted); duplicates of our own comment are deleted.
 */
export async function upsertStickyComment(octokit: GitHubClient, options: StickyCommentOptions): Promise<WriteResult> {
  const { owner, repo, issueNumber, kind, name } = options;
  const marker = stickyMarker(kind, name);
  if (issueNumber === undefined) return { operation: 'skipped', reason: 'no pull request in this run' };
  const body = buildStickyBody(kind, name, options.body, options.summaryUrl, options.maxChars);
  const where = `pull request #${issueNumber} in ${owner}/${repo}`;

  const identity = await withGitHubError('find out which account the token belongs to', () => resolveIdentity(octokit, options.authorLogin));
  const findOurs = async () => {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
    return (comments as CommentLike[]).filter((comment) => isOurs(comment, marker, identity));
  };
  const ours = await withGitHubError(`list the comments of ${where}`, findOurs);

  if (ours.length === 0) {
    const created = await withGitHubError(`create the ${kind} comment on ${where}`, () => createOnce(
      octokit,
      async () => (await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body, request: NO_RETRY })).data as CommentLike,
      // After a 5xx the comment may exist anyway: adopt it rather than post a second one.
      async () => (await findOurs())[0],
    ));
    return { operation: 'created', id: created.id, url: created.html_url };
  }
  const [existing, ...duplicates] = ours;
  let operation: WriteResult['operation'] = 'unchanged';
  let url = existing.html_url;
  if ((existing.body ?? '').replace(/\r\n/g, '\n') !== body) {
    const { data } = await withGitHubError(`update the ${kind} comment on ${where}`, () =>
      octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
    url = data.html_url;
    operation = 'updated';
  }
  // Duplicates can only come from an older version or a lost race; heal them so exactly one remains.
  for (const duplicate of duplicates) {
    await withGitHubError(`delete a duplicate ${kind} comment on ${where}`, () =>
      octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id }));
    operation = 'updated';
  }
  return { operation, id: existing.id, url };
}
