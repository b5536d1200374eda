import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { InputError } from '../../../src/core/errors.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { dataReadOptions, loadSchema } from '../../../src/schema/index.ts';
import { mergeProfiles, profileFile, writeProfile } from '../../../src/profile/index.ts';
import { mulberry32 } from '../../../src/core/random.ts';
import { hashFile } from '../../../src/table/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


/** 24,000 rows: two normals (one shifted in the current data), a lognormal, a categorical whose mix moves, a stable categorical. */
function rows(n: number, seed: number, shift: number): string[] {
  const r = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const plan = r() < 0.5 + shift ? 'free' : r() < 0.7 ? 'pro' : 'team';
    out.push([(normal() + shift * 2).toFixed(4), normal().toFixed(4), Math.exp(normal()).toFixed(3), plan, ['a', 'b', 'c'][Math.floor(r() * 3)]].join(','));
  }
  return out;
}

describe('sharded drift: merged shard profiles give the whole-file verdicts', () => {
  it('same drifted columns and close scores', async () => {
    const header = 'x,y,amount,plan,group';
    const reference = join(dir, 'reference.csv');
    writeFileSync(reference, `${header}\n${rows(24_000, 1, 0).join('\n')}\n`);
    const current = rows(24_000, 2, 0.25);
    const whole = join(dir, 'current.csv');
    writeFileSync(whole, `${header}\n${current.join('\n')}\n`);
    const shards = [0, 1, 2, 3].map((k) => {
      const path = join(dir, `current-${k}.csv`);
      writeFileSync(path, `${header}\n${current.slice(k * 6000, (k + 1) * 6000).join('\n')}\n`);
      return path;
    });
    const ref = await profileFile(reference);
    const wholeReport = compareProfiles(ref, await profileFile(whole));
    const merged = mergeProfiles(await Promise.all(shards.map((s) => profileFile(s))));
    const mergedReport = compareProfiles(ref, merged);
    expect(merged.rows).toBe(24_000);
    const verdicts = (r: typeof wholeReport) => Object.fromEntries(r.columns.map((c) => [c.name, [c.method, c.drifted]]));
    expect(verdicts(mergedReport)).toEqual(verdicts(wholeReport));
    expect(wholeReport.columns.find((c) => c.name === 'x')!.drifted).toBe(true);
    expect(wholeReport.columns.find((c) => c.name === 'plan')!.drifted).toBe(true);
    expect(wholeReport.columns.find((c) => c.name === 'y')!.drifted).toBe(false);
    expect(wholeReport.columns.find((c) => c.name === 'group')!.drifted).toBe(false);
    for (const c of wholeReport.columns) {
      const m = mergedReport.columns.find((x) => x.name === c.name)!;
      // Sketch-based distances agree within the sketches' error; exact counts agree exactly.
      expect(Math.abs(m.score - c.score)).toBeLessThan(0.02);
    }
    expect(mergedReport.drifted).toBe(wholeReport.drifted);
  });
});

