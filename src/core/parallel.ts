/**
 * Runs independent tasks (segments of one data file, a file hash) on worker threads next to the
 * main thread. Workers exist only when mlops runs from its bundle (`dist/mlops.mjs` is then both
 * the CLI and the worker script); from sources (tests, `tsx`) every task runs in the main thread —
 * with the same results, since a task's result never depends on where it ran.
 *
 * `MLOPS_THREADS` sets how many threads may work at once (default: the CPUs available; 1 turns
 * workers off); `MLOPS_SEGMENT_BYTES` the size of the segments a large file is cut into.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import { InputError, type SourceLocation } from './errors.ts';

/** What a worker is asked to do: a kind its handler table knows and a structured-clonable spec. */
export interface TaskRequest<S = unknown> {
  kind: string;
  spec: S;
}

/** What a worker runs for one kind of task (its spec as the main thread sent it). */
export type TaskHandler = (spec: never) => Promise<unknown>;

/** A task's outcome: its value, or the error it threw (InputError keeps its location). */
export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; error: Error };

/** How an error crosses the thread boundary (Error objects lose their class in a structured clone). */
interface WireError {
  name: string;
  message: string;
  detail?: string;
  location?: SourceLocation;
  stack?: string;
}

/** workerData of an mlops worker thread. */
export const WORKER_MARK = 'mlops-worker';

export function toWire(error: unknown): WireError {
  if (error instanceof InputError) return { name: 'InputError', message: error.message, detail: error.detail, location: error.location };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, stack: e.stack };
}

function fromWire(wire: WireError): Error {
  if (wire.name === 'InputError' && wire.detail !== undefined) return new InputError(wire.detail, wire.location ?? {});
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}

/**
 * A positive integer setting from the environment, at least `min`; undefined when unset or empty.
 * Anything else is an InputError naming the variable: a typo must not silently mean the default.
 */
function integerFromEnv(env: NodeJS.ProcessEnv, name: string, min: number, means: string): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InputError(`${name} must be an integer of at least ${min} (${means}), got '${env[name]}'`, {});
  }
  return value;
}

/** Threads that may work at once: MLOPS_THREADS, else the CPUs available. */
export function threadBudget(env: NodeJS.ProcessEnv = process.env): number {
  return integerFromEnv(env, 'MLOPS_THREADS', 1, 'threads that may work at once; 1 turns worker threads off') ?? Math.max(1, availableParallelism());
}

let workerEntry: string | null = null;

/**
 * Called by the bundle's entry (src/cli/bin.ts) with its own path: the script worker threads
 * start. Without it (sources, tests, other bundles) every task runs in the main thread.
 */
export function setWorkerEntry(path: string): void {
  workerEntry = path;
}

/**
 * MLOPS_SEGMENT_BYTES: the segment size for large files (a tuning and testing knob; results
 * never depend on it for validation, and only within sketch error for profiles).
 */
export function segmentBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return integerFromEnv(env, 'MLOPS_SEGMENT_BYTES', 1024, 'the bytes of a segment of a large CSV file');
}

/** Whether tasks can run on worker threads here (from the bundle, with more than one thread). */
export function parallelAvailable(): boolean {
  return workerEntry !== null && threadBudget() > 1;
}

/**
 * One call of {@link runTasks} as the threads see it. Its tasks are claimed, not assigned: every
 * thread given the batch takes the next index from the shared counter `next` (Atomics.add) until
 * none is left, so a worker that finishes a task starts the next at once, without waiting for the
 * main thread to answer a message. (With tasks assigned one message at a time, a worker waited up
 * to a read chunk's worth of the main thread's own scanning: ~0.1 s per 1M-row validation.)
 */
interface BatchMessage {
  id: number;
  tasks: TaskRequest[];
  /** Shared: the next task index to claim. */
  next: Int32Array;
  /** Shared, this worker's own: the index it is running, -1 when none (read if it dies). */
  claim: Int32Array;
}

/** A worker's report on a batch: one task's outcome, or that it claims no more of its tasks. */
type WorkerMessage =
  | { id: number; index: number; ok: true; value: unknown }
  | { id: number; index: number; ok: false; error: WireError }
  | { id: number; drained: true };

