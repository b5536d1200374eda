import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-LWMWA7BT.mjs";
import "./chunk-ROKEBBGQ.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-DWVYTI42.mjs";
import "./chunk-GK7EF27G.mjs";
import "./chunk-ODNAHA2M.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-OQFSMVCZ.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-WEFDCJ76.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-M4LG7ANB.mjs";
import "./chunk-562XEXS5.mjs";
import "./chunk-RJHEDVDP.mjs";
import "./chunk-IT6GVHPY.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-BID4MJXX.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-O75HILFB.mjs";
import "./chunk-GLXGY5J7.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-YAAXSFVI.mjs";
import "./chunk-MWCB27EZ.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