describe('a drift check profiles the current data for the compared columns only', () => {
  it('and reports exactly what comparing with a profile of every column reports', async () => {
    // id (identifier), at (timestamp) and note (only in the current data) are never compared;
    // extra is only in the reference. Segments of 64 KiB exercise the seeded segment path too.
    const make = (n: number, seed: number, shift: number, current: boolean) => {
      const body = rows(n, seed, shift).map((line, i) => `${i + 1},2024-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,${line}${current ? `,n${i % 7}` : `,${i % 5}`}`);
      return `id,at,x,y,amount,plan,group,${current ? 'note' : 'extra'}\n${body.join('\n')}\n`;
    };
    const reference = join(dir, 'checked-reference.csv');
    const current = join(dir, 'checked-current.csv');
    writeFileSync(reference, make(8000, 3, 0, false));
    writeFileSync(current, make(8000, 4, 0.2, true));
    process.env.MLOPS_SEGMENT_BYTES = String(64 * 1024);
    try {
      const stored = join(dir, 'checked-current.profile.json');
      await writeProfile(stored, await profileFile(current));
      const storedReference = join(dir, 'checked-reference.profile.json');
      await writeProfile(storedReference, await profileFile(reference));
      // A schema whose roles exclude columns: the reference data is profiled without them too.
      const schema = join(dir, 'checked.schema.yaml');
      writeFileSync(schema, 'fields:\n  - { name: id, type: integer, role: id }\n  - { name: y, type: number, role: ignore }\n  - { name: extra, type: integer, role: ignore }\n');
      const variants: Array<{ features?: string[]; schema?: string; compared: string[] }> = [
        { compared: ['x', 'y', 'amount', 'plan', 'group'] },
        { features: ['x', 'plan', 'amount'], compared: ['x', 'plan', 'amount'] },
        { schema, compared: ['x', 'amount', 'plan', 'group'] },
      ];
      for (const { features, schema: schemaPath, compared } of variants) {
        const settings = { cwd: dir, ...(features ? { features } : {}), ...(schemaPath ? { schema: schemaPath } : {}) };
        const fromData = await runDriftCheck({ ...settings, reference, current });
        if (schemaPath) {
          // Profiles stored as the schema reads the data (its number fields decoded as numbers).
          const options = dataReadOptions(await loadSchema(schemaPath));
          await writeProfile(stored, await profileFile(current, options));
          await writeProfile(storedReference, await profileFile(reference, options));
        }
        const fromStored = await runDriftCheck({ ...settings, reference: storedReference, current: stored });
        expect(fromData.report).toEqual(fromStored.report);
        expect(fromData.currentProfile.columns.map((c) => c.name)).toEqual(compared);
      }
      // Current data as a glob of shards: each shard is profiled for the compared columns, then merged.
      const lines = readFileSync(current, 'utf8').trimEnd().split('\n');
      const shardPaths = [1, 2].map((k) => join(dir, `checked-shard-${k}.csv`));
      writeFileSync(shardPaths[0], `${lines.slice(0, 4001).join('\n')}\n`);
      writeFileSync(shardPaths[1], `${[lines[0], ...lines.slice(4001)].join('\n')}\n`);
      const mergedStored = join(dir, 'checked-shards.profile.json');
      await writeProfile(mergedStored, mergeProfiles(await Promise.all(shardPaths.map((p) => profileFile(p)))));
      const fromGlob = await runDriftCheck({ cwd: dir, reference: storedReference, current: 'checked-shard-*.csv' });
      const fromMerged = await runDriftCheck({ cwd: dir, reference: storedReference, current: mergedStored });
      // Sources name the shards as the glob found them (relative to cwd), the stored profile as profiled.
      const withoutPaths = (r: typeof fromGlob.report) => ({ ...r, current: { ...r.current, sources: r.current.sources.map(({ path: _p, ...rest }) => rest) } });
      expect(withoutPaths(fromGlob.report)).toEqual(withoutPaths(fromMerged.report));
      expect(fromGlob.report.current.sources.map((x) => x.path)).toEqual(['checked-shard-1.csv', 'checked-shard-2.csv']);
      expect(fromGlob.report.current.rows).toBe(8000);

      const trimmed = await runDriftCheck({ cwd: dir, reference, current, features: ['x', 'plan'] });
      expect(trimmed.referenceProfile.columns.map((c) => c.name)).toEqual(['x', 'plan']);
      expect(trimmed.report.onlyInReference).toEqual(['extra']);
      expect(trimmed.report.onlyInCurrent).toEqual(['note']);
      const auto = (await runDriftCheck({ cwd: dir, reference, current })).report;
      expect(auto.skippedColumns).toEqual([{ name: 'id', reason: 'identifier' }, { name: 'at', reason: 'timestamp' }]);
      expect(auto.onlyInCurrent).toEqual(['note']);
      expect(auto.onlyInReference).toEqual(['extra']);
      expect(auto.columns.find((c) => c.name === 'x')!.drifted).toBe(true);
      // The current file's hash is computed ahead, while the reference is profiled: the same hash.
      const { sha256, md5 } = await hashFile(current);
      expect(auto.current.sources).toEqual([{ path: current, sha256, md5, rows: 8000 }]);
    } finally {
      delete process.env.MLOPS_SEGMENT_BYTES;
    }
  });
});

describe('a drift check with a missing file', () => {
  it('fails on it before profiling the other side (the reference first)', async () => {
    // A reference with a malformed last row: profiling it first would report that row instead.
    const reference = join(dir, 'broken-reference.csv');
    writeFileSync(reference, `a,b\n${Array.from({ length: 500 }, (_, i) => `${i},${i % 3}`).join('\n')}\n1,2,3\n`);
    const missing = join(dir, 'no-such-current.csv');
    const error = await runDriftCheck({ cwd: dir, reference, current: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location.file).toBe(missing);
    const both = await runDriftCheck({ cwd: dir, reference: join(dir, 'no-such-reference.csv'), current: missing }).catch((e: unknown) => e);
    expect((both as InputError).location.file).toBe(join(dir, 'no-such-reference.csv'));
    // With both files there, the reference's malformed row is what fails.
    const bad = await runDriftCheck({ cwd: dir, reference, current: reference }).catch((e: unknown) => e);
    expect((bad as InputError).location).toMatchObject({ file: reference, line: 502 });
  });
});
