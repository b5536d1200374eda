import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { memberNumberText } from '../../../src/table/json-syntax.ts';
import { readTable } from '../../../src/table/index.ts';
import type { NumberColumn } from '../../../src/table/index.ts';
import { cli, tempDir } from './helpers.ts';

// A cell past the double range (`1e400`) reads as ±Infinity; messages and the error's value quote
// it as the file has it, not as 'INF' — whichever reader, in one pass and in segments.
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

const INTEGER = parseSchema('fields:\n  - { name: id, type: integer }\n  - { name: n, type: integer }\n', 's.yaml');

/** 300 rows: id = row, n = row except the rows listed with their text. */
function csv(cells: Record<number, string>): string {
  const lines = ['id,n'];
  for (let r = 1; r <= 300; r++) lines.push(`${r},${cells[r] ?? r}`);
  return `${lines.join('\n')}\n`;
}

const errorsOf = (report: Awaited<ReturnType<typeof validateFile>>) => report.errors.map((e) => [e.line, e.column, e.rule, e.value, e.message]);

describe('number cells past the double range are quoted as written', () => {
  it('CSV, integer field: type errors quote 1e400, -1e400, 1E+999 as written (and INF, -Infinity as written), in one pass and in segments', async () => {
    const path = join(dir, 'integers.csv');
    await writeFile(path, csv({ 5: '1e400', 90: '-1e400', 150: '1E+999', 200: '-Infinity', 280: 'INF', 299: '2.5' }));
    const whole = await validateFile(path, INTEGER);
    const segmented = await validateFile(path, INTEGER, { segmentBytes: 256 });
    expect(segmented).toEqual(whole);
    expect(errorsOf(whole)).toEqual([
      [6, 'n', 'type', '1e400', "'1e400' is not a valid integer"],
      [91, 'n', 'type', '-1e400', "'-1e400' is not a valid integer"],
      [151, 'n', 'type', '1E+999', "'1E+999' is not a valid integer"],
      [201, 'n', 'type', '-Infinity', "'-Infinity' is not a valid integer"],
      [281, 'n', 'type', 'INF', "'INF' is not a valid integer"],
      [300, 'n', 'type', 2.5, '2.5 is not a valid integer: a decimal number in an integer field: use type number'],
    ]);
  });

  it('CSV, number field: bounds, unique and primary key name the cell as written, duplicates across segments included', async () => {
    const path = join(dir, 'numbers.csv');
    // Rows 10 and 250 are both +Infinity (a duplicate far apart, in another segment); row 120 is -Infinity.
    await writeFile(path, csv({ 10: '1e400', 120: '-1e999', 250: '"1e401"' }));
    const schema = parseSchema('fields:\n  - { name: id, type: integer }\n  - { name: n, type: number, constraints: { unique: true, maximum: 1000 } }\nprimaryKey: n\n', 's.yaml');
    const whole = await validateFile(path, schema);
    const segmented = await validateFile(path, schema, { segmentBytes: 256 });
    expect(segmented).toEqual(whole);
    expect(errorsOf(whole)).toEqual([
      [11, 'n', 'maximum', '1e400', "'1e400' is greater than maximum 1000"],
      [251, 'n', 'maximum', '1e401', "'1e401' is greater than maximum 1000"],
      [251, 'n', 'unique', '1e401', "'1e401' duplicates an earlier row"],
      [251, 'n', 'primaryKey', '1e401', "primary key n = '1e401' duplicates an earlier row"],
    ]);
  });

  it('JSON Lines and JSON arrays: a JSON number 1e400 (which JSON.parse makes Infinity) and a text "-1e400"', async () => {
    const rows = ['{"id": 1, "n": 1}', '{"id": 2, "n": 1e400}', '{"id": 3, "n": "-1e400"}', '{"n": 2, "id": 4, "n": -1E+999}', '{"id": 5, "n": 5}'];
    const jsonl = join(dir, 'cells.jsonl');
    await writeFile(jsonl, `${rows.join('\n')}\n`);
    const json = join(dir, 'cells.json');
    await writeFile(json, `[\n${rows.join(',\n')}\n]\n`);
    for (const [path, first] of [[jsonl, 1], [json, 2]] as const) {
      const report = await validateFile(path, INTEGER);
      expect(errorsOf(report)).toEqual([
        [first + 1, 'n', 'type', '1e400', "'1e400' is not a valid integer"],
        [first + 2, 'n', 'type', '-1e400', "'-1e400' is not a valid integer"],
        [first + 3, 'n', 'type', '-1E+999', "'-1E+999' is not a valid integer"],
      ]);
    }
    // The table keeps the texts beside the values (batches concatenated, indexes shifted).
    const table = await readTable(json, { batchRows: 2, decoding: { n: 'number' } });
    const n = table.columns[1] as NumberColumn;
    expect(Array.from(n.values)).toEqual([1, Infinity, -Infinity, -Infinity, 5]);
    expect(n.written).toEqual([{ index: 1, text: '1e400' }, { index: 2, text: '-1e400' }, { index: 3, text: '-1E+999' }]);
  });

  it('mlops validate --json: the error value is the text as written', async () => {
    const data = join(dir, 'cli.csv');
    await writeFile(data, 'n\n1\n1e400\n');
    const schema = join(dir, 'cli.yaml');
    await writeFile(schema, 'fields: [{ name: n, type: integer }]\n');
    const { code, out } = await cli(['validate', data, '--schema', schema, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out).errors).toEqual([{ line: 3, row: 2, column: 'n', rule: 'type', value: '1e400', message: "'1e400' is not a valid integer" }]);
  });
});

describe('memberNumberText', () => {
  it('finds the number of a top-level member, the last when the key repeats; nested and string values do not count', () => {
    const text = '{"a": {"n": 1e500}, "s": "\\"n\\": 2e500", "n": 3e500, "m": [4e500], "n" : -5E+500 }, {"n": 6e500}';
    expect(memberNumberText(text, 'n')).toBe('-5E+500');
    expect(memberNumberText(text, 'a')).toBeUndefined();
    expect(memberNumberText(text, 'm')).toBeUndefined();
    expect(memberNumberText(text, 's')).toBeUndefined();
    expect(memberNumberText('  {"\\u00e9": 1e999}', 'é')).toBe('1e999');
  });
});
