import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-3G3S72EF.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-26KVQRMH.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-HHF3CWER.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-M6KLSMWR.mjs";
import "./chunk-K2SFKLLO.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-Q5ZP726F.mjs";
import "./chunk-MARSEGPZ.mjs";
import "./chunk-NDYHW6VS.mjs";
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
