/**
 * Workflow dispatch: how a drift check starts training when its PR was opened with GITHUB_TOKEN
 * (events caused by GITHUB_TOKEN start no workflows, but `workflow_dispatch` is allowed).
 */
import type { GitHubClient } from './client.ts';
import { withGitHubError } from './errors.ts';
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
}

/** Triggers a `workflow_dispatch` run. Always `created` (each call starts a run). */
export async function dispatchWorkflow(octokit: GitHubClient, options: DispatchOptions): Promise<WriteResult> {
  const { owner, repo, workflow, ref } = options;
  await withGitHubError(`dispatch workflow ${workflow} on ${ref} in ${owner}/${repo}`, () =>
    octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs: options.inputs ?? {} }));
  return { operation: 'created' };
}
