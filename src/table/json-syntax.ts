/**
 * Where a JSON text is malformed and why, for messages that name the line and column.
 *
 * V8's `JSON.parse` errors carry a position only for some faults: a truncated file is just
 * "Unexpected end of JSON input", and an unexpected token is "Unexpected token ']', "…" is not
 * valid JSON", quoting the text instead of placing it. Readers call {@link jsonSyntaxError} after
 * `JSON.parse` has failed (the fast path stays V8's); it walks the text once with the grammar of
 * RFC 8259 and reports the first fault, worded the same on every Node version.
 */

/** A fault in a JSON text: where it is and what is wrong. */
export interface JsonSyntaxFault {
  /** UTF-16 offset into the text (the end of the last token for an early end of the text). */
  offset: number;
  /** 1-based line of `offset` in the text. */
  line: number;
  /** 1-based column of `offset` on its line, in characters (code points). */
  column: number;
  /** What is wrong, without location (e.g. `unexpected ']' where a value was expected (a trailing comma?)`). */
  message: string;
}

type Expect = 'value' | 'valueOrClose' | 'commaOrCloseArray' | 'key' | 'keyOrClose' | 'colon' | 'commaOrCloseObject' | 'end';

const EXPECTED: Record<Expect, string> = {
  value: 'a value',
  valueOrClose: "a value or ']'",
  commaOrCloseArray: "',' or ']'",
  key: 'a property name in double quotes',
  keyOrClose: "a property name in double quotes or '}'",
  colon: "':'",
  commaOrCloseObject: "',' or '}'",
  end: 'the end of the',
};

type TokenKind = 'string' | 'number' | 'literal' | 'word' | 'punct';

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isWordChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
/** Characters a malformed number may run on with (`1e`, `01`, `1.2.3`, `-Infinity`), so it is quoted whole. */
const isNumberChar = (c: number): boolean => isWordChar(c) || c === 0x2b || c === 0x2d || c === 0x2e;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** A character as a message quotes it: `']'`, or U+XXXX for one that would not show. */
function charText(text: string, at: number): string {
  const cp = text.codePointAt(at) ?? 0;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const ch = String.fromCodePoint(cp);
  return ch === "'" ? `"'"` : `'${ch}'`;
}

/** A token as a message quotes it, cut to a readable length. */
function tokenText(text: string, token: Token): string {
  if (token.kind === 'punct') return charText(text, token.start);
  const raw = text.slice(token.start, token.end);
  const shown = raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
  return token.kind === 'word' ? `'${shown}'` : shown;
}

/** Line and column (1-based, column in code points) of a UTF-16 offset. */
function place(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) i++;
    column++;
  }
  return { line, column };
}

/**
 * The first syntax fault of `text` as JSON, or undefined when it is valid JSON. Whitespace may
 * surround the one top-level value, as `JSON.parse` accepts. `unit` names the text in messages
 * (`unexpected end of the file`, `… of the line` for a JSON Lines line).
 */
