/**
 * Cutting markdown to GitHub's size limits without breaking its structure: the cut falls on a
 * line boundary (never inside a table row), never inside a code fence, and open `<details>`
 * sections are closed, so the truncated comment still renders. A pointer (e.g. to the job
 * summary) replaces the cut-off tail.
 */

/** GitHub's limit for issue/PR comment and PR bodies, in characters. */
export const COMMENT_BODY_LIMIT = 65_536;
/** GitHub's limit for release bodies (DESIGN §6 keeps us below 125,000). */
export const RELEASE_BODY_LIMIT = 125_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Returns `markdown` unchanged when it fits in `maxChars`; otherwise a prefix cut at a safe line
 * boundary followed by `pointer`, the whole at most `maxChars` long.
 */
export function truncateMarkdown(markdown: string, maxChars: number, pointer: string): string {
  if (markdown.length <= maxChars) return markdown;
  const tail = `\n\n${pointer}`;
  const budget = maxChars - tail.length;
  if (budget <= 0) return pointer.slice(0, maxChars);

  // Walk whole lines, remembering the last offset that is outside a fence.
  const lines = markdown.split('\n');
  let offset = 0;
  let safeEnd = 0;
  let safeOpenDetails = 0;
  let openDetails = 0;
  let fence: string | null = null;
  for (const line of lines) {
    const end = offset + line.length;
    const closers = '\n</details>'.length * Math.max(openDetails, 0);
    if (end + closers > budget) break;
    const match = FENCE.exec(line);
    if (fence === null && match) fence = match[1];
    else if (fence !== null && match && match[1][0] === fence[0] && match[1].length >= fence.length && line.trim() === match[1]) fence = null;
    if (fence === null) {
      openDetails += (line.match(/<details\b/gi)?.length ?? 0) - (line.match(/<\/details>/gi)?.length ?? 0);
      const neededClosers = '\n</details>'.length * Math.max(openDetails, 0);
      if (end + neededClosers <= budget) {
        safeEnd = end;
        safeOpenDetails = Math.max(openDetails, 0);
      }
    }
    offset = end + 1;
  }
  let head = markdown.slice(0, safeEnd).replace(/\s+$/, '');
  // A table cut after its header leaves a header with no rows; that still renders, so keep it.
  head += '\n</details>'.repeat(safeOpenDetails);
  return `${head}${tail}`;
}
