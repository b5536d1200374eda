import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  truncateMarkdown
} from "./chunk-SNU2JPT2.mjs";
import {
  inertCommands
} from "./chunk-DVDZ43KM.mjs";

// src/actions/runtime.ts
import { randomBytes } from "node:crypto";
import { appendFileSync, statSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
var ANNOTATION_CAP = 10;
var SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;
var NOTE_RESERVE_BYTES = 1024;
var TRUNCATION_NOTE = "> [!WARNING]\n> The job summary was cut here to stay under GitHub's 1 MiB limit per step; the full report is in the step log and the uploaded artifacts.\n";
var states = /* @__PURE__ */ new WeakMap();
var rawIos = /* @__PURE__ */ new WeakMap();
function stateFor(io) {
  let state = states.get(io);
  if (!state) {
    state = {
      secrets: /* @__PURE__ */ new Set(),
      counts: { error: { emitted: 0, suppressed: 0 }, warning: { emitted: 0, suppressed: 0 }, notice: { emitted: 0, suppressed: 0 } },
      summaryFull: false,
      summaryDropped: 0,
      outputs: /* @__PURE__ */ new Map()
    };
    states.set(io, state);
  }
  return state;
}
function escapeCommandData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeCommandProperty(text) {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function formatCommand(command, properties, message) {
  const props = Object.entries(properties).filter((entry) => entry[1] !== void 0 && entry[1] !== "").map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`);
  return `::${command}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeCommandData(message)}`;
}
function replaceAll(text, secret) {
  return text.split(secret).join("***");
}
function createActionsRuntime(io, options = {}) {
  const state = stateFor(io);
  const out = rawIos.get(io) ?? io;
  const env = io.env;
  const inActions = env.GITHUB_ACTIONS === "true";
  const outputs = state.outputs;
  const makeDelimiter = options.delimiter ?? (() => `ghadelimiter_${randomBytes(16).toString("hex")}`);
  const summaryLimit = options.summaryLimitBytes ?? SUMMARY_LIMIT_BYTES;
  let summary = "";
  const scrub = (text) => {
    let out2 = text;
    for (const secret of [...state.secrets].sort((a, b) => b.length - a.length)) out2 = replaceAll(out2, secret);
    return out2;
  };
  const log = (line) => {
    if (inActions) out.stdout(`${scrub(line)}
`);
    else out.stderr(`${scrub(line)}
`);
  };
  const inert = (text) => inActions ? inertCommands(text) : text;
  const command = (name, properties, message) => {
    const clean = {};
    for (const [key, value] of Object.entries(properties)) clean[key] = typeof value === "string" ? scrub(value) : value;
    return formatCommand(name, clean, scrub(message));
  };
  const scrubbingIo = {
    stdout: (text) => out.stdout(inert(scrub(text))),
    stderr: (text) => out.stderr(inert(scrub(text))),
    get cwd() {
      return io.cwd;
    },
    get env() {
      return io.env;
    },
    get isTTY() {
      return io.isTTY;
    }
  };
  states.set(scrubbingIo, state);
  rawIos.set(scrubbingIo, out);
  const writeEnvFile = (variable, text) => {
    const path = env[variable];
    if (!path) return;
    appendFileSync(path, text, "utf8");
  };
  const runtime = {
    inActions,
    outputs,
    get summary() {
      return summary;
    },
    io: scrubbingIo,
    setOutput(name, value) {
      if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new TypeError(`invalid output name '${name}'`);
      const text = scrub(typeof value === "string" ? value : String(value));
      outputs.set(name, text);
      if (!inActions) return;
      if (!env.GITHUB_OUTPUT) {
        log(command("warning", {}, `GITHUB_OUTPUT is not set: output '${name}' is lost`));
        return;
      }
      if (!/[\r\n]/.test(text)) {
        writeEnvFile("GITHUB_OUTPUT", `${name}=${text}
`);
        return;
      }
      let delimiter = makeDelimiter();
      while (text.split(/\r?\n/).includes(delimiter)) delimiter = `ghadelimiter_${randomBytes(16).toString("hex")}`;
      writeEnvFile("GITHUB_OUTPUT", `${name}<<${delimiter}
${text}
${delimiter}
`);
    },
    appendSummary(markdown) {
      if (state.summaryFull) {
        state.summaryDropped += 1;
        return;
      }
      let text = scrub(markdown);
      const path = inActions ? env.GITHUB_STEP_SUMMARY : void 0;
      let used = 0;
      if (path) {
        try {
          used = statSync(path).size;
        } catch {
          used = 0;
        }
      } else {
        used = Buffer.byteLength(summary, "utf8");
      }
      const room = summaryLimit - used;
      if (Buffer.byteLength(text, "utf8") > room) {
        text = fitBytes(text, room, TRUNCATION_NOTE);
        state.summaryFull = true;
        if (text === "") {
          state.summaryDropped += 1;
          const note = `

${TRUNCATION_NOTE}`;
          if (used + Buffer.byteLength(note, "utf8") < summaryLimit + NOTE_RESERVE_BYTES) text = note;
        }
      }
      summary += text;
      if (path) appendFileSync(path, text, "utf8");
    },
    annotate(level, message, properties = {}) {
      const count = state.counts[level];
      if (count.emitted >= ANNOTATION_CAP) {
        count.suppressed += 1;
        return;
      }
      count.emitted += 1;
      if (inActions) {
        log(command(level, {
          title: properties.title,
          file: properties.file === void 0 ? void 0 : workspaceRelative(properties.file, env.GITHUB_WORKSPACE),
          line: properties.startLine,
          endLine: properties.endLine,
          col: properties.startColumn,
          endColumn: properties.endColumn
        }, message));
      } else {
        let where = properties.file ?? "";
        if (properties.startLine !== void 0) where += `${where ? ":" : "line "}${properties.startLine}`;
        if (properties.startLine !== void 0 && properties.startColumn !== void 0) where += `:${properties.startColumn}`;
        const title = properties.title ? `${properties.title}: ` : "";
        log(`${where ? `${where}: ` : ""}${level}: ${title}${message}`);
      }
    },
    annotationCounts() {
      return {
        error: { ...state.counts.error },
        warning: { ...state.counts.warning },
        notice: { ...state.counts.notice }
      };
    },
    setSecret(value) {
      if (value === "" || state.secrets.has(value)) return;
      if (inActions) out.stdout(`${formatCommand("add-mask", {}, value)}
`);
      state.secrets.add(value);
    },
    scrub,
    async group(name, fn) {
      if (inActions) log(command("group", {}, name));
      else log(name);
      try {
        return await fn();
      } finally {
        if (inActions) log("::endgroup::");
      }
    },
    info(message) {
      const text = `${scrub(message)}
`;
      if (inActions) out.stdout(inertCommands(text));
      else out.stderr(text);
    },
    output(text) {
      if (inActions) out.stdout(scrub(text));
      else out.stderr(scrub(text));
    },
    debug(message) {
      if (inActions) log(command("debug", {}, message));
      else if (env.RUNNER_DEBUG === "1" || env.MLOPS_DEBUG === "1") log(`debug: ${message}`);
    },
    setFailed(message, properties = {}) {
      if (inActions) {
        log(command("error", {
          title: properties.title,
          file: properties.file === void 0 ? void 0 : workspaceRelative(properties.file, env.GITHUB_WORKSPACE),
          line: properties.startLine,
          col: properties.startColumn
        }, message));
      } else log(`error: ${message}`);
    },
    finish() {
      const counts = runtime.annotationCounts();
      for (const level of ["error", "warning", "notice"]) {
        const { suppressed } = counts[level];
        if (suppressed > 0) {
          log(`${suppressed} more ${level} annotation${suppressed === 1 ? "" : "s"} not shown: GitHub displays at most ${ANNOTATION_CAP} per level per step (see the log and the job summary)`);
        }
      }
      if (state.summaryDropped > 0) log(`${state.summaryDropped} job summary section(s) dropped: the 1 MiB summary limit was reached`);
      return counts;
    }
  };
  return runtime;
}
function workspaceRelative(file, workspace) {
  if (!workspace || !isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return file;
  return rel.split(sep).join("/");
}
function fitBytes(text, maxBytes, note) {
  if (maxBytes <= Buffer.byteLength(note, "utf8")) return "";
  let chars = Math.min(text.length, maxBytes);
  let out = truncateMarkdown(text, chars, note);
  let bytes = Buffer.byteLength(out, "utf8");
  while (bytes > maxBytes && chars > 0) {
    chars = Math.max(0, Math.floor(chars * maxBytes / bytes) - 1);
    out = truncateMarkdown(text, chars, note);
    bytes = Buffer.byteLength(out, "utf8");
  }
  return bytes <= maxBytes ? out : "";
}

export {
  createActionsRuntime
};
