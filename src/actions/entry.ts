import type { CliIo } from '../cli/io.ts';

/**
 * One composite action's logic. `run` reads its typed inputs (src/actions/inputs.ts) from
 * `io.env`, does the work through the domain modules, and writes outputs, summary and
 * annotations through the runtime. It returns the exit code (0 ok, 1 check failed) and throws
 * InputError for bad input; only the `mlops action` entry point turns failures into
 * `core.setFailed`.
 */
export interface ActionEntry {
  name: string;
  run(io: CliIo): Promise<number>;
}
