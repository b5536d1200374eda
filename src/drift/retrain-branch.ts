/**
 * The retraining branch: one fixed branch per model (`mlops/retrain/<name>`) that receives a commit
 * recording the drift report. Built with git plumbing (a temporary index, `commit-tree`) so the
 * user's working tree, index and current branch are never touched, then pushed without force:
 * if someone else moved the branch meanwhile, the push is refused and nothing is overwritten. Once
 * the branch has been merged into the base, the next commit is built on the base (see
 * {@link pushRetrainBranch}).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { GitError, runGit, type GitContext } from '../core/git.ts';

export interface RetrainBranchOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  remote?: string;
  branch: string;
  /** Base for a new branch: a branch name or commit (default: HEAD). */
  base?: string;
  /** Files to write on the branch, repository-relative. */
  files: RetrainFile[];
  message: string;
  /** Push to the remote (default true); without it only the local branch ref is set. */
  push?: boolean;
}

/** One file to write on the retraining branch. */
export interface RetrainFile {
  path: string;
  content: string;
  /**
   * True when the branch's current content of the file says the same as `content` (e.g. differs
   * only in a timestamp): the file is then left as it is, so a re-run with the same findings
   * commits nothing.
   */
  same?: (current: string) => boolean;
}

export interface RetrainBranchResult {
  /** created: a new branch; updated: a new commit on it; unchanged: the files were already there. */
  operation: 'created' | 'updated' | 'unchanged';
  branch: string;
  /** The branch's commit; the base's when `inBase` and there is no branch. */
  commit: string;
  parent: string;
  /**
   * The existing branch had already been merged into the base (the base contains its commit, or
   * holds its files as a squash or rebase merge leaves them), so the new commit was built on the
   * base instead of on the branch.
   */
  merged?: boolean;
  /**
   * The base already holds these files (or files `same` judges the same): there is nothing to
   * propose, and no branch was created or moved (`operation` is `unchanged`).
   */
  inBase?: boolean;
}

// The identity GitHub's own bot commits with, used when the runner has none configured.
const BOT_NAME = 'github-actions[bot]';
const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

