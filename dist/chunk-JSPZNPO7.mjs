import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-T7SOW6UD.mjs";
import "./chunk-JFVDQ5NJ.mjs";
import "./chunk-DD7HBQRG.mjs";
import "./chunk-W2347Q5A.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-ELHN5LZP.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-HVNMLNQU.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-DK47YOX6.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-NMIE66XZ.mjs";
import "./chunk-MWCB27EZ.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
