import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
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
});
