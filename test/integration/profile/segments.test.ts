import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { mulberry32 } from '../../../src/core/random.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { profileFile, sketchEpsilon, sketchQuantile } from '../../../src/profile/index.ts';
import { planCsvSegments } from '../../../src/table/csv.ts';
import { parquetWriteBuffer } from 'hyparquet-writer';

// A large CSV file is profiled in segments (on worker threads from the bundle) and the segment
// profiles merged: exact counts stay exact, sketches stay within their stated error, and the
// result depends on the file and the segment size only.
const dir = mkdtempSync(join(tmpdir(), 'mlops-profile-segments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => { delete process.env.MLOPS_SEGMENT_BYTES; });

function writeData(name: string, n: number, seed: number): string {
  const r = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const lines = ['id,x,amount,plan,day'];
  for (let i = 1; i <= n; i++) {
    const x = i % 50 === 0 ? '' : normal().toFixed(4);
    lines.push([i, x, Math.exp(normal()).toFixed(2), ['free', 'pro', 'team'][Math.floor(r() * 3)], `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`].join(','));
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('profiles of some of the columns', () => {
  it('profile each column exactly as the profile of every column does (same seeds), in one pass and in segments', async () => {
    const path = writeData('subset.csv', 20_000, 5);
    const pick = ['amount', 'plan'];
    const columnsOf = (p: { columns: Array<{ name: string }> }) => JSON.parse(JSON.stringify(p.columns.filter((c) => pick.includes(c.name)))) as unknown;
    for (const segmentBytes of [undefined, 64 * 1024]) {
      if (segmentBytes) process.env.MLOPS_SEGMENT_BYTES = String(segmentBytes);
      const full = await profileFile(path);
      const some = await profileFile(path, { columns: pick });
      expect(some.columns.map((c) => c.name)).toEqual(pick);
      expect(some.rows).toBe(full.rows);
      expect(columnsOf(some)).toEqual(columnsOf(full));
      // Small batches too: the seed is read from as many rows as the profiled stream's first batch.
      expect(columnsOf(await profileFile(path, { columns: pick, batchRows: 5 }))).toEqual(columnsOf(await profileFile(path, { batchRows: 5 })));
    }
    // Another format: a Parquet file's columns.
    const parquet = join(dir, 'subset.parquet');
    const table = readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    writeFileSync(parquet, new Uint8Array(parquetWriteBuffer({ columnData: [
      { name: 'id', data: table.map((r) => Number(r[0])), type: 'DOUBLE' },
      { name: 'amount', data: table.map((r) => Number(r[2])), type: 'DOUBLE' },
      { name: 'plan', data: table.map((r) => r[3]), type: 'STRING' },
    ] })));
    expect(columnsOf(await profileFile(parquet, { columns: pick }))).toEqual(columnsOf(await profileFile(parquet)));
  });

  it('seed rows longer than a seed read (16 KiB) still give the same profile as every column', async () => {
    // The seed pass reads small pieces; a row that does not fit in one must still be read whole.
    const r = mulberry32(9);
    const lines = ['note,x,plan'];
    for (let i = 0; i < 400; i++) lines.push([`"${'ab,c'.repeat(Math.floor(r() * 12_000))}"`, r().toFixed(3), ['a', 'b'][i % 2]].join(','));
    const path = join(dir, 'wide.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const pick = ['x', 'plan'];
    const columnsOf = (p: { columns: Array<{ name: string }> }) => JSON.parse(JSON.stringify(p.columns.filter((c) => pick.includes(c.name)))) as unknown;
    for (const segmentBytes of [undefined, 1 << 20]) {
      if (segmentBytes) process.env.MLOPS_SEGMENT_BYTES = String(segmentBytes);
      const full = await profileFile(path);
      const some = await profileFile(path, { columns: pick });
      expect(some.rows).toBe(400);
      expect(columnsOf(some)).toEqual(columnsOf(full));
    }
  });
});

describe('segmented profiles', () => {
  it('equal the one-pass profile: counts exactly, quantiles within the sketch error, same drift verdicts', async () => {
    const path = writeData('data.csv', 30_000, 3);
    const whole = await profileFile(path);
    process.env.MLOPS_SEGMENT_BYTES = String(64 * 1024);
    expect((await planCsvSegments(path, 64 * 1024)).length).toBeGreaterThan(8);
    const segmented = await profileFile(path);
    expect(segmented.rows).toBe(whole.rows);
    expect(segmented.sources).toEqual(whole.sources);
    for (const [i, col] of whole.columns.entries()) {
      const seg = segmented.columns[i];
      expect(seg.name).toBe(col.name);
      expect(seg.count).toBe(col.count);
      expect(seg.nulls).toBe(col.nulls);
      expect(seg.types).toEqual(col.types);
      expect(seg.lengths).toEqual(col.lengths);
      if (col.numeric) {
        expect(seg.numeric!.min).toBe(col.numeric.min);
        expect(seg.numeric!.max).toBe(col.numeric.max);
        expect(seg.numeric!.mean).toBeCloseTo(col.numeric.mean, 9);
        const eps = sketchEpsilon(seg.numeric!.sketch) + sketchEpsilon(col.numeric.sketch);
        for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
          // Both are quantiles of the same data: their ranks differ by at most the two errors.
          const a = sketchQuantile(seg.numeric!.sketch, q);
          const b = sketchQuantile(col.numeric.sketch, q);
          expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(sketchQuantile(col.numeric.sketch, Math.min(1, q + eps)) - sketchQuantile(col.numeric.sketch, Math.max(0, q - eps))) + 1e-12);
        }
      }
    }
    const plan = segmented.columns.find((c) => c.name === 'plan')!;
    expect(plan.topK.items.map((t) => t.value).sort()).toEqual(['free', 'pro', 'team']);
    expect(plan.topK.items.reduce((s, t) => s + t.count, 0)).toBe(30_000);
    // No drift between a file and itself, however it was profiled.
    const report = compareProfiles(whole, segmented);
    expect(report.drifted).toBe(false);
  });

  it('are deterministic: the same file and segment size give byte-identical profiles', async () => {
    const path = writeData('again.csv', 12_000, 4);
    process.env.MLOPS_SEGMENT_BYTES = String(32 * 1024);
    const a = await profileFile(path);
    const b = await profileFile(path);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('report a malformed row in a later segment at its line in the whole file', async () => {
    const path = writeData('ragged.csv', 12_000, 5);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[9000] = '9000,0.5';
    writeFileSync(path, lines.join('\n'));
    process.env.MLOPS_SEGMENT_BYTES = String(32 * 1024);
    const error = await profileFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toMatchObject({ file: path, line: 9001 });
  });
});
