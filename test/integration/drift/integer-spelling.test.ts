import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-integer-spelling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `rows` rows of a rating 1..5 and a binary flag, spelled by `spell`, with empty cells where `empty` says. */
function write(name: string, rows: number, seed: number, spell: (n: number) => string, empty = () => false): void {
  const rand = mulberry32(seed);
  const lines = ['rating,flag,x'];
  for (let i = 0; i < rows; i++) {
    const rating = 1 + Math.floor(rand() * 5);
    const flag = rand() < 0.3 ? 1 : 0;
    lines.push(`${empty() ? '' : spell(rating)},${spell(flag)},${(rand() * 10).toFixed(3)}`);
  }
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}

describe('integer categories spelled with a zero fraction', () => {
  // pandas writes an integer column that holds a missing value as floats: 3 becomes 3.0. Training
  // data without gaps and production data with a few then compared '3' with '3.0' as different
  // categories: every value "new", chi-square p = 1e-208, dataset drift on identical data.
  it('are the same categories as the integers (small samples: chi-square, z-test)', async () => {
    write('train.csv', 500, 1, String);
    const rand = mulberry32(9);
    write('latest.csv', 500, 2, (n) => n.toFixed(1), () => rand() < 0.02);
    const check = await runDriftCheck({ cwd: dir, reference: 'train.csv', current: 'latest.csv' });
    const byName = new Map(check.report.columns.map((c) => [c.name, c]));
    expect(byName.get('rating')!.type).toBe('categorical');
    expect(byName.get('rating')!.method).toBe('chisquare');
    expect(byName.get('flag')!.method).toBe('ztest');
    for (const name of ['rating', 'flag']) {
      const c = byName.get(name)!;
      expect(c.drifted, name).toBe(false);
      expect(c.newCategories, name).toBeUndefined();
      expect(c.vanishedCategories, name).toBeUndefined();
      expect(c.pValue!, name).toBeGreaterThan(0.01);
    }
    expect(check.report.drifted).toBe(false);
  });

  it('are the same categories as the integers (large samples: Jensen–Shannon), and a real shift still drifts', async () => {
    write('train-large.csv', 3000, 3, String);
    write('latest-large.csv', 3000, 4, (n) => n.toFixed(1));
    const same = await runDriftCheck({ cwd: dir, reference: 'train-large.csv', current: 'latest-large.csv' });
    const rating = same.report.columns.find((c) => c.name === 'rating')!;
    expect(rating.method).toBe('jensenshannon');
    expect(rating.score).toBeLessThan(0.05);
    expect(rating.drifted).toBe(false);
    // 5 becomes 6.0: a new category, and drift.
    write('shifted.csv', 3000, 4, (n) => (n === 5 ? '6.0' : n.toFixed(1)));
    const shifted = await runDriftCheck({ cwd: dir, reference: 'train-large.csv', current: 'shifted.csv' });
    const moved = shifted.report.columns.find((c) => c.name === 'rating')!;
    expect(moved.drifted).toBe(true);
    expect(moved.newCategories).toEqual(['6']);
    expect(moved.vanishedCategories).toEqual(['5']);
  });
});
