import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { renderDriftMarkdown } from '../../../src/drift/report.ts';
import { numericProfile } from '../../support/profiles.ts';


describe('the report is sorted by severity, drifted columns first', () => {
  it('a column that drifted on its null rate alone (no test score) is listed with the drifted ones, not after the columns that are ok', () => {
    // 'zone' is empty in the reference and filled now: it drifts on its null rate, and its values
    // (none on one side) give no score. Its severity was NaN, which the sort cannot order: the
    // report listed it last, below four columns that are ok.
    const others = ['m1', 'm2', 'shifted', 'y1', 'y2'];
    for (let at = 0; at <= others.length; at++) {
      const names = [...others.slice(0, at), 'zone', ...others.slice(at)];
      const rand = mulberry32(3);
      const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const rows = (current: boolean) => Array.from({ length: 400 }, () =>
        names.map((name) => (name === 'zone' ? (current ? gauss() : null) : name === 'shifted' && current ? gauss() + 3 : gauss())));
      const report = compareProfiles(numericProfile(names, rows(false)), numericProfile(names, rows(true)));
      expect(report.columns.filter((c) => c.drifted).map((c) => c.name).sort()).toEqual(['shifted', 'zone']);
      expect(report.columns.find((c) => c.name === 'zone')!.reasons).toEqual(['null rate']);
      expect(report.columns.slice(0, 2).map((c) => c.name).sort(), `'zone' at ${at}`).toEqual(['shifted', 'zone']);
      const table = renderDriftMarkdown(report).split('\n').filter((line) => line.startsWith('| `'));
      expect(table.slice(0, 2).every((line) => line.includes('**drift**'))).toBe(true);
    }
  });

  it('a zero score against a threshold of 0 (0 / 0) still sorts by its verdict', () => {
    // A distance threshold of 0 (allowed: ≥ 0) makes a column with score 0 drift; its severity
    // 0 / 0 was NaN, and the column was listed after the columns that were ok.
    const names = ['a', 'b', 'c', 'zz'];
    const rand = mulberry32(5);
    const rows = Array.from({ length: 400 }, () => names.map((name) => (name === 'zz' ? 1.5 : rand())));
    const report = compareProfiles(numericProfile(names, rows), numericProfile(names, rows), { overrides: [{ name: 'zz', method: 'wasserstein', threshold: 0 }] });
    const zz = report.columns.find((c) => c.name === 'zz')!;
    expect(zz.score).toBe(0);
    expect(zz.drifted).toBe(true);
    expect(report.columns[0].name).toBe('zz');
  });
});
