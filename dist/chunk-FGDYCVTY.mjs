import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/report/format.ts
var MINUS = "\u2212";
function special(x) {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "\u221E";
  if (x === -Infinity) return `${MINUS}\u221E`;
  return void 0;
}
function trimZeros(text) {
  if (!text.includes(".") || /e/i.test(text)) return text;
  return text.replace(/0+$/, "").replace(/\.$/, "");
}
function magnitude(abs, digits) {
  if (abs === 0) return digits > 1 ? `0.${"0".repeat(digits - 1)}` : "0";
  if (abs >= 10 ** digits) return Math.round(abs).toString();
  if (abs < 1e-4) {
    const [mantissa, exponent] = abs.toExponential(digits - 1).split("e");
    return `${mantissa}e${exponent.replace("+", "")}`;
  }
  const text = abs.toPrecision(digits);
  return text.includes("e") ? Number(text).toString() : text;
}
function formatNumber(x, significantDigits = 3, options = {}) {
  const s = special(x);
  if (s !== void 0) return s;
  const digits = Math.max(1, Math.min(21, Math.round(significantDigits)));
  let text = magnitude(Math.abs(x), digits);
  if (options.trim) text = trimZeros(text);
  const isZero = Number(text) === 0;
  return x < 0 && !isZero ? `${MINUS}${text}` : text;
}
function formatDelta(x, significantDigits = 3) {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+\u221E";
  if (x === -Infinity) return `${MINUS}\u221E`;
  const body = formatNumber(Math.abs(x), significantDigits, { trim: true });
  if (Number(body) === 0) return "\xB10";
  return `${x < 0 ? MINUS : "+"}${body}`;
}
function formatPercent(fraction, decimals = 1) {
  const s = special(fraction);
  if (s !== void 0) return s === "NaN" ? s : `${s}%`;
  const text = (Math.abs(fraction) * 100).toFixed(Math.max(0, Math.min(20, decimals)));
  return fraction < 0 && Number(text) !== 0 ? `${MINUS}${text}%` : `${text}%`;
}
function formatInterval(low, high, significantDigits = 3) {
  return `[${formatNumber(low, significantDigits)}, ${formatNumber(high, significantDigits)}]`;
}
function formatDuration(ms, significantDigits = 3) {
  const s = special(ms);
  if (s !== void 0) return s;
  const digits = Math.max(1, Math.min(21, Math.round(significantDigits)));
  const abs = Math.abs(Number(ms.toPrecision(digits)));
  if (abs < 1) return `${formatNumber(ms * 1e3, significantDigits)} \xB5s`;
  if (abs < 1e3) return `${formatNumber(ms, significantDigits)} ms`;
  return `${formatNumber(ms / 1e3, significantDigits)} s`;
}

export {
  formatNumber,
  formatDelta,
  formatPercent,
  formatInterval,
  formatDuration
};
