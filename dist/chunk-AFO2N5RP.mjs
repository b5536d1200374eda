import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-ILZHXA3O.mjs";
import "./chunk-DPJPRUVQ.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-DWVYTI42.mjs";
import "./chunk-GSVN7YIF.mjs";
import "./chunk-3NQHOPRT.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-OQFSMVCZ.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-F6YIYWXJ.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-6HVZCZ4C.mjs";
import "./chunk-562XEXS5.mjs";
import "./chunk-TOKASBKB.mjs";
import "./chunk-ZSJRUO6C.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-P7CXCXQA.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-FDKODLCZ.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-NMIE66XZ.mjs";
import "./chunk-MWCB27EZ.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