export function jsonSyntaxError(text: string, unit: 'file' | 'line' | 'text' = 'text'): JsonSyntaxFault | undefined {
  const fault = (offset: number, message: string): JsonSyntaxFault => ({ offset, ...place(text, offset), message });
  const n = text.length;
  const stack: number[] = [];
  let expect: Expect = 'value';
  let previous: Token | undefined;
  let i = 0;
  for (;;) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (expect === 'end') return undefined;
      // A truncated text: the fault is where it stops, after its last token (not on a blank last line).
      const open = stack.length === 0 ? '' : stack[stack.length - 1] === 0x5b ? ' (an array is not closed)' : ' (an object is not closed)';
      return fault(previous?.end ?? 0, `unexpected end of the ${unit} where ${EXPECTED[expect]} was expected${open}`);
    }
    const start = i;
    const c = text.charCodeAt(i);
    let kind: TokenKind;
    if (c === 0x22) {
      kind = 'string';
      for (i++; ; ) {
        if (i >= n) return fault(start, 'string never closed (its closing quote is missing)');
        const d = text.charCodeAt(i);
        if (d === 0x22) break;
        if (d === 0x5c) {
          const e = text.charCodeAt(i + 1);
          if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) i += 2;
          else if (e === 0x75 && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
          else if (e === 0x75) return fault(i, '\\u in a string must be followed by 4 hexadecimal digits');
          else if (i + 1 >= n) return fault(start, 'string never closed (its closing quote is missing)');
          else return fault(i, `bad escape '\\${String.fromCodePoint(text.codePointAt(i + 1) ?? 0)}' in a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
          continue;
        }
        if (d < 0x20) {
          return fault(i, d === 0x0a || d === 0x0d ? 'line break inside a string (write it as \\n, or close the string)' : `control character ${charText(text, i)} inside a string (write it escaped)`);
        }
        i++;
      }
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      kind = 'number';
      for (i++; i < n && isNumberChar(text.charCodeAt(i)); i++);
      if (!NUMBER.test(text.slice(start, i))) return fault(start, `invalid number '${text.slice(start, i)}'`);
    } else if (isWordChar(c)) {
      for (i++; i < n && isWordChar(text.charCodeAt(i)); i++);
      const word = text.slice(start, i);
      kind = word === 'true' || word === 'false' || word === 'null' ? 'literal' : 'word';
    } else {
      kind = 'punct';
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    const token: Token = { kind, start, end: i };
    const isValue = kind === 'string' || kind === 'number' || kind === 'literal';
    const afterValue = (): Expect => (stack.length === 0 ? 'end' : stack[stack.length - 1] === 0x5b ? 'commaOrCloseArray' : 'commaOrCloseObject');
    let next: Expect | undefined;
    switch (expect) {
      case 'value':
      case 'valueOrClose':
        if (isValue) next = afterValue();
        else if (c === 0x5b) {
          stack.push(c);
          next = 'valueOrClose';
        } else if (c === 0x7b) {
          stack.push(c);
          next = 'keyOrClose';
        } else if (c === 0x5d && expect === 'valueOrClose') {
          stack.pop();
          next = afterValue();
        }
        break;
      case 'key':
      case 'keyOrClose':
        if (kind === 'string') next = 'colon';
        else if (c === 0x7d && expect === 'keyOrClose') {
          stack.pop();
          next = afterValue();
        }
        break;
      case 'colon':
        if (c === 0x3a) next = 'value';
        break;
      case 'commaOrCloseArray':
      case 'commaOrCloseObject':
        if (c === 0x2c) next = expect === 'commaOrCloseArray' ? 'value' : 'key';
        else if (c === (expect === 'commaOrCloseArray' ? 0x5d : 0x7d)) {
          stack.pop();
          next = afterValue();
        }
        break;
      case 'end':
        break;
    }
    if (next === undefined) {
      let hint = '';
      const afterComma = previous !== undefined && previous.kind === 'punct' && text.charCodeAt(previous.start) === 0x2c;
      if (afterComma && kind === 'punct' && (c === 0x5d || c === 0x7d)) hint = ' (a trailing comma?)';
      else if ((expect === 'commaOrCloseArray' || expect === 'commaOrCloseObject') && (isValue || c === 0x5b || c === 0x7b)) hint = " (a missing ','?)";
      const expected = expect === 'end' ? `${EXPECTED.end} ${unit}` : EXPECTED[expect];
      return fault(start, `unexpected ${tokenText(text, token)} where ${expected} was expected${hint}`);
    }
    expect = next;
    previous = token;
  }
}

/**
 * The text of the number that is member `key`'s value in the JSON object at the start of `text`
 * (the last one when the key repeats, as `JSON.parse` keeps), or undefined when that value is not
 * a number. `text` must be valid JSON up to the object's end: callers pass what `JSON.parse` read.
 * Used to quote a number past the double range (`1e400`) as written, where the parsed value is
 * just Infinity.
 */
export function memberNumberText(text: string, key: string): string | undefined {
  let depth = 0;
  let found: string | undefined;
  /** The last member name read at depth 1, and whether its value is the next token. */
  let name: string | undefined;
  let valueNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) continue;
    if (c === 0x22) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      if (depth === 1 && !valueNext) name = JSON.parse(text.slice(start, i + 1)) as string;
      valueNext = false;
      continue;
    }
    if (depth === 1 && valueNext && (c === 0x2d || (c >= 0x30 && c <= 0x39))) {
      const start = i;
      while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
      if (name === key) found = text.slice(start, i + 1);
      valueNext = false;
      continue;
    }
    valueNext = depth === 1 && c === 0x3a;
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) break;
    }
  }
  return found;
}
