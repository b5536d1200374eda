import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profileFile } from '../../../src/profile/index.ts';
import { mulberry32 } from '../../../src/core/random.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-light-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Light columns (src/profile/profiler.ts createProfiler `light`) are profiled only for what drift's
 * skip decision reads. Those parts must equal a full profile's exactly — skipReason reads them — in
 * one pass and in segments merged, for every kind of column the reader produces.
 */
function data(rows: number): string {
  const r = mulberry32(7);
  const lines = ['id,u,d,dt,x,c,mix,n'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(r() * 28);
    lines.push([
      i + 1,
      r() < 0.02 ? '' : `u${Math.floor(r() * 1e9).toString(16)}`,
      `2024-03-${String(day).padStart(2, '0')}`,
      `2024-03-${String(day).padStart(2, '0')}T${String(Math.floor(r() * 24)).padStart(2, '0')}:15:00Z`,
      (r() * 100 - 50).toFixed(r() < 0.5 ? 2 : 3),
      ['a', 'b', '7', 'c'][Math.floor(r() * 4)],
      r() < 0.1 ? 'n/a' : String(Math.floor(r() * 50)),
      r() < 0.3 ? '' : (r() * 10).toFixed(1),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('light columns', () => {
  const path = join(dir, 'data.csv');
  writeFileSync(path, data(6000));
  const names = ['id', 'u', 'd', 'dt', 'x', 'c', 'mix', 'n'];

  it.each([['one pass', undefined], ['segments of 32 KiB, merged', String(32 * 1024)]])('equal a full profile in what the skip decision reads (%s)', async (_label, segmentBytes) => {
    if (segmentBytes) process.env.MLOPS_SEGMENT_BYTES = segmentBytes;
    try {
      const full = await profileFile(path);
      const light = await profileFile(path, {}, {}, { light: names });
      expect(light.rows).toBe(full.rows);
      for (const name of names) {
        const f = full.columns.find((c) => c.name === name)!;
        const l = light.columns.find((c) => c.name === name)!;
        expect({ count: l.count, nulls: l.nulls, types: l.types, distinct: l.distinct, lengths: l.lengths }, name)
          .toEqual({ count: f.count, nulls: f.nulls, types: f.types, distinct: f.distinct, lengths: f.lengths });
        if (f.numeric === null) expect(l.numeric, name).toBeNull();
        else {
          const { sketch: _fs, ...fm } = f.numeric;
          const { sketch, ...lm } = l.numeric!;
          expect(lm, name).toEqual(fm);
          expect(sketch.n, name).toBe(0);
        }
        // What a light column leaves out.
        expect(l.topK.items, name).toEqual([]);
        expect(l.sample.values, name).toEqual([]);
      }
      // Columns not named light are profiled in full, as without the option.
      const some = await profileFile(path, {}, {}, { light: ['u', 'dt'] });
      expect(some.columns.filter((c) => c.name !== 'u' && c.name !== 'dt')).toEqual(full.columns.filter((c) => c.name !== 'u' && c.name !== 'dt'));
      // Timestamps read as instants (no string per cell): exact counts and types; the other
      // columns' profiles unchanged (the content seed reads the instants' texts back).
      const instants = await profileFile(path, { decoding: { d: 'string', dt: 'string', c: 'string' }, temporal: { d: 'date', dt: 'datetime', c: 'date' } }, {}, { light: ['d', 'dt', 'c'] });
      for (const name of ['d', 'dt', 'c']) {
        const f = full.columns.find((col) => col.name === name)!;
        const l = instants.columns.find((col) => col.name === name)!;
        expect({ count: l.count, nulls: l.nulls, types: l.types }, name).toEqual({ count: f.count, nulls: f.nulls, types: f.types });
      }
      const others = (p: typeof full) => p.columns.filter((c) => !['d', 'dt', 'c'].includes(c.name));
      expect(others(instants)).toEqual(others(full));
    } finally {
      delete process.env.MLOPS_SEGMENT_BYTES;
    }
  });
});
