import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { hashFile } from '../../../src/table/index.ts';
import { isTextBlock } from '../../../src/table/hash.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/table/', import.meta.url));
/** Written by test/fixtures/table/make_hashes.py (python hashlib, DVC's istextblock + dos2unix rule). */
const reference = JSON.parse(await readFile(join(fixtures, 'hashes.json'), 'utf8')) as Record<string, { sha256: string; md5: string; md5Raw: string; bytes: number; text: boolean }>;

const hex = (algo: string, data: Uint8Array): string => createHash(algo).update(data).digest('hex');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hash-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashFile', () => {
  it('matches the python hashlib reference values for every fixture', async () => {
    const names = await readdir(join(fixtures, 'hash'));
    expect(names.sort()).toEqual(Object.keys(reference).sort());
    for (const name of names) {
      expect(await hashFile(join(fixtures, 'hash', name))).toEqual(reference[name]);
    }
  });

  it('sha256 and raw md5 equal node:crypto over the raw bytes; DVC md5 normalises CRLF only for text', async () => {
    const crlf = join(fixtures, 'hash', 'text-crlf.csv');
    const raw = await readFile(crlf);
    const h = await hashFile(crlf);
    expect(h.sha256).toBe(hex('sha256', raw));
    expect(h.md5Raw).toBe(hex('md5', raw));
    expect(h.md5).toBe(hex('md5', Buffer.from(raw.toString('latin1').replaceAll('\r\n', '\n'), 'latin1')));
    expect(h.md5).not.toBe(h.md5Raw);
    // The same table with LF endings has the same DVC md5 (that is what the normalisation is for).
    expect((await hashFile(join(fixtures, 'hash', 'text-lf.csv'))).md5).toBe(h.md5);
    const bin = await hashFile(join(fixtures, 'hash', 'binary.bin'));
    expect(bin.text).toBe(false);
    expect(bin.md5).toBe(bin.md5Raw);
  });

  it('normalises a CRLF that straddles two 1 MiB reads, and a lone CR', async () => {
    const size = (1 << 20) + 100;
    const data = Buffer.alloc(size, 0x61);
    data[(1 << 20) - 1] = 0x0d;
    data[1 << 20] = 0x0a;
    data[500] = 0x0d; // lone CR stays
    data[size - 1] = 0x0d; // CR at the very end stays
    const path = join(dir, 'big.txt');
    await writeFile(path, data);
    const h = await hashFile(path);
    expect(h.bytes).toBe(size);
    expect(h.md5).toBe(hex('md5', Buffer.from(data.toString('latin1').replaceAll('\r\n', '\n'), 'latin1')));
    expect(h.sha256).toBe(hex('sha256', data));
  });

  it("classifies blocks with DVC's rule", () => {
    expect(isTextBlock(new Uint8Array(0))).toBe(true);
    expect(isTextBlock(Buffer.from('plain text\r\n'))).toBe(true);
    expect(isTextBlock(Buffer.from('a\u0000b'))).toBe(false);
    // 3 non-text bytes of 10 = 30%: still text; 4 of 10: binary.
    expect(isTextBlock(Buffer.from([0x80, 0x81, 0x82, 97, 97, 97, 97, 97, 97, 97]))).toBe(true);
    expect(isTextBlock(Buffer.from([0x80, 0x81, 0x82, 0x83, 97, 97, 97, 97, 97, 97]))).toBe(false);
  });

  it('an empty file is text; a missing file is an InputError', async () => {
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    expect(await hashFile(empty)).toMatchObject({ bytes: 0, text: true, md5: hex('md5', new Uint8Array(0)) });
    await expect(hashFile(join(dir, 'nope.csv'))).rejects.toBeInstanceOf(InputError);
  });
});
