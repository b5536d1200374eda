import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { openTable } from '../../../src/table/index.ts';
import type { RecordBatch } from '../../../src/table/types.ts';

// Read errors and early stops with the read-ahead in place: every error is an InputError at the
// read that needs the bytes, nothing rejects unhandled, nothing hangs.

let dir: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa-reader-errors-'));
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  // Let any stray rejection surface.
  await new Promise((r) => setTimeout(r, 20));
  expect(unhandled).toEqual([]);
});

const rows = Array.from({ length: 400 }, (_, i) => `${i},name${i % 7},${i % 3 === 0 ? '' : i * 0.5}`);
const text = `id,name,v\n${rows.join('\n')}\n`;

async function readAll(path: string, opts = {}): Promise<RecordBatch[]> {
  const source = await openTable(path, { chunkSize: 16, batchRows: 32, decoding: { id: 'number', v: 'number' }, ...opts });
  const out: RecordBatch[] = [];
  for await (const b of source.batches()) out.push(b);
  return out;
}

describe('CSV read errors and early stops', () => {
  it('a directory is an InputError that says so, plain or .gz (not a read error, not "not gzip")', async () => {
    for (const name of ['data.csv', 'data.csv.gz', 'data.tsv']) {
      const d = join(dir, name);
      await mkdir(d);
      const error = await readAll(d).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(`${d}: is a directory, not a data file`);
    }
  });

  it('a truncated gzip file fails with an InputError at the end of its data, sequentially', async () => {
    const gz = gzipSync(Buffer.from(text));
    const path = join(dir, 'cut.csv.gz');
    await writeFile(path, gz.subarray(0, gz.length - 20));
    const error = await readAll(path).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toMatch(/gzip/);
  });

  it('a .gz file that is not gzip is an InputError', async () => {
    const path = join(dir, 'plain.csv.gz');
    await writeFile(path, text);
    await expect(readAll(path)).rejects.toBeInstanceOf(InputError);
  });

  it('an empty gzip file has no header', async () => {
    const path = join(dir, 'empty.csv.gz');
    await writeFile(path, gzipSync(Buffer.alloc(0)));
    await expect(readAll(path)).rejects.toThrow(/empty file/);
  });

  it('a header-only gzip file gives one empty batch', async () => {
    const path = join(dir, 'header.csv.gz');
    await writeFile(path, gzipSync(Buffer.from('id,name,v')));
    const batches = await readAll(path);
    expect(batches.map((b) => b.length)).toEqual([0]);
  });

  it('stopping early closes the file without waiting for the rest (plain and gzip)', async () => {
    for (const name of ['stop.csv', 'stop.csv.gz']) {
      const path = join(dir, name);
      await writeFile(path, name.endsWith('.gz') ? gzipSync(Buffer.from(text)) : text);
      const source = await openTable(path, { chunkSize: 7, batchRows: 5 });
      let n = 0;
      for await (const b of source.batches()) {
        b.release?.();
        if (++n === 3) break;
      }
      expect(n).toBe(3);
      // And the file reads whole again afterwards.
      expect((await readAll(path)).reduce((s, b) => s + b.length, 0)).toBe(400);
    }
  });

  it('stopping early on a corrupt gzip file reports nothing: the failed read-ahead is nobody\'s error', async () => {
    const gz = gzipSync(Buffer.from(text));
    const path = join(dir, 'cut-early.csv.gz');
    await writeFile(path, gz.subarray(0, gz.length - 30));
    const source = await openTable(path, { chunkSize: 200, batchRows: 4, delimiter: ',' }); // no sniffing: it would read the whole file
    let n = 0;
    for await (const b of source.batches()) {
      b.release?.();
      if (++n === 2) break;
    }
    expect(n).toBe(2);
  });

  it('a file truncated while it is read ends cleanly: its rows up to the cut or an error', async () => {
    const path = join(dir, 'shrinks.csv');
    await writeFile(path, text);
    const source = await openTable(path, { chunkSize: 64, batchRows: 8, decoding: { id: 'number' } });
    const ids: number[] = [];
    let cut = false;
    try {
      for await (const b of source.batches()) {
        const col = b.columns[0] as { values: Float64Array };
        ids.push(...col.values.subarray(0, b.length));
        b.release?.();
        if (!cut) {
          cut = true;
          await truncate(path, 1000);
        }
      }
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
    }
    // Rows come in order, from the start, none twice.
    expect(ids).toEqual(ids.map((_, i) => i));
  });

  it.skipIf(process.platform === 'win32')('a named pipe is read or refused, never hangs', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.on('error', () => undefined); // EPIPE once the reader gives up
    writer.end(text);
    const result = await readAll(fifo).then((b) => b.reduce((s, x) => s + x.length, 0), (e: unknown) => e);
    writer.destroy();
    // Rows are read at file offsets: a pipe is refused with a message that says what to do.
    expect(result).toBeInstanceOf(InputError);
    expect((result as Error).message).toBe(`${fifo}: cannot read a pipe: data files are read at offsets; save the data to a file first`);
  }, 5000);

  it('invalid UTF-8 and NUL bytes after several batches fail at their line, plain and gzip', async () => {
    for (const [bad, message] of [[Buffer.from([0xc3, 0x28]), /invalid UTF-8/], [Buffer.from([0]), /NUL byte/]] as const) {
      const body = Buffer.concat([Buffer.from(`id,name,v\n${rows.slice(0, 300).join('\n')}\n1,x`), bad, Buffer.from(`y,2\n${rows.slice(300).join('\n')}\n`)]);
      for (const gz of [false, true]) {
        const path = join(dir, `bad${gz ? '.csv.gz' : '.csv'}`);
        await writeFile(path, gz ? gzipSync(body) : body);
        const source = await openTable(path, { chunkSize: 13, batchRows: 16 });
        let rowsRead = 0;
        const error = await (async () => {
          for await (const b of source.batches()) {
            rowsRead += b.length;
            b.release?.();
          }
        })().then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).message).toMatch(message);
        expect((error as InputError).location.line).toBe(302);
        expect(rowsRead).toBeLessThanOrEqual(300);
      }
    }
  });
});
