// A worker thread for the pool tests (test/integration/cli/pool.test.ts): the pool's own worker
// loop (serveBatches, loaded from sources through tsx) with task kinds that make threads observable.
import { register } from 'tsx/esm/api';
import { parentPort, threadId } from 'node:worker_threads';

register();
const { serveBatches } = await import('../../../src/core/parallel.ts');
const { InputError } = await import('../../../src/core/errors.ts');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

serveBatches(parentPort, {
  // Squares a number and says which thread did it; `seen` (shared) counts tasks done by workers.
  square: async ({ n, seen }) => {
    Atomics.add(seen, 0, 1);
    await sleep(5);
    return { square: n * n, thread: threadId };
  },
  fail: async ({ message, seen }) => {
    Atomics.add(seen, 0, 1);
    throw new InputError(message, { file: 'data.csv', line: 7 });
  },
  die: async ({ seen }) => {
    Atomics.add(seen, 0, 1);
    process.exit(3);
  },
  // Ends the thread "normally" in the middle of a task: still a lost task, not a hang.
  quit: async ({ seen }) => {
    Atomics.add(seen, 0, 1);
    process.exit(0);
  },
});
