import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-placeholders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `rows` rows: `v` normal(shift, 1) with `NA` in 10% of its cells (R's spelling of a missing value),
 * `code`, numbers in 60% of its cells and one of ten words in the rest, and `size`, 38-46 in 60%
 * of its cells and S, M or L in the rest.
 */
function write(name: string, rows: number, seed: number, shift: number): void {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const lines = ['v,code,size'];
  for (let i = 0; i < rows; i++) {
    const v = rand() < 0.1 ? 'NA' : (gauss() + shift).toFixed(3);
    const code = rand() < 0.6 ? String(100 + Math.floor(rand() * 900)) : `w${Math.floor(rand() * 10)}`;
    const size = rand() < 0.6 ? String(38 + Math.floor(rand() * 9)) : ['S', 'M', 'L'][Math.floor(rand() * 3)];
    lines.push(`${v},${code},${size}`);
  }
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}

describe('a numeric feature with a placeholder for missing values in more than 5% of its cells', () => {
  // Numbers in 90% of the cells fell short of the 95% a numeric column needed: the feature was
  // compared as categories (its 20 most frequent numbers and "other"), and a shift of two standard
  // deviations scored Jensen–Shannon 0.08, "ok".
  it('is compared as numbers (large samples: Wasserstein), and a shift drifts', async () => {
    write('train.csv', 3000, 1, 0);
    write('same.csv', 3000, 2, 0);
    write('shifted.csv', 3000, 3, 2);
    const same = await runDriftCheck({ cwd: dir, reference: 'train.csv', current: 'same.csv' });
    const v = same.report.columns.find((c) => c.name === 'v')!;
    expect(v.type).toBe('numeric');
    expect(v.method).toBe('wasserstein');
    expect(v.drifted).toBe(false);
    expect(v.nonNumeric!.reference).toBeCloseTo(0.1, 1);
    const shifted = await runDriftCheck({ cwd: dir, reference: 'train.csv', current: 'shifted.csv' });
    const moved = shifted.report.columns.find((c) => c.name === 'v')!;
    expect(moved.type).toBe('numeric');
    expect(moved.drifted).toBe(true);
    expect(moved.reasons).toEqual(['distribution']);
  });

  it('small samples: KS on its numbers', async () => {
    write('train-small.csv', 500, 4, 0);
    write('shifted-small.csv', 500, 5, 0.5);
    const check = await runDriftCheck({ cwd: dir, reference: 'train-small.csv', current: 'shifted-small.csv' });
    const v = check.report.columns.find((c) => c.name === 'v')!;
    expect(v.type).toBe('numeric');
    expect(v.method).toBe('ks');
    expect(v.drifted).toBe(true);
  });

  it('numbers mixed with words stay categorical, however few the words', async () => {
    const check = await runDriftCheck({ cwd: dir, reference: 'train.csv', current: 'same.csv' });
    expect(check.report.columns.find((c) => c.name === 'code')!.type).toBe('categorical');
    expect(check.report.columns.find((c) => c.name === 'size')!.type).toBe('categorical');
  });
});
