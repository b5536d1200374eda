import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-TR7QPXOZ.mjs";
import "./chunk-XRMF4RTP.mjs";
import "./chunk-RJHEDVDP.mjs";
import "./chunk-W2347Q5A.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-IT6GVHPY.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-BID4MJXX.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-O75HILFB.mjs";
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
