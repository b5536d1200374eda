/**
 * Column names as people mean them. A header often differs from the name in a config or schema
 * only by case, a stray blank (invisible in a plain list) or `_`/`-`/space; messages point at it.
 */

/** The name with blanks trimmed, lower case, and runs of blanks, `_` and `-` as one `_`. */
export function looseName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

/** The candidate that is `name` but for case, blanks or separators; undefined when none is. */
export function closeName(name: string, candidates: readonly string[]): string | undefined {
  const loose = looseName(name);
  return candidates.find((c) => c !== name && looseName(c) === loose);
}

/** ` (did you mean "wind "?)` when a candidate is close to `name`, else ''. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = closeName(name, candidates);
  return near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`;
}
