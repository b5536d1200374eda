import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boldFor } from '../../../src/cli/commands/demo.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

// The whole demo trains two models (~15 s): `npm run demo` is its own test. These check what it
// refuses before writing anything, and how it prints.
let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'mlops-demo-test-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

async function demo(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo({ cwd: root, env: { PATH: process.env.PATH, ...env } });
  const code = await runCli(['demo', ...args], io);
  return { code, err: io.err, out: io.out };
}

describe('mlops demo', () => {
  it('refuses an unknown --backend at once, under its own name, writing nothing', async () => {
    const r = await demo(['--dir', 'unknown', '--backend', 'foo']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("mlops demo: --backend must be one of auto, tensorflow, wasm, cpu, got 'foo'\n");
    expect(existsSync(join(root, 'unknown'))).toBe(false);
  });

  it('loads a forced backend before the first step: a missing tfjs-node fails at once, naming where it looked', async () => {
    const empty = await mkdtemp(join(root, 'native-'));
    const r = await demo(['--dir', 'tf', '--backend', 'tensorflow'], { MLOPS_NATIVE_DIR: empty });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops demo: --backend tensorflow: backend 'tensorflow' is not available: .*MLOPS_NATIVE_DIR/);
    expect(r.err).toContain(empty);
    expect(r.err).not.toContain('mlops train');
    expect(existsSync(join(root, 'tf'))).toBe(false);
  });

  it('--help lists exactly the backends it accepts', async () => {
    const r = await demo(['--help']);
    expect(r.code).toBe(0);
    expect(`${r.out}${r.err}`).toContain('[--backend auto|tensorflow|wasm|cpu]');
  });

  it('makes headlines bold only on a terminal without NO_COLOR', () => {
    expect(boldFor({ isTTY: false, env: {} })('1. Validate')).toBe('1. Validate');
    expect(boldFor({ isTTY: true, env: {} })('1. Validate')).toBe('\u001b[1m1. Validate\u001b[0m');
    expect(boldFor({ isTTY: true, env: { NO_COLOR: '1' } })('1. Validate')).toBe('1. Validate');
    // no-color.org: an empty NO_COLOR does not count.
    expect(boldFor({ isTTY: true, env: { NO_COLOR: '' } })('x')).toBe('\u001b[1mx\u001b[0m');
  });

  it('runs whole under a user git config that signs commits and tags and has hooks (the throw-away repository uses none of them), and prints readable numbers', async () => {
    // A developer's ~/.gitconfig with signing on, where gpg cannot sign here (no key, no pinentry),
    // and a global hooks directory whose pre-commit hook refuses everything.
    const home = await mkdtemp(join(root, 'home-'));
    const hooks = join(home, 'hooks');
    execFileSync('mkdir', ['-p', hooks]);
    await writeFile(join(hooks, 'pre-commit'), '#!/bin/sh\necho hook ran >&2\nexit 1\n', { mode: 0o755 });
    const global = join(home, 'gitconfig');
    await writeFile(global, `[commit]\n\tgpgSign = true\n[tag]\n\tgpgSign = true\n[gpg]\n\tprogram = false\n[core]\n\thooksPath = ${hooks}\n`);
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = global;
    try {
      const r = await demo(['--dir', 'signed demo', '--backend', 'cpu']);
      expect(r.err).not.toContain('internal error');
      expect(r.code).toBe(0);
      expect(r.err).toContain('tags on the remote: weather#production#1, weather@v1.0.0');
      expect(r.err).toContain('retraining branch on the remote: mlops/retrain/weather');
      // Readable numbers: speeds with digit groups, drift scores that say what they are.
      expect(r.err).toMatch(/^ {3}cpu backend, \d+ epochs, \d{1,3}(,\d{3})* samples\/s; validation accuracy \d+\.\d%$/m);
      expect(r.err).toMatch(/^ {5}temp_max {7}ks {11}p = \S+ +drift$/m);
      // The user's own repositories keep their settings: only the demo's git runs without them.
      expect(execFileSync('git', ['config', '--global', 'commit.gpgSign'], { env: process.env }).toString().trim()).toBe('true');
      expect(await readFile(join(root, 'signed demo', 'weather', 'mlops.yaml'), 'utf8')).toContain('name: weather');
      // The closing hint can be pasted into a shell, a space in --dir included.
      expect(r.err).toContain(`Look around: cd '${join(root, 'signed demo', 'weather')}'\n`);
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
    }
  }, 180_000);

  it('names the git step that failed, in git\'s words, with exit 2 and no stack trace', async () => {
    // --dir holds a file named remote.git: the bare remote cannot be created there.
    const dir = await mkdtemp(join(root, 'blocked-'));
    await writeFile(join(dir, 'remote.git'), 'not a directory\n');
    const r = await demo(['--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops demo: demo step 'git init -q --bare -b main .*remote\.git' failed/m);
    expect(r.err).not.toContain('internal error');
    expect(r.err).not.toMatch(/^\s+at /m);
  });
});
