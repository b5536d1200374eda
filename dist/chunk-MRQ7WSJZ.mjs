import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-BGNNFAOJ.mjs";
import "./chunk-M5FVIL4Z.mjs";
import "./chunk-UWDYHO77.mjs";
import "./chunk-W2347Q5A.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-4YDNUUVA.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-C3E6Q4QC.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-MF3YALT7.mjs";
import "./chunk-GLXGY5J7.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-YAAXSFVI.mjs";
import "./chunk-MWCB27EZ.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
