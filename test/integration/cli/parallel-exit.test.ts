import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Worker threads exist only in the bundle: build one, as the actions run it.
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'mlops-parallel-exit-'));
const bundle = join(dir, 'dist', 'mlops.mjs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', join(dir, 'dist')], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  const rows = ['id,name,score,when'];
  for (let i = 0; i < 20_000; i++) rows.push(`${i},name${i % 37},${((i * 7919) % 10_000) / 100},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  writeFileSync(join(dir, 'data.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'schema.yaml'), [
    'fields:',
    '  - { name: id, type: integer, constraints: { required: true, unique: true } }',
    '  - { name: name, type: string }',
    '  - { name: score, type: number }',
    '  - { name: when, type: date }',
    'primaryKey: id',
  ].join('\n'));
}, 60_000);

const validate = (threads: number) => spawnSync(process.execPath, [bundle, 'validate', 'data.csv', '--schema', 'schema.yaml', '--json'], {
  cwd: dir, encoding: 'utf8', timeout: 15_000,
  env: { ...process.env, MLOPS_THREADS: String(threads), MLOPS_SEGMENT_BYTES: '65536' },
});

describe('a command that ran segments on worker threads', () => {
  it('exits after its report, every time (idle workers left alive hung the process for ever in about half the runs on four threads)', () => {
    const expected = validate(1);
    expect(expected.status, expected.stderr).toBe(0);
    // The hang was a race (V8 background jobs of the worker isolates against the main thread's
    // exit): several runs, each must end by itself with the one-thread report.
    for (let run = 0; run < 10; run++) {
      const r = validate(4);
      expect(r.error, `run ${run}: the process did not exit within 15 s after its work`).toBeUndefined();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
    }
  }, 240_000);
});
