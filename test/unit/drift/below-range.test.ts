import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';
import type { DriftMethod } from '../../../src/drift/policy.ts';
import { profileFile } from '../../../src/profile/index.ts';
import type { DatasetProfile } from '../../../src/profile/types.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-below-range-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

let files = 0;
async function profileOf(cells: string[]): Promise<DatasetProfile> {
  const path = join(dir, `d${files++}.csv`);
  await writeFile(path, `v,k\n${cells.map((v, i) => `${v},${i % 7}`).join('\n')}\n`);
  return profileFile(path);
}

const compare = (ref: DatasetProfile, cur: DatasetProfile, method: DriftMethod) =>
  compareProfiles(ref, cur, { features: ['v'], overrides: [{ name: 'v', method }] }).columns[0];

describe('decile bins when the reference piles up at its minimum', () => {
  // The first decile bin, unbounded below, held the reference's minimum: values below the
  // reference's range fell into the same bin as that pile. A constant 5.5 that became 4.5 scored
  // PSI 0, "ok" (6.5 drifted), and a discount with 30% zeros whose zeros turned into -1 too.
  for (const rows of [800, 3000]) {
    it(`values below the reference's range are their own bin (${rows} rows: ${rows > 2000 ? 'sketches' : 'samples'})`, async () => {
      const constant = await profileOf(Array.from({ length: rows }, () => '5.5'));
      const lower = await profileOf(Array.from({ length: rows }, () => '4.5'));
      for (const method of ['psi', 'jensenshannon', 'hellinger', 'chisquare'] as const) {
        const c = compare(constant, lower, method);
        expect(c.drifted, method).toBe(true);
        expect(c.contributor, method).toBe('< 5.5');
      }
      const rand = mulberry32(rows);
      const discount = (zero: string) => Array.from({ length: rows }, () => (rand() < 0.3 ? zero : (1 + rand() * 20).toFixed(2)));
      const reference = await profileOf(discount('0'));
      const negative = await profileOf(discount('-1'));
      expect(compare(reference, negative, 'psi').drifted).toBe(true);
      // The same data keeps its verdict, and its shares add up.
      const same = compare(reference, await profileOf(discount('0')), 'psi');
      expect(same.drifted).toBe(false);
      expect(same.bins.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(same.bins.labels[0]).toBe('< 0');
    });
  }

  it('continuous data keeps its ten decile bins', async () => {
    const rand = mulberry32(3);
    const values = () => Array.from({ length: 800 }, () => (rand() * 100).toFixed(3));
    const c = compare(await profileOf(values()), await profileOf(values()), 'psi');
    expect(c.bins.labels).toHaveLength(10);
    expect(c.bins.labels[0]).toMatch(/^≤ /);
  });
});
