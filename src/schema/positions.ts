import yaml from 'js-yaml';
import { InputError } from '../core/errors.ts';
import type { Position, PositionMap } from './types.ts';

/** A node of js-yaml's compose tree as its listener reports it. */
interface Node {
  start: Position;
  kind: string | null;
  result: unknown;
  children: Node[];
}

/** The subset of js-yaml's parser state the listener reads (not exported by @types/js-yaml). */
interface ListenerState {
  position: number;
  line: number;
  lineStart: number;
  kind: string | null;
  result: unknown;
}

/**
 * Parses YAML (or JSON, a YAML subset) and records where every key and array item starts, so a
 * later semantic error (ajv, unknown key, bad value) can point at `file:line:col`. js-yaml has no
 * AST API; its `listener` reports open/close events for every node, in document order, which we
 * nest into a tree: a mapping's children alternate key, value; a sequence's children are its items.
 *
 * Syntax errors become an InputError at the line:col js-yaml reports.
 */
export function parseYamlWithPositions(text: string, file: string): { value: unknown; positions: PositionMap } {
  const stack: Node[] = [];
  let root: Node | undefined;
  let value: unknown;
  try {
    value = yaml.load(text, {
      filename: file,
      listener(this: unknown, event: 'open' | 'close', state: unknown) {
        const s = state as ListenerState;
        if (event === 'open') {
          stack.push({ start: { line: s.line + 1, column: s.position - s.lineStart + 1 }, kind: null, result: undefined, children: [] });
          return;
        }
        const node = stack.pop();
        if (!node) return;
        node.kind = s.kind;
        node.result = s.result;
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(node);
        else root = node;
      },
    });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      throw new InputError(`YAML syntax error: ${error.reason}`, {
        file,
        line: mark?.line !== undefined ? mark.line + 1 : undefined,
        column: mark?.column !== undefined ? mark.column + 1 : undefined,
      }, { cause: error });
    }
    throw error;
  }
  const positions: PositionMap = new Map();
  if (root) walk(unwrap(root), '', positions);
  return { value, positions };
}

/** js-yaml may wrap a flow collection in a block attempt that yields the same object: skip those. */
function unwrap(node: Node): Node {
  let current = node;
  while (current.children.length === 1 && current.children[0].result === current.result && typeof current.result === 'object') {
    current = current.children[0];
  }
  return current;
}

function walk(node: Node, path: string, out: PositionMap): void {
  if (!out.has(path)) out.set(path, node.start);
  if (node.kind === 'mapping') {
    for (let i = 0; i + 1 < node.children.length; i += 2) {
      const key = node.children[i];
      const keyPath = `${path}/${escapeKey(String(key.result))}`;
      out.set(keyPath, key.start);
      walk(unwrap(node.children[i + 1]), keyPath, out);
    }
  } else if (node.kind === 'sequence') {
    node.children.forEach((child, index) => {
      const item = unwrap(child);
      const itemPath = `${path}/${index}`;
      out.set(itemPath, item.start);
      walk(item, itemPath, out);
    });
  }
}

