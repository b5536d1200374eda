import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-GW7PCFEC.mjs";
import "./chunk-IK5WRDR3.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-SP45EASV.mjs";
import "./chunk-XH5NY7SH.mjs";
import "./chunk-5ICYHWD7.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-FGDYCVTY.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-IOCMRKAV.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-EXLKVLNA.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-ETEGJNDF.mjs";
import "./chunk-D3D63HYY.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-UGE2S7P7.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-DV4SP6AX.mjs";
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
