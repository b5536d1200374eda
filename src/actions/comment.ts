/**
 * The sticky pull-request comment of the validate and evaluate actions is a courtesy copy of the
 * report: the job summary and the step outputs hold the result. So a token that may not write
 * comments — every pull request from a fork gets a read-only GITHUB_TOKEN — skips the comment
 * with a warning saying why, and the step keeps the exit code of the check itself.
 */
import { isMissingPermission, type RunContext } from '../github/index.ts';
import type { ActionsRuntime } from './runtime.ts';

/** Title of the warning annotation. */
export const COMMENT_SKIPPED_TITLE = 'Pull-request comment skipped';

/** The fork a pull request comes from, when its head repository is not the run's repository. */
export function forkOf(context: Pick<RunContext, 'owner' | 'repo' | 'payload'>): string | undefined {
  const pullRequest = context.payload.pull_request as { head?: { repo?: { full_name?: unknown } | null } } | undefined;
  const head = pullRequest?.head?.repo?.full_name;
  if (typeof head !== 'string' || head === '') return undefined;
  return head.toLowerCase() === `${context.owner}/${context.repo}`.toLowerCase() ? undefined : head;
}

/**
 * The warning for a comment GitHub refused for lack of permission, or `undefined` for any other
 * failure (which still fails the step: a bad token, a persisting server error, …).
 */
export function commentSkippedWarning(error: unknown, kind: string, context: Pick<RunContext, 'owner' | 'repo' | 'payload'>): string | undefined {
  if (!isMissingPermission(error)) return undefined;
  const fork = forkOf(context);
  const answered = /GitHub answered 403(?: "[^"]*")?/.exec(error.message)?.[0] ?? 'GitHub answered 403';
  const after = `The report is in the job summary and the step outputs; set \`comment: false\` to turn the comment off${fork ? ' for pull requests from forks' : ''}.`;
  if (fork) {
    return `The ${kind} comment was not posted: this pull request comes from the fork ${fork}, and GitHub gives workflows run for fork pull requests a read-only GITHUB_TOKEN (${answered} when we ${error.attempted}). ${after}`;
  }
  return `The ${kind} comment was not posted: the token may not write comments here. ${error.message} ${after}`;
}

/**
 * Runs `post` (which creates or updates the comment); a permission refusal becomes a warning
 * annotation and `undefined`, any other failure is thrown.
 */
export async function postOrWarn<T>(runtime: ActionsRuntime, kind: string, context: Pick<RunContext, 'owner' | 'repo' | 'payload'>, post: () => Promise<T>): Promise<T | undefined> {
  try {
    return await post();
  } catch (error) {
    const warning = commentSkippedWarning(error, kind, context);
    if (warning === undefined) throw error;
    runtime.annotate('warning', warning, { title: COMMENT_SKIPPED_TITLE });
    return undefined;
  }
}
