import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-U54OYFZS.mjs";
import "./chunk-5NUSRIWS.mjs";
import "./chunk-OXBIJAMI.mjs";
import "./chunk-2ZHSBOBA.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-ZW4TWHHS.mjs";
import "./chunk-ECBJ4UTP.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
