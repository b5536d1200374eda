/**
 * How the schema says to read data holds for the whole life cycle, not only for `mlops validate`:
 * - numbers in a local form (`decimalChar: ','`, `groupChar: '.'`): training reads them, the model
 *   records the form, evaluation reads its test data with it, drift compares them as numbers
 *   (before, validate passed and train failed on the first `1.234,5`);
 * - missing-value markers (`NA`): null in evaluation as in training (before, evaluation read `NA` as
 *   a category: train/serve skew that cost a model every positive).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { mulberry32 } from '../../../src/core/random.ts';

let dir: string;

/** `amount` as Germans write it (`1.234,5`); the label is whether it exceeds 3,000. */
function dataset(rows: number, seed: number): string {
  const rand = mulberry32(seed);
  const lines = ['amount;kind;large'];
  for (let i = 0; i < rows; i++) {
    const amount = Math.round((500 + rand() * 5000) * 10) / 10;
    const text = amount.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    lines.push(`${text};${rand() < 0.5 ? 'a' : 'b'};${amount > 3000 ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-forms-'));
  await writeFile(join(dir, 'train.csv'), dataset(400, 1));
  await writeFile(join(dir, 'test.csv'), dataset(200, 2));
  await writeFile(join(dir, 'schema.yaml'), [
    'fields:',
    "  - { name: amount, type: number, decimalChar: ',', groupChar: '.', role: feature, constraints: { minimum: 0 } }",
    '  - { name: kind, type: string, role: feature }',
    '  - { name: large, type: integer, role: label }',
  ].join('\n'));
  await writeFile(join(dir, 'mlops.yaml'), [
    'name: forms',
    'data: { train: train.csv, test: test.csv, schema: schema.yaml }',
    'model: { type: linear }',
    'train: { epochs: 30, learningRate: 0.05, backend: cpu, seed: 3 }',
  ].join('\n'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd: dir });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe('local number forms through the life cycle', () => {
  it('validate, train, evaluate and drift all read 1.234,5 as a number', async () => {
    expect((await cli(['validate', 'train.csv', '--schema', 'schema.yaml'])).code).toBe(0);

    const train = await cli(['train', '--out', 'model']);
    expect(train.err).not.toContain('non-numeric');
    expect(train.code).toBe(0);
    const spec = JSON.parse(await readFile(join(dir, 'model', 'preprocessing.json'), 'utf8')) as { features: Array<{ name: string; kind: string; numberForm?: unknown; mean?: number }> };
    const amount = spec.features.find((f) => f.name === 'amount')!;
    expect(amount.kind).toBe('numeric');
    expect(amount.numberForm).toEqual({ decimalChar: ',', groupChar: '.' });
    expect(amount.mean).toBeGreaterThan(2000); // the values, not 1.234 for 1.234,5
    expect(amount.mean).toBeLessThan(4000);

    const evaluate = await cli(['evaluate', '--candidate', 'model', '--no-latency', '--json', '--backend', 'cpu']);
    expect(evaluate.code).toBe(0);
    const result = JSON.parse(evaluate.out) as { candidate: { metrics: { accuracy: number } }; data: { evaluatedRows: number } };
    expect(result.data.evaluatedRows).toBe(200);
    expect(result.candidate.metrics.accuracy).toBeGreaterThan(0.85); // one threshold on amount separates the classes

    const drift = await cli(['drift', '--reference', 'model/profile.json', '--current', 'test.csv', '--json']);
    expect(drift.code).toBe(0);
    const report = JSON.parse(drift.out) as { columns: Array<{ name: string; type: string }> };
    expect(report.columns.find((c) => c.name === 'amount')?.type).toBe('numeric');
  });

  it('missing-value markers of the schema (NA) are null in evaluation as in training, not a category', async () => {
    // The label is whether `c` is missing: learnable only from the missing indicator, so reading NA
    // as a category at evaluation (out of vocabulary, indicator 0) would miss every positive.
    const rows = ['c,x,y', ...Array.from({ length: 300 }, (_, i) => `${['p', 'q', 'NA'][i % 3]},${i % 10},${i % 3 === 2 ? 1 : 0}`)];
    await writeFile(join(dir, 'na.csv'), `${rows.join('\n')}\n`);
    await writeFile(join(dir, 'na.schema.yaml'), 'fields:\n  - { name: c, type: string, role: feature }\n  - { name: x, type: integer, role: feature }\n  - { name: y, type: integer, role: label }\nmissingValues: ["", "NA"]\n');
    await writeFile(join(dir, 'na.yaml'), 'name: na\ndata: { train: na.csv, test: na.csv, schema: na.schema.yaml }\nmodel: { type: linear }\ntrain: { epochs: 40, learningRate: 0.1, backend: cpu, seed: 1 }\n');
    expect((await cli(['train', '--config', 'na.yaml', '--out', 'na-model'])).code).toBe(0);
    const spec = JSON.parse(await readFile(join(dir, 'na-model', 'preprocessing.json'), 'utf8')) as { missingValues?: string[] };
    expect(spec.missingValues).toEqual(['', 'NA']);
    const evaluate = await cli(['evaluate', '--config', 'na.yaml', '--candidate', 'na-model', '--no-latency', '--json', '--backend', 'cpu']);
    expect(evaluate.code).toBe(0);
    const result = JSON.parse(evaluate.out) as { candidate: { metrics: { accuracy: number; recall: number } } };
    expect(result.candidate.metrics.recall).toBeGreaterThan(0.95);
  });

  it('without a schema, a column that proves a local number form is read as numbers, and says so', async () => {
    await writeFile(join(dir, 'noschema.yaml'), 'name: plain\ndata: { train: train.csv, test: test.csv, label: large }\nmodel: { type: linear }\ntrain: { epochs: 30, learningRate: 0.05, backend: cpu, seed: 3 }\n');
    const train = await cli(['train', '--config', 'noschema.yaml', '--out', 'plain-model']);
    expect(train.code).toBe(0);
    expect(train.err).toContain("read 'amount' as numbers written with a decimal comma and '.' groups (no schema declares it;");
    const spec = JSON.parse(await readFile(join(dir, 'plain-model', 'preprocessing.json'), 'utf8')) as { features: Array<{ name: string; kind: string; numberForm?: unknown }> };
    expect(spec.features.find((f) => f.name === 'amount')).toMatchObject({ kind: 'numeric', numberForm: { decimalChar: ',', groupChar: '.' } });
    const evaluate = await cli(['evaluate', '--config', 'noschema.yaml', '--candidate', 'plain-model', '--no-latency', '--json', '--backend', 'cpu']);
    expect(evaluate.code).toBe(0);
    expect((JSON.parse(evaluate.out) as { candidate: { metrics: { accuracy: number } } }).candidate.metrics.accuracy).toBeGreaterThan(0.85);
  });

  it('validate keeps a Parquet number a number under a schema written for decimal commas', async () => {
    // The same schema serves CSV exports (1.234,5) and Parquet shards (a DOUBLE 1234.5). As text in
    // that form, the DOUBLE read as 12345.
    await writeFile(join(dir, 'amounts.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'amount', data: [1234.5, 7, 20000], type: 'DOUBLE' }] })));
    await writeFile(join(dir, 'amounts.yaml'), "fields:\n  - { name: amount, type: number, decimalChar: ',', groupChar: '.', constraints: { maximum: 15000 } }\n");
    const r = await cli(['validate', 'amounts.parquet', '--schema', 'amounts.yaml', '--json']);
    const report = JSON.parse(r.out) as { errorCount: number; errors: Array<{ value: unknown }>; columns: Record<string, { max?: unknown }> };
    expect(report.errorCount).toBe(1);
    expect(report.errors[0]!.value).toBe(20000);
    expect(report.columns.amount!.max).toBe(1234.5);
  });
});
