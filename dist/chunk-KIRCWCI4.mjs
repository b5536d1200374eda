import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  atCwd,
  validate_default
} from "./chunk-KO5OADHH.mjs";
import "./chunk-YQ4NJNEB.mjs";
import "./chunk-TVCQAK5Y.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-4LLSSZLP.mjs";
import "./chunk-DFVPB6MU.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-KWBDE5C6.mjs";
import "./chunk-GISAPYH6.mjs";
import "./chunk-JEYFKIWK.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  atCwd,
  validate_default as default
};
