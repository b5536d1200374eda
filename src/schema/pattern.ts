/**
 * Table Schema `pattern` constraints, tested once per distinct text of a batch.
 *
 * Most patterns in real schemas are codes and identifiers: `[A-Z]{2}[0-9]{4}`, `u[0-9a-f]{8}`,
 * `ORD-\d+`. For those, {@link compilePattern} builds a matcher that walks the text once with no
 * backtracking: measured 1.5× faster than `RegExp#test` (1M 9-character ids against `u[0-9a-f]{8}`,
 * Node 20: 162 vs 251 ms, best of 12 rounds), whose call into irregexp costs more than so short a
 * match. Every other pattern keeps the RegExp; the subset is chosen so that both always agree (proof
 * below, property test in test/unit/schema/pattern.property.test.ts).
 */

/** What validation needs of a pattern: whether a whole text matches. RegExp has this shape. */
export interface PatternMatcher {
  test(text: string): boolean;
  /**
   * `test` of the ASCII text `b[s, e)` (every byte < 128, which the caller guarantees), without
   * making its string; present only where the matcher can read bytes.
   */
  testAscii?(b: Uint8Array, s: number, e: number): boolean;
}

const UNBOUNDED = 0x7fffffff;

/** One atom: a set of BMP code units (no surrogates) repeated between `min` and `max` times. */
interface Item {
  ascii: Uint8Array;
  /** Non-ASCII members as inclusive [from, to] pairs. */
  ranges: number[];
  min: number;
  max: number;
}

/**
 * The matcher of a Table Schema pattern: the whole text must match (XML Schema semantics), with
 * JavaScript's `u` flag as in schema loading. Returns a sequence matcher when the pattern lies in
 * the subset below, the anchored RegExp otherwise. `source` must already compile with the `u` flag
 * (src/schema/load.ts checks it).
 */
export function compilePattern(source: string): PatternMatcher {
  return sequenceMatcher(source) ?? new RegExp(`^(?:${source})$`, 'u');
}

/**
 * The subset: a concatenation of atoms — a literal BMP character, an identity escape, `\d`, `\w`, or
 * a class `[...]` of those and ranges — each with an optional greedy quantifier `? * + {n} {n,}
 * {n,m}`; `^` first and `$` last are allowed (anchors are implied anyway). No alternation, groups,
 * `.`, negated classes, other escapes or lazy quantifiers: those return null.
 *
 * Why one greedy pass is exact: every atom matches exactly one code unit, never a surrogate, so a
 * text with an astral character fails both here and in the RegExp (whose atoms, under `u`, would
 * have to match the whole code point). For an atom with a choice of count (min < max), the
 * characters that can come right after it — the sets of the following atoms up to and including the
 * first that must match at least once — are required to be disjoint from its own set. A match that
 * took fewer characters at that atom would leave one of its own characters next, which no later atom
 * can take before a mandatory one (or the end) is reached; so the only possible count is the greedy
 * one, and the pass needs no backtracking.
 */
export function sequenceMatcher(source: string): PatternMatcher | null {
  const items = parseSequence(source);
  if (items === null) return null;
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item.min === item.max) continue;
    for (let j = k + 1; j < items.length; j++) {
      if (overlaps(item, items[j])) return null;
      if (items[j].min > 0) break;
    }
  }
  return new SequenceMatcher(items);
}

class SequenceMatcher implements PatternMatcher {
  private readonly count: number;
  private readonly ascii: Uint8Array;
  private readonly ranges: number[][];
  private readonly min: Int32Array;
  private readonly max: Int32Array;
  private readonly shortest: number;
  private readonly longest: number;

  constructor(items: Item[]) {
    this.count = items.length;
    // One 128-byte membership row per atom, so the hot loop indexes one typed array.
    this.ascii = new Uint8Array(items.length * 128);
    items.forEach((item, k) => this.ascii.set(item.ascii, k * 128));
    this.ranges = items.map((item) => item.ranges);
    this.min = Int32Array.from(items, (item) => item.min);
    this.max = Int32Array.from(items, (item) => item.max);
    this.shortest = items.reduce((sum, item) => sum + item.min, 0);
    this.longest = items.reduce((sum, item) => Math.min(UNBOUNDED, sum + item.max), 0);
  }

  test(text: string): boolean {
    const n = text.length;
    if (n < this.shortest || n > this.longest) return false;
    const ascii = this.ascii;
    let i = 0;
    for (let k = 0; k < this.count; k++) {
      const base = k << 7;
      const need = i + this.min[k];
      const stop = Math.min(n, i + this.max[k]);
      while (i < stop) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          if (ascii[base + c] === 0) break;
        } else if (!inRanges(this.ranges[k], c)) break;
        i++;
      }
      if (i < need) return false;
    }
    return i === n;
  }

  testAscii(b: Uint8Array, s: number, e: number): boolean {
    // test() over char codes, which equal the bytes of ASCII text.
    const n = e - s;
    if (n < this.shortest || n > this.longest) return false;
    const ascii = this.ascii;
    let i = s;
    for (let k = 0; k < this.count; k++) {
      const base = k << 7;
      const need = i + this.min[k];
      const stop = Math.min(e, i + this.max[k]);
      // The < 128 test keeps a stray non-ASCII byte from indexing the next atom's row.
      while (i < stop && b[i] < 128 && ascii[base + b[i]] === 1) i++;
      if (i < need) return false;
    }
    return i === e;
  }
}

