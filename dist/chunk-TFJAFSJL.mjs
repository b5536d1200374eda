import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-7SPIULEU.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-AZXW6CAB.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-HHF3CWER.mjs";
import "./chunk-3YDTUR6O.mjs";
import "./chunk-ZJQHFHA6.mjs";
import "./chunk-U7W2J2CF.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-QL65ZNZB.mjs";
import "./chunk-IYJTRZVC.mjs";
import "./chunk-QEP2HYG2.mjs";
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
