import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/core/parallel.ts
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { Worker } from "node:worker_threads";
var WORKER_MARK = "mlops-worker";
function toWire(error) {
  if (error instanceof InputError) return { name: "InputError", message: error.message, detail: error.detail, location: error.location };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, stack: e.stack };
}
function fromWire(wire) {
  if (wire.name === "InputError" && wire.detail !== void 0) return new InputError(wire.detail, wire.location ?? {});
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
function integerFromEnv(env, name, min, means) {
  const text = env[name]?.trim();
  if (text === void 0 || text === "") return void 0;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InputError(`${name} must be an integer of at least ${min} (${means}), got '${env[name]}'`, {});
  }
  return value;
}
function threadBudget(env = process.env) {
  return integerFromEnv(env, "MLOPS_THREADS", 1, "threads that may work at once; 1 turns worker threads off") ?? Math.max(1, availableParallelism());
}
var workerEntry = null;
function setWorkerEntry(path) {
  workerEntry = path;
}
function segmentBytesFromEnv(env = process.env) {
  return integerFromEnv(env, "MLOPS_SEGMENT_BYTES", 1024, "the bytes of a segment of a large CSV file");
}
function parallelAvailable() {
  return workerEntry !== null && threadBudget() > 1;
}
var sharedInt32 = (value) => {
  const a = new Int32Array(new SharedArrayBuffer(4));
  a[0] = value;
  return a;
};
var IDLE_RETIRE_MS = 30;
function mainThreadBusyWithFiles() {
  return process.getActiveResourcesInfo().some((name) => name.startsWith("FSReq") || name.startsWith("FileHandle"));
}
var asError = (error) => error instanceof Error ? error : new Error(String(error));
var Pool = class {
  constructor(script, budget) {
    this.script = script;
    this.budget = budget;
  }
  script;
  budget;
  workers = [];
  active = /* @__PURE__ */ new Map();
  localQueue = [];
  localBusy = false;
  nextId = 0;
  /** Ends the workers once the pool has stayed idle for {@link IDLE_RETIRE_MS}. */
  retireTimer = null;
  /** Starts the workers the budget allows before any task exists; they wait idle (unref'd). */
  prestart() {
    while (this.script !== null && this.workers.length < this.budget - 1) this.startWorker();
  }
  run(tasks, local, options = {}) {
    if (tasks.length === 0) return Promise.resolve([]);
    if (this.retireTimer !== null) {
      clearTimeout(this.retireTimer);
      this.retireTimer = null;
    }
    return new Promise((resolve2) => {
      const main = !(options.workersOnly === true && this.workers.length > 0);
      const batch = {
        id: this.nextId++,
        tasks,
        next: sharedInt32(0),
        local,
        outcomes: new Array(tasks.length).fill(void 0),
        remaining: tasks.length,
        members: new Set(main ? ["main"] : []),
        lost: null,
        resolve: resolve2
      };
      this.active.set(batch.id, batch);
      if (main) {
        this.localQueue.push(batch);
        if (!this.localBusy) void this.runLocal();
      }
      if (tasks.length > 1) {
        while (this.script !== null && this.workers.length < Math.min(this.budget - 1, tasks.length - 1)) this.startWorker();
      }
      for (const w of this.workers) {
        batch.members.add(w.thread);
        w.thread.ref();
        w.thread.postMessage({ id: batch.id, tasks, next: batch.next, claim: w.claim });
      }
    });
  }
  async runLocal() {
    this.localBusy = true;
    for (let batch = this.localQueue.shift(); batch !== void 0; batch = this.localQueue.shift()) {
      for (let i = Atomics.add(batch.next, 0, 1); i < batch.tasks.length; i = Atomics.add(batch.next, 0, 1)) {
        let outcome;
        await Promise.resolve();
        try {
          outcome = { ok: true, value: await batch.local(batch.tasks[i]) };
        } catch (error) {
          outcome = { ok: false, error: asError(error) };
        }
        this.record(batch, i, outcome);
      }
      this.leave(batch, "main");
    }
    this.localBusy = false;
  }
  record(batch, index, outcome) {
    if (batch.outcomes[index] !== void 0) return;
    batch.outcomes[index] = outcome;
    batch.remaining--;
    this.settle(batch);
  }
  leave(batch, member) {
    batch.members.delete(member);
    this.settle(batch);
  }
  /** Resolves a batch when every task has its outcome, or when no thread is left to give one. */
  settle(batch) {
    if (!this.active.has(batch.id)) return;
    if (batch.remaining > 0 && batch.members.size > 0) return;
    if (batch.remaining > 0) {
      const error = batch.lost ?? new Error("a worker thread stopped before finishing its task");
      batch.outcomes.forEach((o, i) => {
        if (o === void 0) batch.outcomes[i] = { ok: false, error };
      });
    }
    this.active.delete(batch.id);
    for (const w of this.workers) if (!this.hasWork(w.thread)) w.thread.unref();
    if (this.active.size === 0 && this.workers.length > 0) this.retireWhenIdle();
    batch.resolve(batch.outcomes);
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
  retireWhenIdle() {
    if (this.retireTimer !== null) clearTimeout(this.retireTimer);
    this.retireTimer = setTimeout(() => {
      this.retireTimer = null;
      if (this.active.size > 0) return;
      if (mainThreadBusyWithFiles()) return this.retireWhenIdle();
      for (const w of this.workers.splice(0)) void w.thread.terminate();
    }, IDLE_RETIRE_MS);
  }
  hasWork(thread) {
    for (const b of this.active.values()) if (b.members.has(thread)) return true;
    return false;
  }
  startWorker() {
    const thread = new Worker(this.script, { workerData: WORKER_MARK });
    const worker = { thread, claim: sharedInt32(-1) };
    this.workers.push(worker);
    thread.on("message", (message) => {
      const batch = this.active.get(message.id);
      if (batch === void 0) return;
      if ("drained" in message) {
        this.leave(batch, thread);
        if (!this.hasWork(thread)) thread.unref();
      } else this.record(batch, message.index, message.ok ? message : { ok: false, error: fromWire(message.error) });
    });
    let died = false;
    const die = (error) => {
      if (died) return;
      died = true;
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
      let running = Atomics.load(worker.claim, 0);
      for (const batch of [...this.active.values()]) {
        if (!batch.members.has(thread)) continue;
        batch.lost = error;
        if (running >= 0) this.record(batch, running, { ok: false, error });
        running = -1;
        this.leave(batch, thread);
      }
    };
    thread.on("error", die);
    thread.on("exit", (code) => die(new Error(`a worker thread exited with code ${code}`)));
    thread.unref();
  }
};
function serveBatches(port, handlers) {
  const queue = [];
  let busy = false;
  const work = async () => {
    busy = true;
    for (let batch = queue.shift(); batch !== void 0; batch = queue.shift()) {
      const { id, tasks, next, claim } = batch;
      for (let index = Atomics.add(next, 0, 1); index < tasks.length; index = Atomics.add(next, 0, 1)) {
        Atomics.store(claim, 0, index);
        const task = tasks[index];
        const handler = handlers[task.kind];
        try {
          if (handler === void 0) throw new Error(`unknown worker task '${task.kind}'`);
          port.postMessage({ id, index, ok: true, value: await handler(task.spec) });
        } catch (error) {
          port.postMessage({ id, index, ok: false, error: toWire(error) });
        }
        Atomics.store(claim, 0, -1);
      }
      port.postMessage({ id, drained: true });
    }
    busy = false;
  };
  port.on("message", (batch) => {
    queue.push(batch);
    if (!busy) void work();
  });
}
var pool = null;
function prestartWorkersFor(args, cwd, minBytes) {
  if (!parallelAvailable()) return;
  const threshold = segmentBytesFromEnv() ?? minBytes;
  const large = args.some((arg) => {
    if (arg.startsWith("-")) return false;
    try {
      return (statSync(isAbsolute(arg) ? arg : resolve(cwd, arg), { throwIfNoEntry: false })?.size ?? 0) >= threshold;
    } catch {
      return false;
    }
  });
  if (!large) return;
  pool ??= new Pool(workerEntry, threadBudget());
  pool.prestart();
}
async function runTasks(tasks, local, options = {}) {
  pool ??= new Pool(workerEntry, threadBudget());
  return pool.run(tasks, local, options);
}

export {
  WORKER_MARK,
  threadBudget,
  setWorkerEntry,
  segmentBytesFromEnv,
  parallelAvailable,
  serveBatches,
  prestartWorkersFor,
  runTasks
};
