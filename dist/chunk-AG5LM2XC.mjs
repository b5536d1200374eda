import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default,
  validationJson
} from "./chunk-BOYHNY3Z.mjs";
import "./chunk-LK2NJ4AF.mjs";
import "./chunk-QSLSA4DD.mjs";
import "./chunk-2ZHSBOBA.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-BYV6R7NC.mjs";
import "./chunk-APTBNJPT.mjs";
import "./chunk-ZIFT3TZR.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default,
  validationJson
};
