import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { validateSource } from '../../../src/schema/validate.ts';
import { formatValidationReport } from '../../../src/schema/format.ts';
import { memorySource } from './helpers.ts';

// A column's `failures` lists its rules in one fixed order, whatever the batch size or the number
// of segments (threads): the JSON report and the text table are byte-identical either way.

const SCHEMA = parseSchema('fields: [{ name: code, type: string, constraints: { required: true, pattern: "[A-Z]+", maxLength: 3 } }, { name: n, type: integer, constraints: { required: true, maximum: 100 } }]', 'schema.yaml');
// Nulls first, rule failures later: the first batch or segment sees only `required`.
const ROWS: string[][] = Array.from({ length: 3000 }, (_, i) => (i < 1000 ? ['', ''] : [i % 2 ? 'x1' : 'ABCD', String(i)]));

describe('column failures order', () => {
  it('does not depend on the batch size', async () => {
    const one = await validateSource(memorySource(['code', 'n'], ROWS, { numeric: ['n'], batchRows: 5000 }), SCHEMA);
    const small = await validateSource(memorySource(['code', 'n'], ROWS, { numeric: ['n'], batchRows: 10 }), SCHEMA);
    expect(Object.keys(one.columns.code.failures)).toEqual(['required', 'maxLength', 'pattern']);
    expect(Object.keys(one.columns.n.failures)).toEqual(['required', 'maximum']);
    expect(JSON.stringify(small)).toBe(JSON.stringify(one));
    expect(formatValidationReport(small)).toBe(formatValidationReport(one));
  });

  it('does not depend on segments (threads)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-consumers-order-'));
    const path = join(dir, 'data.csv');
    writeFileSync(path, `code,n\n${ROWS.map((r) => r.join(',')).join('\n')}\n`);
    const one = await validateFile(path, SCHEMA, { segmentBytes: undefined });
    const segments = await validateFile(path, SCHEMA, { segmentBytes: 1024 });
    expect(JSON.stringify(segments)).toBe(JSON.stringify(one));
    expect(Object.keys(segments.columns.code.failures)).toEqual(['required', 'maxLength', 'pattern']);
  });
});
