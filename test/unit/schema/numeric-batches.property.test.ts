import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSource } from '../../../src/schema/validate.ts';
import { parseNumberText } from '../../../src/schema/values.ts';
import { setup } from './helpers.ts';

/**
 * A numeric column's failures, nulls and valid range against a model written from the rules'
 * definitions, whatever the batch size: the validator takes a one-pass shortcut for a batch where
 * no cell fails (src/schema/validate.ts passesWholeBatch) and the per-row pass otherwise, so batches
 * of one row, of a few, and of the whole column must all give the model's answer.
 */
interface Rules {
  type: 'number' | 'integer';
  required: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

function model(rules: Rules, cells: string[]): { failures: Record<string, number>; nulls: number; min: number | null; max: number | null } {
  const failures: Record<string, number> = {};
  const bump = (rule: string) => { failures[rule] = (failures[rule] ?? 0) + 1; };
  let nulls = 0;
  let min: number | null = null, max: number | null = null;
  for (const cell of cells) {
    if (cell === '') {
      nulls++;
      if (rules.required) bump('required');
      continue;
    }
    const v = parseNumberText(cell)!;
    if (rules.type === 'integer' && !Number.isInteger(v)) { bump('type'); continue; }
    let failed = false;
    // A NaN is outside every range: each comparison with it is false.
    if (rules.minimum !== undefined && !(v >= rules.minimum)) { bump('minimum'); failed = true; }
    if (rules.maximum !== undefined && !(v <= rules.maximum)) { bump('maximum'); failed = true; }
    if (rules.exclusiveMinimum !== undefined && !(v > rules.exclusiveMinimum)) { bump('exclusiveMinimum'); failed = true; }
    if (rules.exclusiveMaximum !== undefined && !(v < rules.exclusiveMaximum)) { bump('exclusiveMaximum'); failed = true; }
    if (failed || v !== v) continue;
    if (min === null || v < min) min = v;
    if (max === null || v > max) max = v;
  }
  return { failures, nulls, min, max };
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -6, max: 6 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -12, max: 12 }).map((x) => (x / 2).toFixed(1)) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('NaN', 'INF', '-INF', '-0') },
);
// Lower bounds at most 0 and upper bounds at least 1: the loader rejects an empty range.
const lower = fc.option(fc.integer({ min: -5, max: 0 }), { nil: undefined });
const upper = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
const rules: fc.Arbitrary<Rules> = fc.record({
  type: fc.constantFrom('number' as const, 'integer' as const),
  required: fc.boolean(),
  minimum: lower,
  maximum: upper,
  exclusiveMinimum: lower,
  exclusiveMaximum: upper,
});

function schemaYaml(r: Rules): string {
  const constraints = Object.entries({ required: r.required || undefined, minimum: r.minimum, maximum: r.maximum, exclusiveMinimum: r.exclusiveMinimum, exclusiveMaximum: r.exclusiveMaximum })
    .filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join(', ');
  return `fields: [{ name: x, type: ${r.type}, constraints: { ${constraints} } }]`;
}

describe('numeric rules over batches', () => {
  it('give the rules\' failures, nulls and valid range for every batch size', async () => {
    await fc.assert(fc.asyncProperty(rules, fc.array(cell, { minLength: 1, maxLength: 40 }), fc.constantFrom(1, 3, 7, 1000), async (r, cells, batchRows) => {
      const { schema, source } = setup(schemaYaml(r), ['x'], cells.map((c) => [c]), { batchRows });
      const report = await validateSource(source, schema, { maxErrors: 1000 });
      const want = model(r, cells);
      const column = report.columns.x;
      expect(column.failures).toEqual(want.failures);
      expect(column.nulls).toBe(want.nulls);
      // Infinite bounds are reported as errors show infinite values: 'INF' and '-INF' (JSON has no Infinity).
      const shown = (x: number | null) => (x === null || Number.isFinite(x) ? x : x > 0 ? 'INF' : '-INF');
      expect([column.min, column.max]).toEqual([shown(want.min), shown(want.max)]);
      expect(report.errorCount).toBe(Object.values(want.failures).reduce((a, b) => a + b, 0));
    }), { numRuns: 400 });
  });

  it('a batch that passes whole still counts its nulls and extends the range', async () => {
    // Batches of 2: [1, ''] passes whole, [9, 2] fails maximum on 9 only.
    const { schema, source } = setup('fields: [{ name: x, type: integer, constraints: { maximum: 5 } }]', ['x'], [['1'], [''], ['9'], ['2']], { batchRows: 2 });
    const report = await validateSource(source, schema);
    expect(report.columns.x).toMatchObject({ nulls: 1, min: 1, max: 2, failures: { maximum: 1 } });
    expect(report.errors.map((e) => [e.line, e.rule, e.value])).toEqual([[4, 'maximum', 9]]);
  });

  it('a column of infinities has a range, in JSON too (found by the property above, seed-free)', async () => {
    for (const [cells, min, max] of [[['INF'], 'INF', 'INF'], [['-INF', '2'], '-INF', 2], [['INF', '1', ''], 1, 'INF']] as const) {
      const { schema, source } = setup('fields: [{ name: x, type: number }]', ['x'], cells.map((c) => [c]), { batchRows: 1 });
      const report = await validateSource(source, schema);
      expect(JSON.parse(JSON.stringify(report.columns.x))).toMatchObject({ min, max });
    }
  });
});
