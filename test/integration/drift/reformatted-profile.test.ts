import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { profileFile, writeProfile } from '../../../src/profile/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-reformatted-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(path: string, rows: number, shift: number): void {
  const lines = ['x,plan'];
  for (let i = 0; i < rows; i++) lines.push(`${((i * 7919) % 1000) / 100 + shift},${['free', 'pro', 'team'][i % 3]}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** JSON with every object's keys sorted, as `jq -S` or Python's `json.dump(sort_keys=True)` write it. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

describe('a profile.json written back by another tool', () => {
  it('is still read as a profile when its keys were sorted (the format marker is no longer in its first 4 KiB)', async () => {
    // `jq -S . profile.json` puts "columns" (all of them) before "format": the check looked for the
    // marker in the first 4 KiB only, read the profile as a JSON data file and failed with "a .json
    // data file must hold one JSON array of objects".
    csv(join(dir, 'train.csv'), 3000, 0);
    csv(join(dir, 'current.csv'), 3000, 2);
    await writeProfile(join(dir, 'profile.json'), await profileFile(join(dir, 'train.csv')));
    const sorted = JSON.stringify(sortedKeys(JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8'))), null, 2);
    expect(sorted.slice(0, 4096)).not.toContain('mlops-profile');
    writeFileSync(join(dir, 'sorted.json'), sorted);
    const direct = await runDriftCheck({ cwd: dir, reference: 'profile.json', current: 'current.csv' });
    const reformatted = await runDriftCheck({ cwd: dir, reference: 'sorted.json', current: 'current.csv' });
    expect(reformatted.report.columns).toEqual(direct.report.columns);
    expect(reformatted.report.columns.find((c) => c.name === 'x')?.drifted).toBe(true);
    // As the current side too.
    await writeProfile(join(dir, 'current-profile.json'), await profileFile(join(dir, 'current.csv')));
    writeFileSync(join(dir, 'current-sorted.json'), JSON.stringify(sortedKeys(JSON.parse(readFileSync(join(dir, 'current-profile.json'), 'utf8')))));
    const both = await runDriftCheck({ cwd: dir, reference: 'sorted.json', current: 'current-sorted.json' });
    expect(both.report.columns).toEqual(direct.report.columns);
  });

  it('a JSON data file whose first values happen to hold the word mlops-profile is still data', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ x: (i * 37) % 100, note: i === 0 ? 'mlops-profile' : 'plain' }));
    writeFileSync(join(dir, 'data.json'), JSON.stringify(rows));
    const check = await runDriftCheck({ cwd: dir, reference: 'data.json', current: 'data.json', features: ['x'] });
    expect(check.report.columns.map((c) => [c.name, c.drifted])).toEqual([['x', false]]);
  });

  it('a JSON object that is no profile is exit 2 saying what a .json file can be', async () => {
    writeFileSync(join(dir, 'wrapped.json'), JSON.stringify({ data: [{ x: 1 }] }));
    csv(join(dir, 'current.csv'), 100, 0);
    const error = await runDriftCheck({ cwd: dir, reference: 'wrapped.json', current: 'current.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/not an mlops profile .*a \.json data file holds one JSON array of objects/);
  });

  it('is still read as a profile when saved with a byte-order mark (PowerShell Set-Content -Encoding utf8, Notepad)', async () => {
    csv(join(dir, 'train.csv'), 3000, 0);
    csv(join(dir, 'current.csv'), 3000, 2);
    await writeProfile(join(dir, 'profile.json'), await profileFile(join(dir, 'train.csv')));
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${readFileSync(join(dir, 'profile.json'), 'utf8')}`);
    const direct = await runDriftCheck({ cwd: dir, reference: 'profile.json', current: 'current.csv' });
    const withBom = await runDriftCheck({ cwd: dir, reference: 'bom.json', current: 'current.csv' });
    expect(withBom.report.columns).toEqual(direct.report.columns);
  });
});
