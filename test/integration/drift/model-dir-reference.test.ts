import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { profileFile, writeProfile } from '../../../src/profile/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-model-dir-ref-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(path: string, rows: number, shift: number): void {
  const lines = ['x,plan'];
  for (let i = 0; i < rows; i++) lines.push(`${((i * 7919) % 1000) / 100 + shift},${['free', 'pro', 'team'][i % 3]}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('drift --reference <model directory>', () => {
  it("compares with the directory's profile.json, as with the profile named directly", async () => {
    const train = join(dir, 'train.csv');
    csv(train, 3000, 0);
    const current = join(dir, 'current.csv');
    csv(current, 3000, 2);
    const model = join(dir, 'models', 'candidate');
    mkdirSync(model, { recursive: true });
    await writeProfile(join(model, 'profile.json'), await profileFile(train));
    const fromDir = await runDriftCheck({ cwd: dir, reference: 'models/candidate', current: 'current.csv' });
    const fromFile = await runDriftCheck({ cwd: dir, reference: 'models/candidate/profile.json', current: 'current.csv' });
    expect(fromDir.report.columns).toEqual(fromFile.report.columns);
    expect(fromDir.report.columns.find((c) => c.name === 'x')?.drifted).toBe(true);
    expect(fromDir.report.reference.sources).toEqual(fromFile.report.reference.sources);
  });

  it('a directory without profile.json is exit 2 saying what a reference can be', async () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    csv(join(dir, 'c.csv'), 10, 0);
    const error = await runDriftCheck({ cwd: dir, reference: 'empty', current: 'c.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/directory without a profile\.json: give a data file, a glob/);
    expect((error as InputError).location?.file).toBe('empty');
  });
});
