import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-W6UJP4EO.mjs";
import "./chunk-SH6IMB5U.mjs";
import "./chunk-EKBRUZFV.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-QZUKDUGY.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-Q4PNAFW5.mjs";
import "./chunk-XAZ7V2RT.mjs";
import "./chunk-6RHQPO36.mjs";
import "./chunk-JOHNT3GK.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
