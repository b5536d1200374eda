import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-KGYRFLXX.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-GIJXG7XB.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-K4L6DXNF.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-5N6DTFFE.mjs";
import "./chunk-POMB4R4N.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-ROU4QTFM.mjs";
import "./chunk-5VHDYX4B.mjs";
import "./chunk-TANMPQHM.mjs";
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
