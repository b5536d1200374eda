import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default,
  validationJson
} from "./chunk-SOWHDW3D.mjs";
import "./chunk-CTMT24TZ.mjs";
import "./chunk-YKAFZXP6.mjs";
import "./chunk-2ZHSBOBA.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-SO3BWFWD.mjs";
import "./chunk-A2M3HEKW.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default,
  validationJson
};
