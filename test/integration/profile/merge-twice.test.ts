import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

// Shard profiles and their merge often sit in one folder: a glob that takes them all, or a shard
// named twice, must not count the same rows twice.
const dir = mkdtempSync(join(tmpdir(), 'mlops-profile-twice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo({ cwd: dir });
  return { code: await runCli(argv, io), io };
}

beforeAll(async () => {
  for (const [name, offset] of [['a', 0], ['b', 200]] as const) {
    const lines = ['x,kind'];
    for (let i = 0; i < 200; i++) lines.push(`${(offset + i) % 37},${i % 2 ? 'odd' : 'even'}`);
    writeFileSync(join(dir, `${name}.csv`), `${lines.join('\n')}\n`);
    expect((await cli('profile', `${name}.csv`, '-o', `p-${name}.json`)).code).toBe(0);
  }
  expect((await cli('profile', 'merge', 'p-a.json', 'p-b.json', '-o', 'p-all.json')).code).toBe(0);
});

describe('the same shard merged twice', () => {
  it('mlops profile merge refuses a merge with one of its own shards, and a shard named twice (exit 2, nothing written)', async () => {
    for (const inputs of [['p-all.json', 'p-a.json'], ['p-b.json', 'p-b.json']]) {
      const { code, io } = await cli('profile', 'merge', ...inputs, '-o', 'twice.json');
      expect(code).toBe(2);
      expect(io.err).toContain(`${inputs[0]} and ${inputs[1]} both hold`);
      expect(io.err).toContain('count those rows twice');
      expect(existsSync(join(dir, 'twice.json'))).toBe(false);
    }
  });

  it('mlops drift --current with a glob over shards and their merge exits 2 naming both files; the shards alone are compared', async () => {
    const both = await cli('drift', '--reference', 'p-all.json', '--current', 'p-*.json', '--json');
    expect(both.code).toBe(2);
    expect(JSON.parse(both.io.out).error.message).toMatch(/p-a\.json and .*p-all\.json both hold a\.csv \(200 rows\)/);
    const shards = await cli('drift', '--reference', 'p-all.json', '--current', 'p-[ab].json', '--json');
    expect(shards.code, shards.io.err).toBe(0);
    expect(JSON.parse(shards.io.out).current.rows).toBe(400);
  });
});
