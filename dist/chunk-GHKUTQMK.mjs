import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-H5IK5KI3.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-T7PJE4GA.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-K4L6DXNF.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-VWKMYNMB.mjs";
import "./chunk-WHX6XZV4.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-XSMQHZ6P.mjs";
import "./chunk-QTXMUZOJ.mjs";
import "./chunk-OKD76P66.mjs";
import "./chunk-ECBJ4UTP.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
