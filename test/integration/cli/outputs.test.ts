import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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

describe("'-' as an output: stdout, never a file named '-'", () => {
  it('profile -o - and profile merge -o - print the profile on stdout, as without -o', async () => {
    const cwd = await workdir();
    const plain = await mlops(cwd, ['profile', 'd.csv']);
    const dash = await mlops(cwd, ['profile', 'd.csv', '-o', '-']);
    expect(dash.code).toBe(0);
    expect(dash.out).toBe(plain.out);
    expect(JSON.parse(dash.out).format).toBe('mlops-profile');
    expect(existsSync(join(cwd, '-'))).toBe(false);
    expect((await mlops(cwd, ['profile', 'd.csv', '-o', 'p.json'])).code).toBe(0);
    const merged = await mlops(cwd, ['profile', 'merge', 'p.json', '-o', '-']);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.out).rows).toBe(2);
    expect(existsSync(join(cwd, '-'))).toBe(false);
  });

  it('schema infer -o S.JSON writes JSON, as --schema S.JSON reads it (the extension in any case)', async () => {
    const cwd = await workdir();
    expect((await mlops(cwd, ['schema', 'infer', 'd.csv', '-o', 'S.JSON'])).code).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'S.JSON'), 'utf8')).fields).toHaveLength(2);
    // The schema reader takes S.JSON for JSON: the file just written validates its data.
    expect((await mlops(cwd, ['validate', 'd.csv', '--schema', 'S.JSON'])).code).toBe(0);
  });

  it('schema infer -o - prints the YAML; ./- still names a file', async () => {
    const cwd = await workdir();
    const plain = await mlops(cwd, ['schema', 'infer', 'd.csv']);
    const dash = await mlops(cwd, ['schema', 'infer', 'd.csv', '--output=-']);
    expect(dash.code).toBe(0);
    expect(dash.out).toBe(plain.out);
    expect(existsSync(join(cwd, '-'))).toBe(false);
    expect((await mlops(cwd, ['schema', 'infer', 'd.csv', '-o', './-'])).code).toBe(0);
    expect(await readFile(join(cwd, '-'), 'utf8')).toBe(plain.out);
  });

  it.each([
    ['validate --report -', ['validate', 'd.csv', '--schema', 's.yaml', '--report', '-'], 'mlops validate: --report takes a file'],
    ['drift --report -', ['drift', '--reference', 'd.csv', '--current', 'd.csv', '--report', '-'], 'mlops drift: --report takes a file'],
    ['drift --markdown -', ['drift', '--reference', 'd.csv', '--current', 'd.csv', '--markdown', '-'], 'mlops drift: --markdown takes a file'],
  ])('%s: exit 2 before any work, nothing written', async (_label, args, start) => {
    const cwd = await workdir();
    const before = await tree(cwd);
    const { code, out, err } = await mlops(cwd, args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.startsWith(start), err).toBe(true);
    expect(await tree(cwd)).toEqual(before);
  });
});

describe('an output that is an input: exit 2 before any work, the input intact', () => {
  it.each([
    ['schema infer -o <the data>', ['schema', 'infer', 'd.csv', '-o', 'd.csv'], 'mlops schema: d.csv (--output): is an input of this command'],
    ['schema infer -o ./<the data>', ['schema', 'infer', 'd.csv', '-o', './d.csv'], 'mlops schema: ./d.csv (--output): is the input d.csv of this command'],
    ['profile -o <the data>', ['profile', 'd.csv', '-o', 'd.csv'], 'mlops profile: d.csv (--output): is an input of this command'],
    ['profile <a link to the data> -o <the data>', ['profile', 'link.csv', '-o', 'd.csv'], 'mlops profile: d.csv (--output): is the input link.csv of this command'],
    ['profile <glob> -o <one of its files>', ['profile', '*.csv', '-o', 'd.csv'], 'mlops profile: d.csv (--output): is an input of this command'],
    ['validate --report <the data>', ['validate', 'd.csv', '--schema', 's.yaml', '--report', 'd.csv'], 'mlops validate: d.csv (--report): is an input'],
    ['validate --report <the schema>', ['validate', 'd.csv', '--schema', 's.yaml', '--report', 's.yaml'], 'mlops validate: s.yaml (--report): is an input'],
    ['drift --report <the current data>', ['drift', '--reference', 'd.csv', '--current', 'd.csv', '--report', 'd.csv'], 'mlops drift: d.csv (--report): is an input'],
    ['drift --markdown <the --report file>', ['drift', '--reference', 'd.csv', '--current', 'd.csv', '--report', 'r.json', '--markdown', './r.json'], 'mlops drift: ./r.json (--markdown): --report names this file too'],
  ])('%s', async (_label, args, start) => {
    const cwd = await workdir();
    await symlink('d.csv', join(cwd, 'link.csv'));
    const before = await tree(cwd);
    const { code, err } = await mlops(cwd, args);
    expect(code).toBe(2);
    expect(err.startsWith(start), err).toBe(true);
    expect(await tree(cwd)).toEqual(before);
    expect(await readFile(join(cwd, 'd.csv'), 'utf8')).toBe(DATA);
    expect(await readFile(join(cwd, 's.yaml'), 'utf8')).toBe(SCHEMA);
  });

  it('profile merge may write over one of the profiles it merges (a running profile), as every input is read first', async () => {
    const cwd = await workdir();
    await writeFile(join(cwd, 'e.csv'), 'a,b\n3,z\n');
    expect((await mlops(cwd, ['profile', 'd.csv', '-o', 'all.json'])).code).toBe(0);
    expect((await mlops(cwd, ['profile', 'e.csv', '-o', 'new.json'])).code).toBe(0);
    const merged = await mlops(cwd, ['profile', 'merge', 'all.json', 'new.json', '-o', 'all.json']);
    expect(merged.code, merged.err).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'all.json'), 'utf8')).rows).toBe(3);
  });
});
