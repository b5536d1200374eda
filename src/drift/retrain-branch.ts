/**
 * The retraining branch: one fixed branch per model (`mlops/retrain/<name>`) that receives a commit
 * recording the drift report. Built with git plumbing (a temporary index, `commit-tree`) so the
 * user's working tree, index and current branch are never touched, then pushed without force:
 * if someone else moved the branch meanwhile, the push is refused and nothing is overwritten.
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
  commit: string;
  parent: string;
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

/** Resolves the base for a new branch: the remote's copy of a branch name first, then a local ref. */
async function resolveBase(ctx: GitContext, remote: string, base: string | undefined, pushing: boolean): Promise<string> {
  const candidates = base ? (pushing ? [`refs/remotes/${remote}/${base}`, base] : [base]) : ['HEAD'];
  if (base && pushing) await gitOrNull(ctx, ['fetch', '--quiet', remote, `refs/heads/${base}:refs/remotes/${remote}/${base}`]);
  for (const rev of candidates) {
    const sha = await gitOrNull(ctx, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    if (sha) return sha;
  }
  throw new InputError(`base '${base ?? 'HEAD'}' for the retraining branch does not exist`, { key: 'drift.retrain.base' });
}

/**
 * Commits `files` onto `branch` (creating it from `base` when it does not exist, locally or on the
 * remote) and pushes it. Returns `unchanged` without committing or pushing when the branch's files
 * already hold this content (or, for a file with `same`, content it judges the same).
 */
export async function pushRetrainBranch(options: RetrainBranchOptions): Promise<RetrainBranchResult> {
  const ctx: GitContext = { cwd: options.cwd, env: options.env };
  const remote = options.remote ?? 'origin';
  const push = options.push ?? true;
  const ref = `refs/heads/${options.branch}`;
  if (await gitOrNull(ctx, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
    throw new InputError('not inside a git repository: the retraining branch needs one', { file: options.cwd });
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
  const parent = existing ?? (await resolveBase(ctx, remote, options.base, push));

  // Build the new tree in a private index file so the user's index stays as it is.
  const tmp = await mkdtemp(join(tmpdir(), 'mlops-retrain-'));
  const indexEnv = { ...(options.env ?? {}), GIT_INDEX_FILE: join(tmp, 'index') };
  const ictx: GitContext = { cwd: options.cwd, env: indexEnv };
  let tree: string;
  try {
    await runGit(ictx, ['read-tree', parent]);
    for (const file of options.files) {
      if (existing && file.same) {
        const current = await runGit(ictx, ['cat-file', 'blob', `${existing}:${file.path}`]).catch((error: unknown) => {
          if (error instanceof GitError) return null; // not on the branch yet
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
  if (existing && tree === parentTree) {
    return { operation: 'unchanged', branch: options.branch, commit: existing, parent: existing };
  }
  const commitEnv = { ...(options.env ?? {}), ...(await identityEnv(ctx)) };
  const commit = (await runGit({ cwd: options.cwd, env: commitEnv }, ['commit-tree', tree, '-p', parent, '-m', options.message])).trim();
  if (push) {
    try {
      await runGit(ctx, ['push', '--quiet', remote, `${commit}:${ref}`]);
    } catch (error) {
      const reason = error instanceof GitError ? error.stderr.trim() : String(error);
      throw new InputError(`push of ${options.branch} to '${remote}' was refused (someone else may have updated it; re-run to build on their commit): ${reason}`, { key: 'remote' });
    }
  } else {
    await runGit(ctx, ['update-ref', ref, commit, ...(existing ? [existing] : [])]);
  }
  return { operation: existing ? 'updated' : 'created', branch: options.branch, commit, parent };
}
