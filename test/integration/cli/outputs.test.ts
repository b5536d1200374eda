import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const DATA = 'a,b\n1,x\n2,y\n';
const SCHEMA = 'fields:\n  - { name: a, type: integer }\n  - { name: b, type: string }\n';

let root: string;
let n = 0;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'mlops-outputs-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

/** A fresh directory holding d.csv, s.yaml and adir/ (a directory with one file in it). */
async function workdir(): Promise<string> {
  const cwd = join(root, `w${n++}`);
  await mkdir(join(cwd, 'adir'), { recursive: true });
  await writeFile(join(cwd, 'adir', 'keep.json'), '{"kept":true}\n');
  await writeFile(join(cwd, 'd.csv'), DATA);
  await writeFile(join(cwd, 's.yaml'), SCHEMA);
  return cwd;
}

async function mlops(cwd: string, args: string[]) {
  const io = memoryIo({ cwd, env: {} });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe('an output path that cannot be written: exit 2, one line naming it, nothing half-written', () => {
  it.each([
    ['validate --report <a directory>', ['validate', 'd.csv', '--schema', 's.yaml', '--report', 'adir'], 'mlops validate: adir: cannot write the report: is a directory'],
    ['validate --report <under a file>', ['validate', 'd.csv', '--schema', 's.yaml', '--report', 'd.csv/r.json'], 'mlops validate: d.csv/r.json: cannot write the report: d.csv is not a directory'],
    ['validate --report <deeper under a file>', ['validate', 'd.csv', '--schema', 's.yaml', '--report', 'd.csv/sub/r.json'], 'mlops validate: d.csv/sub/r.json: cannot write the report: d.csv is not a directory'],
    ['schema infer -o <a directory>', ['schema', 'infer', 'd.csv', '-o', 'adir'], 'mlops schema: adir: cannot write the schema: is a directory'],
    ['profile -o <a directory>', ['profile', 'd.csv', '-o', 'adir'], 'mlops profile: adir: cannot write the profile: is a directory'],
    ['profile -o <under a file>', ['profile', 'd.csv', '-o', 'd.csv/p.json'], 'mlops profile: d.csv/p.json: cannot write the profile: d.csv is not a directory'],
    ['drift --report <a directory>', ['drift', '--reference', 'd.csv', '--current', 'd.csv', '--report', 'adir'], 'mlops drift: adir: cannot write the report: is a directory'],
    ['drift --markdown <under a file>', ['drift', '--reference', 'd.csv', '--current', 'd.csv', '--markdown', 'd.csv/r.md'], 'mlops drift: d.csv/r.md: cannot write the report: d.csv is not a directory'],
  ])('%s', async (_label, args, message) => {
    const cwd = await workdir();
    const before = await tree(cwd);
    const { code, err } = await mlops(cwd, args);
    expect(code).toBe(2);
    // The last line of stderr is the error, and the only one that is not the command's report.
    const lines = err.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(message);
    expect(err).not.toMatch(/internal error|\n\s+at |Error:/);
    // Nothing written, no temporary file left, the files in the way unchanged.
    expect(await tree(cwd)).toEqual(before);
    expect(await readFile(join(cwd, 'd.csv'), 'utf8')).toBe(DATA);
    expect(await readFile(join(cwd, 'adir', 'keep.json'), 'utf8')).toBe('{"kept":true}\n');
  });

  // Linux: /proc takes no new files, even from root (permission cases cannot be tested as root).
  it.runIf(existsSync('/proc/self'))('an absolute path in a directory that takes no new files (/proc)', async () => {
    const cwd = await workdir();
    const { code, err } = await mlops(cwd, ['profile', 'd.csv', '-o', '/proc/mlops-x.json']);
    expect(code).toBe(2);
    expect(err.trimEnd().split('\n').at(-1)).toBe('mlops profile: /proc/mlops-x.json: cannot write the profile: /proc does not accept new files');
  });
});
