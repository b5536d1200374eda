/**
 * Sticky comments (DESIGN §6): one comment per `<kind>:<name>` on a pull request, found by a hidden
 * marker among ALL pages of comments written by our own identity, updated in place.
 */
import { groupDigits } from '../core/text.ts';
import type { GitHubClient } from './client.ts';
import { InputError } from '../core/errors.ts';
import { type GitHubError, statusOf, withGitHubError } from './errors.ts';
import { createOnce, NO_RETRY } from './idempotent.ts';
import { COMMENT_BODY_LIMIT, truncateMarkdown } from './truncate.ts';
import type { WriteResult } from './types.ts';

/** The login GitHub shows for comments written with the workflow's `GITHUB_TOKEN`. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * Who we are on GitHub; `source` says how we know.
 * - `user`: from `GET /user` (a PAT or OAuth token);
 * - `override`: given by the caller (`authorLogin`, the actions' `comment-author` input);
 * - `fallback`: the token is known to be the workflow's `GITHUB_TOKEN`, whose comments are
 *   written by `github-actions[bot]`;
 * - `bot`: an installation token that is not known to be `GITHUB_TOKEN` (e.g. a GitHub App's,
 *   which comments as `<app-slug>[bot]` — a login no installation-token endpoint reveals): our
 *   comments are those of *a* Bot account, minus the logins in `notLogins`.
 */
export interface GitHubIdentity {
  /** Our login; absent for `bot`, where only "some Bot account" is known. */
  login?: string;
  /** `User` or `Bot`, when known. */
  type?: string;
  source: 'user' | 'override' | 'fallback' | 'bot';
  /** `bot` only: Bot logins that are certainly not ours (`github-actions[bot]` when the token is not GITHUB_TOKEN). */
  notLogins?: string[];
}

/** What `GET /user` said, per client: the account, or `null` for an installation token (403/404). */
const userCache = new WeakMap<object, Promise<{ login: string; type?: string } | null>>();

function authenticatedUser(octokit: GitHubClient): Promise<{ login: string; type?: string } | null> {
  let cached = userCache.get(octokit);
  if (!cached) {
    cached = (async () => {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return { login: data.login, type: data.type };
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) return null;
        throw error;
      }
    })();
    userCache.set(octokit, cached);
    // A transient failure must not poison later calls.
    cached.catch(() => userCache.delete(octokit));
  }
  return cached;
}

/**
 * Finds the identity our comments are written under. A PAT or OAuth token can read `GET /user`;
 * `GITHUB_TOKEN` and App installation tokens get 403 there and comment as a Bot account:
 * `github-actions[bot]` for `GITHUB_TOKEN`, `<app-slug>[bot]` for an App. `login` (the
 * `comment-author` input) names the account outright; `defaultToken` says whether the token is
 * the workflow's `GITHUB_TOKEN` (`true`), certainly another one (`false`), or unknown.
 */
export async function resolveIdentity(octokit: GitHubClient, login?: string, options: { defaultToken?: boolean } = {}): Promise<GitHubIdentity> {
  if (login) return { login, source: 'override' };
  const user = await authenticatedUser(octokit);
  if (user) return { login: user.login, ...(user.type ? { type: user.type } : {}), source: 'user' };
  if (options.defaultToken === true) return { login: ACTIONS_BOT_LOGIN, type: 'Bot', source: 'fallback' };
  return { type: 'Bot', source: 'bot', notLogins: options.defaultToken === false ? [ACTIONS_BOT_LOGIN] : [] };
}

/**
 * Percent-encodes what must not appear inside the marker: `>` (it would end the HTML comment and
 * show the marker), `-` before another `-` (`--` is not allowed in an HTML comment), CR and LF
 * (the marker is one line), and `%` where it starts an escape, so distinct names never share a
 * marker. Names without these characters are unchanged, so existing comments are still found.
 */
