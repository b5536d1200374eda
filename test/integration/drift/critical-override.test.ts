import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { loadConfig } from '../../../src/train/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-critical-override-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 600 rows: `moved` shifted by `shift`, and four steady columns. */
function write(name: string, seed: number, shift: number): void {
  const rand = mulberry32(seed);
  const lines = ['moved,a,b,c,d'];
  for (let i = 0; i < 600; i++) lines.push([rand() * 10 + shift, rand(), rand(), rand(), rand()].map((v) => v.toFixed(4)).join(','));
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}

// mlops.yaml's drift.features[].critical defaulted to false, so `critical: false` there could not
// be told from "not set": a schema's `drift: { critical: true }` always won.
describe("mlops.yaml's critical overrides the schema's, both ways", () => {
  write('ref.csv', 1, 0);
  write('cur.csv', 2, 5);
  const schema = ['fields:', '  - { name: moved, type: number, drift: { critical: true } }', ...['a', 'b', 'c', 'd'].map((n) => `  - { name: ${n}, type: number }`), ''].join('\n');
  writeFileSync(join(dir, 'schema.yaml'), schema);
  const configWith = async (feature: string) => {
    const path = join(dir, `mlops-${feature.length}.yaml`);
    writeFileSync(path, `name: m\ndata: { train: ref.csv, schema: schema.yaml }\ndrift:\n  features:\n    - ${feature}\n    - { name: a }\n    - { name: b }\n    - { name: c }\n    - { name: d }\n`);
    return loadConfig(path);
  };

  it('critical: false in mlops.yaml: one drifted column of five is no dataset drift', async () => {
    const check = await runDriftCheck({ cwd: dir, reference: 'ref.csv', current: 'cur.csv', config: await configWith('{ name: moved, critical: false }') });
    expect(check.report.columns.find((c) => c.name === 'moved')).toMatchObject({ drifted: true, critical: false });
    expect(check.report.drifted).toBe(false);
  });

  it("not set in mlops.yaml: the schema's critical: true makes it dataset drift", async () => {
    const check = await runDriftCheck({ cwd: dir, reference: 'ref.csv', current: 'cur.csv', config: await configWith('{ name: moved }') });
    expect(check.report.criticalDrifted).toEqual(['moved']);
    expect(check.report.drifted).toBe(true);
  });
});
