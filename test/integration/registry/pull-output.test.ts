import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mlops, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

describe('registry pull -o', () => {
  it('a path that is a file, or lies under one, is exit 2 naming it; the file is left as it was', async () => {
    await mlops(repo, ['registry', 'register', 'weather', '--model', await writeModel(join(box.root, 'm1'), 1)]);
    const file = join(box.root, 'notes.txt');
    await writeFile(file, 'keep me\n');

    const onFile = await mlops(repo, ['registry', 'pull', 'weather@latest', '-o', file]);
    expect(onFile.code).toBe(2);
    expect(onFile.err).not.toMatch(/internal error/);
    expect(onFile.err).toContain(`${file}: the output path is a file, not a directory`);

    const under = await mlops(repo, ['registry', 'pull', 'weather@latest', '-o', join(file, 'model'), '--json']);
    expect(under.code).toBe(2);
    expect(under.err).not.toMatch(/internal error/);
    expect(under.err).toContain('cannot create the output directory: a part of its path is a file');
    expect(under.json()).toMatchObject({ error: { file: join(file, 'model') } });
    expect(await readFile(file, 'utf8')).toBe('keep me\n');
  });
});
