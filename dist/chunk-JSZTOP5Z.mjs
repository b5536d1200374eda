import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  HASH_FILE_TASK,
  PROFILE_SEGMENT_TASK,
  hashFileTask,
  profileSegmentTask
} from "./chunk-KF6L3SPS.mjs";
import {
  VALIDATE_SEGMENT_TASK,
  validateSegmentTask
} from "./chunk-EAMZTAYM.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-VFQYOCDE.mjs";
import "./chunk-LVCVLYC2.mjs";
import {
  serveBatches
} from "./chunk-IW3PCL5P.mjs";
import {
  warmUpScanner
} from "./chunk-HTMWGR7O.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
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
