import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  VALIDATE_SEGMENT_TASK,
  validateSegmentTask
} from "./chunk-7T6C6JTQ.mjs";
import "./chunk-6H53F6EY.mjs";
import {
  HASH_FILE_TASK,
  PROFILE_SEGMENT_TASK,
  hashFileTask,
  profileSegmentTask
} from "./chunk-TURTBQTT.mjs";
import "./chunk-62LW2EWA.mjs";
import "./chunk-6RHQPO36.mjs";
import {
  toWire
} from "./chunk-JOHNT3GK.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/app/worker.ts
import { parentPort } from "node:worker_threads";
var HANDLERS = {
  [VALIDATE_SEGMENT_TASK]: (spec) => validateSegmentTask(spec),
  [PROFILE_SEGMENT_TASK]: (spec) => profileSegmentTask(spec),
  [HASH_FILE_TASK]: (spec) => hashFileTask(spec)
};
function serveTasks() {
  const port = parentPort;
  if (port === null) throw new Error("serveTasks() runs only in a worker thread");
  port.on("message", (task) => {
    const handler = HANDLERS[task.kind];
    const run = handler ? handler(task.spec) : Promise.reject(new Error(`unknown worker task '${task.kind}'`));
    run.then(
      (value) => port.postMessage({ ok: true, value }),
      (error) => port.postMessage({ ok: false, error: toWire(error) })
    );
  });
}
export {
  serveTasks
};
