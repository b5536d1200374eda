import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-VCHPHIGL.mjs";
import "./chunk-ODSWXNYI.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-DWVYTI42.mjs";
import "./chunk-CZ735W3U.mjs";
import "./chunk-AY7CSKKG.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-OQFSMVCZ.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-COJRHKSM.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-6HVZCZ4C.mjs";
import "./chunk-562XEXS5.mjs";
import "./chunk-DD7HBQRG.mjs";
import "./chunk-ELHN5LZP.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-HVNMLNQU.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-DK47YOX6.mjs";
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
