import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlopsInvocation, shellWord } from '../../../src/cli/io.ts';

// The next steps init and demo print must run as printed: the README installs mlops as a dev
// dependency (node_modules/.bin, not PATH) and runs it with npx, and `npm run demo` runs the bundle.
let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'mlops-invocation-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('mlopsInvocation', () => {
  it('says npx mlops under npx, mlops when on PATH, node <bundle> otherwise', async () => {
    const bin = join(root, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'mlops'), '#!/bin/sh\n');
    await chmod(join(bin, 'mlops'), 0o755);
    const bundle = '/opt/mlops actions/dist/mlops.mjs';
    // npx puts node_modules/.bin on PATH while it runs, yet the user's shell has no mlops.
    expect(mlopsInvocation({ npm_lifecycle_event: 'npx', PATH: bin }, bundle)).toBe('npx mlops');
    expect(mlopsInvocation({ PATH: `/nowhere:${bin}` }, bundle)).toBe('mlops');
    expect(mlopsInvocation({ npm_lifecycle_event: 'demo', PATH: '/nowhere' }, bundle)).toBe("node '/opt/mlops actions/dist/mlops.mjs'");
    expect(mlopsInvocation({ PATH: '/nowhere' }, '/repo/dist/mlops.mjs')).toBe('node /repo/dist/mlops.mjs');
    // Run from the sources (tsx, a test runner): nothing better to say than mlops.
    expect(mlopsInvocation({ PATH: '/nowhere' }, '/repo/node_modules/vitest/vitest.mjs')).toBe('mlops');
  });

  it('shellWord quotes what the shell would split or expand', () => {
    expect(shellWord('data/train.csv')).toBe('data/train.csv');
    expect(shellWord("my data/it's #1.csv")).toBe("'my data/it'\\''s #1.csv'");
    expect(shellWord('data/part-*.csv')).toBe("'data/part-*.csv'");
  });
});
