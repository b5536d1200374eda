/**
 * CSV scan+decode benchmark: `npx tsx bench/csv.ts [rows=1000000] [runs=3]`.
 *
 * Generates the issue-2 data set (bench/lib/generate.ts) and reads the same file, in the same
 * process and run, with: our reader (numeric columns decoded to Float64Array, others
 * dictionary-encoded, as a schema-driven validation reads them), our reader with every column as
 * text, with `detect` decoding (as profiling reads a file), csv-parse (streaming, arrays of strings) and papaparse (streaming, arrays of strings).
 * Prints MB/s (median of `runs`) and the ratios, then the peak RSS of a child process that only runs
 * our reader over 200k rows and over `rows` rows (memory must not grow with the row count).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as csvParse } from 'csv-parse';
import Papa from 'papaparse';
import { openCsv } from '../src/table/csv.ts';
import type { ColumnDecoding } from '../src/table/types.ts';
import { BENCH_COLUMNS } from './lib/generate.ts';
import { ensureData, median } from './lib/harness.ts';


function schemaDecoding(): Record<string, ColumnDecoding> {
  const out: Record<string, ColumnDecoding> = {};
  for (const c of BENCH_COLUMNS) out[c.name] = c.type === 'integer' || c.type === 'number' ? 'number' : 'string';
  return out;
}

/** Our reader; returns rows read (and touches every batch so nothing is optimised away). */
async function ours(path: string, decoding: Record<string, ColumnDecoding> | undefined, defaultDecoding?: ColumnDecoding): Promise<number> {
  const source = await openCsv(path, { ...(decoding ? { decoding } : {}), ...(defaultDecoding ? { defaultDecoding } : {}) });
  let rows = 0;
  for await (const batch of source.batches()) rows += batch.length;
  return rows;
}

function viaCsvParse(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    createReadStream(path, { highWaterMark: 1 << 20 })
      .pipe(csvParse({}))
      .on('data', () => rows++)
      .on('end', () => resolve(rows - 1))
      .on('error', reject);
  });
}

function viaPapa(path: string, dynamicTyping = false): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(path, { highWaterMark: 1 << 20, encoding: 'utf8' }) as unknown as File, {
      dynamicTyping,
      chunk: (results: Papa.ParseResult<unknown>) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows - 1),
      error: (e: Error) => reject(e),
    });
  });
}

interface Timing {
  wall: number;
  cpu: number;
  rows: number;
}

/** One timed run: wall-clock and CPU (user+system) seconds of this process. */
async function once(fn: () => Promise<number>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = await fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, rows };
}

async function memoryMode(path: string): Promise<void> {
  await ours(path, schemaDecoding());
  console.log(JSON.stringify({ maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

function childPeakRss(path: string): number {
  const script = fileURLToPath(import.meta.url);
  const res = spawnSync(process.execPath, [...process.execArgv, script, '--mem', path], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`memory child failed: ${res.stderr}`);
  return (JSON.parse(res.stdout.trim().split('\n').pop() as string) as { maxRssMiB: number }).maxRssMiB;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--mem') return memoryMode(args[1]);
  const rows = Number(args[0] ?? 1_000_000);
  const runs = Number(args[1] ?? 3);
  const path = await ensureData(rows);
  const mb = (await stat(path)).size / 1e6;
  console.log(`file: ${path} (${rows} rows × ${BENCH_COLUMNS.length} columns, ${mb.toFixed(1)} MB), median of ${runs} runs, node ${process.version}`);

  const contenders: [string, () => Promise<number>][] = [
    ['mlops (schema decoding)', () => ours(path, schemaDecoding())],
    ['mlops (all text)', () => ours(path, undefined)],
    // How `mlops profile`/`drift` read a file without a schema: plain-decimal columns become numbers.
    ['mlops (detect)', () => ours(path, undefined, 'detect')],
    ['csv-parse', () => viaCsvParse(path)],
    ['papaparse', () => viaPapa(path)],
    // Same output kind as ours: numbers converted (papaparse also converts booleans).
    ['papaparse (dynamicTyping)', () => viaPapa(path, true)],
  ];
  // Runs are interleaved (A B C D A B C D …) so a noisy neighbour hurts every contender alike;
  // CPU time is reported beside wall-clock time because it is what "MB/s on one core" means.
  const timings = contenders.map(() => [] as Timing[]);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const t = await once(contenders[k][1]);
      if (t.rows !== rows) throw new Error(`${contenders[k][0]} read ${t.rows} rows, expected ${rows}`);
      timings[k].push(t);
    }
  }
  const wall = timings.map((ts) => median(ts.map((t) => t.wall)));
  const cpu = timings.map((ts) => median(ts.map((t) => t.cpu)));
  console.log(`${'reader'.padEnd(26)} ${'wall s'.padStart(7)} ${'MB/s'.padStart(7)} ${'cpu s'.padStart(7)} ${'MB/s'.padStart(7)}  time vs mlops (wall, cpu)`);
  contenders.forEach(([name], k) => {
    console.log(
      `${name.padEnd(26)} ${wall[k].toFixed(3).padStart(7)} ${(mb / wall[k]).toFixed(1).padStart(7)} ${cpu[k].toFixed(3).padStart(7)} ${(mb / cpu[k]).toFixed(1).padStart(7)}  ${(wall[k] / wall[0]).toFixed(2)}×, ${(cpu[k] / cpu[0]).toFixed(2)}×`,
    );
  });
  const small = await ensureData(200_000);
  console.log(`peak RSS (child, our reader only): 200k rows ${childPeakRss(small).toFixed(0)} MiB; ${rows} rows ${childPeakRss(path).toFixed(0)} MiB`);
}

await main();
