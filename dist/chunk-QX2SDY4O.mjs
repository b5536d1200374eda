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
  productionRef,
  resolveBatchSize
} from "./chunk-D3J2R3HR.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
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
  productionRef,
  resolveBatchSize
};
