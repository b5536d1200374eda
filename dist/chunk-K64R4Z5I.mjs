import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default,
  validationJson
} from "./chunk-AYLKIIGA.mjs";
import "./chunk-TM4SFP6G.mjs";
import "./chunk-G6V26FSC.mjs";
import "./chunk-2ZHSBOBA.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-MFOOP4OL.mjs";
import "./chunk-A2M3HEKW.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default,
  validationJson
};
