import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'mlops-demo-dir-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('mlops demo --dir with an earlier run\'s remote left in it', () => {
  it('is refused before anything runs, naming it, instead of failing at "git commit" with no reason', async () => {
    // What an earlier demo leaves after `rm -rf weather` (its remote holds commits and tags).
    const remote = join(root, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', remote]);
    const io = memoryIo({ cwd: root, env: { PATH: process.env.PATH } });
    expect(await runCli(['demo', '--dir', root], io)).toBe(2);
    expect(io.err).toContain(`${remote} already exists: pass an empty --dir`);
    expect(io.err).not.toContain("demo step 'git");
    expect((await readdir(root)).sort()).toEqual(['remote.git']);
  });
});
