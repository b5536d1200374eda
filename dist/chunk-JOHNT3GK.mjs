import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/core/parallel.ts
import { availableParallelism } from "node:os";
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
function threadBudget(env = process.env) {
  const configured = Number.parseInt(env.MLOPS_THREADS ?? "", 10);
  if (Number.isInteger(configured) && configured >= 1) return configured;
  return Math.max(1, availableParallelism());
}
var workerEntry = null;
function setWorkerEntry(path) {
  workerEntry = path;
}
function segmentBytesFromEnv(env = process.env) {
  const value = Number.parseInt(env.MLOPS_SEGMENT_BYTES ?? "", 10);
  return Number.isInteger(value) && value >= 1024 ? value : void 0;
}
function parallelAvailable() {
  return workerEntry !== null && threadBudget() > 1;
}
var Pool = class {
  constructor(script, budget) {
    this.script = script;
    this.budget = budget;
  }
  script;
  budget;
  queue = [];
  idle = [];
  started = 0;
  localBusy = false;
  submit(task, local) {
    return new Promise((resolve) => {
      this.queue.push({ task, local, done: resolve });
      this.pump();
    });
  }
  pump() {
    if (!this.localBusy && this.queue.length > 0) void this.runLocal();
    while (this.queue.length > 0 && this.idle.length > 0) this.assign(this.idle.pop(), this.queue.shift());
    if (this.queue.length > 0 && this.script !== null && this.started < this.budget - 1) this.startWorker();
  }
  async runLocal() {
    this.localBusy = true;
    for (let job = this.queue.shift(); job !== void 0; job = this.queue.shift()) {
      try {
        job.done({ ok: true, value: await job.local(job.task) });
      } catch (error) {
        job.done({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    this.localBusy = false;
  }
  /** The task each busy worker runs. */
  running = /* @__PURE__ */ new Map();
  startWorker() {
    this.started++;
    const worker = new Worker(this.script, { workerData: WORKER_MARK });
    const release = () => {
      const next = this.queue.shift();
      if (next) this.assign(worker, next);
      else {
        this.idle.push(worker);
        worker.unref();
      }
    };
    worker.on("online", release);
    worker.on("message", (message) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      job.done(message.ok ? message : { ok: false, error: fromWire(message.error) });
      release();
    });
    worker.on("error", (error) => {
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      this.running.get(worker)?.done({ ok: false, error });
      this.running.delete(worker);
    });
  }
  assign(worker, job) {
    this.running.set(worker, job);
    worker.ref();
    worker.postMessage(job.task);
  }
};
var pool = null;
async function runTasks(tasks, local) {
  pool ??= new Pool(workerEntry, threadBudget());
  const shared = pool;
  return Promise.all(tasks.map((task) => shared.submit(task, local)));
}

export {
  WORKER_MARK,
  toWire,
  setWorkerEntry,
  segmentBytesFromEnv,
  parallelAvailable,
  runTasks
};