function inRanges(ranges: number[], c: number): boolean {
  for (let r = 0; r < ranges.length; r += 2) if (c >= ranges[r] && c <= ranges[r + 1]) return true;
  return false;
}

function overlaps(a: Item, b: Item): boolean {
  for (let c = 0; c < 128; c++) if (a.ascii[c] === 1 && b.ascii[c] === 1) return true;
  for (let r = 0; r < a.ranges.length; r += 2) {
    for (let s = 0; s < b.ranges.length; s += 2) if (a.ranges[r] <= b.ranges[s + 1] && b.ranges[s] <= a.ranges[r + 1]) return true;
  }
  return false;
}

/** Characters that `\` may escape to stand for themselves under the `u` flag. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

function parseSequence(source: string): Item[] | null {
  const items: Item[] = [];
  let p = 0;
  let end = source.length;
  if (source.startsWith('^')) p = 1;
  // A final unescaped `$`: the number of backslashes before it decides whether it is escaped.
  if (end > p && source[end - 1] === '$') {
    let slashes = 0;
    while (end - 2 - slashes >= p && source[end - 2 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) end--;
  }
  while (p < end) {
    const c = source[p];
    const item = emptyItem();
    if (c === '[') {
      const close = parseClass(source, p + 1, end, item);
      if (close < 0) return null;
      p = close + 1;
    } else if (c === '\\') {
      if (!addEscape(source[p + 1], item)) return null;
      p += 2;
    } else {
      if ('^$.|()?*+{}]'.includes(c) || !addChar(c.charCodeAt(0), item)) return null;
      p++;
    }
    p = parseQuantifier(source, p, end, item);
    if (p < 0) return null;
    items.push(item);
  }
  return items;
}

function emptyItem(): Item {
  return { ascii: new Uint8Array(128), ranges: [], min: 1, max: 1 };
}

/** Adds a literal code unit; false for a surrogate (an astral character in the pattern). */
function addChar(code: number, item: Item): boolean {
  return addRange(code, code, item);
}

function addRange(from: number, to: number, item: Item): boolean {
  if (to >= 0xd800 && from <= 0xdfff) return false;
  for (let c = from; c <= Math.min(to, 127); c++) item.ascii[c] = 1;
  if (to >= 128) item.ranges.push(Math.max(from, 128), to);
  return true;
}

/** `\d`, `\w` or an identity escape of a syntax character; false for anything else. */
function addEscape(e: string | undefined, item: Item): boolean {
  if (e === 'd') return addRange(48, 57, item);
  if (e === 'w') return addRange(48, 57, item) && addRange(65, 90, item) && addRange(97, 122, item) && addChar(95, item);
  if (e !== undefined && SYNTAX.has(e)) return addChar(e.charCodeAt(0), item);
  return false;
}

/** One class member as a single code unit (for ranges); null when it is not one. */
function classChar(source: string, p: number): { code: number; next: number } | null {
  const c = source[p];
  if (c === '\\') {
    const e = source[p + 1];
    if (e !== undefined && (SYNTAX.has(e) || e === '-')) return { code: e.charCodeAt(0), next: p + 2 };
    return null;
  }
  if (c === undefined || c === '[' || c === ']') return null;
  return { code: c.charCodeAt(0), next: p + 1 };
}

/** Parses the class body starting at `p` (after `[`); returns the index of `]`, or -1 outside the subset. */
function parseClass(source: string, p: number, end: number, item: Item): number {
  if (source[p] === '^' || source[p] === ']') return -1;
  while (p < end && source[p] !== ']') {
    if (source[p] === '\\' && (source[p + 1] === 'd' || source[p + 1] === 'w')) {
      addEscape(source[p + 1], item);
      p += 2;
      // `[\d-x]` is a syntax error under `u`; a `-` after a class escape is left to the RegExp.
      if (source[p] === '-' && source[p + 1] !== ']') return -1;
      continue;
    }
    const from = classChar(source, p);
    if (from === null) return -1;
    p = from.next;
    if (source[p] === '-' && source[p + 1] !== ']' && p + 1 < end) {
      const to = classChar(source, p + 1);
      if (to === null || to.code < from.code) return -1;
      if (!addRange(from.code, to.code, item)) return -1;
      p = to.next;
    } else if (!addChar(from.code, item)) return -1;
  }
  return p < end ? p : -1;
}

/** Parses an optional greedy quantifier at `p` into `item`; returns the next index, or -1. */
function parseQuantifier(source: string, p: number, end: number, item: Item): number {
  const q = source[p];
  if (p >= end || !'?*+{'.includes(q)) return p;
  if (q === '?') [item.min, item.max] = [0, 1];
  else if (q === '*') [item.min, item.max] = [0, UNBOUNDED];
  else if (q === '+') [item.min, item.max] = [1, UNBOUNDED];
  else {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(p, end));
    if (m === null) return -1;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? UNBOUNDED : Number(m[3]);
    if (!(min <= max) || max > UNBOUNDED) return -1;
    [item.min, item.max] = [min, max];
    p += m[0].length - 1;
  }
  p++;
  // A lazy or a second quantifier: left to the RegExp.
  return p < end && '?*+{'.includes(source[p]) ? -1 : p;
}
