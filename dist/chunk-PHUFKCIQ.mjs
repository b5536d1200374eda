import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-624RUYMW.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-ZUELDEID.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-V3R66ZTV.mjs";
import "./chunk-AFWDMFGJ.mjs";
import "./chunk-7FRF2SDO.mjs";
import "./chunk-YGBSFJZY.mjs";
import "./chunk-IBFQ7HA5.mjs";
import "./chunk-IJLUY6JM.mjs";
import "./chunk-A2M3HEKW.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
