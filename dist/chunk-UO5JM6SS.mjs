import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-HCCQRICE.mjs";
import "./chunk-JE3GIHDP.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-SP45EASV.mjs";
import "./chunk-JQF754KU.mjs";
import "./chunk-TOBO2QGH.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-FGDYCVTY.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-KF6L3SPS.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-D3J2R3HR.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-GYSFXBIC.mjs";
import "./chunk-EAMZTAYM.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-VFQYOCDE.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
