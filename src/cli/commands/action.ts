import { actionEntries } from '../../actions/entries.ts';
import { createActionsRuntime } from '../../actions/runtime.ts';
import { InputError, isExpectedError, UsageError } from '../../core/errors.ts';
import { ExitCode, type Command } from '../command.ts';
import type { CliIo } from '../io.ts';

const names = (): string => Object.keys(actionEntries).join(' | ');

/**
 * Input and environment variables whose values are credentials: masked before anything runs.
 * The name must END with the credential word: `INPUT_TOKEN-IS-DEFAULT` is a flag, and masking
 * its value `true` would turn every "true" in the log into `***`.
 */
const SECRET_INPUT = /^INPUT_(.*[-_ ])?(TOKEN|SECRET|PASSWORD|PRIVATE[-_]KEY|API[-_]KEY)$/i;
/** Values too short or too common to be credentials; masking them would garble the log. */
const NOT_A_SECRET = new Set(['true', 'false', 'null', 'undefined']);
const SECRET_ENV = ['GITHUB_TOKEN', 'GH_TOKEN', 'MLOPS_TOKEN'];

/** The values in `env` that must never be printed. */
export function secretValues(env: Record<string, string | undefined>): string[] {
  const values: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    const text = value?.trim() ?? '';
    if (text.length < 4 || NOT_A_SECRET.has(text.toLowerCase())) continue;
    if (SECRET_INPUT.test(key) || SECRET_ENV.includes(key)) values.push(text);
  }
  return values;
}

/**
 * `mlops action <name>`: the single entry point of every composite action. It masks credential
 * inputs first, runs the action entry with a secret-scrubbing io, and is the only place that
 * turns a thrown error into a failed step (`::error::` + exit code 2).
 */
const command: Command = {
  name: 'action',
  summary: "run a composite action's step (used by action.yml)",
  usage: `Usage: mlops action <name>

Runs one composite action's step: ${names()}.
Inputs are read from INPUT_<NAME> environment variables (as the runner sets them), outputs go to
$GITHUB_OUTPUT, the report to $GITHUB_STEP_SUMMARY, annotations to the log. Outside GitHub
Actions the same step runs in a terminal: set INPUT_<NAME> yourself; outputs are printed to stderr.

Exit codes: 0 success, 1 the check failed, 2 the step could not run (bad input, missing permission).
`,
  async run(argv: string[], io: CliIo): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined) throw new UsageError(`missing <name>: one of ${names()}. Usage: mlops action <name>`);
    if (rest.length > 0) throw new UsageError(`unexpected arguments after '${name}': ${rest.join(' ')} (inputs come from INPUT_<NAME> variables)`);
    const load = Object.hasOwn(actionEntries, name) ? actionEntries[name] : undefined;
    if (!load) throw new UsageError(`unknown action '${name}': expected one of ${names()}`);

    const runtime = createActionsRuntime(io);
    for (const secret of secretValues(io.env)) runtime.setSecret(secret);
    try {
      const entry = await load();
      const code = await entry.run(runtime.io);
      if (!runtime.inActions && runtime.outputs.size > 0) {
        for (const [key, value] of runtime.outputs) runtime.info(`output ${key}=${value}`);
      }
      return code;
    } catch (error) {
      if (isExpectedError(error)) {
        // An InputError names its file and line: GitHub then marks that line (a mlops.yaml key, a
        // schema field, a data row) in the pull request's files, as well as in the step's log.
        const where = error instanceof InputError ? error.location : {};
        runtime.setFailed(error.message, where.file === undefined ? {} : { file: where.file, startLine: where.line, startColumn: where.line === undefined ? undefined : where.column });
      } else {
        // A bug in mlops: the stack goes to the log (scrubbed), the message to the annotation.
        runtime.info(`internal error: ${(error as Error)?.stack ?? String(error)}`);
        runtime.setFailed(`internal error in 'mlops action ${name}': ${(error as Error)?.message ?? String(error)}`);
      }
      return ExitCode.cannotRun;
    } finally {
      runtime.finish();
    }
  },
};
export default command;
