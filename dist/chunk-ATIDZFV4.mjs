import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  HASH_FILE_TASK,
  PROFILE_SEGMENT_TASK,
  hashFileTask,
  profileSegmentTask
} from "./chunk-67VNJACV.mjs";
import {
  VALIDATE_SEGMENT_TASK,
  validateSegmentTask
} from "./chunk-GULUKUFE.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-AUUTE6II.mjs";
import {
  serveBatches
} from "./chunk-QGEK4PVH.mjs";
import {
  warmUpScanner
} from "./chunk-NVWFLSKV.mjs";
import "./chunk-B2G3XC3G.mjs";
import "./chunk-6RHQPO36.mjs";
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
  serveBatches(port, HANDLERS);
  warmUpScanner();
}
export {
  serveTasks
};
