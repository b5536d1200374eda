import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { readTable } from '../../../src/table/index.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-lfs-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

describe('a Git LFS pointer in place of the data', () => {
  it.each(['data.csv', 'data.parquet', 'data.jsonl', 'data.arrow'])('%s: exit 2 saying what it is and how to get the data', async (name) => {
    const path = join(dir, name);
    await writeFile(path, POINTER);
    const error = await readTable(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${path}:1: this is a Git LFS pointer, not the data: fetch the file (git lfs pull; in a workflow, actions/checkout with lfs: true)`);
  });

  it('a CSV whose first line merely starts like one is read as data', async () => {
    const path = join(dir, 'version.csv');
    await writeFile(path, 'version https://git-lfs.github.com/spec/v1,b\n1,2\n');
    const table = await readTable(path);
    expect(table.fieldNames).toEqual(['version https://git-lfs.github.com/spec/v1', 'b']);
  });
});
