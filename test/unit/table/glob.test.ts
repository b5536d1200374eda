import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { expandDataPaths } from '../../../src/table/index.ts';
import { expandBraces } from '../../../src/table/glob.ts';

let dir: string;
const FILES = ['data/a.csv', 'data/b.csv', 'data/c.jsonl', 'data/.hidden.csv', 'data/2024/jan.csv', 'data/2024/q1/feb.csv', 'data/x1.parquet', 'data/x2.parquet', 'data/x10.parquet', 'other/z.csv', 'top.csv'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glob-test-'));
  for (const f of FILES) {
    await mkdir(join(dir, f, '..'), { recursive: true });
    await writeFile(join(dir, f), 'x\n');
  }
  await mkdir(join(dir, 'data', 'dir.csv')); // a directory that matches *.csv is not a file
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('expandDataPaths', () => {
  it('expands *, ?, ** and {a,b}, sorted and relative to cwd', async () => {
    expect(await expandDataPaths('data/*.csv', dir)).toEqual(['data/a.csv', 'data/b.csv']);
    expect(await expandDataPaths('data/x?.parquet', dir)).toEqual(['data/x1.parquet', 'data/x2.parquet']);
    expect(await expandDataPaths('data/**/*.csv', dir)).toEqual(['data/2024/jan.csv', 'data/2024/q1/feb.csv', 'data/a.csv', 'data/b.csv']);
    expect(await expandDataPaths('**/*.csv', dir)).toEqual(['data/2024/jan.csv', 'data/2024/q1/feb.csv', 'data/a.csv', 'data/b.csv', 'other/z.csv', 'top.csv']);
    expect(await expandDataPaths('data/*.{csv,jsonl}', dir)).toEqual(['data/a.csv', 'data/b.csv', 'data/c.jsonl']);
    expect(await expandDataPaths('{data,other}/[a-z].csv', dir)).toEqual(['data/a.csv', 'data/b.csv', 'other/z.csv']);
    expect(await expandDataPaths('data/.*.csv', dir)).toEqual(['data/.hidden.csv']);
  });

  it('accepts plain paths and lists, de-duplicates, keeps absolute paths absolute', async () => {
    expect(await expandDataPaths(['top.csv', './data/a.csv', 'data/*.csv'], dir)).toEqual(['data/a.csv', 'data/b.csv', 'top.csv']);
    expect(await expandDataPaths(join(dir, 'data', '*.jsonl'), '/')).toEqual([join(dir, 'data', 'c.jsonl')]);
    expect(await expandDataPaths(join(dir, 'top.csv'))).toEqual([join(dir, 'top.csv')]);
  });

  it('is deterministic across calls', async () => {
    const a = await expandDataPaths(['**/*', 'data/*'], dir);
    expect(await expandDataPaths(['data/*', '**/*'], dir)).toEqual(a);
    expect(a).toEqual([...a].sort());
  });

  it('no match, a missing file or an empty list is an InputError naming the pattern', async () => {
    await expect(expandDataPaths('data/*.xlsx', dir)).rejects.toThrow(/data\/\*\.xlsx: no file matches this pattern/);
    await expect(expandDataPaths(['top.csv', 'missing.csv'], dir)).rejects.toThrow(/missing\.csv: data file not found/);
    await expect(expandDataPaths([], dir)).rejects.toBeInstanceOf(InputError);
    await expect(expandDataPaths('data/dir.csv', dir)).rejects.toBeInstanceOf(InputError);
  });

  it('expands nested braces', () => {
    expect(expandBraces('a{b,c{d,e}}f')).toEqual(['abf', 'acdf', 'acef']);
    expect(expandBraces('{x}')).toEqual(['{x}']);
  });
});