async function gitOrNull(ctx: GitContext, args: string[]): Promise<string | null> {
  try {
    return (await runGit(ctx, args)).trim();
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

async function identityEnv(ctx: GitContext): Promise<Record<string, string>> {
  const name = await gitOrNull(ctx, ['config', 'user.name']);
  const email = await gitOrNull(ctx, ['config', 'user.email']);
  const env: Record<string, string> = {};
  if (!name && !ctx.env?.GIT_AUTHOR_NAME) Object.assign(env, { GIT_AUTHOR_NAME: BOT_NAME, GIT_COMMITTER_NAME: BOT_NAME });
  if (!email && !ctx.env?.GIT_AUTHOR_EMAIL) Object.assign(env, { GIT_AUTHOR_EMAIL: BOT_EMAIL, GIT_COMMITTER_EMAIL: BOT_EMAIL });
  return env;
}

/** The base's commit: the remote's copy of a branch name first, then a local ref; null when none exists. */
async function findBase(ctx: GitContext, remote: string, base: string | undefined, pushing: boolean): Promise<string | null> {
  const candidates = base ? (pushing ? [`refs/remotes/${remote}/${base}`, base] : [base]) : ['HEAD'];
  if (base && pushing) await gitOrNull(ctx, ['fetch', '--quiet', remote, `refs/heads/${base}:refs/remotes/${remote}/${base}`]);
  for (const rev of candidates) {
    const sha = await gitOrNull(ctx, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    if (sha) return sha;
  }
  return null;
}

/** Resolves the base for a new branch (see {@link findBase}); an InputError when it does not exist. */
async function resolveBase(ctx: GitContext, remote: string, base: string | undefined, pushing: boolean): Promise<string> {
  const sha = await findBase(ctx, remote, base, pushing);
  if (sha) return sha;
  throw new InputError(`base '${base ?? 'HEAD'}' for the retraining branch does not exist`, { key: 'drift.retrain.base' });
}

/** The blob of `path` in `commit`, or null when the commit has no such file. */
function blobOf(ctx: GitContext, commit: string, path: string): Promise<string | null> {
  return gitOrNull(ctx, ['rev-parse', '--verify', '--quiet', `${commit}:${path}`]);
}

/**
 * Whether `branch` has already been merged into `base`: the base contains the branch's commit (a
 * fast-forward or a merge commit), or holds the branch's version of every file the branch changed
 * since it forked from the base (a squash or rebase merge, whose commits differ from the branch's).
 * A commit pushed to the branch after a squash merge changes a file the base does not have in that
 * version, so that branch counts as not merged and is built on, never replaced.
 */
async function mergedInto(ctx: GitContext, branch: string, base: string): Promise<boolean> {
  if (await gitOrNull(ctx, ['merge-base', '--is-ancestor', branch, base]) !== null) return true;
  const forkPoint = await gitOrNull(ctx, ['merge-base', branch, base]);
  if (!forkPoint) return false;
  const changed = (await runGit(ctx, ['diff', '--name-only', '-z', '--no-renames', forkPoint, branch])).split('\0').filter(Boolean);
  if (changed.length === 0) return false;
  for (const path of changed) {
    if (await blobOf(ctx, branch, path) !== await blobOf(ctx, base, path)) return false;
  }
  return true;
}

/**
 * Commits `files` onto `branch` (creating it from `base` when it does not exist, locally or on the
 * remote) and pushes it. Returns `unchanged` without committing or pushing when the branch's files
 * already hold this content (or, for a file with `same`, content it judges the same).
 *
 * A branch that was already merged into `base` (its pull request merged, the branch kept) is not
 * built on: the new commit goes on the base, and the branch is moved there (a fast-forward after a
 * merge commit; after a squash or rebase merge a push with a lease on the old commit, so a branch
 * someone moved meanwhile is still refused). When the base itself already holds the files — the
 * findings were merged and nothing changed since — nothing is committed or pushed (`inBase`).
 */
export async function pushRetrainBranch(options: RetrainBranchOptions): Promise<RetrainBranchResult> {
  const ctx: GitContext = { cwd: options.cwd, env: options.env };
  const remote = options.remote ?? 'origin';
  const push = options.push ?? true;
  const ref = `refs/heads/${options.branch}`;
  if (await gitOrNull(ctx, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
    throw new InputError('not inside a git repository: the retraining branch needs one', { file: options.cwd });
  }
  // Checked before anything is written: git refuses such a name only at the push, after the
  // commit, in words that blamed someone else's push.
  if (options.branch.startsWith('-') || await gitOrNull(ctx, ['check-ref-format', '--branch', options.branch]) === null) {
    throw new InputError(`'${options.branch}' is not a valid git branch name (no spaces, ~ ^ : ? * [ \\, .., @{ or trailing . / .lock); the default is mlops/retrain/<name>`, { key: 'drift.retrain.branch' });
  }
  if (options.base !== undefined && options.base.replace(/^refs\/heads\//, '') === options.branch) {
    // The report would be committed straight onto the base and pushed there, unreviewed, and the
    // pull request from a branch into itself is refused by GitHub afterwards.
    throw new InputError(`the retraining branch '${options.branch}' is the base of its pull request: the drift report would be pushed to ${options.branch} itself, unreviewed. Name a branch of its own (the default is mlops/retrain/<name>)`, { key: 'drift.retrain.branch' });
  }

  let existing: string | null = null;
  if (push) {
    const listed = await runGit(ctx, ['ls-remote', '--heads', remote, ref]).catch((error: unknown) => {
      throw new InputError(`cannot reach git remote '${remote}': ${error instanceof GitError ? error.stderr.trim() : String(error)}`, { key: 'remote' });
    });
    existing = listed.split('\n').find((l) => l.endsWith(`\t${ref}`))?.split('\t')[0] ?? null;
    if (existing) await runGit(ctx, ['fetch', '--quiet', remote, `+${ref}:refs/mlops/retrain-parent`]);
  } else {
    existing = await gitOrNull(ctx, ['rev-parse', '--verify', '--quiet', ref]);
  }
  // A branch merged into the base (with or without its pull request) is rebuilt on the base: on its
  // old commit the next pull request would be empty ("No commits between …") or propose files the
  // base already has, and its checkout would miss everything merged since.
  let merged = false;
  let parent: string;
  if (existing) {
    const baseSha = options.base && options.base !== options.branch ? await findBase(ctx, remote, options.base, push) : null;
    merged = baseSha !== null && await mergedInto(ctx, existing, baseSha);
    parent = merged ? baseSha! : existing;
  } else {
    parent = await resolveBase(ctx, remote, options.base, push);
  }

  // Build the new tree in a private index file so the user's index stays as it is.
  const tmp = await mkdtemp(join(tmpdir(), 'mlops-retrain-'));
  const indexEnv = { ...(options.env ?? {}), GIT_INDEX_FILE: join(tmp, 'index') };
  const ictx: GitContext = { cwd: options.cwd, env: indexEnv };
  let tree: string;
  try {
    await runGit(ictx, ['read-tree', parent]);
    for (const file of options.files) {
      // Compared with the parent: the branch, or the base for a new or rebuilt branch (the base
      // holds the file once a retraining pull request was merged).
      if (file.same) {
        const current = await runGit(ictx, ['cat-file', 'blob', `${parent}:${file.path}`]).catch((error: unknown) => {
          if (error instanceof GitError) return null; // not there yet
          throw error;
        });
        if (current !== null && file.same(current)) continue;
      }
      const blob = (await runGit(ictx, ['hash-object', '-w', '--stdin'], file.content)).trim();
      await runGit(ictx, ['update-index', '--add', '--cacheinfo', `100644,${blob},${file.path}`]);
    }
    tree = (await runGit(ictx, ['write-tree'])).trim();
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const parentTree = (await runGit(ctx, ['rev-parse', `${parent}^{tree}`])).trim();
  if (tree === parentTree) {
    // Nothing to commit: the branch (or, for a new or merged branch, the base) already has it all.
    if (existing && !merged) return { operation: 'unchanged', branch: options.branch, commit: existing, parent: existing };
    return { operation: 'unchanged', branch: options.branch, commit: existing ?? parent, parent, ...(merged ? { merged } : {}), inBase: true };
  }
  const commitEnv = { ...(options.env ?? {}), ...(await identityEnv(ctx)) };
  const commit = (await runGit({ cwd: options.cwd, env: commitEnv }, ['commit-tree', tree, '-p', parent, '-m', options.message])).trim();
  if (push) {
    try {
      // A rebuilt branch may not descend from its old commit (squash merge): replace it only if it
      // is still that commit.
      await runGit(ctx, ['push', '--quiet', ...(merged ? [`--force-with-lease=${ref}:${existing}`] : []), remote, `${commit}:${ref}`]);
    } catch (error) {
      const reason = error instanceof GitError ? error.stderr.trim() : String(error);
      throw new InputError(`push of ${options.branch} to '${remote}' was refused (someone else may have updated it; re-run to build on their commit): ${reason}`, { key: 'remote' });
    }
  } else {
    await runGit(ctx, ['update-ref', ref, commit, ...(existing ? [existing] : [])]);
  }
  return { operation: existing ? 'updated' : 'created', branch: options.branch, commit, parent, ...(merged ? { merged } : {}) };
}
