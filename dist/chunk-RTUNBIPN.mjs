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
} from "./chunk-2OF5IZ2I.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-B2G3XC3G.mjs";
import "./chunk-6RHQPO36.mjs";
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
