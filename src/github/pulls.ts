/**
 * Open-or-update a pull request from a fixed branch (DESIGN §6, retraining PRs): an open PR on the
 * branch is updated, never duplicated, including when another run creates it concurrently.
 */
import type { GitHubClient } from './client.ts';
import { statusOf, withGitHubError } from './errors.ts';
import { createOnce, NO_RETRY } from './idempotent.ts';
import { COMMENT_BODY_LIMIT, fitTitle, truncateMarkdown } from './truncate.ts';
import type { Operation } from './types.ts';

/** Options of {@link openOrUpdatePullRequest}. */
export interface PullRequestOptions {
  owner: string;
  repo: string;
  /** Head branch (`branch`, or `owner:branch` for a fork). */
  head: string;
  /** Base branch. */
  base: string;
  /** Put on one line and cut to GitHub's 256 characters (ending in `…`) when longer. */
  title: string;
  body: string;
  /** Labels that must be on the PR (added, never removed). */
  labels?: string[];
  /** Open new PRs as drafts. */
  draft?: boolean;
  /** Link used in the pointer when the body is cut to 65,536 characters. */
  summaryUrl?: string;
  /**
   * A commit of `head`: when no pull request from `head` is open and one was closed without being
   * merged while its head was this commit, none is created (`closed` in the result). Someone
   * declined that pull request; opening it again on every run over the same commit would ask again.
   */
  leaveClosedAt?: string;
}

/** The result of {@link openOrUpdatePullRequest}. */
export interface PullRequestResult {
  operation: Operation;
  number: number;
  url: string;
  /** Set when nothing was opened because the pull request `number` was closed unmerged at `leaveClosedAt`. */
  closed?: true;
}

interface PullLike {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  base: { ref: string };
  head?: { sha: string };
  merged_at?: string | null;
  labels: Array<{ name?: string }>;
}

function isAlreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const data = (error as { response?: { data?: { errors?: Array<{ message?: string }> } } }).response?.data;
  const text = `${(error as Error).message} ${(data?.errors ?? []).map((e) => e.message ?? '').join(' ')}`;
  return /pull request already exists/i.test(text);
}

/**
 * Creates the pull request `head → base`, or updates the open one for `head` (title, body, base),
 * and makes sure `labels` are on it. `unchanged` when nothing differs (no write at all).
 * A 422 "A pull request already exists" from a concurrent run is resolved by updating that PR.
 */
export async function openOrUpdatePullRequest(octokit: GitHubClient, options: PullRequestOptions): Promise<PullRequestResult> {
  const { owner, repo, head, base } = options;
  // GitHub refuses a title over 256 characters; a title made from data (column names) may be one.
  const title = fitTitle(options.title);
  const headFilter = head.includes(':') ? head : `${owner}:${head}`;
  const pointerTarget = options.summaryUrl ? `the [workflow run](${options.summaryUrl})` : 'the workflow run';
  const body = truncateMarkdown(options.body.replace(/\r\n/g, '\n'), COMMENT_BODY_LIMIT, `> [!NOTE]\n> Cut to fit GitHub's limit; the full text is in ${pointerTarget}.`);
  const where = `${owner}/${repo} from ${head} into ${base}`;

  const listOpen = async () => {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', head: headFilter, per_page: 100 });
    return (pulls as PullLike[]).find((p) => p.base.ref === base) ?? (pulls as PullLike[])[0];
  };
  const findOpen = () => withGitHubError(`list the open pull requests of ${where}`, listOpen);

  let operation: Operation;
  let pull = await findOpen();
  if (!pull && options.leaveClosedAt) {
    const sha = options.leaveClosedAt;
    const closed = await withGitHubError(`list the closed pull requests of ${where}`, async () =>
      (await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'closed', head: headFilter, per_page: 100 })) as PullLike[]);
    const declined = closed.find((p) => p.head?.sha === sha && !p.merged_at);
    if (declined) return { operation: 'unchanged', number: declined.number, url: declined.html_url, closed: true };
  }
  if (!pull) {
    try {
      pull = await createOnce(
        octokit,
        async () => (await octokit.rest.pulls.create({ owner, repo, head, base, title, body, draft: options.draft ?? false, request: NO_RETRY })).data as PullLike,
        listOpen,
      );
      operation = 'created';
    } catch (error) {
      if (!isAlreadyExists(error)) {
        return withGitHubError(`open a pull request in ${where}`, () => Promise.reject(error));
      }
      // Another run won the race: treat its PR as ours.
      pull = await findOpen();
      if (!pull) return withGitHubError(`open a pull request in ${where}`, () => Promise.reject(error));
      operation = 'unchanged';
    }
  } else {
    operation = 'unchanged';
  }

  if (operation !== 'created') {
    const changes: { title?: string; body?: string; base?: string } = {};
    if (pull.title !== title) changes.title = title;
    if ((pull.body ?? '').replace(/\r\n/g, '\n') !== body) changes.body = body;
    if (pull.base.ref !== base) changes.base = base;
    if (Object.keys(changes).length > 0) {
      const current = pull;
      const { data } = await withGitHubError(`update pull request #${current.number} in ${owner}/${repo}`, () =>
        octokit.rest.pulls.update({ owner, repo, pull_number: current.number, ...changes }));
      pull = data as PullLike;
      operation = 'updated';
    }
  }

  const present = new Set(pull.labels.map((label) => (label.name ?? '').toLowerCase()));
  const missing = [...new Set(options.labels ?? [])].filter((label) => label && !present.has(label.toLowerCase()));
  if (missing.length > 0) {
    const number = pull.number;
    await withGitHubError(`add labels ${missing.join(', ')} to pull request #${number} in ${owner}/${repo}`, () =>
      octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: missing }));
    if (operation === 'unchanged') operation = 'updated';
  }
  return { operation, number: pull.number, url: pull.html_url };
}
