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
import { Worker } from 'node:worker_threads';
import { InputError, type SourceLocation } from './errors.ts';

/** What a worker is asked to do: a kind its handler table knows and a structured-clonable spec. */
export interface TaskRequest<S = unknown> {
  kind: string;
  spec: S;
}

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

/** Threads that may work at once: MLOPS_THREADS, else the CPUs available. */
export function threadBudget(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number.parseInt(env.MLOPS_THREADS ?? '', 10);
  if (Number.isInteger(configured) && configured >= 1) return configured;
  return Math.max(1, availableParallelism());
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
  const value = Number.parseInt(env.MLOPS_SEGMENT_BYTES ?? '', 10);
  return Number.isInteger(value) && value >= 1024 ? value : undefined;
}

/** Whether tasks can run on worker threads here (from the bundle, with more than one thread). */
export function parallelAvailable(): boolean {
  return workerEntry !== null && threadBudget() > 1;
}

interface Job {
  task: TaskRequest;
  local: (task: TaskRequest) => Promise<unknown>;
  done: (outcome: TaskOutcome<unknown>) => void;
}

/**
 * One pool per process, shared by every caller (drift profiles its reference and current data at
 * once): workers start on first need and stay until the process ends — unref'd while idle, so an
 * idle pool never keeps the process alive.
 */
class Pool {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private started = 0;
  private localBusy = false;

  constructor(private readonly script: string | null, private readonly budget: number) {}

  submit<R>(task: TaskRequest, local: (task: TaskRequest) => Promise<R>): Promise<TaskOutcome<R>> {
    return new Promise((resolve) => {
      this.queue.push({ task, local, done: resolve as (outcome: TaskOutcome<unknown>) => void });
      this.pump();
    });
  }

  private pump(): void {
    // The main thread takes a task too: it would only wait otherwise, and a worker needs ~0.1 s to load.
    if (!this.localBusy && this.queue.length > 0) void this.runLocal();
    while (this.queue.length > 0 && this.idle.length > 0) this.assign(this.idle.pop() as Worker, this.queue.shift() as Job);
    if (this.queue.length > 0 && this.script !== null && this.started < this.budget - 1) this.startWorker();
  }

  /** Starts the workers the budget allows before any task exists; they wait idle (unref'd). */
  prestart(): void {
    while (this.script !== null && this.started < this.budget - 1) this.startWorker();
  }

  private async runLocal(): Promise<void> {
    this.localBusy = true;
    for (let job = this.queue.shift(); job !== undefined; job = this.queue.shift()) {
      try {
        job.done({ ok: true, value: await job.local(job.task) });
      } catch (error) {
        job.done({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    this.localBusy = false;
  }

  /** The task each busy worker runs. */
  private readonly running = new Map<Worker, Job>();

  private startWorker(): void {
    this.started++;
    const worker = new Worker(this.script as string, { workerData: WORKER_MARK });
    const release = () => {
      const next = this.queue.shift();
      if (next) this.assign(worker, next);
      else {
        this.idle.push(worker);
        worker.unref();
      }
    };
    worker.on('online', release);
    worker.on('message', (message: { ok: true; value: unknown } | { ok: false; error: WireError }) => {
      const job = this.running.get(worker) as Job;
      this.running.delete(worker);
      job.done(message.ok ? message : { ok: false, error: fromWire(message.error) });
      release();
    });
    worker.on('error', (error) => {
      // A worker that dies (out of memory, a bug) fails its task; the other threads carry on.
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      this.running.get(worker)?.done({ ok: false, error });
      this.running.delete(worker);
    });
  }

  private assign(worker: Worker, job: Job): void {
    this.running.set(worker, job);
    worker.ref();
    worker.postMessage(job.task);
  }
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
 * threads when available, and the main thread. Each thread takes the next task when it finishes
 * one, so uneven tasks still balance.
 */
export async function runTasks<S, R>(tasks: Array<TaskRequest<S>>, local: (task: TaskRequest<S>) => Promise<R>): Promise<Array<TaskOutcome<R>>> {
  pool ??= new Pool(workerEntry, threadBudget());
  const shared = pool;
  return Promise.all(tasks.map((task) => shared.submit(task as TaskRequest, local as (task: TaskRequest) => Promise<R>)));
}
