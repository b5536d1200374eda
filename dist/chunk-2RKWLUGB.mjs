#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  VERSION,
  namedAsGiven,
  runCli,
  runMain
} from "./chunk-Z55P4SBD.mjs";
import "./chunk-4JGCLKKO.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-JMASHIGL.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-EY3EEY7L.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  VERSION,
  namedAsGiven,
  runCli,
  runMain
};
