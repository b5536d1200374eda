/**
 * Every GitHub API call of the product (DESIGN §2, §6). Domain modules never import this; the CLI
 * and src/actions plug it in.
 */
export { createOctokit, resolveBaseUrl, resolveToken } from './client.ts';
export type { CreateOctokitOptions, GitHubClient, GitHubLogger } from './client.ts';
export { resolveRunContext } from './context.ts';
export type { RunContext, RunContextOverrides } from './context.ts';
export { upsertStickyComment, markStickyComment, stickyMarker, buildStickyBody, resolveIdentity, ACTIONS_BOT_LOGIN } from './comments.ts';
export type { StickyCommentOptions, StickyNoticeOptions, GitHubIdentity } from './comments.ts';
export { openOrUpdatePullRequest } from './pulls.ts';
export type { PullRequestOptions, PullRequestResult } from './pulls.ts';
export { ensureRelease } from './releases.ts';
export type { ReleaseOptions, ReleaseAsset } from './releases.ts';
export { ensureTag, ensureBranch } from './refs.ts';
export type { TagOptions, BranchOptions, RefResult } from './refs.ts';
export { dispatchWorkflow } from './dispatch.ts';
export type { DispatchOptions } from './dispatch.ts';
export { describeGitHubError, GitHubError, isMissingPermission, withGitHubError } from './errors.ts';
export { truncateMarkdown, COMMENT_BODY_LIMIT, RELEASE_BODY_LIMIT, TITLE_LIMIT } from './truncate.ts';
export type { Operation, WriteResult } from './types.ts';
