import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { writeFileAtomic, writeJsonAtomic } from '../../../src/core/fs.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-fs-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function refusal(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('writeFileAtomic', () => {
  it('writes a named pipe in place: it stays a pipe (a rename put a regular file where /dev/null was)', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<void>((done, fail) => {
      createReadStream(fifo).on('data', (c) => chunks.push(c as Buffer)).on('end', () => done()).on('error', fail);
    });
    await writeJsonAtomic(fifo, { a: 1 });
    await read;
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{\n  "a": 1\n}\n');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 15_000);

  it('writes through a symbolic link: the file it points to is replaced, the link stays', async () => {
    await mkdir(join(dir, 'real'), { recursive: true });
    const target = join(dir, 'real', 'profile.json');
    await writeFile(target, 'old');
    const link = join(dir, 'link.json');
    await symlink(target, link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('writes, creating the parent directories, and replaces a previous file whole', async () => {
    const path = join(dir, 'new', 'deep', 'r.json');
    await writeJsonAtomic(path, { a: 1 });
    await writeFileAtomic(path, 'two\n');
    expect(await readFile(path, 'utf8')).toBe('two\n');
    expect(await readdir(join(dir, 'new', 'deep'))).toEqual(['r.json']);
  });

  it('a directory at the path: InputError naming it, the directory untouched, no temporary file left', async () => {
    const target = join(dir, 'adir');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'kept');
    const e = await refusal(writeJsonAtomic(target, { a: 1 }, { what: 'report' }));
    expect(e.message).toBe(`${target}: cannot write the report: is a directory`);
    expect(e.location.file).toBe(target);
    expect((e.cause as NodeJS.ErrnoException).code).toBe('EISDIR');
    expect(await readdir(target)).toEqual(['keep.txt']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file where a parent directory should be (EEXIST, ENOTDIR): names that file, leaves it as it was', async () => {
    const file = join(dir, 'd.csv');
    await writeFile(file, 'a,b\n1,2\n');
    const direct = await refusal(writeFileAtomic(join(file, 'r.json'), 'x'));
    expect(direct.message).toBe(`${join(file, 'r.json')}: cannot write the file: ${file} is not a directory`);
    // Named as the user gave it: the parent too, relative.
    const deeper = await refusal(writeFileAtomic(join(file, 'sub', 'r.json'), 'x', { what: 'profile', name: 'd.csv/sub/r.json' }));
    expect(deeper.message).toBe('d.csv/sub/r.json: cannot write the profile: d.csv is not a directory');
    expect(await readFile(file, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('other errors than the file system refusing are not turned into InputError', async () => {
    const error = await writeFileAtomic(join(dir, 'bad.json'), 42 as unknown as string).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(InputError);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
