import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/core/workflow-commands.ts
import { randomBytes } from "node:crypto";
var COMMAND_LIKE = /(?:^|[\r\n])[^\S\r\n]*::|##\[/;
function looksLikeCommand(text) {
  return COMMAND_LIKE.test(text);
}
function stopCommandsAround(text) {
  let token = randomBytes(16).toString("hex");
  while (text.includes(token)) token = randomBytes(16).toString("hex");
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
      blank = rest.trim() === "";
      tail = rest.slice(-2);
    } else {
      blank = blank && rest.trim() === "";
      tail = (tail + rest).slice(-2);
    }
    return result;
  };
}
function inertJson(text) {
  return text.includes("##[") ? text.replaceAll("##[", "#\\u0023[") : text;
}

export {
  inertCommands,
  inertStream,
  inertJson
};
