import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/cli/command.ts
var ExitCode = {
  /** Success, or the check passed. */
  ok: 0,
  /** The check failed: invalid data, a gate failed, drift with --fail-on-drift. */
  checkFailed: 1,
  /** The command could not run: bad flags, unreadable or malformed input, config error. */
  cannotRun: 2
};

export {
  ExitCode
};
