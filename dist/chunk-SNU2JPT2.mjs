import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/report/truncate.ts
var FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
var FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/;
var TABLE_LINE = /^\s*\|/;
var TABLE_DELIMITER = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
function countMatches(text, pattern) {
  return (text.match(pattern) ?? []).length;
}
function truncateMarkdown(markdown, maxChars, pointer) {
  if (markdown.length <= maxChars) return markdown;
  if (pointer.length >= maxChars) return pointer.slice(0, Math.max(0, maxChars));
  let best;
  const lines = markdown.split("\n");
  let offset = 0;
  let fence;
  let detailsDepth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    offset += line.length + 1;
    if (offset > maxChars) break;
    if (fence === void 0) {
      const open = FENCE_OPEN.exec(line);
      if (open) {
        fence = open[1];
      } else {
        detailsDepth = Math.max(0, detailsDepth + countMatches(line, /<details[\s>]/gi) - countMatches(line, /<\/details>/gi));
      }
    } else {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = void 0;
    }
    const next = lines[i + 1];
    const isHeader = fence === void 0 && TABLE_LINE.test(line) && !TABLE_LINE.test(lines[i - 1] ?? "") && next !== void 0 && TABLE_DELIMITER.test(next);
    if (isHeader) continue;
    const endTable = fence === void 0 && detailsDepth > 0 && TABLE_LINE.test(line) ? "\n" : "";
    const closers = `${fence !== void 0 ? `${fence}
` : ""}${endTable}${"</details>\n".repeat(detailsDepth)}`;
    if (offset + closers.length + 1 + pointer.length <= maxChars) best = { offset, closers };
  }
  return best === void 0 ? pointer : `${markdown.slice(0, best.offset)}${best.closers}
${pointer}`;
}

export {
  truncateMarkdown
};
