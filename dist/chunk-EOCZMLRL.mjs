import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-LDXJSV3B.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-YNOXVETM.mjs";
import "./chunk-Y5XTDOSQ.mjs";
import "./chunk-ODNAHA2M.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-ZQ67O6D5.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-5FQSJSZO.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-ZHBWOXIM.mjs";
import "./chunk-562XEXS5.mjs";
import "./chunk-UWDYHO77.mjs";
import "./chunk-4YDNUUVA.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-C3E6Q4QC.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-MF3YALT7.mjs";
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
