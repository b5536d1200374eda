import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfiler } from '../../../src/profile/profiler.ts';
import { readProfile, writeProfile, stringifyProfile } from '../../../src/profile/io.ts';
import { InputError } from '../../../src/core/errors.ts';
import { toBatches, testRng, type ColumnSpec } from './helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-profile-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sampleProfile() {
  const rand = testRng(3);
  const n = 5000;
  const columns: ColumnSpec[] = [
    { name: 'x', kind: 'number', cells: Array.from({ length: n }, () => (rand() < 0.1 ? null : rand() * 100)) },
    { name: 'c', kind: 'string', cells: Array.from({ length: n }, (_, i) => `v${i % 1500}`) },
  ];
  const p = createProfiler(['x', 'c']);
  for (const b of toBatches(columns, 0, n, 1024)) p.add(b);
  return p.finish([{ path: 'data.csv', sha256: 'a'.repeat(64), md5: 'b'.repeat(32), rows: n }]);
}

describe('readProfile / writeProfile', () => {
  it('round-trips byte for byte, atomically (no temporary left behind)', async () => {
    const profile = sampleProfile();
    const path = join(dir, 'p.json');
    await writeProfile(path, profile);
    const back = await readProfile(path);
    expect(back).toEqual(profile);
    expect(stringifyProfile(back)).toBe(await readFile(path, 'utf8'));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(back.columns[1].distinct.values).toBeNull();
  });

  it('rejects a missing file, bad JSON (with line), a foreign JSON, and damaged fields — naming the file', async () => {
    await expect(readProfile(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: profile not found/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{\n  "format": "mlops-profile",\n  "rows": ,\n}\n');
    const err = await readProfile(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toMatchObject({ file: bad, line: 3 });
    const foreign = join(dir, 'package.json');
    await writeFile(foreign, JSON.stringify({ name: 'x', version: '1.0.0' }));
    await expect(readProfile(foreign)).rejects.toThrow(/package\.json \(format\): invalid profile: not an mlops profile/);

    const profile = JSON.parse(stringifyProfile(sampleProfile()));
    profile.columns[0].nulls = 'many';
    const damaged = join(dir, 'damaged.json');
    await writeFile(damaged, JSON.stringify(profile));
    await expect(readProfile(damaged)).rejects.toThrow(/damaged\.json \(columns\[0\]\.nulls\): invalid profile: expected a non-negative integer/);

    const p2 = JSON.parse(stringifyProfile(sampleProfile()));
    p2.columns[0].numeric.sketch.compactors[0].push(1);
    await writeFile(damaged, JSON.stringify(p2));
    await expect(readProfile(damaged)).rejects.toThrow(/columns\[0\]\.numeric\.sketch\.n/);

    const p3 = JSON.parse(stringifyProfile(sampleProfile()));
    p3.version = 2;
    await writeFile(damaged, JSON.stringify(p3));
    await expect(readProfile(damaged)).rejects.toThrow(/unsupported profile version 2/);

    const p4 = JSON.parse(stringifyProfile(sampleProfile()));
    p4.columns[1].distinct.hll = 'AAAA';
    await writeFile(damaged, JSON.stringify(p4));
    await expect(readProfile(damaged)).rejects.toThrow(/columns\[1\]\.distinct\.hll/);
  });
});
