import { randomBytes } from 'node:crypto';
import { appendFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { CliIo } from '../cli/io.ts';
import { inertCommands } from '../core/workflow-commands.ts';
import { truncateMarkdown } from '../report/truncate.ts';

/**
 * GitHub Actions runtime glue, written directly against the runner's documented contract
 * (env files `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` and `::command::` lines on stdout) rather
 * than over `@actions/core`: core reads `process.env`, while our commands run in-process in
 * tests with their own `io.env`, and tests compare the exact bytes written.
 *
 * Outside Actions (no `GITHUB_ACTIONS=true`) every call degrades gracefully: outputs and the
 * summary are kept in memory only, annotations and log lines go to stderr as plain text.
 */

/** Annotation levels GitHub supports. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Where an annotation points. Every field is optional. */
export interface AnnotationProperties {
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  title?: string;
}

/** How many annotations of one level were emitted and how many were held back by the cap. */
export interface AnnotationCount {
  emitted: number;
  suppressed: number;
}

/** The runtime every action entry writes through. */
export interface ActionsRuntime {
  /** True when running inside GitHub Actions (`GITHUB_ACTIONS=true`). */
  readonly inActions: boolean;
  /** Sets a step output (written to `GITHUB_OUTPUT`; multi-line values use a heredoc). */
  setOutput(name: string, value: string | number | boolean): void;
  /** Outputs set so far in this step (also outside Actions, for tests and terminal use). */
  readonly outputs: ReadonlyMap<string, string>;
  /** Appends markdown to the job summary; the step's summary is capped below 1 MiB. */
  appendSummary(markdown: string): void;
  /** Everything appended to the summary by this runtime (after masking and truncation). */
  readonly summary: string;
  /** Emits an annotation; at most {@link ANNOTATION_CAP} per level per step, the rest are counted. */
  annotate(level: AnnotationLevel, message: string, properties?: AnnotationProperties): void;
  /** Emitted / suppressed annotation counts per level, shared by every runtime over the same io. */
  annotationCounts(): Record<AnnotationLevel, AnnotationCount>;
  /** Registers a secret: the runner masks it in logs and this runtime scrubs it from all it writes. */
  setSecret(value: string): void;
  /** Replaces every registered secret in `text` with `***`. */
  scrub(text: string): string;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T> | T): Promise<T>;
  /**
   * A log line. Text that the runner would take for a workflow command (a line starting with
   * `::`, or the legacy `##[` anywhere) is printed between `::stop-commands::` and its resume
   * token, so a column name or cell value can never raise an annotation, mask text or stop the
   * step's own commands. The same holds for everything written through {@link ActionsRuntime.io}.
   */
  info(message: string): void;
  /**
   * Writes the output of the repository's own program (an external trainer) as it is: its
   * workflow commands take effect, as they would in a `run:` step of the same job.
   */
  output(text: string): void;
  /** A debug log line (shown by the runner only with debug logging on). */
  debug(message: string): void;
  /**
   * Marks the step failed: an `::error::` command (never capped) and the message in the log.
   * Only the `mlops action` entry point calls this; entries return exit codes or throw.
   * `properties` place the annotation on the file and line at fault (a config key, a data row).
   */
  setFailed(message: string, properties?: AnnotationProperties): void;
  /**
   * Logs how many annotations the cap held back. Call once at the end of the step.
   * Returns the counts.
   */
  finish(): Record<AnnotationLevel, AnnotationCount>;
  /** An io whose stdout/stderr scrub registered secrets; pass it to code that prints. */
  readonly io: CliIo;
}

/** GitHub shows at most 10 annotations of each level per step (DESIGN §6). */
export const ANNOTATION_CAP = 10;

/**
 * GitHub rejects a step summary of 1 MiB or more. We stay a little below so the truncation note
 * itself always fits.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

/** The bytes kept free above the limit, so the truncation note fits even when no section does. */
const NOTE_RESERVE_BYTES = 1024;

const TRUNCATION_NOTE =
  '> [!WARNING]\n> The job summary was cut here to stay under GitHub\'s 1 MiB limit per step; the full report is in the step log and the uploaded artifacts.\n';

/** State shared by every runtime created over the same io (one step = one process). */
interface SharedState {
  secrets: Set<string>;
  counts: Record<AnnotationLevel, AnnotationCount>;
  summaryFull: boolean;
  summaryDropped: number;
  outputs: Map<string, string>;
}

const states = new WeakMap<CliIo, SharedState>();
/** A runtime's scrubbing io → the io beneath it, where the runtimes over it write their own commands. */
const rawIos = new WeakMap<CliIo, CliIo>();

