import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/train/task.ts
var MAX_INTEGER_CLASSES = 20;
var MAX_CLASSES = 1e3;
var MAX_CLASS_SHARE = 0.5;
function parseNumberText(text) {
  const t = text.trim();
  if (t === "") return Number.NaN;
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  return Number(t);
}
function isNumberText(text) {
  return !Number.isNaN(parseNumberText(text)) || /^nan$/i.test(text.trim());
}
function isCodeText(text) {
  return /^\s*[+-]?0\d/.test(text);
}
function labelTask(distinct) {
  if (isNumericLabel(distinct) && (distinct.length > MAX_INTEGER_CLASSES || distinct.some((t) => !Number.isInteger(parseNumberText(t))))) return "regression";
  return distinct.length === 2 ? "binary" : "multiclass";
}
function isNumericLabel(distinct) {
  return distinct.length > 0 && distinct.every((t) => isNumberText(t) && !isCodeText(t));
}
function classCountProblem(classes, rows) {
  if (classes > MAX_INTEGER_CLASSES && classes > MAX_CLASS_SHARE * rows) {
    return `${classes} classes in ${rows} rows: ${classes === rows ? "every row is" : "nearly every row is"} a class of its own, so there is nothing to learn about any of them`;
  }
  if (classes > MAX_CLASSES) return `${classes} classes, more than the ${MAX_CLASSES} a classifier is built for`;
  return null;
}
function tooManyClassesMessage(label, problem, numeric, fix) {
  const instead = numeric ? `if '${label}' is a quantity, predict it as one (${fix.regression}); else ${fix.otherColumn}` : `it looks like an identifier, a date or free text rather than a category: ${fix.otherColumn}`;
  return `'${label}' cannot be a classification label: ${problem}. ${instead[0].toUpperCase()}${instead.slice(1)}`;
}

export {
  parseNumberText,
  isNumberText,
  isCodeText,
  labelTask,
  isNumericLabel,
  classCountProblem,
  tooManyClassesMessage
};
