/**
 * Integers past 2^53 (Twitter/Discord snowflake ids, 64-bit hashes): a double cannot hold them,
 * so a number type would merge distinct values. Inferred as text, they stay exact.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { dumpSchema, inferSchema } from '../../../src/schema/infer.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import type { TableSchema } from '../../../src/schema/types.ts';
import { columnStrings, readTable } from '../../../src/table/index.ts';

let dir: string;
let files = 0;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-infer-wide-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(ext: string, text: string): Promise<string> {
  const path = join(dir, `f${files++}.${ext}`);
  await writeFile(path, text);
  return path;
}

async function inferred(path: string): Promise<TableSchema> {
  return parseSchema(dumpSchema(await inferSchema(path)), 'inferred.yaml');
}

// Three distinct ids that are one double: 1234567890123456768 (and 800 in JavaScript's printing).
const IDS = ['1234567890123456789', '1234567890123456790', '1234567890123456791'];

describe('schema infer: integers past 2^53', () => {
  it('a CSV column of snowflake ids is a unique text id, not a number with min = max', async () => {
    const path = await file('csv', `tweet_id,likes\n${IDS.map((id, i) => `${id},${i}`).join('\n')}\n`);
    const schema = await inferred(path);
    expect(schema.fields[0]).toEqual({ name: 'tweet_id', type: 'string', role: 'id', constraints: { required: true, unique: true } });
    expect(schema.fields[1]).toMatchObject({ type: 'integer' });
    const report = await validateFile(path, schema);
    expect(report.errors).toEqual([]);
    // A repeated id is still caught: the text is compared exactly.
    const repeated = await file('csv', `tweet_id,likes\n${IDS[0]},1\n${IDS[0]},2\n`);
    expect((await validateFile(repeated, schema)).errorsByRule).toEqual({ unique: 1 });
  });

  it('one wide integer among small ones makes the column text; 2^53 - 1, decimals and digits a double holds stay numbers', async () => {
    // 2^64 - 1 is no double; 2^53 and 1e20 printed in full (as JavaScript prints large doubles) are.
    const path = await file('csv', 'a,b,c,d,e\n1,9007199254740991,1.5,-9007199254740991,9007199254740992\n18446744073709551615,-9007199254740991,12345678901234567890.5,1e30,100000000000000000000\n');
    const schema = await inferred(path);
    expect(schema.fields.map((f) => [f.name, f.type])).toEqual([['a', 'string'], ['b', 'integer'], ['c', 'number'], ['d', 'number'], ['e', 'number']]);
    expect((await validateFile(path, schema)).errors).toEqual([]);
  });

  it('JSON Lines ids keep their digits when read as text, so infer sees them distinct', async () => {
    const path = await file('jsonl', `${IDS.map((id, i) => `{"user_id": ${id}, "n": ${i}, "x": -1.5e300}`).join('\n')}\n`);
    const text = await readTable(path, { defaultDecoding: 'string' });
    expect(columnStrings(text.columns[0])).toEqual(IDS);
    expect(columnStrings(text.columns[2])).toEqual(['-1.5e+300', '-1.5e+300', '-1.5e+300']);
    const schema = await inferred(path);
    expect(schema.fields[0]).toEqual({ name: 'user_id', type: 'string', role: 'id', constraints: { required: true, unique: true } });
  });
});
