/**
 * Error types shared by every layer. The CLI maps them to exit codes (DESIGN §4):
 * a {@link UsageError}, {@link InputError} or {@link ServiceError} means "the command could not
 * run" (exit 2);
 * a failed check is not an error at all — commands return exit code 1 themselves.
 */

/** Where in a file a problem sits. Every field is optional because not every format has lines. */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Config/schema key path (e.g. `train.epochs`) or data column name. */
  key?: string;
}

/** Formats a location as `file:line:col (key)` — the prefix of every exit-2 message. */
export function formatLocation(loc: SourceLocation): string {
  let out = loc.file ?? '';
  if (loc.line !== undefined) out += `${out ? ':' : 'line '}${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) out += `:${loc.column}`;
  if (loc.key !== undefined) out += `${out ? ' ' : ''}(${loc.key})`;
  return out;
}

/** Malformed or unreadable input: data file, schema, config, model directory. Exit code 2. */
export class InputError extends Error {
  readonly location: SourceLocation;
  /** The message without its location prefix (to rebuild the error at another location). */
  readonly detail: string;
  constructor(message: string, location: SourceLocation = {}, options?: { cause?: unknown }) {
    const where = formatLocation(location);
    super(where ? `${where}: ${message}` : message, options);
    this.name = 'InputError';
    this.location = location;
    this.detail = message;
  }
}

/** Bad command-line usage: unknown flag, missing argument. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A service the command talks to (the GitHub API) refused or failed, and the message says what
 * to change (a permission to grant, a token to fix). Exit code 2 like an {@link InputError}: the
 * command could not run, which is no bug of ours, so no stack trace is shown.
 */
export class ServiceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceError';
  }
}

/** True for errors that mean "the command could not run" (exit 2) rather than a crash. */
export function isExpectedError(error: unknown): error is InputError | UsageError | ServiceError {
  return error instanceof InputError || error instanceof UsageError || error instanceof ServiceError;
}
