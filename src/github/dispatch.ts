/**
 * Workflow dispatch: how a drift check starts training when its PR was opened with GITHUB_TOKEN
 * (events caused by GITHUB_TOKEN start no workflows, but `workflow_dispatch` is allowed).
 */
import { retryBaseOf, type GitHubClient } from './client.ts';
import { withGitHubError } from './errors.ts';
import { isAmbiguous, NO_RETRY } from './idempotent.ts';
import type { WriteResult } from './types.ts';

/** Options of {@link dispatchWorkflow}. */
export interface DispatchOptions {
  owner: string;
  repo: string;
  /** Workflow file name (`train.yml`) or numeric id. */
  workflow: string | number;
  /** Branch or tag to run on. */
  ref: string;
  /** `workflow_dispatch` inputs (at most 25; values as the workflow declares them). */
  inputs?: Record<string, string | number | boolean>;
  /**
   * The commit `ref` (a branch) points at. A dispatch that fails with a 5xx or a dropped
   * connection may have started its run all the same: with the commit known, the dispatch is sent
   * again only when no new `workflow_dispatch` run of the workflow appeared at that commit, so a
   * flaky proxy does not start the training twice. Without it, such a failure is retried blindly.
   */
  headSha?: string;
}

/** Waits after an ambiguous failure, in units of the client's retry base: GitHub starts the run a moment after it accepts the dispatch. */
const LOOK_AGAIN = [1, 2, 4, 8];
const ATTEMPTS = 3;

/** Triggers a `workflow_dispatch` run. Always `created` (each call starts a run). */
export async function dispatchWorkflow(octokit: GitHubClient, options: DispatchOptions): Promise<WriteResult> {
  const { owner, repo, workflow, ref, headSha } = options;
  const attempted = `dispatch workflow ${workflow} on ${ref} in ${owner}/${repo}`;
  const send = (request?: typeof NO_RETRY) =>
    octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs: options.inputs ?? {}, ...(request ? { request } : {}) });
  if (headSha === undefined) {
    await withGitHubError(attempted, () => send());
    return { operation: 'created' };
  }
  const runs = async (): Promise<number | undefined> => {
    try {
      const { data } = await octokit.rest.actions.listWorkflowRuns({
        owner, repo, workflow_id: workflow, branch: ref.replace(/^refs\/heads\//, ''), event: 'workflow_dispatch', head_sha: headSha, per_page: 1,
      });
      return data.total_count;
    } catch {
      return undefined;
    }
  };
  const before = await runs();
  await withGitHubError(attempted, async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await send(NO_RETRY);
        return;
      } catch (error) {
        if (!isAmbiguous(error) || attempt >= ATTEMPTS) throw error;
        for (const units of LOOK_AGAIN) {
          await new Promise((resolve) => setTimeout(resolve, retryBaseOf(octokit) * units));
          const now = await runs();
          if (before !== undefined && now !== undefined && now > before) return;
        }
      }
    }
  });
  return { operation: 'created' };
}
