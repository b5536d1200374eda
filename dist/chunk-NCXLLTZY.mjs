import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-CTDTLA6C.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-QX5PUMK4.mjs";
import "./chunk-XLCXUVHG.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-QTXCJKJQ.mjs";
import "./chunk-YEE7PGVC.mjs";
import "./chunk-SH6IMB5U.mjs";
import "./chunk-EKBRUZFV.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-XGMSBNKB.mjs";
import "./chunk-3BEAGMUC.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-XAZ7V2RT.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-JOHNT3GK.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
