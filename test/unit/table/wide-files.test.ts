/**
 * CSV files of thousands of columns (one-hot exports, genomics, sensor grids): a batch's arrays
 * are allocated up front for its rows, so the rows per batch shrink with the width and memory
 * stays near MAX_BATCH_CELLS cells, whatever the number of columns.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CELLS, batchRowsFor } from '../../../src/table/csv.ts';
import { columnNumbers, openTable } from '../../../src/table/index.ts';
import type { RecordBatch } from '../../../src/table/index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wide-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A CSV of `columns` numeric columns and `rows` rows; cell (r, c) holds r * 10 + c % 10. */
async function wideCsv(name: string, columns: number, rows: number): Promise<string> {
  const header = Array.from({ length: columns }, (_, c) => `c${c}`).join(',');
  const lines = [header];
  for (let r = 0; r < rows; r++) lines.push(Array.from({ length: columns }, (_, c) => r * 10 + (c % 10)).join(','));
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

async function batchesOf(path: string, options: Parameters<typeof openTable>[1]): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for await (const batch of (await openTable(path, options)).batches()) out.push(batch);
  return out;
}

describe('wide CSV files', () => {
  it('batchRowsFor keeps the requested rows up to 256 columns and bounds the cells beyond', () => {
    expect(batchRowsFor(16_384, 20)).toBe(16_384);
    expect(batchRowsFor(16_384, 256)).toBe(16_384);
    expect(batchRowsFor(16_384, 1000)).toBe(Math.floor(MAX_BATCH_CELLS / 1000));
    expect(batchRowsFor(4096, 1000)).toBe(4096);
    expect(batchRowsFor(16_384, 100_000)).toBe(256);
    expect(batchRowsFor(10, 100_000)).toBe(10);
  });

  it('are read in batches of at most MAX_BATCH_CELLS cells, every row and value intact', async () => {
    const columns = 8192;
    const path = await wideCsv('wide.csv', columns, 600);
    const per = batchRowsFor(16_384, columns);
    expect(per).toBe(512);
    const batches = await batchesOf(path, { defaultDecoding: 'number' });
    expect(batches.map((b) => b.length)).toEqual([512, 88]);
    expect(batches[1].rowOffset).toBe(512);
    expect(batches[1].lines[0]).toBe(514);
    // Rows 511 and 512 straddle the batches.
    expect(columnNumbers(batches[0].columns[7]).at(-1)).toBe(5117);
    expect(columnNumbers(batches[1].columns[8191])[0]).toBe(5121);
    // Asked for two of the columns, the file is read in full-size batches.
    const two = await batchesOf(path, { columns: ['c0', 'c8191'], defaultDecoding: 'number' });
    expect(two.map((b) => b.length)).toEqual([600]);
  });

  it('a 10,000-column file of three rows is read without allocating a 16,384-row batch per column', async () => {
    const path = await wideCsv('wider.csv', 10_000, 3);
    const reader = fileURLToPath(new URL('../../../src/table/index.ts', import.meta.url));
    const script = [
      `const { openTable } = await import(${JSON.stringify(reader)});`,
      `const source = await openTable(${JSON.stringify(path)}, { defaultDecoding: 'detect' });`,
      'let rows = 0; for await (const b of source.batches()) rows += b.length;',
      'process.stdout.write(JSON.stringify({ rows, rss: process.resourceUsage().maxRSS }));',
    ].join('\n');
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { rows, rss } = JSON.parse(run.stdout) as { rows: number; rss: number };
    expect(rows).toBe(3);
    // 1.8 GB when every column held 16,384 rows of arrays; ~0.2 GB with 419-row batches.
    expect(rss / 1024).toBeLessThan(700);
  });
});
