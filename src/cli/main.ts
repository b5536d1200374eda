#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { InputError, isExpectedError, UsageError } from '../core/errors.ts';
import { inertJson, inertStream } from '../core/workflow-commands.ts';
import { prestartWorkersFor } from '../core/parallel.ts';
import { ExitCode } from './command.ts';
import { processIo, type CliIo } from './io.ts';
import { commands } from './commands/index.ts';

export const VERSION = '0.1.0';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `mlops ${VERSION} — GitHub-native MLOps`,
    '',
    'Usage: mlops <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'mlops <command> --help' for a command's options.",
    'Exit codes: 0 success, 1 check failed, 2 could not run.',
    '',
  ].join('\n');
}

/**
 * Commands whose stdout without `--json` is a JSON document (a profile): kept one valid JSON
 * document in a workflow log. Every other command's stdout is text for a person (validate's
 * findings, drift's markdown, schema diff, registry listings) or a schema YAML that `schema infer`
 * itself writes so that nothing in it reads as a command (src/cli/commands/schema.ts).
 */
const JSON_STDOUT = new Set(['profile']);

/**
 * Commands that write through an ActionsRuntime in a workflow: it issues their own workflow
 * commands (groups, annotations, masks) and keeps their human text inert itself, and an external
 * trainer's output (`mlops train`) must keep its commands.
 */
const OWN_RUNTIME = new Set(['action', 'train']);

/**
 * The io a command runs with in a workflow's `run:` step (`GITHUB_ACTIONS=true`), where the
 * runner reads workflow commands from stdout and stderr: a column name, cell or category value
 * printed there must not raise annotations on any file, mask text or stop commands. Human text is
 * printed between `stop-commands` and a resume token when it looks like a command; `--json`
 * output stays one JSON document (`##[` escaped inside its strings); stdout redirected to a file
 * is not the log and stays as it is. Elsewhere, and for commands with their own runtime, `io`.
 */
function workflowSafeIo(io: CliIo, name: string, json: boolean): CliIo {
  if (io.env.GITHUB_ACTIONS !== 'true' || OWN_RUNTIME.has(name)) return io;
  const stderr = inertStream();
  const humanStdout = inertStream();
  const stdout = (text: string): string => {
    if (io.stdoutIsFile === true) return text;
    if (json || JSON_STDOUT.has(name)) return inertJson(text);
    return humanStdout(text);
  };
  return { ...io, stdout: (text) => io.stdout(stdout(text)), stderr: (text) => io.stderr(stderr(text)) };
}

/**
 * Runs the CLI with the given arguments and returns the exit code. Never calls process.exit,
 * so tests drive it in-process.
 */
