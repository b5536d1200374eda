import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';

const root = mkdtempSync(join(tmpdir(), 'mlops-demo-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('mlops demo --dir', () => {
  it('a file where the directory should be is exit 2 naming it, not an internal error', async () => {
    writeFileSync(join(root, 'notes.txt'), 'mine\n');
    const io = memoryIo({ cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    const code = await runCli(['demo', '--dir', 'notes.txt'], io);
    expect([code, io.err]).toEqual([2, 'mlops demo: notes.txt: --dir is not a directory: pass an empty or new directory\n']);
  });
});
