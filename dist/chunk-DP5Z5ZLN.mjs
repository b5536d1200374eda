import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  isMissingPermission
} from "./chunk-BIZBUEHE.mjs";

// src/actions/comment.ts
var COMMENT_SKIPPED_TITLE = "Pull-request comment skipped";
function forkOf(context) {
  const pullRequest = context.payload.pull_request;
  const head = pullRequest?.head?.repo?.full_name;
  if (typeof head !== "string" || head === "") return void 0;
  return head.toLowerCase() === `${context.owner}/${context.repo}`.toLowerCase() ? void 0 : head;
}
function commentSkippedWarning(error, kind, context) {
  if (!isMissingPermission(error)) return void 0;
  const fork = forkOf(context);
  const answered = /GitHub answered 403(?: "[^"]*")?/.exec(error.message)?.[0] ?? "GitHub answered 403";
  const after = `The report is in the job summary and the step outputs; set \`comment: false\` to turn the comment off${fork ? " for pull requests from forks" : ""}.`;
  if (fork) {
    return `The ${kind} comment was not posted: this pull request comes from the fork ${fork}, and GitHub gives workflows run for fork pull requests a read-only GITHUB_TOKEN (${answered} when we ${error.attempted}). ${after}`;
  }
  return `The ${kind} comment was not posted: the token may not write comments here. ${error.message} ${after}`;
}
async function postOrWarn(runtime, kind, context, post) {
  try {
    return await post();
  } catch (error) {
    const warning = commentSkippedWarning(error, kind, context);
    if (warning === void 0) throw error;
    runtime.annotate("warning", warning, { title: COMMENT_SKIPPED_TITLE });
    return void 0;
  }
}

export {
  postOrWarn
};
