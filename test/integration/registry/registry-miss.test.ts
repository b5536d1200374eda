import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { RegistryMissError, resolveModelRef } from '../../../src/registry/index.ts';
import { mlops, useSandbox, writeModel, type Sandbox } from './helpers.ts';

// The evaluate action treats "nothing there yet" as a first model and everything else as a
// failure: that split is the error's class and `miss`, not its message.

describe('RegistryMissError', () => {
  let box: Sandbox;
  let repo: string;
  const env = { GIT_CONFIG_GLOBAL: '/dev/null' };
  useSandbox((b, r) => { box = b; repo = r; });

  const missOf = async (ref: string, cwd: string): Promise<string> => {
    const error = await resolveModelRef(ref, { cwd, env }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError); // still exit code 2 everywhere else
    return error instanceof RegistryMissError ? error.miss : `not a miss: ${(error as Error).message}`;
  };

  it('says what was missing: the repository, the model, or a version in the stage', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'mlops-no-git-'));
    try {
      expect(await missOf('weather#production', plain)).toBe('no-repository');
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
    expect(await missOf('weather#production', repo)).toBe('no-model');
    await mlops(repo, ['registry', 'register', 'weather', '--model', await writeModel(join(box.root, 'm1'), 1), '--version', 'v1.0.0']);
    expect(await missOf('weather#production', repo)).toBe('no-stage');
  });

  it('is not what a malformed reference or a missing version raise', async () => {
    await mlops(repo, ['registry', 'register', 'weather', '--model', await writeModel(join(box.root, 'm1'), 1), '--version', 'v1.0.0']);
    expect(await missOf('weather#', repo)).toMatch(/^not a miss: .*invalid model reference/);
    expect(await missOf('weather@v9.9.9', repo)).toMatch(/^not a miss/);
  });
});
