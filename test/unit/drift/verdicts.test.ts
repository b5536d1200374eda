import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { profileFile } from '../../../src/profile/index.ts';
import type { DatasetProfile } from '../../../src/profile/types.ts';
import { mulberry32 } from '../../../src/core/random.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-verdicts-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

let files = 0;
async function profileOf(header: string, cells: string[]): Promise<DatasetProfile> {
  const path = join(dir, `d${files++}.csv`);
  await writeFile(path, `${header}\n${cells.join('\n')}\n`);
  return profileFile(path);
}

/** `n` cells drawn from `shares` (value → probability). */
function draw(n: number, shares: Record<string, number>, seed: number): string[] {
  const random = mulberry32(seed);
  const entries = Object.entries(shares);
  return Array.from({ length: n }, () => {
    let u = random();
    for (const [value, p] of entries) if ((u -= p) < 0) return value;
    return entries[entries.length - 1][0];
  });
}

describe('drift verdicts on shifts a one-sided view missed', () => {
  it('a two-value column that gains a third value in the current data is compared over all three (chi-square), and drifts', async () => {
    const reference = await profileOf('answer', draw(500, { yes: 0.6, no: 0.4 }, 1));
    const current = await profileOf('answer', draw(500, { yes: 0.6, no: 0.1, unknown: 0.3 }, 2));
    const column = compareProfiles(reference, current).columns.find((c) => c.name === 'answer')!;
    expect(column.method).toBe('chisquare');
    expect(column.drifted).toBe(true);
    expect(column.newCategories).toContain('unknown');
  });

  it('the same two-value column with the same mix keeps the z-test and does not drift', async () => {
    // The very mix (300 yes, 200 no) in another order: a random draw would drift in 5% of seeds.
    const mix = [...Array<string>(300).fill('yes'), ...Array<string>(200).fill('no')];
    const reference = await profileOf('answer', mix);
    const current = await profileOf('answer', mix.map((_, i) => mix[(i * 7) % 500]));
    const column = compareProfiles(reference, current).columns.find((c) => c.name === 'answer')!;
    expect(column.method).toBe('ztest');
    expect(column.drifted).toBe(false);
  });

  it('a constant whose value changed drifts on large samples too (no spread on either side: it scores 1)', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i % 97));
    const reference = await profileOf('rate,k', ids(2000).map((k) => `0.001,${k}`));
    const moved = await profileOf('rate,k', ids(2000).map((k) => `0.002,${k}`));
    const same = await profileOf('rate,k', ids(2000).map((k) => `0.001,${k}`));
    const rate = (current: DatasetProfile) => compareProfiles(reference, current, { features: ['rate'] }).columns[0];
    expect(rate(moved).method).toBe('wasserstein');
    expect(rate(moved).drifted).toBe(true);
    expect(rate(moved).score).toBe(1);
    expect(rate(same).drifted).toBe(false);
    expect(rate(same).score).toBe(0);
  });

  it('blank texts in a numeric column are not read as zeros by the sample tests', async () => {
    const random = mulberry32(5);
    const numbers = (n: number) => Array.from({ length: n }, () => (random() * 100 + 1).toFixed(2));
    // 4% blank-looking cells (a space): text, under the non-numeric floor, so the column stays numeric.
    const withBlanks = numbers(400).map((v, i) => (i % 25 === 0 ? '" "' : v));
    const reference = await profileOf('x', numbers(400));
    const current = await profileOf('x', withBlanks);
    const column = compareProfiles(reference, current).columns.find((c) => c.name === 'x')!;
    expect(column.method).toBe('ks');
    expect(column.nCur).toBe(384);
    expect(column.reasons).not.toContain('distribution');
  });
});
