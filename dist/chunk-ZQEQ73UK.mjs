import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-5XYZHYBD.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-MJUUCDUN.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-K4L6DXNF.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-6HNSW33L.mjs";
import "./chunk-CT2XP4GY.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-6YVSPD47.mjs";
import "./chunk-ZE45D7PJ.mjs";
import "./chunk-HEDQ7DEO.mjs";
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
