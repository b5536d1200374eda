import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/train/backend-names.ts
var BACKENDS = ["auto", "tensorflow", "wasm", "cpu"];

export {
  BACKENDS
};