function markerText(text: string): string {
  return text
    .replace(/%(?=[0-9A-Fa-f]{2})/g, '%25')
    .replace(/>/g, '%3E')
    .replace(/-(?=-)/g, '%2D')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

/**
 * The hidden marker that identifies a sticky comment, `<!-- mlops:<kind>:<name> -->`, with
 * `kind` and `name` escaped (a data path such as `data/train--v2.csv` is a valid name). The same
 * name always gives the same marker.
 */
export function stickyMarker(kind: string, name: string): string {
  for (const [key, value] of [['kind', kind], ['name', name]] as const) {
    if (!value) throw new InputError(`sticky comment ${key} must be non-empty`, { key });
  }
  return `<!-- mlops:${markerText(kind)}:${markerText(name)} -->`;
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
  /** Login our comments are written under, when `GET /user` cannot tell (App tokens: `<app-slug>[bot]`). */
  authorLogin?: string;
  /**
   * Whether the token is the workflow's `GITHUB_TOKEN` (the actions know: `inputs.token ==
   * github.token`). `true`: an installation identity is `github-actions[bot]`; `false`: it is some
   * other Bot (an App); unknown: any Bot, `github-actions[bot]`'s comments tried first.
   */
  defaultToken?: boolean;
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
  const pointer = `> [!NOTE]\n> This comment was cut to fit GitHub's ${groupDigits(maxChars)}-character limit; the full report is in ${where}.`;
  return truncateMarkdown(full, maxChars, pointer);
}

/**
 * A sticky comment is one whose body STARTS with the marker (as ours always do): a comment that
 * merely quotes the marker somewhere is someone's text, never ours to overwrite or delete.
 * `>` is escaped inside the marker, so its first `>` is its end and a prefix match is exact.
 */
function carriesMarker(comment: CommentLike, marker: string): boolean {
  return (comment.body ?? '').startsWith(marker);
}

/** Whether the identity could have written the comment (`notOurs`: lower-case logins ruled out). */
function writtenBy(comment: CommentLike, identity: GitHubIdentity, notOurs: ReadonlySet<string>): boolean {
  const user = comment.user;
  if (!user || notOurs.has(user.login.toLowerCase())) return false;
  // An assumed identity is only trusted for Bot accounts: a person can't be named `…[bot]`, but be strict anyway.
  if (identity.source === 'bot') return user.type === 'Bot';
  if (user.login.toLowerCase() !== identity.login?.toLowerCase()) return false;
  return identity.source !== 'fallback' || user.type === 'Bot';
}

/**
 * Candidates grouped by author, in the order to try them: with a known identity there is one
 * group. With only "some Bot" known, each Bot's comments form a group, `github-actions[bot]`'s
 * first (the identity of the default token), then by first appearance.
 */
function groupByAuthor(comments: CommentLike[]): CommentLike[][] {
  const groups = new Map<string, CommentLike[]>();
  for (const comment of comments) {
    const login = comment.user?.login.toLowerCase() ?? '';
    groups.set(login, [...(groups.get(login) ?? []), comment]);
  }
  const actions = groups.get(ACTIONS_BOT_LOGIN);
  groups.delete(ACTIONS_BOT_LOGIN);
  return [...(actions ? [actions] : []), ...groups.values()];
}

const sameBody = (a: string | null | undefined, b: string): boolean => (a ?? '').replace(/\r\n/g, '\n') === b;

/**
 * The identity our comments are written under, the Bot logins ruled out (`notOurs`, which a caller
 * may add to), and a lister of our comments on the pull request that start with `marker`.
 */
async function ourComments(
  octokit: GitHubClient, options: Pick<StickyCommentOptions, 'owner' | 'repo' | 'authorLogin' | 'defaultToken'>, issueNumber: number, marker: string,
): Promise<{ identity: GitHubIdentity; notOurs: Set<string>; findOurs: () => Promise<CommentLike[]> }> {
  const { owner, repo } = options;
  const identity = await withGitHubError('find out which account the token belongs to', () =>
    resolveIdentity(octokit, options.authorLogin, options.defaultToken === undefined ? {} : { defaultToken: options.defaultToken }));
  const notOurs = new Set((identity.notLogins ?? []).map((login) => login.toLowerCase()));
  const findOurs = async (): Promise<CommentLike[]> => {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
    return (comments as CommentLike[]).filter((comment) => carriesMarker(comment, marker) && writtenBy(comment, identity, notOurs));
  };
  return { identity, notOurs, findOurs };
}

/**
 * Creates or updates the sticky comment `<!-- mlops:<kind>:<name> -->` on a pull request.
 * Reads every page of comments, matches only comments that start with the marker and are by our
 * identity, updates in place, and reports `unchanged` (no write) when the body is identical.
 * Creation is never blindly retried (a 5xx may hide a comment that was posted); duplicates of our
 * own comment are deleted. Overlapping runs are expected: a duplicate already deleted (404) is
 * done, and a comment deleted before its update (404) is replaced by the next one or a new one.
 */
export async function upsertStickyComment(octokit: GitHubClient, options: StickyCommentOptions): Promise<WriteResult> {
  const { owner, repo, issueNumber, kind, name } = options;
  const marker = stickyMarker(kind, name);
  if (issueNumber === undefined) return { operation: 'skipped', reason: 'no pull request in this run' };
  const body = buildStickyBody(kind, name, options.body, options.summaryUrl, options.maxChars);
  const where = `pull request #${issueNumber} in ${owner}/${repo}`;
  const { identity, notOurs, findOurs } = await ourComments(octokit, options, issueNumber, marker);
  const candidates = await withGitHubError(`list the comments of ${where}`, findOurs);

  for (const group of groupByAuthor(candidates)) {
    const outcome = await updateGroup(group);
    if (outcome === 'gone') break;
    if (outcome !== 'not-ours') return outcome;
  }
  const created = await withGitHubError(`create the ${kind} comment on ${where}`, () => createOnce(
    octokit,
    async () => (await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body, request: NO_RETRY })).data as CommentLike,
    // After a 5xx the comment may exist anyway: adopt it rather than post a second one.
    async () => (await findOurs())[0],
  ));
  return { operation: 'created', id: created.id, url: created.html_url };

  /**
   * Keeps the first comment of one author (updated unless identical) and deletes the rest.
   * `gone`: every one was deleted meanwhile (create anew); `not-ours`: an assumed Bot identity
   * was refused the edit (403), so these are another Bot's comments.
   */
  async function updateGroup(group: CommentLike[]): Promise<WriteResult | 'gone' | 'not-ours'> {
    let remaining = group;
    for (;;) {
      const [existing, ...duplicates] = remaining;
      if (!existing) return 'gone';
      let operation: WriteResult['operation'] = 'unchanged';
      let url = existing.html_url;
      if (!sameBody(existing.body, body)) {
        try {
          const { data } = await withGitHubError(`update the ${kind} comment on ${where}`, () =>
            octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
          url = data.html_url;
          operation = 'updated';
        } catch (error) {
          const status = (error as GitHubError).status;
          // Deleted since we listed it (an overlapping run healing duplicates, or a person): keep the next one.
          if (status === 404) { remaining = duplicates; continue; }
          if (status === 403 && identity.source === 'bot') {
            notOurs.add(existing.user?.login.toLowerCase() ?? '');
            return 'not-ours';
          }
          throw error;
        }
      }
      // Duplicates can only come from an older version or a lost race; heal them so exactly one remains.
      for (const duplicate of duplicates) {
        try {
          await withGitHubError(`delete a duplicate ${kind} comment on ${where}`, () =>
            octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id }));
          operation = 'updated';
        } catch (error) {
          // Already deleted by an overlapping run: the delete is done.
          if ((error as GitHubError).status !== 404) throw error;
        }
      }
      return { operation, id: existing.id, url };
    }
  }
}

