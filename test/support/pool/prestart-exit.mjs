// A process that prestarts the pool's workers for a large file and gives them no task (the
// command reads the file in one pass: not a CSV file), then returns: it must exit by itself
// (test/integration/cli/pool-exit.test.ts). Argument: the file.
import { register } from 'tsx/esm/api';
import { join } from 'node:path';

register();
const { prestartWorkersFor, setWorkerEntry } = await import('../../../src/core/parallel.ts');
process.env.MLOPS_THREADS = '2';
setWorkerEntry(join(import.meta.dirname, 'worker.mjs'));
prestartWorkersFor([process.argv[2]], process.cwd(), 1024);
// Give the worker time to start and load, as a command's own work would.
await new Promise((resolve) => setTimeout(resolve, 1500));
console.log('work done');
