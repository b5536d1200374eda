import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-QW2RSLLT.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-UMSXUUNH.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-RPVWCOFS.mjs";
import "./chunk-FNDHP2MX.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-O6TGNLZF.mjs";
import "./chunk-T6AYX6QW.mjs";
import "./chunk-72UZX5HD.mjs";
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
