import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-EBQB2R3R.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-5NAKAGSP.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-HHF3CWER.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-2HBPKID6.mjs";
import "./chunk-FUCGC2FP.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-YO47F545.mjs";
import "./chunk-HMQEUTAW.mjs";
import "./chunk-2O7VC4RR.mjs";
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
