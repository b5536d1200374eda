/**
 * Validation benchmark (issue 2, Performance): `npx tsx bench/validate.ts [rows=1000000] [runs=3]`.
 *
 * Generates the shared data set (bench/lib/generate.ts: 20 mixed columns, ~2% empty cells,
 * ≈150 bytes a row) and validates it against a 20-field schema using every rule kind
 * (bench/validate-schema.ts) with three implementations, each in its own process, timed
 * wall-clock (process start included) with peak RSS from /usr/bin/time:
 *   - `mlops validate` — the CLI bundled by esbuild exactly as dist/ is built,
 *   - pandas — `/usr/bin/python3 bench/validate_pandas.py` (read_csv + the same checks),
 *   - csv-parse — bench/validate_csvparse.ts (streaming, row at a time), bundled the same way.
 * Prints the median of `runs`, MB/s, the ratios (targets: ≥5× pandas, ≥3× csv-parse, ≥150 MB/s),
 * checks that the three agree on every rule's error count, and the peak RSS of `mlops validate`
 * over 200k rows against `rows` rows (bounded memory: only uniqueness sets grow with rows).
 * `BENCH_MLOPS_ENTRY=<file.ts>` bundles another entry (same argv as the CLI) in place of src/cli/main.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import yaml from 'js-yaml';
import { generateCsv } from './lib/generate.ts';
import { BENCH_SCHEMA } from './validate-schema.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data');
const banner = { js: "import { createRequire as __cr } from 'node:module';\nconst require = __cr(import.meta.url);" };

async function ensureData(rows: number): Promise<string> {
  const path = join(dataDir, `bench-${rows}.csv`);
  try {
    await stat(path);
  } catch {
    console.error(`generating ${rows} rows → ${path}`);
    await generateCsv(path, rows);
  }
  return path;
}

async function bundle(entry: string, out: string): Promise<string> {
  const outfile = join(dataDir, out);
  await build({
    entryPoints: [join(root, entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'], banner, logLevel: 'error',
  });
  return outfile;
}

interface Run {
  seconds: number;
  rssMb: number;
  stdout: string;
}

function timed(cmd: string, args: string[]): Run {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - start) / 1000;
  const m = /__TIME__ (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`${cmd} ${args.join(' ')} failed (status ${r.status}):\n${r.stderr.slice(-2000)}`);
  return { seconds, rssMb: Number(m[1]) / 1024, stdout: r.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 3);
  await mkdir(dataDir, { recursive: true });
  const data = await ensureData(rows);
  const bytes = (await stat(data)).size;
  const schemaYaml = join(dataDir, 'validate-schema.yaml');
  const schemaJson = join(dataDir, 'validate-schema.json');
  await writeFile(schemaYaml, yaml.dump(BENCH_SCHEMA, { flowLevel: 3, lineWidth: 160 }));
  await writeFile(schemaJson, JSON.stringify(BENCH_SCHEMA));
  const mlops = await bundle(process.env.BENCH_MLOPS_ENTRY ?? 'src/cli/main.ts', 'mlops-bench.mjs');
  const csvparse = await bundle('bench/validate_csvparse.ts', 'validate_csvparse.mjs');

  const tools: Array<{ name: string; cmd: string; args: string[]; counts: (out: string) => Record<string, number> }> = [
    { name: 'mlops validate', cmd: process.execPath, args: [mlops, 'validate', data, '--schema', schemaYaml, '--json'], counts: (o) => (JSON.parse(o) as { errorsByRule: Record<string, number> }).errorsByRule },
    { name: 'pandas', cmd: '/usr/bin/python3', args: [join(here, 'validate_pandas.py'), data, schemaJson], counts: (o) => (JSON.parse(o) as { byRule: Record<string, number> }).byRule },
    { name: 'csv-parse', cmd: process.execPath, args: [csvparse, data, schemaJson], counts: (o) => (JSON.parse(o) as { byRule: Record<string, number> }).byRule },
  ];
  const results = new Map<string, { times: number[]; rss: number[]; counts: Record<string, number> }>();
  for (let r = 0; r < runs; r++) {
    // Interleaved so drift in machine load hits every tool alike.
    for (const tool of tools) {
      const run = timed(tool.cmd, tool.args);
      const entry = results.get(tool.name) ?? { times: [], rss: [], counts: tool.counts(run.stdout) };
      entry.times.push(run.seconds);
      entry.rss.push(run.rssMb);
      results.set(tool.name, entry);
      console.error(`  run ${r + 1}: ${tool.name} ${run.seconds.toFixed(2)} s`);
    }
  }
  const mb = bytes / 1e6;
  console.log(`\nvalidate: ${rows.toLocaleString('en-US')} rows × 20 columns, ${mb.toFixed(1)} MB, median of ${runs} runs (wall clock, process start included)`);
  const ours = median(results.get('mlops validate')!.times);
  for (const [name, r] of results) {
    const t = median(r.times);
    const ratio = name === 'mlops validate' ? '' : `  mlops is ${(t / ours).toFixed(2)}× faster`;
    console.log(`  ${name.padEnd(15)} ${t.toFixed(3).padStart(8)} s  ${(mb / t).toFixed(1).padStart(7)} MB/s  peak RSS ${Math.max(...r.rss).toFixed(0).padStart(5)} MB${ratio}`);
  }
  const ref = JSON.stringify(sortKeys(results.get('mlops validate')!.counts));
  for (const [name, r] of results) {
    const same = JSON.stringify(sortKeys(r.counts)) === ref;
    console.log(`  ${name.padEnd(15)} errors by rule ${JSON.stringify(sortKeys(r.counts))}${same ? '' : '  ← DIFFERS from mlops'}`);
  }
  const pandasRatio = median(results.get('pandas')!.times) / ours;
  const csvRatio = median(results.get('csv-parse')!.times) / ours;
  console.log(`  targets: ≥5× pandas ${pandasRatio >= 5 ? 'met' : 'NOT met'} (${pandasRatio.toFixed(2)}×), ≥3× csv-parse ${csvRatio >= 3 ? 'met' : 'NOT met'} (${csvRatio.toFixed(2)}×), ≥150 MB/s ${mb / ours >= 150 ? 'met' : 'NOT met'} (${(mb / ours).toFixed(0)} MB/s)`);

  // Peak memory against row count: 200k rows vs `rows`.
  const small = await ensureData(200_000);
  const rssSmall = timed(process.execPath, [mlops, 'validate', small, '--schema', schemaYaml, '--json']).rssMb;
  const rssLarge = Math.max(...results.get('mlops validate')!.rss);
  console.log(`  mlops validate peak RSS: ${rssSmall.toFixed(0)} MB at 200,000 rows, ${rssLarge.toFixed(0)} MB at ${rows.toLocaleString('en-US')} rows (the unique id set and primary key set hold one entry per row)`);
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

await main();
