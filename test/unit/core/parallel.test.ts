import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.ts';
import { prestartWorkersFor, runTasks, threadBudget } from '../../../src/core/parallel.ts';
import { VALIDATE_SEGMENT_BYTES } from '../../../src/schema/file.ts';
import { DEFAULT_SEGMENT_BYTES } from '../../../src/table/csv.ts';

describe('worker start-up hints', () => {
  it('each command starts workers from the size at which it cuts files into segments', () => {
    const from = (name: string) => commands.find((c) => c.name === name)?.splitsFilesFrom;
    expect(from('validate')).toBe(VALIDATE_SEGMENT_BYTES);
    expect(from('profile')).toBe(DEFAULT_SEGMENT_BYTES);
    expect(from('drift')).toBe(DEFAULT_SEGMENT_BYTES);
    // Commands that never cut files start no workers.
    expect(commands.filter((c) => c.splitsFilesFrom !== undefined).map((c) => c.name).sort()).toEqual(['drift', 'profile', 'validate']);
  });

  const dir = mkdtempSync(join(tmpdir(), 'mlops-parallel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is only a hint: odd arguments are skipped and tasks still run (in this thread, from sources)', async () => {
    writeFileSync(join(dir, 'big.csv'), 'a\n'.repeat(4096));
    // Flags, missing files, names the file system rejects, directories: none throws.
    expect(() => prestartWorkersFor(['--json', 'missing.csv', 'x'.repeat(5000), 'a\0b', dir, 'big.csv'], dir, 1024)).not.toThrow();
    const outcomes = await runTasks([{ kind: 'k', spec: 1 }, { kind: 'k', spec: 2 }], async (task) => (task.spec as number) * 10);
    expect(outcomes).toEqual([{ ok: true, value: 10 }, { ok: true, value: 20 }]);
  });

  it('runs a workersOnly batch in this thread when there are no workers (from sources, or one thread)', async () => {
    const outcomes = await runTasks([{ kind: 'k', spec: 3 }], async (task) => (task.spec as number) * 10, { workersOnly: true });
    expect(outcomes).toEqual([{ ok: true, value: 30 }]);
  });

  it('reads MLOPS_THREADS for the thread budget', () => {
    expect(threadBudget({ MLOPS_THREADS: '3' })).toBe(3);
    expect(threadBudget({ MLOPS_THREADS: '0' })).toBeGreaterThanOrEqual(1);
  });
});
