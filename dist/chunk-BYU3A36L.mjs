import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-GOI23P4A.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-PZZNDZ5E.mjs";
import "./chunk-46JWF3LD.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-NOX2KCHN.mjs";
import "./chunk-QTXCJKJQ.mjs";
import "./chunk-YEE7PGVC.mjs";
import "./chunk-MDIHBWN2.mjs";
import "./chunk-R64IWVDW.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-RJD57UJZ.mjs";
import "./chunk-QNFYNDJS.mjs";
import "./chunk-4LLSSZLP.mjs";
import "./chunk-TN7AQSP5.mjs";
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
