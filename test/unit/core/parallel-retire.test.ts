import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTasks, setWorkerEntry, type TaskRequest } from '../../../src/core/parallel.ts';

// Real worker threads (the pool's worker loop through tsx, test/support/pool/worker.mjs): which
// threads ran a batch shows whether the pool kept or retired its workers in between.

interface Spec {
  n: number;
  seen: Int32Array;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** This thread's side: waits until a worker has taken a task, so every batch has worker threads in it. */
async function local(task: TaskRequest<Spec>): Promise<{ square: number; thread: number }> {
  for (let waited = 0; Atomics.load(task.spec.seen, 0) === 0 && waited < 60_000; waited += 10) await sleep(10);
  return { square: task.spec.n ** 2, thread: threadId };
}

/** The worker threads that ran a batch of squares. */
async function workerThreads(): Promise<Set<number>> {
  const seen = new Int32Array(new SharedArrayBuffer(4));
  const outcomes = await runTasks<Spec, { square: number; thread: number }>(Array.from({ length: 12 }, (_, n) => ({ kind: 'square', spec: { n, seen } })), local);
  expect(outcomes.map((o) => o.ok && o.value.square)).toEqual(Array.from({ length: 12 }, (_, n) => n * n));
  return new Set(outcomes.flatMap((o) => (o.ok && o.value.thread !== threadId ? [o.value.thread] : [])));
}

const dir = mkdtempSync(join(tmpdir(), 'mlops-parallel-retire-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an idle pool', () => {
  beforeAll(() => {
    // One worker: each batch has it (this thread waits for it), so its thread id tells kept from new.
    process.env.MLOPS_THREADS = '2';
    setWorkerEntry(join(import.meta.dirname, '..', '..', 'support', 'pool', 'worker.mjs'));
  });

  it('terminates its workers when no batch follows (idle workers left alive hung the process at its exit), and starts new ones for a later batch', async () => {
    const first = await workerThreads();
    expect(first.size).toBeGreaterThan(0);
    await sleep(500);
    const later = await workerThreads();
    expect(later.size).toBeGreaterThan(0);
    expect([...later].filter((t) => first.has(t))).toEqual([]);
  }, 60_000);

  it('keeps its workers while this thread is reading a file on its way to the next batch (the next file of a glob)', async () => {
    const first = await workerThreads();
    // A read that takes 400 ms: a FIFO whose writer comes late.
    const fifo = join(dir, 'slow');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `sleep 0.4; echo done > '${fifo}'`]);
    const written = new Promise((resolve) => writer.on('exit', resolve));
    expect((await readFile(fifo, 'utf8')).trim()).toBe('done');
    const next = await workerThreads();
    await written;
    expect(next.size).toBeGreaterThan(0);
    expect([...next].every((t) => first.has(t))).toBe(true);
  }, 60_000);
});
