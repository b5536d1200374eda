import { describe, expect, it } from 'vitest';
import { studentQuantileUpper, studentUpperTail } from '../../../src/core/special.ts';

// Reference values from Debian's python3-scipy: stats.t.isf(0.025, df) and stats.t.sf(2.0, df).
const SCIPY: Array<[number, number, number]> = [
  [1, 12.706204736174705, 0.14758361765043326],
  [2, 4.302652729749464, 0.09175170953613698],
  [4, 2.7764451051977943, 0.05805826175840778],
  [9, 2.2621571627982053, 0.038276411885350504],
  [29, 2.045229642132704, 0.027471818591483586],
  [999, 1.9623414611334498, 0.0228853084868785],
  [5000, 1.9604385517065075, 0.022777129994146977],
];

describe("Student's t (the evaluation's expanded intervals)", () => {
  it.each(SCIPY)('ν = %i: the upper 2.5%% quantile and P(T > 2) match scipy', (nu, quantile, tail) => {
    expect(studentQuantileUpper(0.025, nu)).toBeCloseTo(quantile, 7);
    // Beyond ν = 1000 only the quantile's Cornish–Fisher form is used.
    if (nu <= 1000) expect(studentUpperTail(2, nu)).toBeCloseTo(tail, 10);
  });
});
