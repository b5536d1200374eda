import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { openTable } from '../../../src/table/index.ts';

// The error a read reports must not depend on where its chunks end: a byte that is not UTF-8 (or a
// NUL) is named wherever it falls, also right after a closing quote, where the row's own check
// ("unexpected character after a closing quote") used to win whenever the line was not read whole.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa13-error-order-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function firstError(path: string, chunkSize: number): Promise<InputError> {
  try {
    const source = await openTable(path, { chunkSize });
    for await (const _ of source.batches()) {
      // read every row
    }
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no error');
}

const CHUNKS = [1, 2, 3, 5, 8, 13, 40, 1 << 20];

describe('a bad byte right after a closing quote', () => {
  const cases: Array<[string, Buffer, RegExp, number]> = [
    // A Latin-1 é after a quoted field that spans lines 2–3 (a Windows-1252 export).
    ['latin-1 after a multi-line quote', Buffer.concat([Buffer.from('a,b\n"x\ny"'), Buffer.from([0xe9]), Buffer.from(',1\nok,2\n')]), /invalid UTF-8 byte sequence \(byte 0xe9\)/, 3],
    ['surrogate after a quote', Buffer.concat([Buffer.from('a,b\n1,2\n"q"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(',1\r\n')]), /invalid UTF-8 byte sequence \(byte 0xed\)/, 3],
    ['CR then a bad byte after a quote', Buffer.concat([Buffer.from('a,b\n1,"x\ny"\r'), Buffer.from([0xe2, 0x82]), Buffer.from('\n3,4\n')]), /invalid UTF-8 byte sequence \(byte 0xe2\)/, 3],
    ['Latin-1 after a quoted header name', Buffer.concat([Buffer.from('"a"'), Buffer.from([0xe9]), Buffer.from(',b\n1,2\n')]), /invalid UTF-8 byte sequence \(byte 0xe9\)/, 1],
    ['NUL after a quote', Buffer.concat([Buffer.from('a,b\n"q"'), Buffer.from([0]), Buffer.from(',1\n')]), /NUL byte/, 2],
    ['bad byte inside the quote, text after it', Buffer.concat([Buffer.from('a,b\n"x\ny'), Buffer.from([0xff]), Buffer.from('"z,1\n')]), /invalid UTF-8 byte sequence \(byte 0xff\)/, 3],
  ];
  for (const [name, bytes, message, line] of cases) {
    it(`${name}: the same error at every chunk size`, async () => {
      const path = join(dir, `${name.replaceAll(' ', '-')}.csv`);
      await writeFile(path, bytes);
      for (const chunkSize of CHUNKS) {
        const error = await firstError(path, chunkSize);
        expect({ chunkSize, message: error.detail, line: error.location.line }).toEqual({ chunkSize, message: expect.stringMatching(message), line });
      }
    });
  }

  it('text after a closing quote on a line with no bad byte is still named, at its line', async () => {
    const path = join(dir, 'after-quote.csv');
    await writeFile(path, 'a,b\n1,2\n"x\ny"z,1\n3,4\n');
    for (const chunkSize of CHUNKS) {
      const error = await firstError(path, chunkSize);
      expect({ chunkSize, message: error.detail, line: error.location.line }).toEqual({ chunkSize, message: 'unexpected character "z" after a closing quote', line: 4 });
    }
  });

  it('an earlier line\'s error comes before a bad byte on a later line', async () => {
    const path = join(dir, 'earlier.csv');
    await writeFile(path, Buffer.concat([Buffer.from('a,b\n"q"r,1\n"s"'), Buffer.from([0xe9]), Buffer.from(',2\n')]));
    for (const chunkSize of CHUNKS) {
      const error = await firstError(path, chunkSize);
      expect({ chunkSize, message: error.detail, line: error.location.line }).toEqual({ chunkSize, message: 'unexpected character "r" after a closing quote', line: 2 });
    }
  });
});
