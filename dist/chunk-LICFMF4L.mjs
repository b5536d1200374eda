import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/train/class-weights.ts
function classCounts(label, trainingClasses) {
  const counts = new Map(label.classes.map((c) => [c, 0]));
  for (let i = 0; i < trainingClasses.length; i++) {
    const name = label.classes[trainingClasses[i]];
    counts.set(name, counts.get(name) + 1);
  }
  return counts;
}
function resolveClassWeights(setting, label, counts, configPath) {
  if (setting === "none") return null;
  const where = { file: configPath, key: "train.classWeight" };
  if (label.task === "regression") throw new InputError(`train.classWeight weighs classes, but '${label.name}' is a regression target`, where);
  if (setting === "balanced") {
    const rows = [...counts.values()].reduce((a, b) => a + b, 0);
    return label.classes.map((c) => {
      const n = counts.get(c) ?? 0;
      return n > 0 ? rows / (label.classes.length * n) : 1;
    });
  }
  const unknown = Object.keys(setting).filter((name) => !label.classes.includes(name));
  if (unknown.length > 0) {
    throw new InputError(`train.classWeight names ${unknown.map((u) => `'${u}'`).join(", ")}, not a class of '${label.name}' (classes: ${label.classes.join(", ")})`, { ...where, key: `train.classWeight.${unknown[0]}` });
  }
  return label.classes.map((c) => setting[c] ?? 1);
}
var RARE_CLASS_SHARE = 0.2;
function rareClass(counts) {
  if (counts.size !== 2) return null;
  const [[a, na], [b, nb]] = [...counts];
  const [name, n] = na <= nb ? [a, na] : [b, nb];
  const share = n / (na + nb);
  return share < RARE_CLASS_SHARE ? { name, share } : null;
}

export {
  classCounts,
  resolveClassWeights,
  rareClass
};
