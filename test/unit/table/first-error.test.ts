import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTable } from '../../../src/table/index.ts';

// The reader stops at the first error of a file: the bytes of each read are checked (NUL, UTF-8)
// before its rows are parsed, so a bad byte late in a read was reported before a ragged row on an
// earlier line of the same read.

async function firstError(content: Buffer, chunkSize?: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-first-error-'));
  const path = join(dir, 'data.csv');
  writeFileSync(path, content);
  try {
    const source = await openTable(path, { decoding: { a: 'string', b: 'number' }, ...(chunkSize ? { chunkSize } : {}) });
    for await (const batch of source.batches()) batch.release?.();
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

const lines = (...rows: Array<string | Buffer>) => Buffer.concat([...rows.flatMap((r) => [Buffer.isBuffer(r) ? r : Buffer.from(r), Buffer.from('\n')])]);

describe('the first error of a file is the one reported', () => {
  it('a ragged row before an invalid UTF-8 byte, or a NUL, in the same read', async () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31]); // "café,1" in Latin-1
    expect(await firstError(lines('a,b', 'x,1', 'y,2,3', 'z,4', latin1))).toMatch(/data\.csv:3: expected 2 fields/);
    expect(await firstError(lines('a,b', 'x,1', 'y,2,3', Buffer.from('n\0,1')))).toMatch(/data\.csv:3: expected 2 fields/);
  });

  it('an invalid UTF-8 byte before a NUL, and bad bytes before a ragged row, at their own lines', async () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31]);
    expect(await firstError(lines('a,b', 'x,1', latin1, Buffer.from('n\0,1')))).toMatch(/data\.csv:3: invalid UTF-8 byte sequence \(byte 0xe9\)/);
    expect(await firstError(lines('a,b', Buffer.from('n\0,1'), 'y,2,3'))).toMatch(/data\.csv:2: NUL byte/);
    // A quoted field with a line break, then the bad byte: the open row is not a ragged one.
    expect(await firstError(lines('a,b', '"x', 'y",1', latin1))).toMatch(/data\.csv:4: invalid UTF-8/);
    // In the header: its line.
    expect(await firstError(lines(Buffer.from([0x61, 0xe9, 0x2c, 0x62]), 'x,1'))).toMatch(/data\.csv:1: invalid UTF-8/);
  });

  it('whatever the read size', async () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31]);
    const content = lines('a,b', ...Array.from({ length: 40 }, (_, i) => `r${i},${i}`), 'y,2,3', 'z,4', latin1);
    for (const chunkSize of [7, 64, 300, 1 << 20]) expect(await firstError(content, chunkSize), `chunk ${chunkSize}`).toMatch(/data\.csv:42: expected 2 fields/);
  });
});
