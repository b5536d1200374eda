import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { numericProfile } from '../../support/profiles.ts';


describe('a window too small to judge raises no alarm (A/A)', () => {
  // Five numeric features, each null in 1% of the rows, the same distribution on both sides. A
  // window of 10 to 20 rows is "insufficient data" for the values; its null rate was still tested
  // (a two-proportion z-test, whose normal approximation fails on a handful of rows): one null in
  // 10 rows read as "1% → 10%, p = 0.009", and since only that column counted, 44 of 100 such
  // windows declared dataset drift.
  const names = ['a', 'b', 'c', 'd', 'e'];
  const rand = mulberry32(42);
  const row = () => names.map(() => (rand() < 0.01 ? null : rand() * 10));
  const reference = numericProfile(names, Array.from({ length: 2000 }, row));

  for (const size of [10, 15, 20]) {
    it(`windows of ${size} rows`, () => {
      let alarms = 0;
      for (let t = 0; t < 100; t++) {
        const report = compareProfiles(reference, numericProfile(names, Array.from({ length: size }, row)));
        if (report.drifted) alarms++;
        for (const c of report.columns) expect(c.status).toBe('insufficient data');
      }
      expect(alarms).toBe(0);
    });
  }

  it('a feature that stopped being filled still drifts on its null rate in a window of 30 rows', () => {
    const current = numericProfile(names, Array.from({ length: 30 }, () => names.map((_, j) => (j === 0 ? null : rand() * 10))));
    const report = compareProfiles(reference, current);
    const a = report.columns.find((c) => c.name === 'a')!;
    expect(a.reasons).toEqual(['null rate']);
    expect(report.driftedColumns).toBe(1);
  });

  it('windows of 30 rows with nulls in 5% of the cells: a column judged on its null rate alone counts whether it drifted or not', () => {
    // With 5% nulls a 30-row window holds fewer than 30 values in most columns: their values are
    // "insufficient data", their null rates are judged. Only the columns whose null rate drifted
    // counted towards the share, the others not at all, so one false alarm out of five columns
    // read as "1 of 1 drifted": 22 of 100 same-data windows declared dataset drift.
    const r = mulberry32(7);
    const line = () => names.map(() => (r() < 0.05 ? null : r() * 10));
    const ref = numericProfile(names, Array.from({ length: 2000 }, line));
    let alarms = 0;
    for (let t = 0; t < 100; t++) {
      const report = compareProfiles(ref, numericProfile(names, Array.from({ length: 30 }, line)));
      if (report.drifted) alarms++;
      expect(report.evaluatedColumns).toBe(5);
    }
    expect(alarms).toBeLessThanOrEqual(5);
  });
});
