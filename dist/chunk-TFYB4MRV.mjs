import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-DVULMVDD.mjs";
import "./chunk-7JPQHY4I.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-P7ELGKUM.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-HHF3CWER.mjs";
import "./chunk-TIRNZCUT.mjs";
import "./chunk-SFQR5CD4.mjs";
import "./chunk-YQ4NJNEB.mjs";
import "./chunk-TVCQAK5Y.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-AHMR2ERV.mjs";
import "./chunk-DKP5KPMC.mjs";
import "./chunk-4LLSSZLP.mjs";
import "./chunk-KWBDE5C6.mjs";
import "./chunk-GISAPYH6.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
