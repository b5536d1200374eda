import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  trainInputs,
  trainWithRuntime,
  train_default,
  trainingMarkdown
} from "./chunk-YERCJNYL.mjs";
import "./chunk-QUBK3FVQ.mjs";
import "./chunk-VOF3U6TL.mjs";
import "./chunk-AWM6KSK7.mjs";
import "./chunk-IR7HOI7X.mjs";
import "./chunk-LUPAFGPI.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-KFBHCKP2.mjs";
import "./chunk-F56D4ARV.mjs";
import "./chunk-2S3ATDAS.mjs";
import "./chunk-LICFMF4L.mjs";
import "./chunk-QTXCJKJQ.mjs";
import "./chunk-OBPADVDX.mjs";
import "./chunk-DI7J43CS.mjs";
import "./chunk-PX7ZYGMS.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-ERUJMQ5R.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-MF3YALT7.mjs";
import "./chunk-MPQG3EOO.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-NRKFWMVS.mjs";
import "./chunk-PHQZNYV7.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";
export {
  train_default as default,
  trainInputs,
  trainWithRuntime,
  trainingMarkdown
};
