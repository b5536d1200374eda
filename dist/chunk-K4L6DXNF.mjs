import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-2CNBRTGX.mjs";

// src/train/class-weights.ts
function resolveClassWeights(setting, label, trainingClasses, configPath) {
  if (setting === "none") return null;
  const where = { file: configPath, key: "train.classWeight" };
  if (label.task === "regression") throw new InputError(`train.classWeight weighs classes, but '${label.name}' is a regression target`, where);
  const k = label.classes.length;
  if (setting === "balanced") {
    const counts = new Array(k).fill(0);
    for (let i = 0; i < trainingClasses.length; i++) counts[trainingClasses[i]]++;
    return counts.map((c) => c > 0 ? trainingClasses.length / (k * c) : 1);
  }
  const unknown = Object.keys(setting).filter((name) => !label.classes.includes(name));
  if (unknown.length > 0) {
    throw new InputError(`train.classWeight names ${unknown.map((u) => `'${u}'`).join(", ")}, not a class of '${label.name}' (classes: ${label.classes.join(", ")})`, where);
  }
  return label.classes.map((c) => setting[c] ?? 1);
}
var RARE_CLASS_SHARE = 0.2;
function rareClass(label, trainingClasses) {
  if (label.task !== "binary" || trainingClasses.length === 0) return null;
  let ones = 0;
  for (let i = 0; i < trainingClasses.length; i++) if (trainingClasses[i] === 1) ones++;
  const rareIndex = ones <= trainingClasses.length - ones ? 1 : 0;
  const share = (rareIndex === 1 ? ones : trainingClasses.length - ones) / trainingClasses.length;
  return share < RARE_CLASS_SHARE ? { name: label.classes[rareIndex], share } : null;
}

export {
  resolveClassWeights,
  RARE_CLASS_SHARE,
  rareClass
};
