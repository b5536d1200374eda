import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-TPKTL6YL.mjs";
import "./chunk-TQAJKLMK.mjs";
import "./chunk-5HIVPUBS.mjs";
import "./chunk-W2347Q5A.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-TMDE3M2C.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-32LLOXA2.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-3TI577YH.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-EAMIUMRA.mjs";
import "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
