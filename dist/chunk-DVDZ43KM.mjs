import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  randomHex
} from "./chunk-EY3EEY7L.mjs";

// src/core/workflow-commands.ts
var BLANK = "[\\t\\v\\f \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
var COMMAND_LIKE = new RegExp(`(?:^|[\\r\\n])${BLANK}*::|##\\[`);
var ALL_BLANK = new RegExp(`^${BLANK}*$`);
function looksLikeCommand(text) {
  return COMMAND_LIKE.test(text);
}
function stopCommandsAround(text) {
  let token = randomHex(16);
  while (text.includes(token)) token = randomHex(16);
  return `::stop-commands::${token}
${text}${/[\r\n]$/.test(text) ? "" : "\n"}::${token}::
`;
}
function inertCommands(text) {
  return looksLikeCommand(text) ? stopCommandsAround(text) : text;
}
function inertStream() {
  let blank = true;
  let tail = "";
  return (text) => {
    if (text === "") return text;
    const context = blank ? tail === "" ? "" : " " : `x${tail}`;
    let result = text;
    if (looksLikeCommand(context + text)) {
      result = `${context === "" ? "" : "\n"}${stopCommandsAround(text)}`;
      blank = true;
      tail = "";
      return result;
    }
    const lastBreak = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r"));
    const rest = text.slice(lastBreak + 1);
    if (lastBreak >= 0) {
      blank = ALL_BLANK.test(rest);
      tail = rest.slice(-2);
    } else {
      blank = blank && ALL_BLANK.test(rest);
      tail = (tail + rest).slice(-2);
    }
    return result;
  };
}
function inertJson(text) {
  return text.includes("##[") ? text.replaceAll("##[", "#\\u0023[") : text;
}

export {
  looksLikeCommand,
  inertCommands,
  inertStream,
  inertJson
};