/** Options of {@link markStickyComment}. */
export interface StickyNoticeOptions extends Omit<StickyCommentOptions, 'body'> {
  /** Markdown put at the top of the comment, above its report (replacing an earlier notice). */
  notice: string;
}

/** Delimit a notice inside a sticky comment, so a later notice replaces it and the report stays as it was. */
const NOTICE_START = '<!-- mlops:notice -->';
const NOTICE_END = '<!-- /mlops:notice -->';

/** A sticky body's report, without the marker line and without a notice (see {@link markStickyComment}). */
export function stickyReport(body: string, marker: string): string {
  let rest = body.replace(/\r\n/g, '\n').slice(marker.length).replace(/^\n/, '');
  if (rest.startsWith(NOTICE_START)) {
    const end = rest.indexOf(NOTICE_END);
    if (end >= 0) rest = rest.slice(end + NOTICE_END.length).replace(/^\n/, '');
  }
  return rest;
}

/**
 * Puts `notice` at the top of our sticky comment (kind, name), above its report, which stays as it
 * was: for a report that no longer describes the pull request (a later push failed validation, so
 * nothing was evaluated). `unchanged` when that notice is already there; `skipped` when there is
 * no such comment (nothing was reported, so nothing is outdated). The next report replaces the
 * whole comment, notice included. Duplicates are left to the next report's upsert.
 */
export async function markStickyComment(octokit: GitHubClient, options: StickyNoticeOptions): Promise<WriteResult> {
  const { owner, repo, issueNumber, kind, name } = options;
  const marker = stickyMarker(kind, name);
  if (issueNumber === undefined) return { operation: 'skipped', reason: 'no pull request in this run' };
  const where = `pull request #${issueNumber} in ${owner}/${repo}`;
  const { identity, findOurs } = await ourComments(octokit, options, issueNumber, marker);
  const ours = await withGitHubError(`list the comments of ${where}`, findOurs);
  for (const group of groupByAuthor(ours)) {
    const existing = group[0];
    const report = stickyReport(existing.body ?? '', marker);
    const body = buildStickyBody(kind, name, `${NOTICE_START}\n${options.notice.replace(/\r\n/g, '\n')}\n${NOTICE_END}\n${report}`, options.summaryUrl, options.maxChars);
    if (sameBody(existing.body, body)) return { operation: 'unchanged', id: existing.id, url: existing.html_url };
    try {
      const { data } = await withGitHubError(`update the ${kind} comment on ${where}`, () =>
        octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
      return { operation: 'updated', id: existing.id, url: data.html_url };
    } catch (error) {
      const status = (error as GitHubError).status;
      // Deleted meanwhile (nothing left to mark), or another Bot's comment (try the next author).
      if (status === 404) return { operation: 'skipped', reason: `the ${kind} comment was deleted meanwhile` };
      if (status === 403 && identity.source === 'bot') continue;
      throw error;
    }
  }
  return { operation: 'skipped', reason: `no ${kind} comment for ${name} on ${where}` };
}
