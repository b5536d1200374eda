/**
 * GitHub's size limits. The structure-preserving cut itself (line boundaries, never through a
 * table row, fences and `<details>` closed, pointer appended) is src/report's `truncateMarkdown`.
 */
export { truncateMarkdown } from '../report/truncate.ts';

/** GitHub's limit for issue/PR comment and PR bodies, in characters. */
export const COMMENT_BODY_LIMIT = 65_536;
/** GitHub's limit for release bodies (DESIGN §6 keeps us below 125,000). */
export const RELEASE_BODY_LIMIT = 125_000;
