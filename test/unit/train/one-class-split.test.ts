import { describe, expect, it } from 'vitest';
import { fitPreprocessing } from '../../../src/train/preprocess.ts';
import { errorOf, makeTable } from './helpers.ts';

// Small data with a rare class: the seeded split can put every row of it among the validation
// rows. The message said the label 'has only one class in the training data', which the user's
// file plainly contradicts.
describe('a label whose other classes all fell in the validation split', () => {
  it('says so, and what to do', () => {
    const table = makeTable({ x: [1, 2, 3, 4, 5], y: ['a', 'a', 'a', 'a', 'b'] });
    const error = errorOf(() => fitPreprocessing(table, { label: 'y', features: ['x'], rows: [0, 1, 2, 3] }));
    expect(error.detail).toBe("label 'y' has only one class ('a') in the training split: 'b' is only in the validation rows (add rows of it, or lower train.validationSplit)");
  });

  it('a label with one class in all the data keeps its message', () => {
    const table = makeTable({ x: [1, 2, 3], y: ['a', 'a', 'a'] });
    expect(errorOf(() => fitPreprocessing(table, { label: 'y', features: ['x'] })).detail)
      .toBe("label 'y' has only one class ('a') in the training data; a classifier needs at least two");
  });
});
