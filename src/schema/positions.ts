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
