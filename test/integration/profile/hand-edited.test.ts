import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { mulberry32 } from '../../../src/core/random.ts';

// Stored profiles are files users keep, copy and sometimes edit: one whose counts contradict each
// other must be refused where it is read (exit 2, the file and the key), not compared.
const dir = mkdtempSync(join(tmpdir(), 'mlops-profile-edited-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Column { name: string; count: number; numeric: { count: number; min: number; m2: number } | null; topK: { items: Array<{ count: number; error: number }> }; sample: { seen: number; values: unknown[] } }
let stored: { rows: number; columns: Column[] };

beforeAll(async () => {
  const r = mulberry32(3);
  const lines = ['temp,city'];
  for (let i = 0; i < 3000; i++) lines.push(`${(10 + 5 * r()).toFixed(2)},c${Math.floor(r() * 300)}`);
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
  const io = memoryIo({ cwd: dir });
  expect(await runCli(['profile', 'data.csv', '-o', 'profile.json'], io), io.err).toBe(0);
  stored = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8'));
});

const column = (p: typeof stored, name: string) => p.columns.find((c) => c.name === name)!;

const edits: Array<[string, (p: typeof stored) => void, string]> = [
  ['a top value whose error bound exceeds its count', (p) => { column(p, 'city').topK.items[0]!.error = 10 ** 6; }, 'columns[1].topK.items[0].error'],
  ['a top value counted more often than there are cells', (p) => { column(p, 'city').topK.items[0]!.count = 10 ** 6; }, 'columns[1].topK.items[0].count'],
  ['more numbers than cells', (p) => { column(p, 'temp').numeric!.count = 10 ** 6; }, 'columns[0].numeric.count'],
  ['a numeric count the sketch does not hold', (p) => { column(p, 'temp').numeric!.count = 10; }, 'columns[0].numeric.sketch.n'],
  ['min above max', (p) => { column(p, 'temp').numeric!.min = 1000; }, 'columns[0].numeric.min'],
  ['a negative sum of squares', (p) => { column(p, 'temp').numeric!.m2 = -1; }, 'columns[0].numeric.m2'],
  ['a column of other rows than the profile', (p) => { p.rows = 10; }, 'columns[0].count'],
  ['a sample that saw fewer cells than it holds', (p) => { column(p, 'temp').sample.seen = 3; }, 'columns[0].sample.seen'],
  ['a sample cut short', (p) => { column(p, 'temp').sample.values = column(p, 'temp').sample.values.slice(0, 10); }, 'columns[0].sample.values'],
];

describe('a hand-edited stored profile', () => {
  it.each(edits)('%s: mlops drift exits 2 naming the file and the key', async (_what, edit, key) => {
    const edited = structuredClone(stored);
    edit(edited);
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const io = memoryIo({ cwd: dir });
    expect(await runCli(['drift', '--reference', 'edited.json', '--current', 'profile.json', '--json'], io)).toBe(2);
    const error = JSON.parse(io.out).error;
    expect(error.message).toContain('edited.json');
    expect(error.message).toContain(`(${key}): invalid profile`);
  });

  it('the unedited profile is read and compared', async () => {
    const io = memoryIo({ cwd: dir });
    expect(await runCli(['drift', '--reference', 'profile.json', '--current', 'profile.json', '--json'], io), io.err).toBe(0);
    expect(JSON.parse(io.out).drifted).toBe(false);
  });
});
