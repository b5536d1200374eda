/**
 * Words for counts in human output: `1 row`, `2 rows`, `1,461 rows`. Every report that prints a
 * count next to a noun goes through {@link plural}, so a count of one never reads `1 rows`.
 */

/** `count` (digits grouped, en-US) and the noun, singular for exactly 1: `plural(1, 'row')` → `1 row`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${groupDigits(count)} ${count === 1 ? word : many}`;
}

/**
 * A number as `toLocaleString('en-US')` writes it — `1234567` → `1,234,567` — grouping the digits
 * of integers by hand: the first toLocaleString of a process loads ICU's locale data, measured
 * 28–55 ms, a tenth of `mlops drift` on stored profiles. Other numbers go to toLocaleString.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = end > 3 ? `,${digits.slice(end - 3, end)}${out}` : `${digits.slice(0, end)}${out}`;
  return n < 0 ? `-${out}` : out;
}

/**
 * Text on one terminal line: line breaks, tabs and other control characters written as escapes
 * (`\n`, `\t`, `\u001b`); everything else as is. For names that come from data (a CSV header
 * may hold a quoted line break), which would otherwise split a report's line or table row, or
 * move the terminal's cursor.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
