import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-EWP45MUG.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-Z45VYJ5F.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-V3R66ZTV.mjs";
import "./chunk-5NUSRIWS.mjs";
import "./chunk-OXBIJAMI.mjs";
import "./chunk-NFZ53JKE.mjs";
import "./chunk-WMAXRFXQ.mjs";
import "./chunk-ZW4TWHHS.mjs";
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