export async function runCli(argv: string[], given: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  // After `--` every argument is an operand (a file named --json), as parseArgs reads them.
  const end = rest.indexOf('--');
  const options = end < 0 ? rest : rest.slice(0, end);
  const io = workflowSafeIo(given, name ?? '', options.includes('--json'));
  if (name === 'help' && rest[0] !== undefined && !rest[0].startsWith('-')) {
    // `mlops help train`, as `git help commit`: the command's own usage.
    return runCli([rest[0]!, '--help'], io);
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? ExitCode.cannotRun : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`mlops: unknown command '${name}'\n\n${help()}`);
    // A script's `mlops <typo> --json | jq` still gets its one JSON document.
    if (options.includes('--json')) io.stdout(`${JSON.stringify({ error: errorDocument(name, new UsageError(`unknown command '${name}'`), false) }, null, 2)}\n`);
    return ExitCode.cannotRun;
  }
  // With --json, stdout holds exactly one JSON document even when the command cannot run: the
  // error's, unless the command already printed its own.
  let printed = false;
  const commandIo: CliIo = { ...io, stdout: (text) => { printed = true; io.stdout(text); } };
  const failed = (error: unknown, internal: boolean): number => {
    if (options.includes('--json') && !printed) io.stdout(`${JSON.stringify({ error: errorDocument(name, error, internal) }, null, 2)}\n`);
    return ExitCode.cannotRun;
  };
  try {
    if (entry.splitsFilesFrom !== undefined) prestartWorkersFor(rest, io.cwd, entry.splitsFilesFrom);
    // Commands load lazily: `mlops validate` never pays for TensorFlow.js start-up.
    const command = await entry.load();
    if (options.includes('--help') || options.includes('-h')) {
      io.stdout(`${command.usage.trimEnd()}\n`);
      return ExitCode.ok;
    }
    return await command.run(rest, commandIo);
  } catch (error) {
    if (isExpectedError(error)) {
      // The action command names files by their repository path itself (annotations need it).
      const shown = error instanceof InputError && name !== 'action' ? namedAsGiven(error, rest, io.cwd) : error;
      io.stderr(`mlops ${name}: ${shown.message}\n`);
      return failed(shown, false);
    }
    // Anything else is a bug in mlops: show the stack so the report is actionable, exit 2.
    io.stderr(`mlops ${name}: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return failed(error, true);
  }
}

/**
 * `error` naming its file as the user wrote it: readers are given absolute paths, so a message
 * about `--schema s.yaml` said `/home/me/project/s.yaml`. A path that an argument spells (`s.yaml`,
 * `./data/x.csv`, `--report=r.json`) is shown as spelled; another one inside the working directory
 * (a file of a glob, one named in mlops.yaml, the implicit mlops.yaml) relative to it, as
 * docs/config.md shows `mlops.yaml:7:3`; any other stays absolute.
 */
export function namedAsGiven(error: InputError, argv: readonly string[], cwd: string): InputError {
  const file = error.location.file;
  if (file === undefined || !isAbsolute(file)) return error;
  const target = resolve(file);
  let shown: string | undefined;
  for (const arg of argv) {
    const spellings = [arg, ...(arg.startsWith('--') && arg.includes('=') ? [arg.slice(arg.indexOf('=') + 1)] : [])];
    shown = spellings.find((s) => s !== '' && !s.startsWith('-') && resolve(cwd, s) === target);
    if (shown !== undefined) break;
  }
  if (shown === undefined) {
    const inside = relative(resolve(cwd), target);
    if (inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside)) shown = inside;
  }
  if (shown === undefined || shown === file) return error;
  return new InputError(error.detail, { ...error.location, file: shown }, { cause: error });
}

/** The `error` object printed with `--json` on exit 2: the message as on stderr, and where. */
export interface CliErrorDocument {
  command: string;
  /** The whole message, location prefix included (as printed on stderr). */
  message: string;
  exitCode: number;
  /** InputError: the message without its location, and the location's parts. */
  detail?: string;
  file?: string;
  line?: number;
  column?: number;
  key?: string;
  /** A bug in mlops (the stack is on stderr). */
  internal?: true;
}

function errorDocument(command: string, error: unknown, internal: boolean): CliErrorDocument {
  const doc: CliErrorDocument = { command, message: error instanceof Error ? error.message : String(error), exitCode: ExitCode.cannotRun };
  if (error instanceof InputError) {
    doc.detail = error.detail;
    const { file, line, column, key } = error.location;
    if (file !== undefined) doc.file = file;
    if (line !== undefined) doc.line = line;
    if (column !== undefined) doc.column = column;
    if (key !== undefined) doc.key = key;
  }
  if (internal) doc.internal = true;
  return doc;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export function runMain(): Promise<void> {
  // A reader that stops early (`mlops profile big.csv | head`) closes the pipe: end quietly, as
  // Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The run goes on to its own exit code; later writes to the closed stream are dropped.
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
  return runCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => { process.stderr.write(`mlops: ${String(error)}\n`); process.exitCode = ExitCode.cannotRun; },
  );
}

// From sources (`tsx src/cli/main.ts`); the bundle starts at src/cli/bin.ts.
if (isMainThread && isEntryPoint()) void runMain();
