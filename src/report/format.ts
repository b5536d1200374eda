/**
 * Number formatting for reports. Negative numbers use the typographic minus sign (U+2212), which
 * lines up with `+` in tables; infinities are `∞`; NaN is `NaN` (shown, never hidden).
 */

/** The typographic minus sign. */
export const MINUS = '\u2212';

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  return undefined;
}

/** Removes trailing zeros of a decimal fraction (`0.0120` → `0.012`, `2.000` → `2`). */
function trimZeros(text: string): string {
  if (!text.includes('.') || /e/i.test(text)) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

function magnitude(abs: number, digits: number): string {
  if (abs === 0) return digits > 1 ? `0.${'0'.repeat(digits - 1)}` : '0';
  // Integer parts are never rounded away: 1234567 with 3 digits stays 1234567.
  if (abs >= 10 ** digits) return Math.round(abs).toString();
  if (abs < 1e-4) {
    const [mantissa, exponent] = abs.toExponential(digits - 1).split('e');
    return `${mantissa}e${exponent!.replace('+', '')}`;
  }
  const text = abs.toPrecision(digits);
  // 999.6 with 3 digits rounds up to "1.00e+3": write it out.
  return text.includes('e') ? Number(text).toString() : text;
}

/**
 * Formats `x` with `significantDigits` significant digits (default 3), keeping trailing zeros
 * (they state the precision): `0.8` → `0.800`, `1234.5` → `1235`, `0.0000123` → `1.23e-5`,
 * `-2` → `−2.00`. Options: `trim` drops trailing zeros.
 */
export function formatNumber(x: number, significantDigits = 3, options: { trim?: boolean } = {}): string {
  const s = special(x);
  if (s !== undefined) return s;
  const digits = Math.max(1, Math.min(21, Math.round(significantDigits)));
  let text = magnitude(Math.abs(x), digits);
  if (options.trim) text = trimZeros(text);
  // -0 and values that round to zero carry no sign.
  const isZero = Number(text) === 0;
  return x < 0 && !isZero ? `${MINUS}${text}` : text;
}

/**
 * A signed difference: `+0.012`, `−0.003`, `±0` for zero, `+∞`/`−∞`, `NaN`. Trailing zeros are
 * dropped (a delta's precision is the metric's).
 */
export function formatDelta(x: number, significantDigits = 3): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+∞';
  if (x === -Infinity) return `${MINUS}∞`;
  const body = formatNumber(Math.abs(x), significantDigits, { trim: true });
  if (Number(body) === 0) return '±0';
  return `${x < 0 ? MINUS : '+'}${body}`;
}

/** A fraction as a percentage with fixed decimals: `0.1234` → `12.3%`. */
export function formatPercent(fraction: number, decimals = 1): string {
  const s = special(fraction);
  if (s !== undefined) return s === 'NaN' ? s : `${s}%`;
  const text = (Math.abs(fraction) * 100).toFixed(Math.max(0, Math.min(20, decimals)));
  return fraction < 0 && Number(text) !== 0 ? `${MINUS}${text}%` : `${text}%`;
}

/** A confidence interval: `[0.801, 0.845]`. */
export function formatInterval(low: number, high: number, significantDigits = 3): string {
  return `[${formatNumber(low, significantDigits)}, ${formatNumber(high, significantDigits)}]`;
}

/** A duration in milliseconds with a sensible unit: `850 µs`, `12.3 ms`, `4.20 s`. */
export function formatDuration(ms: number, significantDigits = 3): string {
  const s = special(ms);
  if (s !== undefined) return s;
  // The unit follows the value as printed: 0.9996 ms at 3 digits is 1.00 ms, not "1000 µs".
  const digits = Math.max(1, Math.min(21, Math.round(significantDigits)));
  const abs = Math.abs(Number(ms.toPrecision(digits)));
  if (abs < 1) return `${formatNumber(ms * 1000, significantDigits)} µs`;
  if (abs < 1000) return `${formatNumber(ms, significantDigits)} ms`;
  return `${formatNumber(ms / 1000, significantDigits)} s`;
}
