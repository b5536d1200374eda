/**
 * The worker-thread side of src/core/parallel.ts: `dist/mlops.mjs` started as a worker serves
 * tasks from the main thread until it is terminated. Every task kind is listed here.
 */
import { parentPort } from 'node:worker_threads';
import { serveBatches, type TaskHandler } from '../core/parallel.ts';
import { HASH_FILE_TASK, PROFILE_SEGMENT_TASK, hashFileTask, profileSegmentTask, type ProfileSegmentSpec } from '../profile/file.ts';
import { VALIDATE_SEGMENT_TASK, validateSegmentTask, type ValidateSegmentSpec } from '../schema/segments.ts';
import { warmUpScanner } from '../table/csv.ts';

const HANDLERS: Record<string, TaskHandler> = {
  [VALIDATE_SEGMENT_TASK]: (spec: ValidateSegmentSpec) => validateSegmentTask(spec),
  [PROFILE_SEGMENT_TASK]: (spec: ProfileSegmentSpec) => profileSegmentTask(spec),
  [HASH_FILE_TASK]: (spec: { path: string }) => hashFileTask(spec),
};

/** Serves the main thread's batches of tasks (src/core/parallel.ts) until the thread is terminated. */
export function serveTasks(): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks() runs only in a worker thread');
  serveBatches(port, HANDLERS);
  // Every task reads CSV: warm the scanner now, while the main thread is still planning the work
  // (a worker started early, src/core/parallel.ts prestartWorkersFor, usually waits for its first task).
  warmUpScanner();
}
