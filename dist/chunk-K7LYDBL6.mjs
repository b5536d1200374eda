import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-MWDAPQ6N.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-YZXFBULM.mjs";
import "./chunk-CSW6GEUS.mjs";
import "./chunk-KCUOVCMY.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-67VNJACV.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-QTXCJKJQ.mjs";
import "./chunk-2OF5IZ2I.mjs";
import "./chunk-6IXYWAMN.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-GULUKUFE.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-AUUTE6II.mjs";
import "./chunk-QGEK4PVH.mjs";
import "./chunk-NVWFLSKV.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-B2G3XC3G.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
