import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { falsy } from '@actions/expressions/result';
import { globFiles } from './glob.ts';

/**
 * `${{ }}` evaluation with GitHub's own expression engine (@actions/expressions), plus the
 * runner-level functions it leaves out: success(), failure(), always(), cancelled(), hashFiles().
 */

/** What an expression can see. */
export interface ExpressionScope {
  /** Context name → plain JS value (objects, arrays, strings, numbers, booleans, null). */
  contexts: Record<string, unknown>;
  /** Whether an earlier step failed (success()/failure()). */
  failed: boolean;
  /** hashFiles() globs here. */
  workspace: string;
}

/** Converts a plain JS value to expression data. */
export function toExpressionData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (Array.isArray(value)) return new data.Array(...value.map(toExpressionData));
  if (typeof value === 'object') {
    return new data.Dictionary(...Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: toExpressionData(v) })));
  }
  return new data.StringData(String(value));
}

/** Expression data to a plain JS value. */
export function fromExpressionData(value: data.ExpressionData): unknown {
  switch (value.kind) {
    case data.Kind.Null: return null;
    case data.Kind.String: case data.Kind.Number: case data.Kind.Boolean: return (value as data.StringData | data.NumberData | data.BooleanData).value;
    case data.Kind.Array: return (value as data.Array).values().map(fromExpressionData);
    default: return Object.fromEntries((value as data.Dictionary).pairs().map(({ key, value: v }) => [key, fromExpressionData(v)]));
  }
}

const STATUS_FUNCTIONS = /\b(success|failure|always|cancelled)\s*\(/i;

/** Evaluates one expression (without `${{ }}`). */
export function evaluateExpression(expression: string, scope: ExpressionScope): data.ExpressionData {
  const functions = new Map<string, { name: string; minArgs: number; maxArgs: number; call: (...args: data.ExpressionData[]) => data.ExpressionData }>([
    ['success', { name: 'success', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(!scope.failed) }],
    ['failure', { name: 'failure', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(scope.failed) }],
    ['always', { name: 'always', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) }],
    ['cancelled', { name: 'cancelled', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(false) }],
    ['hashfiles', { name: 'hashFiles', minArgs: 1, maxArgs: 255, call: (...patterns) => new data.StringData(hashFiles(scope.workspace, patterns.map((p) => p.coerceString()))) }],
  ]);
  const lexed = new Lexer(expression).lex();
  const parser = new Parser(lexed.tokens, Object.keys(scope.contexts), [...functions.values()]);
  const context = new data.Dictionary(...Object.entries(scope.contexts).map(([key, value]) => ({ key, value: toExpressionData(value) })));
  return new Evaluator(parser.parse(), context, functions).evaluate();
}

/** Splits `text` into literal and `${{ expression }}` parts (quotes inside expressions respected). */
export function splitTemplate(text: string): ({ literal: string } | { expression: string })[] {
  const parts: ({ literal: string } | { expression: string })[] = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${{', i);
    if (start < 0) {
      parts.push({ literal: text.slice(i) });
      break;
    }
    if (start > i) parts.push({ literal: text.slice(i, start) });
    let j = start + 3;
    let inString = false;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === "'") {
        if (inString && text[j + 1] === "'") { j++; continue; }
        inString = !inString;
      } else if (!inString && c === '}' && text[j + 1] === '}') {
        break;
      }
    }
    if (j >= text.length) throw new Error(`unclosed \${{ in: ${text}`);
    parts.push({ expression: text.slice(start + 3, j).trim() });
    i = j + 2;
  }
  return parts;
}

/** Evaluates a string that may contain `${{ }}`: each expression is coerced to a string. */
export function evaluateTemplate(text: string, scope: ExpressionScope): string {
  if (!text.includes('${{')) return text;
  return splitTemplate(text)
    .map((part) => ('literal' in part ? part.literal : evaluateExpression(part.expression, scope).coerceString()))
    .join('');
}

/** Evaluates a value that may be a template or a non-string scalar (YAML numbers, booleans). */
export function evaluateValue(value: unknown, scope: ExpressionScope): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return evaluateTemplate(value, scope);
  return String(value);
}

/**
 * Evaluates an `if:` condition as the runner does: `${{ }}` optional; without a status
 * function the condition is `success() && (<condition>)`.
 */
export function evaluateCondition(condition: unknown, scope: ExpressionScope): boolean {
  if (condition === undefined || condition === null || condition === '') return !scope.failed;
  if (typeof condition === 'boolean') return condition && !scope.failed;
  let text = String(condition).trim();
  const parts = splitTemplate(text);
  if (parts.length === 1 && 'expression' in parts[0]!) text = parts[0].expression;
  else if (text.includes('${{')) text = `'${evaluateTemplate(text, scope).replace(/'/g, "''")}'`;
  if (!STATUS_FUNCTIONS.test(text)) text = `success() && (${text})`;
  return !falsy(evaluateExpression(text, scope));
}

/** The runner's hashFiles(): sha256 over the sha256 of each matched file, '' when none match. */
export function hashFiles(workspace: string, patterns: string[]): string {
  const files = globFiles(workspace, patterns);
  if (files.length === 0) return '';
  const outer = createHash('sha256');
  for (const file of files) outer.update(createHash('sha256').update(readFileSync(file)).digest());
  return outer.digest('hex');
}
