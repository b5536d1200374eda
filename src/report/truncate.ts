/**
 * Markdown truncation that keeps the document valid: the cut falls on a line boundary (never
 * through a table row, never between a table's header and its delimiter row); a code fence open
 * at the cut is closed with its own marker; open `<details>` blocks are closed; then the pointer
 * (e.g. "Full report in the job summary") is appended after a blank line.
 */

// A backtick fence's info string holds no backtick: "```a```" at a line start is inline code.
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
/** A closing fence: indented at most 3 spaces, nothing after it but blanks (CommonMark). */
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/;
const TABLE_LINE = /^\s*\|/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function countMatches(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

/**
 * Returns `markdown` unchanged when it has at most `maxChars` characters; otherwise the longest
 * safe prefix, closers for open fences and `<details>`, a blank line and `pointer`, all within
 * `maxChars` characters. When not even the pointer fits, the pointer itself is cut.
 */
export function truncateMarkdown(markdown: string, maxChars: number, pointer: string): string {
  if (markdown.length <= maxChars) return markdown;
  if (pointer.length >= maxChars) return pointer.slice(0, Math.max(0, maxChars));
  let best: { offset: number; closers: string } | undefined;
  const lines = markdown.split('\n');
  let offset = 0;
  let fence: string | undefined;
  let detailsDepth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    offset += line.length + 1;
    if (offset > maxChars) break;
    if (fence === undefined) {
      const open = FENCE_OPEN.exec(line);
      if (open) {
        fence = open[1]!;
      } else {
        detailsDepth = Math.max(0, detailsDepth + countMatches(line, /<details[\s>]/gi) - countMatches(line, /<\/details>/gi));
      }
    } else {
      // A code line of 4+ spaces then backticks is code, not the end of the block: taking it for
      // the closer made the real closer look like an opener, and the closer added at the cut then
      // opened a fence that swallowed the rest (the pointer, the closing </details>).
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined;
    }
    // A table header without its delimiter row is no table: never cut between the two.
    const next = lines[i + 1];
    const isHeader = fence === undefined && TABLE_LINE.test(line) && !TABLE_LINE.test(lines[i - 1] ?? '') && next !== undefined && TABLE_DELIMITER.test(next);
    if (isHeader) continue;
    // GFM continues a table with any following line, `</details>` included (as a one-cell row,
    // where the tag closes nothing and the pointer stays hidden in a collapsed section): a blank
    // line ends the table first.
    const endTable = fence === undefined && detailsDepth > 0 && TABLE_LINE.test(line) ? '\n' : '';
    const closers = `${fence !== undefined ? `${fence}\n` : ''}${endTable}${'</details>\n'.repeat(detailsDepth)}`;
    if (offset + closers.length + 1 + pointer.length <= maxChars) best = { offset, closers };
  }
  return best === undefined ? pointer : `${markdown.slice(0, best.offset)}${best.closers}\n${pointer}`;
}
