import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/core/names.ts
function looseName(name) {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, "_");
}
function closeName(name, candidates) {
  const loose = looseName(name);
  return candidates.find((c) => c !== name && looseName(c) === loose);
}
function didYouMean(name, candidates) {
  const near = closeName(name, candidates);
  return near === void 0 ? "" : ` (did you mean ${JSON.stringify(near)}?)`;
}

export {
  closeName,
  didYouMean
};
