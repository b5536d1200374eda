import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { runTasks, setWorkerEntry, type TaskRequest } from '../../../src/core/parallel.ts';

// The pool with real worker threads: from sources there are none (setWorkerEntry is the bundle's
// call), so these tests give it a worker script that runs the pool's worker loop through tsx.

interface Spec {
  n?: number;
  message?: string;
  seen: Int32Array;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** This thread's side: waits (up to 60 s) until a worker has taken a task, so each test sees both kinds of thread. */
async function local(task: TaskRequest<Spec>): Promise<unknown> {
  for (let waited = 0; Atomics.load(task.spec.seen, 0) === 0 && waited < 60_000; waited += 10) await sleep(10);
  if (task.kind === 'fail') throw new InputError(task.spec.message ?? '', { file: 'data.csv', line: 7 });
  if (task.kind === 'die' || task.kind === 'quit') throw new Error(`${task.kind} runs only in a worker`);
  return { square: (task.spec.n ?? 0) ** 2, thread: threadId };
}

const shared = () => new Int32Array(new SharedArrayBuffer(4));

describe('the task pool on worker threads', () => {
  beforeAll(() => {
    process.env.MLOPS_THREADS = '3';
    setWorkerEntry(join(import.meta.dirname, '..', '..', 'support', 'pool', 'worker.mjs'));
  });

  it('runs every task once, on the workers and this thread, with outcomes in task order', async () => {
    const seen = shared();
    const tasks = Array.from({ length: 40 }, (_, n) => ({ kind: 'square', spec: { n, seen } }));
    const outcomes = await runTasks<Spec, { square: number; thread: number }>(tasks, local as never);
    expect(outcomes.map((o) => (o.ok ? o.value.square : null))).toEqual(tasks.map((_, n) => n * n));
    const threads = new Set(outcomes.map((o) => (o.ok ? o.value.thread : -1)));
    expect(threads.has(threadId)).toBe(true);
    expect(threads.size).toBeGreaterThanOrEqual(2);
    // Workers did what `seen` counted, this thread the rest: no task ran twice.
    expect(outcomes.filter((o) => o.ok && o.value.thread !== threadId)).toHaveLength(Atomics.load(seen, 0));
  }, 120_000);

  it('runs two callers at once (drift queues the current data\'s hashes behind the reference\'s segments), each thread one batch at a time', async () => {
    const seen = shared();
    const batch = (from: number) => Array.from({ length: 15 }, (_, k) => ({ kind: 'square', spec: { n: from + k, seen } }));
    const [a, b] = await Promise.all([runTasks<Spec, { square: number }>(batch(0), local as never), runTasks<Spec, { square: number }>(batch(100), local as never)]);
    expect(a.map((o) => o.ok && o.value.square)).toEqual(batch(0).map((t) => t.spec.n ** 2));
    expect(b.map((o) => o.ok && o.value.square)).toEqual(batch(100).map((t) => t.spec.n ** 2));
  }, 120_000);

  it('keeps each error with its task, InputError with its location', async () => {
    const seen = shared();
    const tasks = Array.from({ length: 12 }, (_, n) => (n % 3 === 1 ? { kind: 'fail', spec: { message: `bad ${n}`, seen } } : { kind: 'square', spec: { n, seen } }));
    const outcomes = await runTasks<Spec, { square: number }>(tasks, local as never);
    outcomes.forEach((o, n) => {
      if (n % 3 === 1) {
        expect(o.ok).toBe(false);
        if (!o.ok) {
          expect(o.error).toBeInstanceOf(InputError);
          expect(o.error.message).toBe(`data.csv:7: bad ${n}`);
        }
      } else expect(o.ok && o.value.square).toBe(n * n);
    });
  }, 120_000);

  it('fails only the task of a worker that dies; the other threads finish the rest', async () => {
    const seen = shared();
    // This thread claims task 0 first and waits there until a worker has started one; the workers
    // claim the next tasks in order, so the one that dies takes task 1.
    const tasks = [{ kind: 'square', spec: { n: 0, seen } }, { kind: 'die', spec: { seen } }, ...Array.from({ length: 10 }, (_, k) => ({ kind: 'square', spec: { n: k + 2, seen } }))];
    const outcomes = await runTasks<Spec, { square: number }>(tasks, local as never);
    expect(outcomes[1].ok).toBe(false);
    if (!outcomes[1].ok) expect(outcomes[1].error.message).toMatch(/exited with code 3/);
    outcomes.forEach((o, n) => { if (n !== 1) expect(o.ok && o.value.square).toBe(n * n); });
    // The pool goes on without the dead worker.
    const after = await runTasks<Spec, { square: number }>([{ kind: 'square', spec: { n: 5, seen } }, { kind: 'square', spec: { n: 6, seen } }], local as never);
    expect(after.map((o) => o.ok && o.value.square)).toEqual([25, 36]);
  }, 120_000);

  it('fails the task of a worker that exits with code 0 too, and starts new workers for the next call', async () => {
    const seen = shared();
    const tasks = [{ kind: 'square', spec: { n: 0, seen } }, { kind: 'quit', spec: { seen } }, ...Array.from({ length: 6 }, (_, k) => ({ kind: 'square', spec: { n: k + 2, seen } }))];
    const outcomes = await runTasks<Spec, { square: number }>(tasks, local as never);
    expect(outcomes[1].ok).toBe(false);
    if (!outcomes[1].ok) expect(outcomes[1].error.message).toMatch(/exited with code 0/);
    outcomes.forEach((o, n) => { if (n !== 1) expect(o.ok && o.value.square).toBe(n * n); });
    const again = shared();
    const next = await runTasks<Spec, { square: number; thread: number }>(Array.from({ length: 20 }, (_, n) => ({ kind: 'square', spec: { n, seen: again } })), local as never);
    expect(next.every((o) => o.ok)).toBe(true);
    expect(next.some((o) => o.ok && o.value.thread !== threadId)).toBe(true);
  }, 120_000);

  it('leaves a workersOnly batch to the workers, one task or many, and runs it after the batches queued before it', async () => {
    const seen = shared();
    const never = async () => { throw new Error('the main thread ran a workersOnly task'); };
    const first = Array.from({ length: 8 }, (_, n) => ({ kind: 'square', spec: { n, seen } }));
    const [before, single, many] = await Promise.all([
      runTasks<Spec, { square: number; thread: number }>(first, local as never),
      runTasks<Spec, { square: number; thread: number }>([{ kind: 'square', spec: { n: 9, seen } }], never, { workersOnly: true }),
      runTasks<Spec, { square: number; thread: number }>(Array.from({ length: 5 }, (_, n) => ({ kind: 'square', spec: { n: n + 20, seen } })), never, { workersOnly: true }),
    ]);
    expect(before.map((o) => o.ok && o.value.square)).toEqual(first.map((t) => t.spec.n ** 2));
    expect(single.map((o) => o.ok && o.value.square)).toEqual([81]);
    expect(many.map((o) => o.ok && o.value.square)).toEqual([20, 21, 22, 23, 24].map((n) => n * n));
    for (const o of [...single, ...many]) expect(o.ok && o.value.thread).not.toBe(threadId);
  }, 120_000);

  it('answers an empty list at once', async () => {
    expect(await runTasks([], local as never)).toEqual([]);
  });
});
