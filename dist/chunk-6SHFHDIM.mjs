#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  VERSION,
  runCli,
  runMain
} from "./chunk-SEMDGWYR.mjs";
import "./chunk-AWM6KSK7.mjs";
import "./chunk-4JGCLKKO.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-MF3YALT7.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  VERSION,
  runCli,
  runMain
};
