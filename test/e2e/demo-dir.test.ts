import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { actionsCheckout } from '../support/action-runner/index.ts';

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

describe('mlops demo from an installed package', () => {
  it('says the demo needs a clone, before it creates anything', async () => {
    // The npm package ships dist/ without fixtures/: a bundle with nothing around it.
    const installed = join(root, 'node_modules', 'mlops-actions');
    cpSync(join(actionsCheckout(), 'dist'), join(installed, 'dist'), { recursive: true });
    const r = spawnSync(process.execPath, [join(installed, 'dist', 'mlops.mjs'), 'demo', '--dir', 'demo-here'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/^mlops demo: the example project \(fixtures\/example\) is not next to this mlops: the demo runs from a clone of mlops-actions \(git clone .* && npm run demo\), not from an installed package\n$/)]);
    // No throw-away repository or remote was left behind.
    expect(existsSync(join(root, 'demo-here'))).toBe(false);
  }, 120_000);
});
