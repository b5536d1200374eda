import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-3C4MH4UO.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-A4EA4JFE.mjs";
import "./chunk-VTCZNETI.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-Z4TSCYJ5.mjs";
import "./chunk-QLKN6GR3.mjs";
import "./chunk-276IJXX6.mjs";
import "./chunk-MGEPASCR.mjs";
import "./chunk-K2SKEMJC.mjs";
import "./chunk-APTBNJPT.mjs";
import "./chunk-ZIFT3TZR.mjs";
import "./chunk-M6C7I4ZK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
