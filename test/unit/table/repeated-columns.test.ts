import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTable } from '../../../src/table/index.ts';

describe('a column requested twice', () => {
  it('reads the same in every position, in CSV as in JSON Lines (the first CSV copy read as empty)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlops-twice-'));
    writeFileSync(join(dir, 'x.csv'), 'a,b,c\n1,x,0.5\n2,y,\n3,x,7\n');
    writeFileSync(join(dir, 'x.jsonl'), '{"a":1,"b":"x","c":0.5}\n{"a":2,"b":"y","c":null}\n{"a":3,"b":"x","c":7}\n');
    const read = async (file: string, options: Parameters<typeof openTable>[1]) => {
      const rows: unknown[][] = [];
      const source = await openTable(join(dir, file), options);
      for await (const batch of source.batches()) {
        for (let i = 0; i < batch.length; i++) {
          rows.push(batch.columns.map((col) => (col.kind === 'string' ? (col.codes[i] < 0 ? null : col.dictionary[col.codes[i]]) : col.nulls[i] ? null : col.values[i])));
        }
        batch.release?.();
      }
      return rows;
    };
    const columns = ['a', 'b', 'a', 'c', 'b'];
    const csv = await read('x.csv', { columns, decoding: { a: 'number', b: 'string', c: 'detect' }, batchRows: 2 });
    expect(csv).toEqual([[1, 'x', 1, 0.5, 'x'], [2, 'y', 2, null, 'y'], [3, 'x', 3, 7, 'x']]);
    expect(await read('x.jsonl', { columns, batchRows: 2 })).toEqual(csv);
  });
});
