import { createHash } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GitHubEmulator } from '../../support/github-emulator/index.ts';
import type * as TarModule from '../../../src/registry/tar.ts';
import { githubRegistry, useGitHubSandbox, writeModel, type Sandbox } from './helpers.ts';

// A re-run of a registration rebuilds model.tar.gz from the same files. Another Node.js (another
// zlib) can compress those files to other bytes, while the tag records the sha256 of the bytes
// first stored and pull checks it: the GitHub store replaced the release's archive with the
// rebuilt one, and every later pull failed ("the artifact was altered"). Here the "other zlib"
// appends an empty gzip member: the same files, other bytes.
const otherZlib = vi.hoisted(() => ({ on: false }));
vi.mock('../../../src/registry/tar.ts', async (importOriginal) => {
  const tar = await importOriginal<typeof TarModule>();
  return {
    ...tar,
    writeTarGz: async (dir: string, files: string[], out: string) => {
      await tar.writeTarGz(dir, files, out);
      if (otherZlib.on) await appendFile(out, gzipSync(Buffer.alloc(0)));
    },
  };
});

let box: Sandbox;
let emu: GitHubEmulator;
let repo: string;
useGitHubSandbox((b, r, e) => { box = b; repo = r; emu = e; });
afterEach(() => { otherZlib.on = false; });

describe('registry register re-run whose archive compresses to other bytes', () => {
  it('keeps the release archive the tag names, so pull still verifies it', async () => {
    const model = await writeModel(join(box.root, 'model'), 1);
    const registry = githubRegistry(repo, emu.url);
    const request = { name: 'weather', modelDir: model, idempotent: true };
    expect(await registry().register(request)).toMatchObject({ operation: 'created', version: 'v0.1.0' });
    const archive = () => emu.state.releases[0]!.assets.find((a) => a.name === 'model.tar.gz')!.data;
    const stored = createHash('sha256').update(archive()).digest('hex');

    otherZlib.on = true;
    expect(await registry().register(request)).toMatchObject({ operation: 'unchanged', version: 'v0.1.0' });
    expect(createHash('sha256').update(archive()).digest('hex')).toBe(stored);
    otherZlib.on = false;
    await registry().pull('weather@v0.1.0', join(box.root, 'pulled'));
  });
});