interface Batch {
  id: number;
  tasks: TaskRequest[];
  next: Int32Array;
  local: (task: TaskRequest) => Promise<unknown>;
  outcomes: Array<TaskOutcome<unknown> | undefined>;
  remaining: number;
  /** Threads that may still report on the batch ('main' for this thread). */
  members: Set<Worker | 'main'>;
  /** Why a task claimed by a worker that died has no outcome. */
  lost: Error | null;
  resolve: (outcomes: Array<TaskOutcome<unknown>>) => void;
}

/** How {@link runTasks} runs a batch. */
export interface RunOptions {
  /**
   * Leave the batch to the worker threads when there are any (the main thread runs it otherwise):
   * for work queued behind other work, which the main thread would take when it runs out of
   * tasks — just when it must combine their results, while a worker waits for it.
   */
  workersOnly?: boolean;
}

interface PoolWorker {
  thread: Worker;
  claim: Int32Array;
}

const sharedInt32 = (value: number): Int32Array => {
  const a = new Int32Array(new SharedArrayBuffer(4));
  a[0] = value;
  return a;
};

/** How long an idle pool keeps its workers for a next batch before it terminates them. */
const IDLE_RETIRE_MS = 30;

/** Whether a file system request of this thread is in flight (getActiveResourcesInfo names them FSReq…, FileHandle…). */
function mainThreadBusyWithFiles(): boolean {
  return process.getActiveResourcesInfo().some((name) => name.startsWith('FSReq') || name.startsWith('FileHandle'));
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * One pool per process, shared by every caller (calls may overlap: each thread works through
 * their batches in the order they came): workers start on first need
 * and are unref'd while they have no batch, so an idle pool never keeps the process alive; a pool
 * that stays idle terminates them (see retireWhenIdle).
 */
class Pool {
  private readonly workers: PoolWorker[] = [];
  private readonly active = new Map<number, Batch>();
  private readonly localQueue: Batch[] = [];
  private localBusy = false;
  private nextId = 0;
  /** Ends the workers once the pool has stayed idle for {@link IDLE_RETIRE_MS}. */
  private retireTimer: NodeJS.Timeout | null = null;

  constructor(private readonly script: string | null, private readonly budget: number) {}

  /** Starts the workers the budget allows before any task exists; they wait idle (unref'd). */
  prestart(): void {
    while (this.script !== null && this.workers.length < this.budget - 1) this.startWorker();
  }

  run(tasks: TaskRequest[], local: (task: TaskRequest) => Promise<unknown>, options: RunOptions = {}): Promise<Array<TaskOutcome<unknown>>> {
    if (tasks.length === 0) return Promise.resolve([]);
    if (this.retireTimer !== null) {
      clearTimeout(this.retireTimer);
      this.retireTimer = null;
    }
    return new Promise((resolve) => {
      const main = !(options.workersOnly === true && this.workers.length > 0);
      const batch: Batch = {
        id: this.nextId++, tasks, next: sharedInt32(0), local, outcomes: new Array(tasks.length).fill(undefined),
        remaining: tasks.length, members: new Set(main ? ['main'] : []), lost: null, resolve,
      };
      this.active.set(batch.id, batch);
      // The main thread takes tasks too (it would only wait otherwise); when free, it claims the
      // first now (and starts on it once the workers below have the batch).
      if (main) {
        this.localQueue.push(batch);
        if (!this.localBusy) void this.runLocal();
      }
      // New workers only when there is more than one task: a worker needs ~0.1 s to load. Those
      // already running get every batch, a single task too: whichever thread is free first takes it.
      if (tasks.length > 1) {
        while (this.script !== null && this.workers.length < Math.min(this.budget - 1, tasks.length - 1)) this.startWorker();
      }
      for (const w of this.workers) {
        batch.members.add(w.thread);
        w.thread.ref();
        w.thread.postMessage({ id: batch.id, tasks, next: batch.next, claim: w.claim } satisfies BatchMessage);
      }
    });
  }

  private async runLocal(): Promise<void> {
    this.localBusy = true;
    for (let batch = this.localQueue.shift(); batch !== undefined; batch = this.localQueue.shift()) {
      for (let i = Atomics.add(batch.next, 0, 1); i < batch.tasks.length; i = Atomics.add(batch.next, 0, 1)) {
        let outcome: TaskOutcome<unknown>;
        // A task may run long before its first await (a warm-up): let run() post the batch first.
        await Promise.resolve();
        try {
          outcome = { ok: true, value: await batch.local(batch.tasks[i]) };
        } catch (error) {
          outcome = { ok: false, error: asError(error) };
        }
        this.record(batch, i, outcome);
      }
      this.leave(batch, 'main');
    }
    this.localBusy = false;
  }

  private record(batch: Batch, index: number, outcome: TaskOutcome<unknown>): void {
    if (batch.outcomes[index] !== undefined) return;
    batch.outcomes[index] = outcome;
    batch.remaining--;
    this.settle(batch);
  }

  private leave(batch: Batch, member: Worker | 'main'): void {
    batch.members.delete(member);
    this.settle(batch);
  }

  /** Resolves a batch when every task has its outcome, or when no thread is left to give one. */
  private settle(batch: Batch): void {
    if (!this.active.has(batch.id)) return;
    if (batch.remaining > 0 && batch.members.size > 0) return;
    if (batch.remaining > 0) {
      // Only a worker that died between claiming a task and recording the claim leaves one here.
      const error = batch.lost ?? new Error('a worker thread stopped before finishing its task');
      batch.outcomes.forEach((o, i) => { if (o === undefined) batch.outcomes[i] = { ok: false, error }; });
    }
    this.active.delete(batch.id);
    for (const w of this.workers) if (!this.hasWork(w.thread)) w.thread.unref();
    if (this.active.size === 0 && this.workers.length > 0) this.retireWhenIdle();
    batch.resolve(batch.outcomes as Array<TaskOutcome<unknown>>);
  }

  /**
   * Terminates the workers when no batch comes within {@link IDLE_RETIRE_MS}. Workers left
   * alive (unref'd) when the main thread's event loop empties made the process hang after its
   * report, for ever, in ~1 of 15 runs on two threads and half the runs on four (Node 20): the
   * main thread waits in the platform's DrainTasks for V8 background jobs of the worker isolates,
   * which wait for a GC that never comes (nodejs/node#54918). A terminated worker's isolate is
   * disposed first, its jobs with it. The timer is ref'd on purpose: it keeps the loop alive
   * until the workers are gone; a batch that comes in time (the next file, drift's current data)
   * cancels it and keeps the warm workers.
   */
  private retireWhenIdle(): void {
    if (this.retireTimer !== null) clearTimeout(this.retireTimer);
    this.retireTimer = setTimeout(() => {
      this.retireTimer = null;
      if (this.active.size > 0) return;
      // The main thread still reading or writing a file is usually on its way to a next batch
      // (the next file of a glob): wait again rather than start new workers for it.
      if (mainThreadBusyWithFiles()) return this.retireWhenIdle();
      for (const w of this.workers.splice(0)) void w.thread.terminate();
    }, IDLE_RETIRE_MS);
  }

  private hasWork(thread: Worker): boolean {
    for (const b of this.active.values()) if (b.members.has(thread)) return true;
    return false;
  }

  private startWorker(): void {
    const thread = new Worker(this.script as string, { workerData: WORKER_MARK });
    const worker: PoolWorker = { thread, claim: sharedInt32(-1) };
    this.workers.push(worker);
    thread.on('message', (message: WorkerMessage) => {
      const batch = this.active.get(message.id);
      if (batch === undefined) return; // settled already (every task done by other threads)
      if ('drained' in message) {
        this.leave(batch, thread);
        if (!this.hasWork(thread)) thread.unref();
      } else this.record(batch, message.index, message.ok ? message : { ok: false, error: fromWire(message.error) });
    });
    let died = false;
    const die = (error: Error) => {
      // A worker that dies (out of memory, a bug) fails the task it was running; the other
      // threads carry on with the rest.
      if (died) return;
      died = true;
      // A retired worker has left the list already (splice(-1) would drop another one).
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
      // It works through its batches in order: the index it claimed is in the first one it is in.
      let running = Atomics.load(worker.claim, 0);
      for (const batch of [...this.active.values()]) {
        if (!batch.members.has(thread)) continue;
        batch.lost = error;
        if (running >= 0) this.record(batch, running, { ok: false, error });
        running = -1;
        this.leave(batch, thread);
      }
    };
    thread.on('error', die);
    // Workers are never stopped: any exit is a death ('error' comes first when it threw).
    thread.on('exit', (code) => die(new Error(`a worker thread exited with code ${code}`)));
    // After the listeners: adding a 'message' listener refs the worker again (Node 20), and a
    // prestarted worker that never gets a task (a large file read in one pass, not in segments)
    // then kept the process alive after the command's report, for ever.
    thread.unref();
  }
}

/**
 * The worker side of the pool: works through the batches the main thread sends, one at a time,
 * claiming tasks until none is left, and answers with each outcome. `handlers` maps task kinds to
 * their functions.
 */
export function serveBatches(port: MessagePort, handlers: Record<string, TaskHandler>): void {
  const queue: BatchMessage[] = [];
  let busy = false;
  const work = async () => {
    busy = true;
    for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
      const { id, tasks, next, claim } = batch;
      for (let index = Atomics.add(next, 0, 1); index < tasks.length; index = Atomics.add(next, 0, 1)) {
        Atomics.store(claim, 0, index);
        const task = tasks[index];
        const handler = handlers[task.kind];
        try {
          if (handler === undefined) throw new Error(`unknown worker task '${task.kind}'`);
          port.postMessage({ id, index, ok: true, value: await handler(task.spec as never) } satisfies WorkerMessage);
        } catch (error) {
          port.postMessage({ id, index, ok: false, error: toWire(error) } satisfies WorkerMessage);
        }
        Atomics.store(claim, 0, -1);
      }
      port.postMessage({ id, drained: true } satisfies WorkerMessage);
    }
    busy = false;
  };
  port.on('message', (batch: BatchMessage) => {
    queue.push(batch);
    if (!busy) void work();
  });
}

