/**
 * Tags and branches through the git data API, idempotently. The registry normally pushes real git
 * tags; these helpers serve runs that have no push access to a checkout (API-only writes).
 */
import type { GitHubClient } from './client.ts';
import { GitHubError, statusOf, withGitHubError } from './errors.ts';
import type { Operation } from './types.ts';

/** Options of {@link ensureTag}. */
export interface TagOptions {
  owner: string;
  repo: string;
  /** Tag name without `refs/tags/` (e.g. `weather@v1.2.0`). */
  tag: string;
  /** Commit the tag must point at. */
  sha: string;
  /** Annotated tag message; the registry's tags are always annotated (DESIGN §5). */
  message: string;
  tagger?: { name: string; email: string; date?: string };
}

/** Result of a ref helper: what happened and the commit the ref resolves to. */
export interface RefResult {
  operation: Operation;
  sha: string;
}

interface RefData { object: { sha: string; type: string } }

async function getRef(octokit: GitHubClient, owner: string, repo: string, ref: string): Promise<RefData | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref });
    return data as RefData;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

async function peel(octokit: GitHubClient, owner: string, repo: string, ref: RefData): Promise<string> {
  let object = ref.object;
  // Annotated tags point at tag objects; follow them (tags of tags are legal) to the commit.
  for (let depth = 0; object.type === 'tag' && depth < 8; depth++) {
    const { data } = await octokit.rest.git.getTag({ owner, repo, tag_sha: object.sha });
    object = data.object;
  }
  return object.sha;
}

/**
 * Creates the annotated tag `tag` on `sha`, or confirms it is already there (`unchanged`).
 * Tags are immutable: an existing tag on another commit is an error, never moved.
 */
export async function ensureTag(octokit: GitHubClient, options: TagOptions): Promise<RefResult> {
  const { owner, repo, tag, sha } = options;
  const what = `tag ${tag} in ${owner}/${repo}`;
  const check = async (ref: RefData): Promise<RefResult> => {
    const commit = await withGitHubError(`read ${what}`, () => peel(octokit, owner, repo, ref));
    if (commit !== sha) {
      throw new GitHubError(`Could not create ${what}: it already points at ${commit}, not ${sha}; tags are never moved — register a new version instead.`, { status: 409, attempted: `create ${what}` });
    }
    return { operation: 'unchanged', sha: commit };
  };
  const existing = await withGitHubError(`look up ${what}`, () => getRef(octokit, owner, repo, `tags/${tag}`));
  if (existing) return check(existing);
  const { data: tagObject } = await withGitHubError(`create the tag object for ${what}`, () => octokit.rest.git.createTag({
    owner, repo, tag, message: options.message, object: sha, type: 'commit', ...(options.tagger ? { tagger: options.tagger } : {}),
  }));
  try {
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: tagObject.sha });
  } catch (error) {
    if (statusOf(error) !== 422) return withGitHubError(`create ${what}`, () => Promise.reject(error));
    // "Reference already exists": a concurrent run created it; accept it only if it is the same commit.
    const raced = await withGitHubError(`look up ${what}`, () => getRef(octokit, owner, repo, `tags/${tag}`));
    if (!raced) return withGitHubError(`create ${what}`, () => Promise.reject(error));
    return check(raced);
  }
  return { operation: 'created', sha };
}

/** Options of {@link ensureBranch}. */
export interface BranchOptions {
  owner: string;
  repo: string;
  branch: string;
  sha: string;
  /** Allow a non-fast-forward move (the retraining branch is rewritten each time). */
  force?: boolean;
}

/** Points `refs/heads/<branch>` at `sha`: created, updated, or unchanged when it already does. */
export async function ensureBranch(octokit: GitHubClient, options: BranchOptions): Promise<RefResult> {
  const { owner, repo, branch, sha } = options;
  const what = `branch ${branch} in ${owner}/${repo}`;
  const existing = await withGitHubError(`look up ${what}`, () => getRef(octokit, owner, repo, `heads/${branch}`));
  if (!existing) {
    await withGitHubError(`create ${what}`, () => octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha }));
    return { operation: 'created', sha };
  }
  if (existing.object.sha === sha) return { operation: 'unchanged', sha };
  await withGitHubError(`update ${what}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: options.force ?? false }));
  return { operation: 'updated', sha };
}
