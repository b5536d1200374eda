/**
 * Hints for type errors: the schema setting that would read a value the field rejects, when the
 * value has a recognisable local form (a thousands separator, a decimal comma, a currency sign,
 * yes/no, a day-first date). A type error on every row of a column is usually one missing setting,
 * not bad data, and the message should say which.
 */
import type { SchemaField } from './types.ts';

const THOUSANDS_COMMA = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$/;
const UNIT_AROUND = /^\s*[$€£¥]\s?[+-]?\d[\d.,]*\s*$|^\s*[+-]?\d[\d.,]*\s?(%|€|\$|£)\s*$/;
const DECIMAL = /^[+-]?\d+\.\d+$/;
/** Yes/no words (lower case) and the true/false pair each belongs to. */
const YES_NO_PAIRS: Record<string, [string, string]> = Object.fromEntries(
  [['yes', 'no'], ['y', 'n'], ['on', 'off'], ['t', 'f']].flatMap(([t, f]) => [[t, [t, f]], [f, [t, f]]]),
);

/** `word` written in the case style of `like`: all capitals, a capital first, or lower case. */
function sameCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  if (like[0] !== undefined && like[0] === like[0].toUpperCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOT_DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;
const DATE_WITH_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `set decimalChar: ','` and its kin for `text` that `field` rejected as its type; null when no hint fits. */
export function typeHint(field: SchemaField, text: string): string | null {
  const format = field.format ?? 'default';
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (field.type === 'integer' && DECIMAL.test(text)) return 'a decimal number in an integer field: use type number';
      if (THOUSANDS_COMMA.test(text) && field.groupChar === undefined) {
        return field.type === 'integer' && text.includes('.') ? "thousands separators and a fraction in an integer field? use type number with groupChar: ','" : "thousands separators? set groupChar: ',' on the field";
      }
      if (DECIMAL_COMMA.test(text) && field.decimalChar === undefined) {
        const setting = text.includes('.') ? "decimalChar: ',' and groupChar: '.'" : "decimalChar: ','";
        // An integer field takes no decimalChar (the schema loader rejects it): the fix is the type too.
        return field.type === 'integer' ? `a decimal comma in an integer field? use type number with ${setting}` : `a decimal comma? set ${setting} on the field`;
      }
      if (UNIT_AROUND.test(text) && field.bareNumber !== false) return 'a currency or percent sign? set bareNumber: false on the field';
      return null;
    }
    case 'boolean': {
      const word = text.trim();
      const pair = YES_NO_PAIRS[word.toLowerCase()];
      if (pair === undefined || field.trueValues !== undefined || field.falseValues !== undefined) return null;
      // The example in the data's own spelling: the lists are case-sensitive, so [yes] would not read "Yes".
      const [yes, no] = pair.map((w) => sameCase(w, word));
      return `set trueValues and falseValues on the field (e.g. trueValues: [${yes}], falseValues: [${no}])`;
    }
    case 'date': {
      if (format !== 'default') return null;
      if (DATE_WITH_TIME.test(text)) return 'a date with a time: use type datetime';
      const slash = SLASH_DATE.exec(text);
      if (slash) {
        if (Number(slash[1]) > 12) return "set format: '%d/%m/%Y' on the field";
        if (Number(slash[2]) > 12) return "set format: '%m/%d/%Y' on the field";
        return "set format: '%m/%d/%Y' (or '%d/%m/%Y') on the field";
      }
      if (DOT_DATE.test(text)) return "set format: '%d.%m.%Y' on the field";
      if (/^\d{8}$/.test(text)) return "set format: '%Y%m%d' on the field";
      return null;
    }
    case 'datetime':
      return format === 'default' && ISO_DATE.test(text) ? 'a date without a time: use type date' : null;
    default:
      return null;
  }
}
