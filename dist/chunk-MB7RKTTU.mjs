import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  NAME_PATTERN,
  atConfigLine,
  configLocation,
  defaultConfig,
  loadConfig,
  locateConfigError,
  parseConfig,
  resolveBatchSize
} from "./chunk-6HVZCZ4C.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-NMIE66XZ.mjs";
import "./chunk-MWCB27EZ.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  NAME_PATTERN,
  atConfigLine,
  configLocation,
  defaultConfig,
  loadConfig,
  locateConfigError,
  parseConfig,
  resolveBatchSize
};
