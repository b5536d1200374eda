import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { profileFile, writeProfile } from '../../../src/profile/index.ts';
import { mulberry32 } from '../../../src/core/random.ts';
import { loadConfig } from '../../../src/train/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-numeric-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Drift profiles the columns that the reference's head shows to be numeric, in data large enough
 * for their samples to be partial, without top values or sampled values (src/drift/check.ts
 * predictColumns), then checks on the full profiles that the comparison reads neither. The report
 * must be the one stored full profiles give, whether the head predicted right or wrong.
 */
function table(n: number, seed: number, shift: number, sparse = false): string {
  const r = mulberry32(seed);
  const lines = ['x,sparse,level,amount,plan'];
  for (let i = 0; i < n; i++) {
    lines.push([
      // Numeric throughout: profiled numeric-only, compared by sketches. Written with 1 to 4
      // digits after the point, one in 997 in exponent notation (a text cell to the reader).
      i % 997 === 5 ? (r() * 1e-6).toExponential(2) : String(Number((r() + shift).toFixed(4))),
      // Numbers in every row of the reference; in one row of 25 of a `sparse` current: too few
      // values there for a sketch distance (a two-sample test on both samples instead).
      !sparse || i % 25 === 0 ? (r() * 10 + shift).toFixed(3) : '',
      // Integers in the head, then words: categorical overall.
      i < 3000 ? i : ['low', 'mid', 'high'][i % 3],
      (Math.exp(r() * 3) + shift).toFixed(2),
      r() < 0.5 + shift ? 'free' : 'pro',
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('columns the reference head predicts drift will compare as numbers', () => {
  it('are profiled without top and sampled values where the comparison reads neither, in full where it does: same report as stored profiles', async () => {
    const reference = join(dir, 'reference.csv');
    const current = join(dir, 'current.csv');
    writeFileSync(reference, table(12_000, 1, 0));
    writeFileSync(current, table(12_000, 2, 0.2, true));
    for (const segmentBytes of [undefined, String(64 * 1024)]) {
      if (segmentBytes) process.env.MLOPS_SEGMENT_BYTES = segmentBytes;
      try {
        const storedReference = join(dir, 'reference.profile.json');
        const storedCurrent = join(dir, 'current.profile.json');
        const fullReference = await profileFile(reference);
        const fullCurrent = await profileFile(current);
        await writeProfile(storedReference, fullReference);
        await writeProfile(storedCurrent, fullCurrent);
        const fromData = await runDriftCheck({ cwd: dir, reference, current });
        const fromStored = await runDriftCheck({ cwd: dir, reference: storedReference, current: storedCurrent });
        expect(fromData.report).toEqual(fromStored.report);
        const byName = new Map(fromData.report.columns.map((c) => [c.name, c]));
        expect(byName.get('x')?.method).toBe('wasserstein');
        expect(byName.get('sparse')?.method).toBe('ks');
        expect(byName.get('level')?.type).toBe('categorical');
        // Predicted right: no top values, no sampled values, everything else a full profile's.
        for (const [profile, full] of [[fromData.referenceProfile, fullReference], [fromData.currentProfile, fullCurrent]] as const) {
          for (const name of ['x', 'amount']) {
            const column = profile.columns.find((c) => c.name === name)!;
            const expected = full.columns.find((c) => c.name === name)!;
            expect(column.topK.items).toEqual([]);
            expect(column.sample.values).toEqual([]);
            expect(column.sample.seen).toBe(expected.sample.seen);
            expect({ ...column, topK: undefined, sample: undefined }).toEqual({ ...expected, topK: undefined, sample: undefined });
          }
          // Predicted wrong (a sample test, on the current's few values; a categorical): profiled
          // again in full, on both sides.
          for (const name of ['sparse', 'level']) {
            expect(profile.columns.find((c) => c.name === name)).toEqual(full.columns.find((c) => c.name === name));
          }
        }
      } finally {
        delete process.env.MLOPS_SEGMENT_BYTES;
      }
    }
  });

  it('profiles a side in full when it holds too few rows for a partial sample, and a column with its own method in full', async () => {
    const reference = join(dir, 'small-reference.csv');
    const current = join(dir, 'small-current.csv');
    writeFileSync(reference, table(12_000, 3, 0));
    // 1,500 rows: the current's samples are complete.
    writeFileSync(current, table(1_500, 4, 0.1));
    // Listed features: none is skipped, each is still predicted (amount has its own method).
    const configPath = join(dir, 'mlops.yaml');
    writeFileSync(configPath, 'name: m\ndrift:\n  features:\n    - name: x\n    - name: level\n    - name: amount\n      method: psi\n    - name: plan\n');
    const config = await loadConfig(configPath);
    const fullReference = await profileFile(reference);
    const fullCurrent = await profileFile(current);
    const storedReference = join(dir, 'small-reference.profile.json');
    const storedCurrent = join(dir, 'small-current.profile.json');
    await writeProfile(storedReference, fullReference);
    await writeProfile(storedCurrent, fullCurrent);
    const fromData = await runDriftCheck({ cwd: dir, reference, current, config });
    const fromStored = await runDriftCheck({ cwd: dir, reference: storedReference, current: storedCurrent, config });
    expect(fromData.report).toEqual(fromStored.report);
    const column = (profile: typeof fullReference, name: string) => profile.columns.find((c) => c.name === name);
    // A partial sample on one side: the sketches decide, the reference's sampled values are not read.
    expect(fromData.report.columns.find((c) => c.name === 'x')?.method).toBe('wasserstein');
    expect(column(fromData.referenceProfile, 'x')?.sample.values).toEqual([]);
    // The current, too small for the prediction, is profiled in full.
    expect(column(fromData.currentProfile, 'x')).toEqual(column(fullCurrent, 'x'));
    // The column with its own method is profiled in full on both sides.
    expect(column(fromData.referenceProfile, 'amount')).toEqual(column(fullReference, 'amount'));
    expect(column(fromData.currentProfile, 'amount')).toEqual(column(fullCurrent, 'amount'));
  });
});
