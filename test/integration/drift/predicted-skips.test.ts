import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { profileFile, writeProfile } from '../../../src/profile/index.ts';
import { mulberry32 } from '../../../src/core/random.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-predicted-skips-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Drift profiles the reference columns that its first rows show to be identifiers or timestamps
 * light (src/drift/check.ts likelySkipped), then checks that prediction on the full data. The
 * report must be the one stored full profiles give, whether the head predicted right or wrong.
 */
function table(n: number, seed: number, shift: number): string {
  const r = mulberry32(seed);
  const lines = ['seq,uid,when,stamp,x,plan'];
  for (let i = 0; i < n; i++) {
    lines.push([
      i + 1, // an identifier, in the head and overall
      // Unique in the head, then 40 values over and over: not an identifier overall.
      i < 3000 ? `k${i}` : `k${i % 40}`,
      // Dates in the head, then mostly text: not a timestamp overall.
      i < 3000 ? `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` : ['morning', 'noon', 'night'][i % 3],
      `2024-02-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, // a timestamp throughout
      (r() + shift).toFixed(4),
      r() < 0.5 + shift ? 'free' : 'pro',
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('columns the reference head predicts drift will skip', () => {
  it('are profiled light when skipped, in full when the full data says compare them: same report as stored profiles', async () => {
    const reference = join(dir, 'reference.csv');
    const current = join(dir, 'current.csv');
    writeFileSync(reference, table(12_000, 1, 0));
    writeFileSync(current, table(12_000, 2, 0.2));
    for (const segmentBytes of [undefined, String(64 * 1024)]) {
      if (segmentBytes) process.env.MLOPS_SEGMENT_BYTES = segmentBytes;
      try {
        const storedReference = join(dir, 'reference.profile.json');
        const storedCurrent = join(dir, 'current.profile.json');
        await writeProfile(storedReference, await profileFile(reference));
        await writeProfile(storedCurrent, await profileFile(current));
        const fromData = await runDriftCheck({ cwd: dir, reference, current });
        const fromStored = await runDriftCheck({ cwd: dir, reference: storedReference, current: storedCurrent });
        expect(fromData.report).toEqual(fromStored.report);
        expect(fromData.report.skippedColumns).toEqual([{ name: 'seq', reason: 'identifier' }, { name: 'stamp', reason: 'timestamp' }]);
        expect(fromData.report.columns.map((c) => c.name).sort()).toEqual(['plan', 'uid', 'when', 'x']);
        // The mispredicted columns were profiled in full: their profiles are a full profile's.
        const full = await profileFile(reference);
        for (const name of ['uid', 'when']) {
          expect(fromData.referenceProfile.columns.find((c) => c.name === name)).toEqual(full.columns.find((c) => c.name === name));
        }
      } finally {
        delete process.env.MLOPS_SEGMENT_BYTES;
      }
    }
  });
});
