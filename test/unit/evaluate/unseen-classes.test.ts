import { describe, expect, it } from 'vitest';
import { prepareClassification } from '../../../src/evaluate/metrics/classification.ts';
import { withUnseenRows } from '../../../src/evaluate/run.ts';

describe('classes the model never saw', () => {
  it('a binary model keeps binary metrics with a column of 0 for an unseen class: its rows are wrong and negatives', () => {
    // Classes a, b (the model's) and c (unseen); every row predicts b with 0.7.
    const ev = prepareClassification({ task: 'binary', classes: ['a', 'b', 'c'], y: Int32Array.from([1, 0, 2]), proba: Float64Array.from([0.3, 0.7, 0, 0.3, 0.7, 0, 0.3, 0.7, 0]) });
    const m = ev.compute();
    expect(m.accuracy).toBeCloseTo(1 / 3, 12);
    expect(m.balanced_accuracy).toBeCloseTo(1 / 3, 12); // recalls a 0, b 1, c 0
    expect(m.precision).toBeCloseTo(1 / 3, 12); // the unseen row predicted b is a false positive
    expect(m.recall).toBe(1);
    expect(m.brier).toBeCloseTo(((0.7 - 1) ** 2 + 0.7 ** 2 + 0.7 ** 2) / 3, 12); // binary form, on the positive column
    expect(ev.confusion()).toEqual([[0, 1, 0], [0, 1, 0], [0, 1, 0]]);
    expect(ev.perClass().c).toMatchObject({ support: 1, recall: 0, predicted: 0 });
  });

  it('an unseen class row of a cost matrix costs, per predicted class, that column\'s largest cost of a wrong prediction', () => {
    expect(withUnseenRows([[0, 4], [1, 0]], 2)).toEqual([
      [0, 4, 0, 0],
      [1, 0, 0, 0],
      [1, 4, 0, 0],
      [1, 4, 0, 0],
    ]);
  });
});
