/**
 * `train.classWeight` resolved against the classes of the training split: one weight per class,
 * in the order of the model's outputs.
 */
import { InputError } from '../core/errors.ts';
import type { ClassWeightSetting } from './config.ts';
import type { LabelSpec } from './preprocess.ts';

/** Training rows per class name (`trainingClasses` holds class indices into `label.classes`). */
export function classCounts(label: LabelSpec, trainingClasses: ArrayLike<number>): Map<string, number> {
  const counts = new Map(label.classes.map((c) => [c, 0]));
  for (let i = 0; i < trainingClasses.length; i++) {
    const name = label.classes[trainingClasses[i]!]!;
    counts.set(name, counts.get(name)! + 1);
  }
  return counts;
}

/**
 * The weight of each class (in `label.classes` order), or null for `none`. `balanced` is
 * scikit-learn's `n / (classes × rows of the class)` over the training rows, so that every class
 * carries the same total weight; a class absent from the split weighs 1. A mapping names classes;
 * unlisted ones weigh 1, and a name that is not a class is an error (a typo would otherwise do
 * nothing).
 */
export function resolveClassWeights(setting: ClassWeightSetting, label: LabelSpec, counts: ReadonlyMap<string, number>, configPath?: string): number[] | null {
  if (setting === 'none') return null;
  const where = { file: configPath, key: 'train.classWeight' };
  if (label.task === 'regression') throw new InputError(`train.classWeight weighs classes, but '${label.name}' is a regression target`, where);
  if (setting === 'balanced') {
    const rows = [...counts.values()].reduce((a, b) => a + b, 0);
    return label.classes.map((c) => {
      const n = counts.get(c) ?? 0;
      return n > 0 ? rows / (label.classes.length * n) : 1;
    });
  }
  const unknown = Object.keys(setting).filter((name) => !label.classes.includes(name));
  if (unknown.length > 0) {
    // Keyed at the first unknown name, so the config's position of that entry can be added.
    throw new InputError(`train.classWeight names ${unknown.map((u) => `'${u}'`).join(', ')}, not a class of '${label.name}' (classes: ${label.classes.join(', ')})`, { ...where, key: `train.classWeight.${unknown[0]}` });
  }
  return label.classes.map((c) => setting[c] ?? 1);
}

/** Share under which the rarer of two classes makes accuracy misleading (a 19:1 label is 95% "accurate" by ignoring it). */
export const RARE_CLASS_SHARE = 0.2;

/**
 * The rarer class of a two-class label and its share of the rows, when under
 * {@link RARE_CLASS_SHARE}; null for any other number of classes. `mlops init` asks it of the
 * data's label counts, `mlops train` of the training split's.
 */
export function rareClass(counts: ReadonlyMap<string, number>): { name: string; share: number } | null {
  if (counts.size !== 2) return null;
  const [[a, na], [b, nb]] = [...counts] as [[string, number], [string, number]];
  const [name, n] = na <= nb ? [a, na] : [b, nb];
  const share = n / (na + nb);
  return share < RARE_CLASS_SHARE ? { name, share } : null;
}
