import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-X4CVUQDF.mjs";
import "./chunk-A5FS2FXA.mjs";
import "./chunk-TOKASBKB.mjs";
import "./chunk-W2347Q5A.mjs";
import "./chunk-JMASHIGL.mjs";
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
  atCwd,
  validate_default as default
};
