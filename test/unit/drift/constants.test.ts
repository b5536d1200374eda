import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { profileFile } from '../../../src/profile/index.ts';
import type { DatasetProfile } from '../../../src/profile/types.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-constants-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

let files = 0;
/** A profile of `rows` rows: column `v` holding `value` in every row, and a filler column. */
async function constant(value: string, rows: number): Promise<DatasetProfile> {
  const path = join(dir, `c${files++}.csv`);
  await writeFile(path, `v,k\n${Array.from({ length: rows }, (_, i) => `${value},${i % 7}`).join('\n')}\n`);
  return profileFile(path);
}

describe('a constant whose value changed', () => {
  // docs/drift.md: "a constant whose value changed is drift". On large samples the Wasserstein
  // distance of two constants was divided by the larger value: 100.5 → 101.5 scored 0.0099 and
  // 0.5 → 0.52 scored 0.038, both "ok", where KS on the same change in 1,000 rows says drift (D = 1).
  for (const [from, to] of [['100.5', '101.5'], ['100.1', '101.1'], ['0.5', '0.52'], ['0.001', '0.002'], ['-3.5', '0']]) {
    it(`${from} → ${to} drifts on large samples as on small ones`, async () => {
      const small = compareProfiles(await constant(from, 500), await constant(to, 500), { features: ['v'] }).columns[0];
      expect(small.method).toBe('ks');
      expect(small.drifted).toBe(true);
      const large = compareProfiles(await constant(from, 3000), await constant(to, 3000), { features: ['v'] }).columns[0];
      expect(large.method).toBe('wasserstein');
      expect(large.drifted).toBe(true);
      expect(large.score).toBe(1);
    });
  }

  it('a constant that kept its value scores 0', async () => {
    const same = compareProfiles(await constant('100.5', 3000), await constant('100.5', 2500), { features: ['v'] }).columns[0];
    expect(same.score).toBe(0);
    expect(same.drifted).toBe(false);
  });
});
