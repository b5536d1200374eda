/**
 * Model files whose path does not fit ustar's fields (a file name over 100 bytes — long checkpoint
 * names of external trainers — or a path over 255 bytes) made `register` fail with "path too long
 * for a ustar archive (max 255 bytes)", even for a 101-byte name. They are now written with a pax
 * extended header, read back by our reader and by the system tar.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTarGz, writeTarGz } from '../../../src/registry/tar.ts';
import { listModelFiles } from '../../../src/registry/model-hash.ts';

const hasTar = (() => {
  try {
    execFileSync('tar', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const LONG = [
  `${'b'.repeat(99)}é.ckpt`, // one name of 106 bytes
  `ckpt/${'e'.repeat(60)}-${'ü'.repeat(30)}.bin`, // a component over 100 bytes in a directory
  `${'d'.repeat(150)}/${'f'.repeat(90)}/${'g'.repeat(40)}.json`, // over 255 bytes in all
];
const SHORT = ['model.json', `${'p'.repeat(80)}/${'q'.repeat(60)}/weights.bin`];

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-tar-long-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

async function tree(paths: string[]): Promise<string[]> {
  for (const p of paths) {
    await mkdir(dirname(join(dir, 'src', p)), { recursive: true });
    await writeFile(join(dir, 'src', p), `bytes of ${p}`);
  }
  return listModelFiles(join(dir, 'src'));
}

describe('tarball paths beyond ustar', () => {
  it('round-trips long names and paths exactly, byte-identical on a second write', async () => {
    const files = await tree([...SHORT, ...LONG]);
    await writeTarGz(join(dir, 'src'), files, join(dir, 'a.tar.gz'));
    await writeTarGz(join(dir, 'src'), files, join(dir, 'b.tar.gz'));
    expect(await readFile(join(dir, 'a.tar.gz'))).toEqual(await readFile(join(dir, 'b.tar.gz')));
    const entries = await readTarGz(join(dir, 'a.tar.gz'));
    expect(entries.map((e) => e.path)).toEqual(files);
    for (const e of entries) expect(e.data.toString('utf8')).toBe(`bytes of ${e.path}`);
  });

  it('keeps plain ustar headers for paths that fit them (no pax header)', async () => {
    const files = await tree(SHORT);
    await writeTarGz(join(dir, 'src'), files, join(dir, 'a.tar.gz'));
    const raw = gunzipSync(await readFile(join(dir, 'a.tar.gz')));
    expect(String.fromCharCode(raw[156]!)).toBe('0');
    expect(raw.includes(Buffer.from('PaxHeader'))).toBe(false);
  });

  it.skipIf(!hasTar)('is extracted by the system tar under the full paths', async () => {
    const files = await tree(LONG);
    await writeTarGz(join(dir, 'src'), files, join(dir, 'm.tar.gz'));
    await mkdir(join(dir, 'out'));
    execFileSync('tar', ['-xzf', join(dir, 'm.tar.gz'), '-C', join(dir, 'out')]);
    expect(await listModelFiles(join(dir, 'out'))).toEqual(files);
    for (const p of files) expect(await readFile(join(dir, 'out', ...p.split('/')), 'utf8')).toBe(`bytes of ${p}`);
  });
});
