import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-QEG4NQHV.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-W3ZMPEG7.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-LK2NJ4AF.mjs";
import "./chunk-QSLSA4DD.mjs";
import "./chunk-ZLTT2AWJ.mjs";
import "./chunk-L6EX4XSO.mjs";
import "./chunk-BYV6R7NC.mjs";
import "./chunk-APTBNJPT.mjs";
import "./chunk-ZIFT3TZR.mjs";
import "./chunk-T3GNGOS4.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
