import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  NAME_PATTERN,
  defaultConfig,
  loadConfig,
  parseConfig,
  resolveBatchSize
} from "./chunk-3YDTUR6O.mjs";
import "./chunk-2CNBRTGX.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  NAME_PATTERN,
  defaultConfig,
  loadConfig,
  parseConfig,
  resolveBatchSize
};