function stateFor(io: CliIo): SharedState {
  let state = states.get(io);
  if (!state) {
    state = {
      secrets: new Set(),
      counts: { error: { emitted: 0, suppressed: 0 }, warning: { emitted: 0, suppressed: 0 }, notice: { emitted: 0, suppressed: 0 } },
      summaryFull: false,
      summaryDropped: 0,
      outputs: new Map(),
    };
    states.set(io, state);
  }
  return state;
}

/** Escapes a command's message like the runner expects (`%`, CR, LF). */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value (`%`, CR, LF, `:` and `,`). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats one workflow command line (without the trailing newline). */
export function formatCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`);
  return `::${command}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeCommandData(message)}`;
}

/** Options for {@link createActionsRuntime}; tests pin the heredoc delimiter to compare bytes. */
export interface ActionsRuntimeOptions {
  /** Generates the heredoc delimiter for multi-line outputs. */
  delimiter?: () => string;
  /** Overrides the summary byte limit (tests). */
  summaryLimitBytes?: number;
}

function replaceAll(text: string, secret: string): string {
  return text.split(secret).join('***');
}

/**
 * Creates the runtime over `io`. Every runtime created over the same io — or over the
 * runtime's own scrubbing {@link ActionsRuntime.io} — shares its secrets and annotation counts,
 * so an entry that creates its own runtime still honours the step-wide caps and masks.
 */
export function createActionsRuntime(io: CliIo, options: ActionsRuntimeOptions = {}): ActionsRuntime {
  const state = stateFor(io);
  // A runtime over another runtime's io writes its own commands beneath that io's guard.
  const out = rawIos.get(io) ?? io;
  const env = io.env;
  const inActions = env.GITHUB_ACTIONS === 'true';
  const outputs = state.outputs;
  const makeDelimiter = options.delimiter ?? (() => `ghadelimiter_${randomBytes(16).toString('hex')}`);
  const summaryLimit = options.summaryLimitBytes ?? SUMMARY_LIMIT_BYTES;
  let summary = '';

  const scrub = (text: string): string => {
    let out = text;
    // Longest first: a secret that contains another must be replaced whole.
    for (const secret of [...state.secrets].sort((a, b) => b.length - a.length)) out = replaceAll(out, secret);
    return out;
  };
  // The log: workflow commands must reach stdout in Actions; in a terminal stdout is reserved
  // for machine output, so human lines go to stderr.
  const log = (line: string): void => {
    if (inActions) out.stdout(`${scrub(line)}\n`);
    else out.stderr(`${scrub(line)}\n`);
  };
  // Human text, in Actions, must not be run as a command; each stream is guarded on its own, as
  // the runner may read stdout and stderr in any order.
  const inert = (text: string): string => (inActions ? inertCommands(text) : text);

  // Secrets are scrubbed before escaping: once escaped (`%` → `%25`) a secret no longer matches.
  const command = (name: string, properties: Record<string, string | number | undefined>, message: string): string => {
    const clean: Record<string, string | number | undefined> = {};
    for (const [key, value] of Object.entries(properties)) clean[key] = typeof value === 'string' ? scrub(value) : value;
    return formatCommand(name, clean, scrub(message));
  };

  const scrubbingIo: CliIo = {
    stdout: (text) => out.stdout(inert(scrub(text))),
    stderr: (text) => out.stderr(inert(scrub(text))),
    get cwd() { return io.cwd; },
    get env() { return io.env; },
    get isTTY() { return io.isTTY; },
  };
  states.set(scrubbingIo, state);
  rawIos.set(scrubbingIo, out);

  const writeEnvFile = (variable: string, text: string): void => {
    const path = env[variable];
    if (!path) return;
    appendFileSync(path, text, 'utf8');
  };

  const runtime: ActionsRuntime = {
    inActions,
    outputs,
    get summary() { return summary; },
    io: scrubbingIo,

    setOutput(name, value) {
      if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new TypeError(`invalid output name '${name}'`);
      const text = scrub(typeof value === 'string' ? value : String(value));
      outputs.set(name, text);
      if (!inActions) return;
      if (!env.GITHUB_OUTPUT) {
        log(command('warning', {}, `GITHUB_OUTPUT is not set: output '${name}' is lost`));
        return;
      }
      if (!/[\r\n]/.test(text)) {
        writeEnvFile('GITHUB_OUTPUT', `${name}=${text}\n`);
        return;
      }
      let delimiter = makeDelimiter();
      // A value that happens to contain the delimiter line would end the heredoc early.
      while (text.split(/\r?\n/).includes(delimiter)) delimiter = `ghadelimiter_${randomBytes(16).toString('hex')}`;
      writeEnvFile('GITHUB_OUTPUT', `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
    },

    appendSummary(markdown) {
      if (state.summaryFull) {
        state.summaryDropped += 1;
        return;
      }
      let text = scrub(markdown);
      const path = inActions ? env.GITHUB_STEP_SUMMARY : undefined;
      let used = 0;
      if (path) {
        try { used = statSync(path).size; } catch { used = 0; }
      } else {
        used = Buffer.byteLength(summary, 'utf8');
      }
      const room = summaryLimit - used;
      if (Buffer.byteLength(text, 'utf8') > room) {
        text = fitBytes(text, room, TRUNCATION_NOTE);
        state.summaryFull = true;
        if (text === '') {
          // Not even a block of the section fits: it is dropped, but the summary must still say
          // it was cut (the reserve above the limit is there for this note).
          state.summaryDropped += 1;
          const note = `\n\n${TRUNCATION_NOTE}`;
          if (used + Buffer.byteLength(note, 'utf8') < summaryLimit + NOTE_RESERVE_BYTES) text = note;
        }
      }
      summary += text;
      if (path) appendFileSync(path, text, 'utf8');
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
          file: properties.file === undefined ? undefined : workspaceRelative(properties.file, env.GITHUB_WORKSPACE),
          line: properties.startLine,
          endLine: properties.endLine,
          col: properties.startColumn,
          endColumn: properties.endColumn,
        }, message));
      } else {
        let where = properties.file ?? '';
        if (properties.startLine !== undefined) where += `${where ? ':' : 'line '}${properties.startLine}`;
        if (properties.startLine !== undefined && properties.startColumn !== undefined) where += `:${properties.startColumn}`;
        const title = properties.title ? `${properties.title}: ` : '';
        log(`${where ? `${where}: ` : ''}${level}: ${title}${message}`);
      }
    },

    annotationCounts() {
      return {
        error: { ...state.counts.error },
        warning: { ...state.counts.warning },
        notice: { ...state.counts.notice },
      };
    },

    setSecret(value) {
      if (value === '' || state.secrets.has(value)) return;
      // The mask command goes out before the secret joins the set: scrubbing it would defeat it.
      if (inActions) out.stdout(`${formatCommand('add-mask', {}, value)}\n`);
      state.secrets.add(value);
    },

    scrub,

    async group(name, fn) {
      if (inActions) log(command('group', {}, name));
      else log(name);
      try {
        return await fn();
      } finally {
        if (inActions) log('::endgroup::');
      }
    },

    info(message) {
      const text = `${scrub(message)}\n`;
      if (inActions) out.stdout(inertCommands(text));
      else out.stderr(text);
    },

    output(text) {
      if (inActions) out.stdout(scrub(text));
      else out.stderr(scrub(text));
    },

    debug(message) {
      if (inActions) log(command('debug', {}, message));
      else if (env.RUNNER_DEBUG === '1' || env.MLOPS_DEBUG === '1') log(`debug: ${message}`);
    },

    setFailed(message, properties = {}) {
      if (inActions) {
        log(command('error', {
          title: properties.title,
          file: properties.file === undefined ? undefined : workspaceRelative(properties.file, env.GITHUB_WORKSPACE),
          line: properties.startLine,
          col: properties.startColumn,
        }, message));
      } else log(`error: ${message}`);
    },

    finish() {
      const counts = runtime.annotationCounts();
      for (const level of ['error', 'warning', 'notice'] as const) {
        const { suppressed } = counts[level];
        if (suppressed > 0) {
          log(`${suppressed} more ${level} annotation${suppressed === 1 ? '' : 's'} not shown: GitHub displays at most ${ANNOTATION_CAP} per level per step (see the log and the job summary)`);
        }
      }
      if (state.summaryDropped > 0) log(`${state.summaryDropped} job summary section(s) dropped: the 1 MiB summary limit was reached`);
      return counts;
    },
  };
  return runtime;
}

/**
 * GitHub attaches an annotation to a file of the pull request only by its repository-relative
 * path: absolute paths inside the workspace are made relative (with `/` separators).
 */
export function workspaceRelative(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

/**
 * Cuts markdown to at most `maxBytes` UTF-8 bytes with {@link truncateMarkdown} (block
 * boundaries, fences and details closed), followed by `note`. The budget is in characters, so
 * shrink it until the bytes fit.
 */
function fitBytes(text: string, maxBytes: number, note: string): string {
  if (maxBytes <= Buffer.byteLength(note, 'utf8')) return '';
  let chars = Math.min(text.length, maxBytes);
  let out = truncateMarkdown(text, chars, note);
  let bytes = Buffer.byteLength(out, 'utf8');
  while (bytes > maxBytes && chars > 0) {
    chars = Math.max(0, Math.floor((chars * maxBytes) / bytes) - 1);
    out = truncateMarkdown(text, chars, note);
    bytes = Buffer.byteLength(out, 'utf8');
  }
  return bytes <= maxBytes ? out : '';
}
