import { existsSync, fstatSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';

/**
 * The process boundary of a command: where its text goes and what environment it sees.
 * Commands take a CliIo instead of touching `process` so tests can run them in-process and
 * compare the exact bytes they print.
 */
export interface CliIo {
  /** Machine output (JSON with `--json`, or the main human report). */
  stdout(text: string): void;
  /** Human progress, warnings and errors. */
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when stderr is a terminal (progress bars, colours). */
  isTTY: boolean;
  /**
   * True when stdout is redirected to a regular file (`mlops drift > drift.md`): what is written
   * there is not a CI runner's log, so it is never altered to keep it from acting as a command.
   */
  stdoutIsFile?: boolean;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    stdoutIsFile: isRegularFile(1),
  };
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** An in-memory CliIo for tests; `out` and `err` accumulate everything written. */
export function memoryIo(options: { cwd?: string; env?: Record<string, string | undefined>; stdoutIsFile?: boolean } = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) { io.out += text; },
    stderr(text: string) { io.err += text; },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: false,
    stdoutIsFile: options.stdoutIsFile ?? false,
  };
  return io;
}

/**
 * How to type `mlops` in the commands a command prints as next steps. The README installs the
 * CLI as a dev dependency, which puts it in node_modules/.bin and not on PATH: run through npx,
 * the advice is `npx mlops`; otherwise `mlops` when it is on PATH, else `node <the bundle>` (as
 * `npm run demo` runs it), and `mlops` when none of these can be told.
 */
export function mlopsInvocation(env: Record<string, string | undefined>, script: string | undefined = process.argv[1]): string {
  if (env.npm_lifecycle_event === 'npx') return 'npx mlops';
  const onPath = (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'mlops')));
  if (onPath || script === undefined || basename(script) !== 'mlops.mjs') return 'mlops';
  return `node ${shellWord(script)}`;
}

/** A word as a POSIX shell reads it back: as is when safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
