import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-S7BFI4EQ.mjs";
import "./chunk-6GBVLUHE.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-SP45EASV.mjs";
import "./chunk-V7KQM422.mjs";
import "./chunk-CMSYGEGQ.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-ZV75LDYY.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-DHRADHBS.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-MFAOZVMS.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-5HIVPUBS.mjs";
import "./chunk-TMDE3M2C.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-32LLOXA2.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-3TI577YH.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-EAMIUMRA.mjs";
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
