/**
 * What a label asks of a model: a quantity to regress or classes to tell apart. ONE rule, used by
 * `mlops init` (which writes the gates: r2 or accuracy/balanced_accuracy) and by `mlops train`
 * (which builds the model), so the two never disagree about the same column:
 *
 * - a label whose values are all numbers (codes like `00501` are not) is **regression** when one of them is not a whole number
 *   (a measurement: `3.7`) or when it has more than {@link MAX_INTEGER_CLASSES} distinct values
 *   (a count, a price in cents, a year);
 * - anything else is **classification**: text (`yes`/`no`, species), booleans, and whole numbers
 *   with few distinct values (`0`/`1` fraud flags, `0`/`1`/`2` grades) — binary with exactly two
 *   classes, multiclass otherwise.
 *
 * A classification label whose values are (nearly) all distinct — a date, an id, a name — is not a
 * label at all: {@link classCountProblem} says why, and both commands refuse it (exit 2).
 */
import type { Task } from './preprocess.ts';

/** Whole-number labels with more distinct values than this are quantities (regression). */
export const MAX_INTEGER_CLASSES = 20;

/** No classifier is built for more classes than this (a softmax over thousands of classes is not tabular ML). */
export const MAX_CLASSES = 1000;

/**
 * Share of the labelled rows that the number of classes must stay within (above
 * {@link MAX_INTEGER_CLASSES} classes): at more than one class per two rows, most classes have a
 * single example and nothing can be learnt about them.
 */
export const MAX_CLASS_SHARE = 0.5;

/** A cell text parsed as a number; NaN when it is not one. `Infinity`/`NaN` texts parse to themselves so they can be rejected. */
export function parseNumberText(text: string): number {
  const t = text.trim();
  if (t === '') return Number.NaN;
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  return Number(t);
}

/** Whether a text is a number, `NaN` and `Infinity` included (as a numeric column may hold them). */
export function isNumberText(text: string): boolean {
  return !Number.isNaN(parseNumberText(text)) || /^nan$/i.test(text.trim());
}

/**
 * Whether a text is a code written with digits after a leading zero (`00501`, `0123`): a zip,
 * phone or product code, which a number would silently change. `mlops schema infer` and profiles
 * read such columns as text; training does too.
 */
export function isCodeText(text: string): boolean {
  return /^\s*[+-]?0\d/.test(text);
}

/** The task for a label with these distinct (non-null) values. */
export function labelTask(distinct: readonly string[]): Task {
  if (isNumericLabel(distinct) && (distinct.length > MAX_INTEGER_CLASSES || distinct.some((t) => !Number.isInteger(parseNumberText(t))))) return 'regression';
  return distinct.length === 2 ? 'binary' : 'multiclass';
}

/** Whether every value is a number, none a code like `00501` (then a classification label could be regressed instead). */
export function isNumericLabel(distinct: readonly string[]): boolean {
  return distinct.length > 0 && distinct.every((t) => isNumberText(t) && !isCodeText(t));
}

/**
 * Why a classification label with `classes` distinct values over `rows` labelled rows cannot be
 * learnt, or null when it can: more than {@link MAX_CLASSES} classes, or more than
 * {@link MAX_INTEGER_CLASSES} classes that are also more than {@link MAX_CLASS_SHARE} of the rows.
 */
export function classCountProblem(classes: number, rows: number): string | null {
  if (classes > MAX_INTEGER_CLASSES && classes > MAX_CLASS_SHARE * rows) {
    return `${classes} classes in ${rows} rows: ${classes === rows ? 'every row is' : 'nearly every row is'} a class of its own, so there is nothing to learn about any of them`;
  }
  if (classes > MAX_CLASSES) return `${classes} classes, more than the ${MAX_CLASSES} a classifier is built for`;
  return null;
}

/** The exit-2 message for a label {@link classCountProblem} refuses, with what to do instead. */
export function tooManyClassesMessage(label: string, problem: string, numeric: boolean, fix: { regression: string; otherColumn: string }): string {
  const instead = numeric
    ? `if '${label}' is a quantity, predict it as one (${fix.regression}); else ${fix.otherColumn}`
    : `it looks like an identifier, a date or free text rather than a category: ${fix.otherColumn}`;
  return `'${label}' cannot be a classification label: ${problem}. ${instead[0]!.toUpperCase()}${instead.slice(1)}`;
}
