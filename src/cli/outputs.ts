import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { expandDataPaths, isGlob } from '../table/index.ts';

/** A file a command is about to write, by its flag (`--report`, `-o`) and the path as given. */
export interface PlannedOutput {
  flag: string;
  path: string | undefined;
}

async function identity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, exit 2 before any work, an output file that is one of the command's inputs, or that
 * two outputs share: `mlops schema infer data.csv -o data.csv` (a slip of tab completion)
 * replaced the data with its schema, and `drift --report r --markdown r` kept only the markdown.
 * Files are compared by device and inode, so `./x`, a symbolic or a hard link count as the same.
 * `inputs` may hold globs (expanded here) and paths that do not exist (the command reports those).
 */
export async function refuseOverwritingInputs(outputs: readonly PlannedOutput[], inputs: readonly (string | null | undefined)[], cwd: string): Promise<void> {
  const planned = outputs.filter((o): o is { flag: string; path: string } => o.path !== undefined);
  if (planned.length === 0) return;
  const seen = new Map<string, string>();
  for (const output of planned) {
    const target = resolve(cwd, output.path);
    const other = seen.get(target);
    if (other !== undefined) throw new InputError(`--${other} names this file too; write each to its own file`, { file: output.path, key: `--${output.flag}` });
    seen.set(target, output.flag);
  }
  const written = new Map<string, PlannedOutput>();
  for (const output of planned) {
    const id = await identity(resolve(cwd, output.path!));
    if (id !== undefined) written.set(id, output);
  }
  if (written.size === 0) return;
  for (const input of inputs) {
    if (!input) continue;
    const files = isGlob(input) ? await expandDataPaths(input, cwd).catch(() => [] as string[]) : [input];
    for (const file of files) {
      const output = written.get((await identity(resolve(cwd, file))) ?? '');
      if (output !== undefined) {
        const which = file === output.path ? 'an input' : `the input ${file}`;
        throw new InputError(`is ${which} of this command, which writing it would destroy; write to another file`, { file: output.path, key: `--${output.flag}` });
      }
    }
  }
}
