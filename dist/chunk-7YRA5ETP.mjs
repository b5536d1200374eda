import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-NAKNH6KV.mjs";
import "./chunk-ZCKYZ65T.mjs";
import "./chunk-737J4S4N.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-X6EHJF6Z.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-O2MIU5LP.mjs";
import "./chunk-EEI4KQJG.mjs";
import "./chunk-MTY5YIX5.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
