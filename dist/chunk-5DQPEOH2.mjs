#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  VERSION,
  namedAsGiven,
  runCli,
  runMain
} from "./chunk-ZZKEWNRX.mjs";
import "./chunk-4JGCLKKO.mjs";
import "./chunk-562XEXS5.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  VERSION,
  namedAsGiven,
  runCli,
  runMain
};
