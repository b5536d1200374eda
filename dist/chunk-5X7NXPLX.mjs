import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-7HVVMBSB.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-IIWDSU52.mjs";
import "./chunk-PMIP5QB5.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-DDQB5643.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-QTXCJKJQ.mjs";
import "./chunk-MXBEYZ7K.mjs";
import "./chunk-ZCKYZ65T.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-X6EHJF6Z.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-O2MIU5LP.mjs";
import "./chunk-EEI4KQJG.mjs";
import "./chunk-MTY5YIX5.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
