import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-NT56V6M2.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-YZXFBULM.mjs";
import "./chunk-VE4KIXFC.mjs";
import "./chunk-6BAJ2OYZ.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-2EH6I2WM.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-VAFIPQRH.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-QTXCJKJQ.mjs";
import "./chunk-KBXSQFFU.mjs";
import "./chunk-33QZOYVP.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-4WAELIEQ.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-I3ZXNUUH.mjs";
import "./chunk-QGEK4PVH.mjs";
import "./chunk-OT5SF4VG.mjs";
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
