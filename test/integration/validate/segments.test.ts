import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { VALIDATE_CSV_BATCH_ROWS, validateFile } from '../../../src/schema/file.ts';
import { readOptionsForSchema, validateSource } from '../../../src/schema/validate.ts';
import { openTable } from '../../../src/table/index.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { planCsvSegments } from '../../../src/table/csv.ts';
import { mulberry32 } from '../../../src/core/random.ts';
import { actionsCheckout } from '../../support/action-runner/index.ts';

// A file validated in segments (as worker threads do on large files) must give exactly the
// report of one pass: same counts, same stored errors in the same order, same column stats.
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-segments-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const SCHEMA_TEXT = `
fields:
  - { name: id, type: integer, constraints: { required: true, unique: true, minimum: 1 } }
  - { name: code, type: string, constraints: { unique: true, pattern: 'c[0-9]+' } }
  - { name: x, type: number, mostly: 0.9, constraints: { minimum: 0, maximum: 1 } }
  - { name: day, type: date, constraints: { minimum: '2020-01-01' } }
  - { name: note, type: string, constraints: { maxLength: 20 } }
  - { name: a, type: string }
  - { name: b, type: integer }
primaryKey: id
uniqueKeys: [[a, b]]
`;
const SCHEMA = parseSchema(SCHEMA_TEXT, 'schema.yaml');

/** 3,000 rows with faults: duplicate ids/codes/keys far apart (across segments), nulls, range and pattern failures. */
function dataset(quotedBreaks: boolean): string {
  const rand = mulberry32(7);
  const lines = ['id,code,x,day,note,a,b'];
  for (let r = 1; r <= 3000; r++) {
    const id = r % 997 === 0 ? r - 900 : r % 1500 === 0 ? '' : String(r);
    const code = r % 611 === 0 ? `c${r - 500}` : r % 733 === 0 ? `bad${r}` : `c${r}`;
    const x = r % 13 === 0 ? '' : (rand() * 1.1).toFixed(3);
    const day = `20${r % 50 === 0 ? '19' : '21'}-0${1 + (r % 9)}-1${r % 10}`;
    const note = quotedBreaks && r % 40 === 0 ? `"line one\nline two, ${r}"` : r % 77 === 0 ? 'a note longer than twenty characters' : `n${r}`;
    const a = `k${r % 1700}`;
    const b = String(r % 2);
    lines.push([id, code, x, day, note, a, b].join(','));
  }
  return `${lines.join('\n')}\n`;
}

async function both(name: string, text: string, maxErrors: number, segmentBytes: number) {
  const path = join(dir, name);
  await writeFile(path, text);
  const whole = await validateFile(path, SCHEMA, { maxErrors });
  const segmented = await validateFile(path, SCHEMA, { maxErrors, segmentBytes });
  return { whole, segmented, path };
}

describe('segmented validation (the parallel path) equals one pass', () => {
  it('gives the same report, cross-segment duplicates included', async () => {
    const { whole, segmented, path } = await both('faults.csv', dataset(false), 5000, 4096);
    expect((await planCsvSegments(path, 4096)).length).toBeGreaterThan(10);
    expect(whole.errorsByRule.unique).toBeGreaterThan(0);
    expect(whole.errorsByRule.primaryKey).toBeGreaterThan(0);
    expect(whole.errorsByRule.uniqueKeys).toBeGreaterThan(0);
    expect(segmented).toEqual(whole);
  });

  it('keeps the first maxErrors errors in file order', async () => {
    const { whole, segmented } = await both('truncated.csv', dataset(false), 25, 4096);
    expect(whole.truncated).toBe(true);
    expect(segmented).toEqual(whole);
  });

  it('falls back to one pass when a quoted line break straddles a cut', async () => {
    const text = dataset(true);
    const { whole, segmented, path } = await both('quoted.csv', text, 100, 1500);
    // The plan does cut inside a quoted field (so the fallback ran) …
    const cuts = (await planCsvSegments(path, 1500)).map((s) => s.start);
    expect(cuts.some((at) => text.startsWith('line two', at))).toBe(true);
    // … and the result is still exactly one pass's.
    expect(segmented).toEqual(whole);
    expect(whole.rows).toBe(3000);
  });

  it('reports a malformed row in a later segment at its line in the whole file', async () => {
    const rows = dataset(false).split('\n');
    rows[2500] = '2500,c2500,0.5';
    const path = join(dir, 'ragged.csv');
    await writeFile(path, rows.join('\n'));
    const error = await validateFile(path, SCHEMA, { segmentBytes: 4096 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toMatchObject({ file: path, line: 2501 });
    const whole = await validateFile(path, SCHEMA).catch((e: unknown) => e);
    expect((whole as InputError).message).toBe((error as InputError).message);
  });
});

describe('batch size', () => {
  it('validating CSV in small batches gives the report of one 16,384-row batch', async () => {
    // 12,000 rows: duplicates and faults on both sides of every 4,096-row boundary.
    const text = [dataset(false), ...[1, 2, 3].map(() => dataset(false).split('\n').slice(1).join('\n'))].join('').replace(/\n\n/g, '\n');
    const path = join(dir, 'batches.csv');
    await writeFile(path, text);
    const source = await openTable(path, { ...readOptionsForSchema(SCHEMA, undefined, 'csv'), batchRows: 16_384 });
    const oneBatch = await validateSource(source, SCHEMA, { maxErrors: 100_000 });
    const small = await validateFile(path, SCHEMA, { maxErrors: 100_000 });
    expect(oneBatch.rows).toBeGreaterThan(2 * VALIDATE_CSV_BATCH_ROWS);
    expect(small.errorsByRule.unique).toBeGreaterThan(oneBatch.rows / 4);
    expect(small).toEqual(oneBatch);
  });
});

describe('worker threads (the bundle)', () => {
  it('validates segments on worker threads with the same JSON as one thread, one pass', async () => {
    const cli = join(actionsCheckout(), 'dist', 'mlops.mjs');
    const data = join(dir, 'threads.csv');
    const schema = join(dir, 'threads.yaml');
    await writeFile(data, dataset(false));
    await writeFile(schema, SCHEMA_TEXT);
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [cli, 'validate', data, '--schema', schema, '--json'], { encoding: 'utf8', env: { ...process.env, ...env } });
    const one = run({ MLOPS_THREADS: '1' });
    const threaded = run({ MLOPS_THREADS: '3', MLOPS_SEGMENT_BYTES: '4096' });
    expect(one.status).toBe(1);
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).not.toMatch(/internal error/);
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(one.stdout));
    expect(JSON.parse(one.stdout).errorsByRule.primaryKey).toBeGreaterThan(0);
    // The same data with semicolons: the sniffed delimiter reaches every worker's segments.
    const semicolons = join(dir, 'threads-semicolon.csv');
    await writeFile(semicolons, dataset(false).replaceAll(',', ';'));
    const semi = spawnSync(process.execPath, [cli, 'validate', semicolons, '--schema', schema, '--json'], { encoding: 'utf8', env: { ...process.env, MLOPS_THREADS: '3', MLOPS_SEGMENT_BYTES: '4096' } });
    expect(semi.status).toBe(1);
    const semiReport = JSON.parse(semi.stdout);
    expect(semiReport.errorsByRule).toEqual(JSON.parse(one.stdout).errorsByRule);
    expect(semiReport.rows).toBe(3000);
  }, 120_000);
});
