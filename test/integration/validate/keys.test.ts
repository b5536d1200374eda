import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { tempDir } from './helpers.ts';

// Key checks (primaryKey, uniqueKeys) compare key values: a cell that failed its type has none
// (its type error is reported once, not again as a "duplicate" of another unparseable cell), and
// instants are compared as instants and shown as written.
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

/** `rows` rows: day i (2024-01-01 + i), with unparseable cells and one real duplicate among them. */
async function days(name: string, rows: number): Promise<string> {
  const lines = ['day,n,code'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    const cell = i % 50 === 10 ? 'not-a-date' : i === rows - 1 ? '2024-01-02' : day;
    lines.push(`${cell},${i % 50 === 20 ? 'x' : i},${i % 50 === 30 ? 'oops' : `c${i}`}`);
  }
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

describe('key checks skip cells that failed their type', () => {
  it('a date primary key: unparseable cells are type errors only; the real duplicate is shown as written, in one pass and in segments', async () => {
    const path = await days('days.csv', 300);
    const schema = parseSchema('primaryKey: day\nfields:\n  - { name: day, type: date }\n  - { name: n, type: integer }\n  - { name: code }\n', 's.yaml');
    const whole = await validateFile(path, schema);
    expect(whole.errorsByRule).toEqual({ type: 6 + 6, primaryKey: 1 });
    const keyErrors = whole.errors.filter((e) => e.rule === 'primaryKey');
    expect(keyErrors).toEqual([expect.objectContaining({ line: 301, value: '2024-01-02', message: "primary key day = '2024-01-02' duplicates an earlier row" })]);
    const segmented = await validateFile(path, schema, { segmentBytes: 512 });
    expect(segmented.errorsByRule).toEqual(whole.errorsByRule);
    expect(segmented.errors).toEqual(whole.errors);
  });

  it('a composite unique key skips rows where a part failed its type (number and text-decoded parts)', async () => {
    const path = await days('composite.csv', 200);
    // n fails its integer type on rows 20, 70, …; day (a non-default format: read as text) on rows 10, 60, ….
    const schema = parseSchema('uniqueKeys: [[n, code], [day, code]]\nfields:\n  - { name: day, type: date, format: "%Y-%m-%d" }\n  - { name: n, type: integer }\n  - { name: code }\n', 's.yaml');
    const report = await validateFile(path, schema);
    expect(report.errorsByRule).toEqual({ type: 4 + 4 });
    const dup = join(dir, 'composite-dup.csv');
    await writeFile(dup, 'day,n,code\n2024-01-01,1,a\nnope,x,a\nnope,x,a\n2024-01-01,1,a\n');
    const again = await validateFile(dup, schema);
    expect(again.errorsByRule).toEqual({ type: 4, uniqueKeys: 2 });
    expect(again.errors.filter((e) => e.rule === 'uniqueKeys').map((e) => e.line)).toEqual([5, 5]);
  });

  it('instants written with other offsets are the same key', async () => {
    const path = join(dir, 'instants.csv');
    await writeFile(path, 'at\n2024-01-01T00:00:00Z\n2024-01-01T06:00:00Z\n2024-01-01T01:00:00+01:00\n');
    const schema = parseSchema('primaryKey: at\nfields:\n  - { name: at, type: datetime }\n', 's.yaml');
    const report = await validateFile(path, schema);
    expect(report.errors).toEqual([expect.objectContaining({ line: 4, rule: 'primaryKey', message: "primary key at = '2024-01-01T01:00:00+01:00' duplicates an earlier row" })]);
  });
});

describe('messages', () => {
  it('a quoted cell spanning lines is quoted on one line (\\n), its value kept as written', async () => {
    const path = join(dir, 'multiline.csv');
    await writeFile(path, 'w\n"sun\nny"\nrain\n');
    const report = await validateFile(path, parseSchema('fields: [{ name: w, constraints: { enum: [sun, rain] } }]', 's.yaml'));
    expect(report.errors.map((e) => [e.line, e.value, e.message])).toEqual([[2, 'sun\nny', `'sun\\nny' is not one of ["sun", "rain"]`]]);
  });
});
