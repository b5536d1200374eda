/**
 * Git access for the registry, through the `git` binary (child_process), not a library:
 * - no dependency: every runner and developer machine that has a checkout has git;
 * - exact CLI semantics, including `git push --atomic` (all tags land or none) and the remote's
 *   refusal to overwrite an existing tag, which is what makes concurrent registration safe;
 * - it works with whatever credential helper, SSH agent or `http.extraheader` (actions/checkout)
 *   the user has configured — a JS git implementation would need its own auth plumbing.
 */
import { InputError } from '../core/errors.ts';
import { GitError, runGit, type GitContext } from '../core/git.ts';
import { RegistryMissError } from './errors.ts';

export { GitError, runGit };
export type { GitContext };

/** The repository's top-level directory; InputError when `cwd` is not inside a git work tree. */
export async function repoRoot(ctx: GitContext): Promise<string> {
  try {
    return (await runGit(ctx, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (error instanceof GitError) throw new RegistryMissError('no-repository', 'not a git repository (the registry lives in git tags)', { file: ctx.cwd });
    throw error;
  }
}

/** Resolves a revision to a full commit sha; InputError naming the revision when it does not exist. */
export async function resolveCommit(ctx: GitContext, rev: string): Promise<string> {
  // A value starting with '-' would be read by git as an option.
  if (rev.startsWith('-')) throw new InputError(`invalid revision '${rev}'`, { key: 'commit' });
  try {
    return (await runGit(ctx, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    // A fresh `git init` has no commit at all: HEAD is unborn, and any revision fails.
    const any = await runGit(ctx, ['rev-list', '-n', '1', '--all']).catch(() => '');
    if (any.trim() === '') {
      throw new InputError(`the repository has no commit yet, so there is no '${rev}' to tag: commit the code and config the model was trained from first`, { file: ctx.cwd });
    }
    throw new InputError(`no such commit '${rev}'`, { key: 'commit' });
  }
}

/** One tag as stored in the repository. */
export interface RawTag {
  name: string;
  /** The tag object's id (annotated) or the commit id (lightweight). */
  object: string;
  annotated: boolean;
  /** The commit the tag peels to; null when it points at something else (a tree, a blob). */
  commit: string | null;
  taggerName: string;
  taggerEmail: string;
  /** Unix seconds. */
  taggerTime: number;
  message: string;
}

const FIELDS = ['%(refname)', '%(objecttype)', '%(objectname)', '%(*objectname)', '%(*objecttype)', '%(taggername)', '%(taggeremail)', '%(taggerdate:unix)', '%(contents)'];

/** Lists every tag with its annotation, in one git call. */
export async function listTags(ctx: GitContext): Promise<RawTag[]> {
  // NUL-separated fields: a tag message may contain anything except NUL.
  const out = await runGit(ctx, ['for-each-ref', `--format=${FIELDS.join('%00')}%00`, 'refs/tags']);
  const parts = out.split('\0');
  const tags: RawTag[] = [];
  for (let i = 0; i + FIELDS.length <= parts.length; i += FIELDS.length) {
    const [ref, type, object, peeled, peeledType, tName, tEmail, tTime, contents] = parts.slice(i, i + FIELDS.length) as string[];
    const name = ref!.replace(/^\n/, '').replace(/^refs\/tags\//, '');
    const annotated = type === 'tag';
    tags.push({
      name,
      object: object!,
      annotated,
      commit: annotated ? (peeledType === 'commit' ? peeled! : null) : type === 'commit' ? object! : null,
      taggerName: tName ?? '',
      taggerEmail: (tEmail ?? '').replace(/^<|>$/g, ''),
      taggerTime: Number(tTime) || 0,
      message: contents ?? '',
    });
  }
  return tags;
}

/** Creates an annotated tag; the message is passed verbatim (git would strip `#` lines otherwise). */
export async function createAnnotatedTag(ctx: GitContext, tag: string, commit: string, message: string): Promise<string> {
  try {
    await runGit(ctx, ['tag', '-a', '--cleanup=verbatim', '-F', '-', tag, commit], message);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (/already exists/.test(error.stderr)) throw new InputError(`tag '${tag}' already exists`, { key: tag });
    // The name and commit were checked before: what is left is the user's git set-up, most often
    // no identity at all (a CI runner's git has none) — an annotated tag needs a tagger.
    if (/Please tell me who you are|unable to auto-detect email address|empty ident name/.test(error.stderr)) {
      throw new InputError(
        `git has no identity to write tag '${tag}' with (an annotated tag names its tagger): run 'git config user.name "Your Name"' and ` +
          "'git config user.email you@example.com', or set GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL (in GitHub Actions e.g. github-actions[bot] and " +
          "41898282+github-actions[bot]@users.noreply.github.com)",
        { key: tag }, { cause: error },
      );
    }
    const reason = error.stderr.split('\n').map((l) => l.trim()).filter(Boolean).join('; ') || error.message;
    throw new InputError(`git could not write tag '${tag}': ${reason}`, { key: tag }, { cause: error });
  }
  return (await runGit(ctx, ['rev-parse', `refs/tags/${tag}`])).trim();
}

/** Deletes a local tag only if it still is the object we created (compare-and-delete). */
export async function deleteTagIf(ctx: GitContext, tag: string, object: string): Promise<void> {
  await runGit(ctx, ['update-ref', '-d', `refs/tags/${tag}`, object]);
}

/** A remote name or URL; one starting with '-' would be read by git as an option (e.g. --receive-pack). */
export function checkRemote(remote: string): void {
  if (!remote || remote.startsWith('-')) throw new InputError(`invalid remote '${remote}'`, { key: 'remote' });
}

/**
 * Result of a push: accepted, or rejected with git's reason. `exists`: refused because the tag
 * already exists there (a concurrent writer won), as opposed to a remote that declines the push
 * for its own reasons (a hook, GitHub's tag rulesets, permissions).
 */
export type PushResult = { ok: true } | { ok: false; reason: string; rejectedByRemote: boolean; exists: boolean };

/**
 * Pushes tags atomically (`--atomic`: all or none). A tag that already exists on the remote is
 * refused by git without `--force`, which is how a concurrent registration of the same version
 * loses cleanly.
 */
export async function pushTags(ctx: GitContext, remote: string, tags: string[]): Promise<PushResult> {
  checkRemote(remote);
  try {
    await runGit(ctx, ['push', '--atomic', '--porcelain', remote, ...tags.map((t) => `refs/tags/${t}:refs/tags/${t}`)]);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const text = `${error.stdout}\n${error.stderr}`;
    const rejected = /\[rejected\]|already exists|\[remote rejected\]|atomic push failed/.test(text);
    const reason = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^(To |Done$)/.test(l)).join('; ') || error.message;
    return { ok: false, reason, rejectedByRemote: rejected, exists: /already exists|cannot lock ref|failed to (?:update|lock) ref/.test(text) };
  }
}

/**
 * Fetches all tags from a remote (CI checkouts are often shallow and tagless). A remote git cannot
 * reach or read (no such remote, network, credentials) is an InputError quoting git's reason.
 */
export async function fetchTags(ctx: GitContext, remote: string): Promise<void> {
  checkRemote(remote);
  try {
    await runGit(ctx, ['fetch', '--tags', '--force', '--quiet', remote]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const reason = error.stderr.split('\n').map((l) => l.trim()).filter(Boolean).join('; ') || error.message;
    throw new InputError(`could not fetch the registry tags from '${remote}': ${reason}`, { key: 'remote' }, { cause: error });
  }
}

/** The identity git would use as tagger, for `createdBy`. */
export async function gitIdentity(ctx: GitContext): Promise<string> {
  try {
    const ident = (await runGit(ctx, ['var', 'GIT_COMMITTER_IDENT'])).trim();
    return ident.replace(/\s+\d+\s+[+-]\d{4}$/, '');
  } catch {
    return 'unknown';
  }
}
