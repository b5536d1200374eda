import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'validate');

/** A temp directory removed by `cleanup`. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mlops-validate-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs the CLI in-process; returns exit code and captured output. */
export async function cli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const io = memoryIo(options);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

/**
 * Copies a fixture, replacing whole physical lines (1-based, header = 1) or one cell of a line,
 * so tests know exactly which lines are faulty.
 */
export async function injectFaults(source: string, target: string, faults: Record<number, string | { cell: number; value: string }>): Promise<void> {
  const lines = (await readFile(source, 'utf8')).split('\n');
  for (const [line, fault] of Object.entries(faults)) {
    const i = Number(line) - 1;
    if (typeof fault === 'string') lines[i] = fault;
    else {
      const cells = lines[i].split(',');
      cells[fault.cell] = fault.value;
      lines[i] = cells.join(',');
    }
  }
  await writeFile(target, lines.join('\n'));
}
