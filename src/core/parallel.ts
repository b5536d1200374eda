/**
 * Runs independent tasks (segments of one data file, a file hash) on worker threads next to the
 * main thread. Workers exist only when mlops runs from its bundle (`dist/mlops.mjs` is then both
 * the CLI and the worker script); from sources (tests, `tsx`) every task runs in the main thread —
 * with the same results, since a task's result never depends on where it ran.
 *
 * `MLOPS_THREADS` sets how many threads may work at once (default: the CPUs available; 1 turns
 * workers off); `MLOPS_SEGMENT_BYTES` the size of the segments a large file is cut into.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
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

/** The bundle, when this code runs from it: the script a worker thread starts. */
function workerScript(): string | null {
  const url = import.meta.url;
  return url.startsWith('file:') && url.endsWith('.mjs') ? fileURLToPath(url) : null;
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
  return workerScript() !== null && threadBudget() > 1;
}

/**
 * Runs every task and returns their outcomes in task order. The main thread takes tasks too (it
 * is busy anyway, and a worker needs ~0.1 s to load the bundle); each thread takes the next task
 * when it finishes one, so uneven tasks still balance.
 */
export async function runTasks<S, R>(tasks: Array<TaskRequest<S>>, local: (task: TaskRequest<S>) => Promise<R>): Promise<Array<TaskOutcome<R>>> {
  const outcomes: Array<TaskOutcome<R>> = new Array(tasks.length);
  let next = 0;
  const script = workerScript();
  const workers = script === null ? 0 : Math.min(threadBudget() - 1, tasks.length - 1);

  const runLocal = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      try {
        outcomes[index] = { ok: true, value: await local(tasks[index]) };
      } catch (error) {
        outcomes[index] = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
  };

  const runWorker = (): Promise<void> => new Promise((resolve) => {
    const worker = new Worker(script as string, { workerData: WORKER_MARK });
    let current = -1;
    const take = () => {
      if (next >= tasks.length) {
        void worker.terminate();
        resolve();
        return;
      }
      current = next++;
      worker.postMessage(tasks[current]);
    };
    worker.on('message', (message: { ok: true; value: R } | { ok: false; error: WireError }) => {
      outcomes[current] = message.ok ? { ok: true, value: message.value } : { ok: false, error: fromWire(message.error) };
      take();
    });
    worker.on('error', (error) => {
      // A worker that dies (out of memory, a bug) fails its task; the other threads carry on.
      if (current >= 0 && outcomes[current] === undefined) outcomes[current] = { ok: false, error };
      resolve();
    });
    worker.on('online', take);
  });

  await Promise.all([runLocal(), ...Array.from({ length: Math.max(0, workers) }, runWorker)]);
  // Tasks a dead worker never reached run here.
  for (let i = 0; i < tasks.length; i++) {
    if (outcomes[i] === undefined) {
      try {
        outcomes[i] = { ok: true, value: await local(tasks[i]) };
      } catch (error) {
        outcomes[i] = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
  }
  return outcomes;
}
