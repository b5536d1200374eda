import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default,
  validationJson
} from "./chunk-M5X6NWHB.mjs";
import "./chunk-AFWDMFGJ.mjs";
import "./chunk-7FRF2SDO.mjs";
import "./chunk-2ZHSBOBA.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-IJLUY6JM.mjs";
import "./chunk-A2M3HEKW.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default,
  validationJson
};
