import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-boolean-spelling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `rows` rows of a boolean (true 30%, or `share`) spelled by `spell`, a three-way flag and a number. */
function write(name: string, rows: number, seed: number, spell: (b: boolean) => string, share = 0.3): void {
  const rand = mulberry32(seed);
  const lines = ['member,tier,x'];
  for (let i = 0; i < rows; i++) {
    const tier = rand() < 0.5 ? 'FALSE' : rand() < 0.5 ? 'true' : 'n/a';
    lines.push(`${spell(rand() < share)},${tier},${(rand() * 10).toFixed(3)}`);
  }
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}

describe('booleans spelled True/False on one side and true/false on the other', () => {
  // pandas writes True/False, JSON and most other tools true/false: training data exported by
  // pandas against production logs compared the same booleans as four categories (two "new", two
  // "vanished"), chi-square p = 1e-216, dataset drift.
  it('are the same categories', async () => {
    write('train.csv', 500, 1, (b) => (b ? 'True' : 'False'));
    write('latest.csv', 500, 2, (b) => (b ? 'true' : 'false'));
    const check = await runDriftCheck({ cwd: dir, reference: 'train.csv', current: 'latest.csv' });
    const member = check.report.columns.find((c) => c.name === 'member')!;
    expect(member.method).toBe('ztest');
    expect(member.drifted).toBe(false);
    expect(member.newCategories).toBeUndefined();
    expect(member.vanishedCategories).toBeUndefined();
    expect(check.report.drifted).toBe(false);
  });

  it('a real change of the share still drifts; a text column keeps its spellings', async () => {
    write('train-large.csv', 3000, 3, (b) => (b ? 'True' : 'False'));
    write('moved.csv', 3000, 4, (b) => (b ? 'true' : 'false'), 0.7);
    const check = await runDriftCheck({ cwd: dir, reference: 'train-large.csv', current: 'moved.csv' });
    const member = check.report.columns.find((c) => c.name === 'member')!;
    expect(member.drifted).toBe(true);
    expect(member.newCategories).toBeUndefined();
    // 'tier' mixes booleans with text: its categories are the cells as written.
    const tier = check.report.columns.find((c) => c.name === 'tier')!;
    expect(tier.type).toBe('categorical');
    expect(tier.drifted).toBe(false);
    expect(tier.bins.labels.sort()).toEqual(['FALSE', 'n/a', 'true']);
  });
});
