#!/usr/bin/env node
/**
 * The bundle's entry (`dist/mlops.mjs`): the CLI in the main thread; in a worker thread started by
 * src/core/parallel.ts, a server of tasks (segments of large files) instead. Everything else loads
 * on first use (the bundle is split into chunks), so neither pays for what it does not run.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, workerData } from 'node:worker_threads';
import { WORKER_MARK, setWorkerEntry } from '../core/parallel.ts';

if (!isMainThread && workerData === WORKER_MARK) {
  const { serveTasks } = await import('../app/worker.ts');
  serveTasks();
} else {
  // Only the bundle can be a worker's script: run from sources (`tsx src/cli/bin.ts`), a worker
  // would start without tsx and fail on the .ts file, so every task stays in the main thread.
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.ts')) setWorkerEntry(self);
  const { runMain } = await import('./main.ts');
  await runMain();
}
