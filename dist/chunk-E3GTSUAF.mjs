import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default,
  validationJson
} from "./chunk-XOG5RZCO.mjs";
import "./chunk-Z4TSCYJ5.mjs";
import "./chunk-QLKN6GR3.mjs";
import "./chunk-2ZHSBOBA.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-K2SKEMJC.mjs";
import "./chunk-APTBNJPT.mjs";
import "./chunk-ZIFT3TZR.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default,
  validationJson
};
