import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configAbove } from '../../../src/cli/config.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

// A project whose mlops.yaml sits at the root of the work tree, and a user who runs commands from
// one of its subdirectories (data/), where the default config is not.
let repo: string;
beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'mlops-config-above-'));
  await mkdir(join(repo, '.git'));
  await mkdir(join(repo, 'data', 'raw'), { recursive: true });
  await writeFile(join(repo, 'mlops.yaml'), 'name: weather\n');
});
afterAll(async () => { await rm(repo, { recursive: true, force: true }); });

async function mlops(cwd: string, args: string[]) {
  const io = memoryIo({ cwd, env: {} });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe('a command run below the directory of mlops.yaml', () => {
  it('train: exit 2 naming the missing file and where the config is', async () => {
    const r = await mlops(join(repo, 'data', 'raw'), ['train', '--json']);
    expect(r.code).toBe(2);
    // The default config is named as docs/config.md shows it, relative to the working directory.
    const message = `mlops.yaml: config file not found; ../../mlops.yaml is the nearest: run from ${repo}, or pass --config ../../mlops.yaml`;
    expect(r.err).toBe(`mlops train: ${message}\n`);
    expect(JSON.parse(r.out).error).toMatchObject({ message, file: 'mlops.yaml' });
  });

  it('evaluate: says that it runs on built-in defaults, with no gates, and where the config is', async () => {
    const r = await mlops(join(repo, 'data'), ['evaluate', '--candidate', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`mlops evaluate: no mlops.yaml in ${join(repo, 'data')}: built-in defaults (no gates, data.test unset); ../mlops.yaml is the nearest: run from ${repo}, or pass --config ../mlops.yaml`);
  });

  it('drift: a missing --reference or --current says where the config is', async () => {
    const r = await mlops(join(repo, 'data'), ['drift', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`mlops drift: missing --reference (no mlops.yaml with drift.reference or a model name found; ../mlops.yaml is the nearest: run from ${repo}, or pass --config ../mlops.yaml)\n`);
    expect(JSON.parse(r.out).error.command).toBe('drift');
    const current = await mlops(join(repo, 'data'), ['drift', '--reference', 'x.csv']);
    expect(current.err).toBe(`mlops drift: missing --current (and no drift.current in mlops.yaml; ../mlops.yaml is the nearest: run from ${repo}, or pass --config ../mlops.yaml)\n`);
    // With the config given, nothing is said about one above.
    const given = await mlops(join(repo, 'data'), ['drift', '--config', '../mlops.yaml', '--reference', 'x.csv']);
    expect(given.err).toBe('mlops drift: missing --current (and no drift.current in mlops.yaml)\n');
  });

  it('looks no higher than the work tree, and not at all from the directory of the config', async () => {
    expect(configAbove(join(repo, 'data', 'raw'))).toBe(join(repo, 'mlops.yaml'));
    expect(configAbove(repo)).toBeNull();
    const nested = await mkdtemp(join(repo, 'data', 'clone-'));
    await mkdir(join(nested, '.git'));
    await mkdir(join(nested, 'src'));
    expect(configAbove(join(nested, 'src'))).toBeNull();
    // Without a config above, the message is as before.
    const r = await mlops(join(nested, 'src'), ['train']);
    expect(r.err).toBe('mlops train: mlops.yaml: config file not found\n');
  });
});
