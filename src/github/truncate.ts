/**
 * GitHub's size limits. The structure-preserving cut itself (line boundaries, never through a
 * table row, fences and `<details>` closed, pointer appended) is src/report's `truncateMarkdown`.
 */
export { truncateMarkdown } from '../report/truncate.ts';

/** GitHub's limit for issue/PR comment and PR bodies, in characters. */
export const COMMENT_BODY_LIMIT = 65_536;
/** GitHub's limit for release bodies (DESIGN §6 keeps us below 125,000). */
export const RELEASE_BODY_LIMIT = 125_000;
/** GitHub's limit for issue and pull-request titles, in characters (422 "title is too long"). */
export const TITLE_LIMIT = 256;

/** `text` on one line: every run of white space (line breaks included) becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `text` cut to at most `max` characters, counted as GitHub counts them (code points, so an emoji
 * is one and is never split), ending in `…` when it was cut.
 */
export function cutText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 0) return '';
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A title GitHub accepts: on one line, at most {@link TITLE_LIMIT} characters. */
export function fitTitle(title: string, max = TITLE_LIMIT): string {
  return cutText(oneLine(title), max);
}
