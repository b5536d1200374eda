import { describe, expect, it } from 'vitest';
import { multiValidationMarkdown, validationMarkdown } from '../../../src/actions/validate.ts';
import { multiValidation, multiValidationLine } from '../../../src/schema/index.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { validateSource } from '../../../src/schema/validate.ts';
import { memorySource } from '../schema/helpers.ts';

const schema = parseSchema('fields:\n  - { name: id, type: integer }\n  - { name: tok, type: string, constraints: { maxLength: 3 } }\n', 'schema.yaml');

async function report(rows: string[][], file = 'data/x.csv') {
  const r = await validateSource(memorySource(['id', 'tok'], rows), schema);
  r.file = file;
  r.schema = 'schema.yaml';
  return r;
}

/** The cells of the markdown table row whose `line` column is `line`. */
function errorRow(markdown: string, line: number): string[] {
  const row = markdown.split('\n').find((l) => l.startsWith(`| ${line} `));
  return row!.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
}

describe('validate job summary: data text is shown as written', () => {
  it('keeps tags, emphasis and code marks of cell values literal', async () => {
    const md = validationMarkdown(await report([['1', '<NA>'], ['2', '*bold*'], ['3', '`tick`'], ['4', '[x](y)'], ['5', '_it_'], ['6', 'a|bcd'], ['7', 'temp_max']]));
    // GitHub drops an unknown tag like <NA> (the value would look empty), renders *bold* as
    // emphasis and `tick` as code: each mark is a character reference instead.
    expect(errorRow(md, 2)).toEqual(['2', '1', 'tok', 'maxLength', '&#60;NA&#62;', 'length 4 is greater than maxLength 3']);
    expect(errorRow(md, 3)[4]).toBe('&#42;bold&#42;');
    expect(errorRow(md, 4)[4]).toBe('&#96;tick&#96;');
    expect(errorRow(md, 5)[4]).toBe('&#91;x&#93;(y)');
    expect(errorRow(md, 6)[4]).toBe('&#95;it&#95;');
    expect(errorRow(md, 7)[4]).toBe('a\\|bcd');
    // An underscore inside a word is no emphasis: left as written.
    expect(errorRow(md, 8)[4]).toBe('temp_max');
  });

  it('says 1 row and 1 error, not 1 rows and 1 errors', async () => {
    expect(validationMarkdown(await report([['1', 'ab']]))).toContain('**Valid**: 1 row passes every rule of `schema.yaml`.');
    expect(validationMarkdown(await report([['1', 'abcd']]))).toContain('**Invalid**: 1 error in 1 row against `schema.yaml`.');
    expect(validationMarkdown(await report([['1', 'ab'], ['2', 'cd']]))).toContain('**Valid**: 2 rows pass every rule');
    const one = await report([['1', 'abcd']], 'a.csv');
    expect(multiValidationMarkdown(multiValidation([one]))).toContain('1 error in 1 row.');
  });

  it('writes file and column names with backticks as code that does not end early', async () => {
    const md = validationMarkdown(await report([['1', 'ab']], 'data/we`ird.csv'));
    expect(md).toContain('### Data validation: ``data/we`ird.csv``');
  });
});

describe('the one-line verdict over several files', () => {
  it('agrees in number: 1 error in 1 row, 2 files', async () => {
    const a = await report([['1', 'abcd']], 'a.csv');
    const b = await report([], 'b.csv');
    expect(multiValidationLine(multiValidation([a, b]), 'schema.yaml')).toBe('✗ 2 files against schema.yaml: 1 valid, 1 invalid; 1 error in 1 row');
  });
});

describe('validate job summary with max-errors 0', () => {
  it('says that no error rows were stored, rather than showing counts with no rows', async () => {
    const r = await validateSource(memorySource(['id', 'tok'], [['1', 'abcd']]), schema, { maxErrors: 0 });
    r.file = 'x.csv';
    const md = validationMarkdown(r);
    expect(md).toContain('No error rows stored (`max-errors: 0`); the counts above are exact.');
    expect(md).not.toContain('First 0 errors');
  });
});

describe('validate job summary: column min and max', () => {
  it('keeps a large number\'s integer digits (12345678.9 is not 12345700) and rounds small ones to 6 significant digits', async () => {
    const numbers = parseSchema('fields:\n  - { name: amount, type: number }\n', 'schema.yaml');
    const r = await validateSource(memorySource(['amount'], [['12345678.9'], ['-98765432.25'], ['0.5']]), numbers);
    r.file = 'data/x.csv';
    r.schema = 'schema.yaml';
    const row = validationMarkdown(r).split('\n').find((l) => l.startsWith('| `amount`'))!;
    expect(row.slice(1, -1).split('|').map((c) => c.trim()).slice(4, 6)).toEqual(['-98765432.25', '12345678.9']);
    const small = await validateSource(memorySource(['amount'], [['0.000787192729457597'], ['3.14159265358979']]), numbers);
    small.file = 'data/x.csv';
    small.schema = 'schema.yaml';
    const smallRow = validationMarkdown(small).split('\n').find((l) => l.startsWith('| `amount`'))!;
    expect(smallRow.slice(1, -1).split('|').map((c) => c.trim()).slice(4, 6)).toEqual(['0.000787193', '3.14159']);
  });
});
