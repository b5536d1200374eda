import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-2ZXDTT25.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-VBYFM7XD.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-HHF3CWER.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-54VDHVPJ.mjs";
import "./chunk-ECP2BBNC.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-4AAX3MT5.mjs";
import "./chunk-TFL64M3E.mjs";
import "./chunk-Z3JJZTSP.mjs";
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