let pool: Pool | null = null;

/**
 * Starts the worker threads now when one of `args` (command-line arguments, relative to `cwd`)
 * names a file of at least `minBytes`, the size above which the command cuts a file into segments.
 * A worker takes ~0.25 s to load the bundle; started with the command, it loads while the main
 * thread reads the schema and plans the segments, instead of after (1M-row validation on two
 * threads: the worker took its first segment at 0.54 s, ~0.3 s after the main thread took its own).
 * Only a hint: arguments that are not files are skipped, and a worker with no task stays idle.
 */
export function prestartWorkersFor(args: readonly string[], cwd: string, minBytes: number): void {
  if (!parallelAvailable()) return;
  const threshold = segmentBytesFromEnv() ?? minBytes;
  const large = args.some((arg) => {
    if (arg.startsWith('-')) return false;
    try {
      return (statSync(isAbsolute(arg) ? arg : resolve(cwd, arg), { throwIfNoEntry: false })?.size ?? 0) >= threshold;
    } catch {
      return false; // a name the file system rejects (too long, NUL): the command reports it
    }
  });
  if (!large) return;
  pool ??= new Pool(workerEntry, threadBudget());
  pool.prestart();
}

/**
 * Runs every task and returns their outcomes in task order, on the process's pool: worker
 * threads when available, and the main thread. Each thread claims the next task when it finishes
 * one, so uneven tasks still balance.
 */
export async function runTasks<S, R>(tasks: Array<TaskRequest<S>>, local: (task: TaskRequest<S>) => Promise<R>, options: RunOptions = {}): Promise<Array<TaskOutcome<R>>> {
  pool ??= new Pool(workerEntry, threadBudget());
  return pool.run(tasks as TaskRequest[], local as (task: TaskRequest) => Promise<unknown>, options) as Promise<Array<TaskOutcome<R>>>;
}
