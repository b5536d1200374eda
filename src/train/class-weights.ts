/**
 * `train.classWeight` resolved against the classes of the training split: one weight per class,
 * in the order of the model's outputs.
 */
import { InputError } from '../core/errors.ts';
import type { ClassWeightSetting } from './config.ts';
import type { LabelSpec } from './preprocess.ts';

/**
 * The weight of each class (in `label.classes` order), or null for `none`. `balanced` is
 * scikit-learn's `n / (classes × rows of the class)` over the training rows, so that every class
 * carries the same total weight; a class absent from the split weighs 1. A mapping names classes;
 * unlisted ones weigh 1, and a name that is not a class is an error (a typo would otherwise do
 * nothing).
 */
export function resolveClassWeights(setting: ClassWeightSetting, label: LabelSpec, trainingClasses: ArrayLike<number>, configPath?: string): number[] | null {
  if (setting === 'none') return null;
  const where = { file: configPath, key: 'train.classWeight' };
  if (label.task === 'regression') throw new InputError(`train.classWeight weighs classes, but '${label.name}' is a regression target`, where);
  const k = label.classes.length;
  if (setting === 'balanced') {
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < trainingClasses.length; i++) counts[trainingClasses[i]!]!++;
    return counts.map((c) => (c > 0 ? trainingClasses.length / (k * c) : 1));
  }
  const unknown = Object.keys(setting).filter((name) => !label.classes.includes(name));
  if (unknown.length > 0) {
    throw new InputError(`train.classWeight names ${unknown.map((u) => `'${u}'`).join(', ')}, not a class of '${label.name}' (classes: ${label.classes.join(', ')})`, where);
  }
  return label.classes.map((c) => setting[c] ?? 1);
}

/** Share under which the rarer of two classes makes accuracy misleading (`mlops init` uses it too). */
export const RARE_CLASS_SHARE = 0.2;

/** The rarer class of a binary label and its share of the training rows, when under {@link RARE_CLASS_SHARE}. */
export function rareClass(label: LabelSpec, trainingClasses: ArrayLike<number>): { name: string; share: number } | null {
  if (label.task !== 'binary' || trainingClasses.length === 0) return null;
  let ones = 0;
  for (let i = 0; i < trainingClasses.length; i++) if (trainingClasses[i] === 1) ones++;
  const rareIndex = ones <= trainingClasses.length - ones ? 1 : 0;
  const share = (rareIndex === 1 ? ones : trainingClasses.length - ones) / trainingClasses.length;
  return share < RARE_CLASS_SHARE ? { name: label.classes[rareIndex]!, share } : null;
}
