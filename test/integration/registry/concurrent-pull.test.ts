import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRegistry, LocalArtifactStore, type ArtifactStore } from '../../../src/registry/index.ts';
import { GIT_ENV, mlops, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

// Two runs resolving the same baseline at once (two evaluate jobs on one self-hosted runner share
// `.mlops/cache`) both found the cache empty and pulled; the second to finish deleted the copy
// the first had just put in place, while the first was reading it, and put its own there.
describe('a pull whose destination another pull filled meanwhile', () => {
  it("keeps the other run's verified copy rather than deleting it from under that run", async () => {
    expect((await mlops(repo, ['registry', 'register', 'weather', '--model', await writeModel(join(box.root, 'm'), 1), '--version', 'v1.0.0'])).code).toBe(0);
    const out = join(box.root, 'cache', 'weather', 'v1.0.0');
    const local = new LocalArtifactStore(join(repo, '.mlops', 'artifacts'));
    const first = new GitRegistry({ cwd: repo, env: GIT_ENV, store: local });
    let firstCopy: number | null = null;
    // The second run's store: while it fetches, the first run finishes its own pull into `out`.
    const racing: ArtifactStore = {
      kind: local.kind, location: local.location, describe: (a) => local.describe(a), put: (r) => local.put(r),
      async fetch(request) {
        const { version } = await first.resolve('weather@v1.0.0');
        await first.pullVersion('weather', version, out);
        firstCopy = (await stat(join(out, 'model.json'))).ino;
        return local.fetch(request);
      },
    };
    const second = new GitRegistry({ cwd: repo, env: GIT_ENV, store: racing });
    const { version } = await second.resolve('weather@v1.0.0');
    const pulled = await second.pullVersion('weather', version, out);
    expect(pulled.dir).toBe(out);
    expect(firstCopy).not.toBeNull();
    expect((await stat(join(out, 'model.json'))).ino).toBe(firstCopy);
    // No leftover working directory beside it.
    expect((await readdir(join(box.root, 'cache', 'weather'))).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
