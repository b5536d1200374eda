import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfiler, mergeProfiles, readProfile, writeProfile } from '../../../src/profile/index.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-profile-huge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a column of huge numbers', () => {
  it('gives a profile that reads back, merges and compares (its sum of squares overflows)', async () => {
    // Deviations of 1e300 square to Infinity: the profile was written with "m2": null, and every
    // reader of it (profile merge, drift --reference, a model's profile.json) refused it as invalid.
    const values = Float64Array.from({ length: 60 }, (_, i) => (i % 2 ? 1e300 : -1e300));
    const profiler = createProfiler(['v']);
    profiler.add({ length: 60, rowOffset: 0, lines: new Float64Array(60), columns: [{ kind: 'number', name: 'v', values, nulls: new Uint8Array(60), invalid: [] }] });
    const profile = profiler.finish([{ path: 'big.csv', sha256: 'a'.repeat(64), md5: 'b'.repeat(32), rows: 60 }]);
    expect(profile.columns[0].numeric!.m2).toBe(Number.POSITIVE_INFINITY);
    await writeProfile(join(dir, 'big.json'), profile);
    const read = await readProfile(join(dir, 'big.json'));
    expect(read.columns[0].numeric!.m2).toBeGreaterThan(1e300);
    expect(read.columns[0].numeric!.min).toBe(-1e300);
    const merged = mergeProfiles([read, { ...read, sources: [{ ...read.sources[0], path: 'other.csv' }] }]);
    expect(merged.rows).toBe(120);
    const report = compareProfiles(read, profile);
    expect(report.columns.every((c) => !c.drifted)).toBe(true);
  });

  it('keeps a finite mean when values near the largest double have opposite signs, one by one and merged', async () => {
    // x − mean overflowed to ±Infinity (1.7e308 − (−1.7e308)): the mean became NaN, written as
    // null, and the profile could not be read back.
    const column = (xs: number[]) => ({ kind: 'number' as const, name: 'v', values: Float64Array.from(xs), nulls: new Uint8Array(xs.length), invalid: [] });
    const profileOf = (xs: number[], path: string) => {
      const profiler = createProfiler(['v']);
      profiler.add({ length: xs.length, rowOffset: 0, lines: new Float64Array(xs.length), columns: [column(xs)] });
      return profiler.finish([{ path, sha256: 'a'.repeat(64), md5: 'b'.repeat(32), rows: xs.length }]);
    };
    const whole = profileOf([1.7e308, -1.7e308, 1.7e308, 5], 'whole.csv');
    expect(Number.isFinite(whole.columns[0].numeric!.mean)).toBe(true);
    expect(whole.columns[0].numeric!.mean).toBeCloseTo(0.425e308, -300);
    await writeProfile(join(dir, 'extreme.json'), whole);
    expect((await readProfile(join(dir, 'extreme.json'))).columns[0].numeric!.mean).toBe(whole.columns[0].numeric!.mean);
    const merged = mergeProfiles([profileOf([1.7e308, 1.7e308], 'a.csv'), profileOf([1.7e308, -1.7e308], 'b.csv')]);
    expect(merged.columns[0].numeric!.mean).toBeCloseTo(0.85e308, -300);
  });
});
