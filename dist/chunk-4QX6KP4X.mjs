import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-LWKJ6UM4.mjs";
import "./chunk-MDIHBWN2.mjs";
import "./chunk-R64IWVDW.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-4LLSSZLP.mjs";
import "./chunk-QZUKDUGY.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-TN7AQSP5.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-JOHNT3GK.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
