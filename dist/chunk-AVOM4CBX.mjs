import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-4JHQUTBV.mjs";
import "./chunk-DI7J43CS.mjs";
import "./chunk-PUTM3ULP.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-PX7ZYGMS.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-ERUJMQ5R.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-MF3YALT7.mjs";
import "./chunk-MPQG3EOO.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-NRKFWMVS.mjs";
import "./chunk-PHQZNYV7.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
