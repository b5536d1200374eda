import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-55L5C3CV.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-DUCN75I5.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-PV73BGGM.mjs";
import "./chunk-MGWSTPAV.mjs";
import "./chunk-NQKXP2LL.mjs";
import "./chunk-VEDIMNQZ.mjs";
import "./chunk-3LZAOKLT.mjs";
import "./chunk-A2M3HEKW.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-C755D5KJ.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
