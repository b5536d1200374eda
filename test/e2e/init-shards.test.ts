import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { GIT_ENV, ROOT } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'my-project-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('mlops init with shards', () => {
  it('a pattern is refused with what to set by hand: data.train and the pull-request workflow\'s data input', async () => {
    mkdirSync(join(work, 'data'));
    cpSync(join(ROOT, 'fixtures', 'example', 'data'), join(work, 'data'), { recursive: true });
    const io = memoryIo({ cwd: work, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV } });
    const r = { code: await runCli(['init', 'data/*.csv', '--label', 'weather', '--name', 'weather'], io), err: io.err };
    // Set in mlops.yaml alone, the pattern trains on every shard while pull requests validate the first.
    expect([r.code, r.err]).toEqual([2, "mlops init: 'data/*.csv' is a pattern: mlops init takes one data file (e.g. the first shard), then set data.train in mlops.yaml and data: in .github/workflows/mlops-pull-request.yml to the pattern, so that pull requests validate every shard\n"]);
  });
});
