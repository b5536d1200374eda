import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hashModelDir } from '../../../src/registry/model-hash.ts';
import { extractEntries, readTarGz, writeTarGz } from '../../../src/registry/tar.ts';
import { formatTagMessage, parseTagMessage, METADATA_SCHEMA, type TagMetadata } from '../../../src/registry/metadata.ts';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-artifacts-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, data] of Object.entries(files)) {
    await mkdir(join(root, ...path.split('/').slice(0, -1)), { recursive: true });
    await writeFile(join(root, ...path.split('/')), data);
  }
}

const hasTar = (() => { try { execFileSync('tar', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();

describe('model digest', () => {
  it('depends on names and contents only, not on creation order; a changed byte changes it', async () => {
    await writeTree(join(dir, 'a'), { 'model.json': '{}', 'w/1.bin': 'xyz', 'run.json': '[]' });
    await writeTree(join(dir, 'b'), { 'run.json': '[]', 'w/1.bin': 'xyz', 'model.json': '{}' });
    await writeTree(join(dir, 'c'), { 'run.json': '[]', 'w/1.bin': 'xyZ', 'model.json': '{}' });
    await writeTree(join(dir, 'd'), { 'run.json': '[]', 'w/2.bin': 'xyz', 'model.json': '{}' });
    const [a, b, c, d] = await Promise.all(['a', 'b', 'c', 'd'].map((x) => hashModelDir(join(dir, x))));
    expect(a.sha256).toBe(b.sha256);
    expect(c.sha256).not.toBe(a.sha256);
    expect(d.sha256).not.toBe(a.sha256);
    expect(a.files.map((f) => f.path)).toEqual(['model.json', 'run.json', 'w/1.bin']);
    expect(a.bytes).toBe(7);
  });

  it('refuses symlinks and empty directories', async () => {
    await writeTree(join(dir, 'm'), { 'model.json': '{}' });
    await symlink('/etc/hostname', join(dir, 'm', 'link'));
    await expect(hashModelDir(join(dir, 'm'))).rejects.toThrow(/only regular files/);
    await mkdir(join(dir, 'empty'));
    await expect(hashModelDir(join(dir, 'empty'))).rejects.toThrow(/empty/);
    await expect(hashModelDir(join(dir, 'missing'))).rejects.toThrow(/not found/);
  });
});

describe('ustar tarball', () => {
  it('round-trips arbitrary files (property), byte-identical archives for identical input', async () => {
    const file = fc.record({
      path: fc.stringMatching(/^[a-z0-9_-]{1,12}(\/[a-z0-9_.-]{1,12}){0,2}$/).filter((p) => !p.split('/').some((c) => c === '.' || c === '..')),
      data: fc.uint8Array({ maxLength: 1500 }),
    });
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.uniqueArray(file, { minLength: 1, maxLength: 5, selector: (f) => f.path }), async (files) => {
      // A path that is also a directory prefix of another cannot exist on a file system.
      if (files.some((f) => files.some((g) => g.path.startsWith(`${f.path}/`)))) return;
      const root = join(dir, `p${run++}`);
      await writeTree(join(root, 'src'), Object.fromEntries(files.map((f) => [f.path, Buffer.from(f.data)])));
      const paths = files.map((f) => f.path).sort();
      await writeTarGz(join(root, 'src'), paths, join(root, 'a.tar.gz'));
      await writeTarGz(join(root, 'src'), paths, join(root, 'b.tar.gz'));
      expect(await readFile(join(root, 'a.tar.gz'))).toEqual(await readFile(join(root, 'b.tar.gz')));
      const entries = await readTarGz(join(root, 'a.tar.gz'));
      expect(entries.map((e) => e.path)).toEqual(paths);
      for (const e of entries) expect(Buffer.compare(e.data, Buffer.from(files.find((f) => f.path === e.path)!.data))).toBe(0);
    }), { numRuns: 25 });
  });

  it.skipIf(!hasTar)('is readable by the system tar, long paths included', async () => {
    const long = `${'d'.repeat(80)}/${'e'.repeat(60)}/weights.bin`;
    await writeTree(join(dir, 'src'), { 'model.json': '{"a":1}', [long]: 'bytes' });
    await writeTarGz(join(dir, 'src'), ['model.json', long], join(dir, 'm.tar.gz'));
    await mkdir(join(dir, 'out'));
    execFileSync('tar', ['-xzf', join(dir, 'm.tar.gz'), '-C', join(dir, 'out')]);
    expect(await readFile(join(dir, 'out', ...long.split('/')), 'utf8')).toBe('bytes');
    const listed = execFileSync('tar', ['-tvzf', join(dir, 'm.tar.gz')]).toString();
    expect(listed).toMatch(/1970-01-01|Jan +1 +1970/);
  });

  it('refuses unsafe paths and links in archives it reads', async () => {
    const header = (name: string, type: string, size: number) => {
      const h = Buffer.alloc(512);
      h.write(name, 0);
      h.write('0000644\0', 100); h.write('0000000\0', 108); h.write('0000000\0', 116);
      h.write(`${size.toString(8).padStart(11, '0')}\0`, 124); h.write('00000000000\0', 136);
      h.fill(0x20, 148, 156); h.write(type, 156); h.write('ustar\0', 257); h.write('00', 263);
      let sum = 0; for (const b of h) sum += b;
      h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
      return h;
    };
    for (const [name, type, pattern] of [['../evil', '0', /unsafe path/], ['/etc/passwd', '0', /unsafe path/], ['link', '2', /unsupported entry type/]] as const) {
      const body = Buffer.concat([header(name, type, 4), Buffer.from('evil'), Buffer.alloc(508), Buffer.alloc(1024)]);
      await writeFile(join(dir, 'bad.tar.gz'), gzipSync(body));
      await expect(readTarGz(join(dir, 'bad.tar.gz'))).rejects.toThrow(pattern);
    }
    await writeFile(join(dir, 'junk.tar.gz'), 'not gzip');
    await expect(readTarGz(join(dir, 'junk.tar.gz'))).rejects.toThrow(/not a gzip archive/);
    const tampered = Buffer.concat([header('ok', '0', 2), Buffer.from('ok'), Buffer.alloc(510), Buffer.alloc(1024)]);
    tampered[0] = 'x'.charCodeAt(0);
    await writeFile(join(dir, 'sum.tar.gz'), gzipSync(tampered));
    await expect(readTarGz(join(dir, 'sum.tar.gz'))).rejects.toThrow(/corrupt tar header/);
    await extractEntries([{ path: 'a/b.txt', data: Buffer.from('x') }], join(dir, 'x'));
    expect(await readFile(join(dir, 'x', 'a', 'b.txt'), 'utf8')).toBe('x');
  });
});

describe('tag message', () => {
  const meta: TagMetadata = {
    schema: METADATA_SCHEMA, event: 'registration', name: 'weather', version: 'v1.0.0', commit: 'a'.repeat(40),
    createdBy: 'octocat', createdAt: '2026-01-02T03:04:05.678Z', metrics: { accuracy: 0.9 }, params: { note: '```not a fence```\n# heading' }, parentVersion: null,
  };

  it('round-trips the metadata and keeps one human line', () => {
    const message = formatTagMessage('Register model\nweather v1.0.0', meta);
    expect(message.split('\n')[0]).toBe('Register model weather v1.0.0');
    expect(parseTagMessage(message)).toEqual(meta);
  });

  it('ignores messages without our block, and JSON blocks of other tools', () => {
    expect(parseTagMessage('Registering artifact churn version v3.0.0')).toBeNull();
    expect(parseTagMessage('notes\n\n```json\n{"schema":"other"}\n```\n')).toBeNull();
    expect(parseTagMessage('notes\n\n```json\n{broken\n```\n')).toBeNull();
  });
});
