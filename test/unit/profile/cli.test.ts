import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { readProfile, parseProfile } from '../../../src/profile/io.ts';
import { distinctEstimate } from '../../../src/profile/distinct.ts';
import { testRng } from './helpers.ts';

let dir: string;
const N = 3000;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-profile-cli-'));
  const rand = testRng(11);
  const lines = ['id,city,temp,day,ok'];
  for (let i = 1; i <= N; i++) {
    const city = ['Oslo', 'Lima', 'Pune', 'Kyiv'][Math.floor(rand() ** 2 * 4)];
    const temp = rand() < 0.05 ? '' : (rand() * 40 - 10).toFixed(2);
    lines.push(`${i},${city},${temp},2024-03-${String(1 + (i % 28)).padStart(2, '0')},${rand() < 0.7}`);
  }
  await writeFile(join(dir, 'all.csv'), `${lines.join('\n')}\n`);
  await writeFile(join(dir, 'a.csv'), `${lines.slice(0, 1201).join('\n')}\n`);
  await writeFile(join(dir, 'b.csv'), `${[lines[0], ...lines.slice(1201)].join('\n')}\n`);
  await writeFile(join(dir, 'other.csv'), 'id,city\n1,Oslo\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const io = memoryIo({ cwd: dir });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe('mlops profile', () => {
  it('writes the profile to -o and a per-column summary to stderr', async () => {
    const r = await cli('profile', 'all.csv', '-o', 'all.json');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/all\.csv: 3,000 rows, 5 columns/);
    expect(r.err).toMatch(/temp\s+number\s+\d+ \(\d+(\.\d)?%\)/);
    expect(r.err).toMatch(/city\s+string\s+0 \(0%\)\s+4\s+"Oslo"/);
    const p = await readProfile(join(dir, 'all.json'));
    expect(p.rows).toBe(N);
    expect(p.sources).toEqual([expect.objectContaining({ path: 'all.csv', rows: N })]);
    expect(p.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const temp = p.columns.find((c) => c.name === 'temp')!;
    expect(temp.numeric!.count + temp.nulls).toBe(N);
    expect(temp.numeric!.min).toBeGreaterThanOrEqual(-10);
    expect(p.columns.find((c) => c.name === 'ok')!.types.boolean).toBe(N);
    expect(p.columns.find((c) => c.name === 'day')!.types.date).toBe(N);
  });

  it('gives top-value counts with their ± error in the JSON summary (×≈ in the table) once they are estimates', async () => {
    const r = await cli('profile', 'all.csv', '-o', 'summary.json', '--json', '--top-k', '3');
    expect(r.code).toBe(0);
    const columns = JSON.parse(r.out).columns as Array<{ name: string; top: Array<{ value: string; count: number; error?: number }> }>;
    // 4 cities, 3 kept exactly by the top-K: estimates with bounds. 2 booleans: exact counts.
    const city = columns.find((c) => c.name === 'city')!;
    expect(city.top.length).toBeGreaterThan(0);
    for (const t of city.top) expect(t.error).toBeGreaterThan(0);
    expect(columns.find((c) => c.name === 'ok')!.top.every((t) => t.error === undefined)).toBe(true);
    expect(r.err).toMatch(/city\s+string\s+0 \(0%\)\s+4\s+"\w+" ×≈\d/);
    expect(r.err).toMatch(/ok\s+boolean\s+0 \(0%\)\s+2\s+"(true|false)" ×\d/);
  });

  it('prints the profile on stdout without -o, identically on every run', async () => {
    const one = await cli('profile', 'all.csv');
    const two = await cli('profile', 'all.csv');
    expect(one.code).toBe(0);
    expect(one.out).toBe(two.out);
    expect(parseProfile(one.out, 'stdout').rows).toBe(N);
    expect(one.out).toBe(await readFile(join(dir, 'all.json'), 'utf8'));
  });

  it('merges shard profiles into the whole-file profile', async () => {
    expect((await cli('profile', 'a.csv', '-o', 'a.json')).code).toBe(0);
    expect((await cli('profile', 'b.csv', '-o', 'b.json')).code).toBe(0);
    const r = await cli('profile', 'merge', 'a.json', 'b.json', '-o', 'merged.json', '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ output: 'merged.json', rows: N });
    const merged = await readProfile(join(dir, 'merged.json'));
    const whole = await readProfile(join(dir, 'all.json'));
    expect(merged.sources.map((s) => s.path)).toEqual(['a.csv', 'b.csv']);
    merged.columns.forEach((col, i) => {
      const w = whole.columns[i];
      expect(col).toMatchObject({ name: w.name, count: w.count, nulls: w.nulls, types: w.types, lengths: w.lengths });
      expect(distinctEstimate(col.distinct)).toBe(distinctEstimate(w.distinct));
      // Exact while nothing was pruned (city, day, ok); the unique ids go through Misra–Gries.
      if (w.topK.slack === 0) expect(col.topK.items).toEqual(w.topK.items);
      if (w.numeric) {
        expect(col.numeric!.min).toBe(w.numeric.min);
        expect(col.numeric!.max).toBe(w.numeric.max);
        expect(col.numeric!.mean).toBeCloseTo(w.numeric.mean, 9);
      }
    });
    // A glob profiles each file and merges them the same way.
    const g = await cli('profile', '{a,b}.csv', '--json', '-o', 'glob.json');
    expect(g.code).toBe(0);
    expect((await readProfile(join(dir, 'glob.json'))).rows).toBe(N);
  });

  it('exits 2 naming the file on bad input', async () => {
    const missing = await cli('profile', 'nope.csv');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.csv/);
    await writeFile(join(dir, 'bad.json'), '{"format": "something-else"}');
    const foreign = await cli('profile', 'merge', 'a.json', 'bad.json', '-o', 'x.json');
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/bad\.json \(format\): invalid profile/);
    expect((await cli('profile', 'other.csv', '-o', 'other.json')).code).toBe(0);
    const mismatch = await cli('profile', 'merge', 'a.json', 'other.json', '-o', 'x.json');
    expect(mismatch.code).toBe(2);
    // The profiles are named as given, not by the data files recorded in them.
    expect(mismatch.err).toMatch(/other\.json \(temp\): column 'temp' is missing; .+ has it/);
    expect((await cli('profile')).code).toBe(2);
    expect((await cli('profile', 'merge')).code).toBe(2);
    expect((await cli('profile', 'all.csv', '--sample-size', 'lots')).code).toBe(2);
    expect((await cli('profile', 'all.csv', '--bogus')).code).toBe(2);
    await writeFile(join(dir, 'ragged.csv'), 'a,b\n1,2\n3\n');
    const ragged = await cli('profile', 'ragged.csv');
    expect(ragged.code).toBe(2);
    expect(ragged.err).toMatch(/ragged\.csv:3/);
  });
});