/** JSON-pointer escaping (RFC 6901), matching ajv's `instancePath`. */
export function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The position of `path`, or of its nearest ancestor that has one. */
export function positionOf(positions: PositionMap, path: string): Position | undefined {
  let current = path;
  while (true) {
    const found = positions.get(current);
    if (found) return found;
    if (current === '') return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/** `/fields/2/constraints` → `fields[2].constraints` for messages. */
export function pointerToKey(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A strict JSON reader (RFC 8259) that records positions as {@link parseYamlWithPositions} does:
 * each key at its opening quote, each array item and the root at their first character. Strict
 * where YAML is lenient: no trailing commas, comments, single quotes or bare words; a key given
 * twice in one object is an error too (JSON.parse would keep the last silently). Line breaks occur
 * only between tokens (a raw control character in a string is an error), so the line and line
 * start kept by {@link skip} locate every token.
 */
class JsonReader {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  constructor(private readonly text: string, private readonly file: string, private readonly positions: PositionMap) {
    // A byte-order mark is no content: columns on line 1 count from after it.
    if (text.charCodeAt(0) === 0xfeff) this.i = this.lineStart = 1;
  }

  document(): unknown {
    const value = this.value('');
    this.skip();
    if (this.i < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private fail(message: string, at: Position = this.here()): never {
    throw new InputError(`JSON syntax error: ${message}`, { file: this.file, line: at.line, column: at.column });
  }

  private unexpected(): never {
    const c = this.text[this.i];
    this.fail(c === undefined ? 'unexpected end of input' : `unexpected ${JSON.stringify(c)}`);
  }

  private skip(): void {
    const t = this.text;
    for (; this.i < t.length; this.i++) {
      const c = t.charCodeAt(this.i);
      if (c === 10) { this.line++; this.lineStart = this.i + 1; } else if (c !== 32 && c !== 9 && c !== 13) return;
    }
  }

  private here(): Position {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  private value(path: string): unknown {
    this.skip();
    if (!this.positions.has(path)) this.positions.set(path, this.here());
    const c = this.text[this.i];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.i)) { this.i += word.length; return value; }
    }
    this.unexpected();
  }

  private object(path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.skip();
    if (this.text[this.i] === '}') { this.i++; return out; }
    for (;;) {
      this.skip();
      if (this.text[this.i] !== '"') this.unexpected();
      const at = this.here();
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(out, key)) this.fail(`duplicate key ${JSON.stringify(key)}`, at);
      const keyPath = `${path}/${escapeKey(key)}`;
      this.positions.set(keyPath, at);
      this.skip();
      if (this.text[this.i] !== ':') this.fail(`expected ':' after the key ${JSON.stringify(key)}`);
      this.i++;
      // defineProperty: a "__proto__" key is data (reported as an unknown key), not a prototype.
      Object.defineProperty(out, key, { value: this.value(keyPath), enumerable: true, writable: true, configurable: true });
      this.skip();
      const comma = this.here();
      if (this.text[this.i] === '}') { this.i++; return out; }
      if (this.text[this.i] !== ',') this.fail(`expected ',' or '}' after the value of ${JSON.stringify(key)}`);
      this.i++;
      this.skip();
      if (this.text[this.i] === '}') this.fail('trailing comma before }', comma);
    }
  }

  private array(path: string): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.skip();
    if (this.text[this.i] === ']') { this.i++; return out; }
    for (;;) {
      out.push(this.value(`${path}/${out.length}`));
      this.skip();
      const comma = this.here();
      if (this.text[this.i] === ']') { this.i++; return out; }
      if (this.text[this.i] !== ',') this.fail("expected ',' or ']' after an array item");
      this.i++;
      this.skip();
      if (this.text[this.i] === ']') this.fail('trailing comma before ]', comma);
    }
  }

  private string(): string {
    const t = this.text;
    const start = this.here();
    this.i++;
    let out = '';
    let from = this.i;
    for (;;) {
      if (this.i >= t.length) this.fail('unterminated string', start);
      const c = t.charCodeAt(this.i);
      if (c === 34) {
        out += t.slice(from, this.i++);
        return out;
      }
      if (c < 0x20) this.fail('control character in a string (write it as an escape, e.g. \\n)');
      if (c !== 92) { this.i++; continue; }
      out += t.slice(from, this.i);
      const e = t[this.i + 1];
      if (e === 'u') {
        const hex = t.slice(this.i + 2, this.i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape (four hex digits expected)');
        out += String.fromCharCode(parseInt(hex, 16));
        this.i += 6;
      } else {
        const ch = e === undefined ? undefined : JSON_ESCAPES[e];
        if (ch === undefined) this.fail(`invalid escape '\\${e ?? ''}'`);
        out += ch;
        this.i += 2;
      }
      from = this.i;
    }
  }

  private number(): number {
    JSON_NUMBER.lastIndex = this.i;
    const m = JSON_NUMBER.exec(this.text);
    if (m === null) this.unexpected();
    this.i += m[0].length;
    return Number(m[0]);
  }
}

/**
 * Parses strict JSON and records where every key and array item starts, as
 * {@link parseYamlWithPositions} does for YAML. Syntax errors become an InputError at line:col.
 */
export function parseJsonWithPositions(text: string, file: string): { value: unknown; positions: PositionMap } {
  const positions: PositionMap = new Map();
  const value = new JsonReader(text, file, positions).document();
  return { value, positions };
}
