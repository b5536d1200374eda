import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlops-profile-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo({ cwd: dir });
  return { code: await runCli(argv, io), io };
}

describe('mlops profile merge: the terminal summary', () => {
  it('counts the profiles merged in words that agree with the number', async () => {
    writeFileSync(join(dir, 'a.csv'), 'x\n1\n2\n');
    writeFileSync(join(dir, 'b.csv'), 'x\n3\n');
    expect((await cli('profile', 'a.csv', '-o', 'a.json')).code).toBe(0);
    expect((await cli('profile', 'b.csv', '-o', 'b.json')).code).toBe(0);
    const one = await cli('profile', 'merge', 'a.json', '-o', 'one.json');
    expect(one.code).toBe(0);
    expect(one.io.err).toMatch(/^merged 1 profile: 2 rows, 1 column\n/);
    const two = await cli('profile', 'merge', 'a.json', 'b.json', '-o', 'two.json', '--json');
    expect(two.code).toBe(0);
    expect(two.io.err).toMatch(/^merged 2 profiles: 3 rows, 1 column\n/);
    expect(JSON.parse(two.io.out)).toMatchObject({ output: 'two.json', rows: 3, columns: [{ name: 'x', type: 'integer', count: 3, nulls: 0 }] });
  });
});
