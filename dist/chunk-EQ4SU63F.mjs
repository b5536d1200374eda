#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  VERSION,
  runCli,
  runMain
} from "./chunk-ERE4FOMX.mjs";
import "./chunk-HFK54RCM.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-QGEK4PVH.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  VERSION,
  runCli,
  runMain
};
