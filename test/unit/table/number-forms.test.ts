import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyNumberForms, parseLocalNumber } from '../../../src/table/columns.ts';
import { planCsvSegments, readCsvSegment } from '../../../src/table/csv.ts';
import { openTable } from '../../../src/table/index.ts';
import type { NumberColumn, RecordBatch } from '../../../src/table/types.ts';

let dir: string;
const FORMS = { amount: { decimalChar: ',', groupChar: '.' } };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-forms-'));
  const rows = ['id;amount', '1;1.234,5', '2;', '3;abc', '4;7', ...Array.from({ length: 200 }, (_, i) => `${i + 5};${i},25`)];
  await writeFile(join(dir, 'a.csv'), `${rows.join('\n')}\n`);
  await writeFile(join(dir, 'a.jsonl'), '{"id":1,"amount":"1.234,5"}\n{"id":2,"amount":null}\n{"id":3,"amount":"abc"}\n{"id":4,"amount":7}\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function first(path: string): Promise<NumberColumn> {
  const source = await openTable(path, { numberForms: FORMS });
  for await (const batch of source.batches()) return batch.columns.find((c) => c.name === 'amount') as NumberColumn;
  throw new Error('no batch');
}

describe('ReadOptions.numberForms', () => {
  it('parses a local form, drops group marks anywhere, and rejects a "." beside a decimal comma', () => {
    expect(parseLocalNumber('1.234,5', { decimalChar: ',', groupChar: '.' })).toBe(1234.5);
    expect(parseLocalNumber('1.500', { groupChar: '.' })).toBe(1500);
    expect(parseLocalNumber('1.5,0', { decimalChar: ',' })).toBeUndefined();
    expect(parseLocalNumber(' 12 % ', { bareNumber: false })).toBe(12);
    expect(parseLocalNumber('12 %', {})).toBeUndefined();
  });

  it.each(['a.csv', 'a.jsonl'])('%s: the column comes back as numbers, nulls and invalid texts kept apart', async (file) => {
    const col = await first(join(dir, file));
    expect(col.kind).toBe('number');
    expect(col.values[0]).toBe(1234.5);
    expect(col.nulls[1]).toBe(1);
    expect(col.invalid).toEqual([{ index: 2, text: 'abc' }]);
    expect(col.values[3]).toBe(7);
  });

  it('native numbers (Parquet) stay numbers; only text cells are read in the form', async () => {
    const path = join(dir, 'a.parquet');
    await writeFile(path, new Uint8Array(parquetWriteBuffer({ columnData: [
      { name: 'amount', data: [1234.5, null, 7], type: 'DOUBLE' },
      { name: 'text', data: ['1.234,5', 'abc', null], type: 'STRING' },
    ] })));
    const source = await openTable(path, { numberForms: { amount: FORMS.amount, text: FORMS.amount } });
    for await (const batch of source.batches()) {
      const [amount, text] = batch.columns as NumberColumn[];
      expect([amount.kind, amount.values[0], amount.nulls[1], amount.values[2], amount.invalid]).toEqual(['number', 1234.5, 1, 7, []]);
      expect([text.kind, text.values[0], text.invalid, text.nulls[2]]).toEqual(['number', 1234.5, [{ index: 1, text: 'abc' }], 1]);
    }
  });

  it('CSV segments (the multi-thread path) convert the same way', async () => {
    const path = join(dir, 'a.csv');
    const source = await openTable(path);
    const segments = await planCsvSegments(path, 1024);
    expect(segments.length).toBeGreaterThan(1);
    const values: number[] = [];
    for (const { start, end } of segments) {
      const progress = { start, end, endOffset: -1, lines: 0 };
      for await (const batch of readCsvSegment(path, { numberForms: FORMS, delimiter: source.delimiter }, source.fieldNames, progress)) {
        const col = batch.columns[1] as NumberColumn;
        expect(col.kind).toBe('number');
        values.push(...col.values);
      }
    }
    expect(values).toHaveLength(204);
    expect(values[0]).toBe(1234.5);
    expect(values.at(-1)).toBe(199.25);
  });

  it('leaves number columns and columns without a form alone', () => {
    const batch: RecordBatch = {
      length: 1, rowOffset: 0, lines: new Float64Array(1),
      columns: [{ kind: 'string', name: 'other', codes: Int32Array.of(0), dictionary: ['1.234,5'] }, { kind: 'number', name: 'amount', values: Float64Array.of(3), nulls: new Uint8Array(1), invalid: [] }],
    };
    expect(applyNumberForms(batch, FORMS)).toBe(batch);
  });
});
