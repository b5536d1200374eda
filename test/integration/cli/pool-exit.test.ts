import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'mlops-pool-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prestarted workers that get no task', () => {
  it('do not keep the process alive: it exits once its work is done (a large non-CSV file hung mlops forever after its report)', () => {
    const file = join(dir, 'large.parquet');
    writeFileSync(file, Buffer.alloc(64 * 1024));
    const script = join(import.meta.dirname, '..', '..', 'support', 'pool', 'prestart-exit.mjs');
    const r = spawnSync(process.execPath, [script, file], { encoding: 'utf8', timeout: 30_000 });
    expect(r.error, 'the process did not exit within 30 s').toBeUndefined();
    expect(r.stdout).toContain('work done');
    expect(r.status).toBe(0);
  }, 60_000);
});
