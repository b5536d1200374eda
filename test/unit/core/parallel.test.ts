import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.ts';
import { prestartWorkersFor, runTasks, segmentBytesFromEnv, threadBudget } from '../../../src/core/parallel.ts';
import { InputError } from '../../../src/core/errors.ts';
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

  it('reads MLOPS_THREADS for the thread budget; unset or empty means the CPUs available', () => {
    expect(threadBudget({ MLOPS_THREADS: '3' })).toBe(3);
    expect(threadBudget({ MLOPS_THREADS: ' 2 ' })).toBe(2);
    expect(threadBudget({})).toBeGreaterThanOrEqual(1);
    expect(threadBudget({ MLOPS_THREADS: '' })).toBe(threadBudget({}));
  });

  it('refuses a thread budget or segment size that is not an integer in range, naming the variable (a typo silently meant the default)', () => {
    for (const bad of ['0', '-1', 'abc', '2.5', '4 threads']) {
      expect(() => threadBudget({ MLOPS_THREADS: bad })).toThrow(new InputError(`MLOPS_THREADS must be an integer of at least 1 (threads that may work at once; 1 turns worker threads off), got '${bad}'`, {}));
    }
    expect(segmentBytesFromEnv({ MLOPS_SEGMENT_BYTES: '65536' })).toBe(65536);
    expect(segmentBytesFromEnv({})).toBeUndefined();
    for (const bad of ['512', '1e6', '16MiB']) {
      expect(() => segmentBytesFromEnv({ MLOPS_SEGMENT_BYTES: bad })).toThrow(`MLOPS_SEGMENT_BYTES must be an integer of at least 1024 (the bytes of a segment of a large CSV file), got '${bad}'`);
    }
  });
});
