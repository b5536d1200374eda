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
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** An in-memory CliIo for tests; `out` and `err` accumulate everything written. */
export function memoryIo(options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) { io.out += text; },
    stderr(text: string) { io.err += text; },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: false,
  };
  return io;
}
