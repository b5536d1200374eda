import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-46JWU3EH.mjs";
import "./chunk-TCVHQABC.mjs";
import "./chunk-7T6C6JTQ.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-737J4S4N.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-62LW2EWA.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-JOHNT3GK.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
