import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-QEM6ZLH3.mjs";
import "./chunk-33QZOYVP.mjs";
import "./chunk-737J4S4N.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-4WAELIEQ.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-I3ZXNUUH.mjs";
import "./chunk-QGEK4PVH.mjs";
import "./chunk-OT5SF4VG.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
