import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mlops, useSandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

describe('registry register --store-dir', () => {
  it('a store directory the file system refuses (here a file) is exit 2 naming it, before any tag is written', async () => {
    const model = await writeModel(join(box.root, 'm1'), 1);
    const file = join(box.root, 'store.txt');
    await writeFile(file, 'not a directory\n');
    const run = await mlops(repo, ['registry', 'register', 'weather', '--model', model, '--store-dir', file, '--json']);
    expect(run.code).toBe(2);
    expect(run.err).not.toMatch(/internal error/);
    expect(run.err).toContain(`${file}: cannot write to the artifact store: it, or a part of its path, is a file`);
    expect(run.json()).toMatchObject({ error: { file } });
    expect(await tagNames(repo)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe('not a directory\n');
  });
});
