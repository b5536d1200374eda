/**
 * Words for counts in human output: `1 row`, `2 rows`, `1,461 rows`. Every report that prints a
 * count next to a noun goes through {@link plural}, so a count of one never reads `1 rows`.
 */

/** `count` (digits grouped, en-US) and the noun, singular for exactly 1: `plural(1, 'row')` → `1 row`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : many}`;
}
