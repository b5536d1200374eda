import type { CliIo } from './io.ts';

/** Exit codes of DESIGN §4. */
export const ExitCode = {
  /** Success, or the check passed. */
  ok: 0,
  /** The check failed: invalid data, a gate failed, drift with --fail-on-drift. */
  checkFailed: 1,
  /** The command could not run: bad flags, unreadable or malformed input, config error. */
  cannotRun: 2,
} as const;

/** One `mlops <name>` command. `run` returns the exit code; it throws InputError/UsageError for exit 2. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
