import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-CF2TF5H3.mjs";
import "./chunk-6IXYWAMN.mjs";
import "./chunk-737J4S4N.mjs";
import "./chunk-JMASHIGL.mjs";
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
  atCwd,
  validate_default as default
};
