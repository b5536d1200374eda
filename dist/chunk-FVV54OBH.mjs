import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-BDQXR6E3.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-T5BNURX7.mjs";
import "./chunk-XLCXUVHG.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-QTXCJKJQ.mjs";
import "./chunk-MXBEYZ7K.mjs";
import "./chunk-TCVHQABC.mjs";
import "./chunk-7T6C6JTQ.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-Z3U7U347.mjs";
import "./chunk-TURTBQTT.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-62LW2EWA.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-JOHNT3GK.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
