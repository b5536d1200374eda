import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchema } from '../../../src/schema/load.ts';
import { validateBatches, validateSource } from '../../../src/schema/validate.ts';
import type { RecordBatch, TableSource } from '../../../src/table/types.ts';
import { memorySource } from './helpers.ts';

// Validation calls RecordBatch.release after each batch, and the CSV reader then reuses the
// batch's arrays. A source whose release scribbles over everything the batch holds shows any
// check that keeps a reference past it (error values, keys, first occurrences, ranges).

function poisoning(source: TableSource, released: { count: number }): TableSource {
  return {
    ...source,
    async *batches(): AsyncIterable<RecordBatch> {
      for await (const batch of source.batches()) {
        yield {
          ...batch,
          release: () => {
            released.count++;
            batch.lines.fill(-7);
            for (const col of batch.columns) {
              if (col.kind === 'string') {
                col.codes.fill(0);
                col.dictionary.fill('POISON');
              } else {
                col.values.fill(12345);
                col.nulls.fill(1);
                col.invalid.length = 0;
              }
            }
          },
        };
      }
    },
  };
}

const SCHEMAS = [
  'primaryKey: [id, code]\nuniqueKeys: [[when], [n]]\nfields: [{ name: id, type: integer, constraints: { unique: true, minimum: 0 } }, { name: code, type: string, constraints: { unique: true, pattern: "[A-Z]+", maxLength: 3 } }, { name: when, type: date, constraints: { minimum: "2020-01-01" } }, { name: n, type: number, constraints: { maximum: 5, required: true } }]',
  'primaryKey: code\nfields: [{ name: id, type: integer, mostly: 0.5 }, { name: code, type: any, constraints: { minLength: 2 } }, { name: when, type: yearmonth, constraints: { unique: true } }, { name: n, type: number, constraints: { unique: true }, maxNullFraction: 0.1 }]',
];
const cell = fc.constantFrom('', '1', '2', '-1', '7', '1.5', 'x', 'AB', 'ABCD', 'ab', 'é', '2020-01-01', '2019-05-05', '2020-01', '2021-13', 'INF', 'NaN');

describe('validation and released batches', () => {
  it('keeps nothing of a batch past its release: reports equal those of a source that never releases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SCHEMAS), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 30 }), async (yaml, rows, batchRows, maxErrors) => {
        const schema = parseSchema(yaml, 'schema.yaml');
        const make = () => memorySource(['id', 'code', 'when', 'n'], rows, { numeric: ['id', 'n'], batchRows });
        const released = { count: 0 };
        const kept = await validateSource(make(), schema, { maxErrors });
        const poisoned = await validateSource(poisoning(make(), released), schema, { maxErrors });
        expect(poisoned).toEqual(kept);
        expect(released.count).toBe(Math.ceil(rows.length / batchRows));
        // What a segment hands to the merge (first occurrences of keys) too.
        const keptSegment = await validateBatches(schema, [], make().batches(), maxErrors, true);
        const poisonedSegment = await validateBatches(schema, [], poisoning(make(), released).batches(), maxErrors, true);
        expect(poisonedSegment).toEqual(keptSegment);
      }),
      { seed: 424242, numRuns: 150 },
    );
  });
});
