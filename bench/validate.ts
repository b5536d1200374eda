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
 * `BENCH_MLOPS_ENTRY=<file.ts>` bundles another entry (same argv as the CLI) in place of the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import yaml from 'js-yaml';
import { bundleCli, ensureData } from './lib/harness.ts';
import { BENCH_SCHEMA } from './validate-schema.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data');
const banner = { js: "import { createRequire as __cr } from 'node:module';\nconst require = __cr(import.meta.url);" };

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
  /** User + system CPU seconds of the child: far less sensitive than wall time to a busy machine. */
  cpu: number;
  rssMb: number;
  stdout: string;
}

function timed(cmd: string, args: string[], env: Record<string, string> = {}): Run {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, ...env } });
  const seconds = (performance.now() - start) / 1000;
  const m = /__TIME__ (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  // Exit 0 (valid) or 1 (invalid) is a completed run; anything else did not measure validation.
  if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} ${args.join(' ')} failed (status ${r.status}):\n${r.stderr.slice(-2000)}`);
  return { seconds, cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[1]) / 1024, stdout: r.stdout };
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
  // The CLI exactly as dist/ is built (chunks and worker threads included); BENCH_MLOPS_ENTRY
  // bundles another entry, single-file and single-threaded, for experiments.
  const mlops = process.env.BENCH_MLOPS_ENTRY ? await bundle(process.env.BENCH_MLOPS_ENTRY, 'mlops-bench.mjs') : await bundleCli();
  const csvparse = await bundle('bench/validate_csvparse.ts', 'validate_csvparse.mjs');

  const mlopsCounts = (o: string) => (JSON.parse(o) as { errorsByRule: Record<string, number> }).errorsByRule;
  const tools: Array<{ name: string; cmd: string; args: string[]; env?: Record<string, string>; counts: (out: string) => Record<string, number> }> = [
    { name: 'mlops validate', cmd: process.execPath, args: [mlops, 'validate', data, '--schema', schemaYaml, '--json'], counts: mlopsCounts },
    // The "on one core" figure: worker threads off (the GC and compiler still have their own threads).
    { name: 'mlops, 1 thread', cmd: process.execPath, args: [mlops, 'validate', data, '--schema', schemaYaml, '--json'], env: { MLOPS_THREADS: '1' }, counts: mlopsCounts },
    { name: 'pandas', cmd: '/usr/bin/python3', args: [join(here, 'validate_pandas.py'), data, schemaJson], counts: (o) => (JSON.parse(o) as { byRule: Record<string, number> }).byRule },
    { name: 'csv-parse', cmd: process.execPath, args: [csvparse, data, schemaJson], counts: (o) => (JSON.parse(o) as { byRule: Record<string, number> }).byRule },
  ];
  const results = new Map<string, { times: number[]; cpu: number[]; rss: number[]; counts: Record<string, number> }>();
  for (let r = 0; r < runs; r++) {
    // Interleaved so drift in machine load hits every tool alike.
    for (const tool of tools) {
      const run = timed(tool.cmd, tool.args, tool.env);
      const entry = results.get(tool.name) ?? { times: [], cpu: [], rss: [], counts: tool.counts(run.stdout) };
      entry.times.push(run.seconds);
      entry.cpu.push(run.cpu);
      entry.rss.push(run.rssMb);
      results.set(tool.name, entry);
      console.error(`  run ${r + 1}: ${tool.name} ${run.seconds.toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU`);
    }
  }
  const mb = bytes / 1e6;
  console.log(`\nvalidate: ${rows.toLocaleString('en-US')} rows × 20 columns, ${mb.toFixed(1)} MB, median of ${runs} runs, process start included; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  const ours = median(results.get('mlops validate')!.times);
  const oursCpu = median(results.get('mlops validate')!.cpu);
  for (const [name, r] of results) {
    const t = median(r.times);
    const c = median(r.cpu);
    const ratio = name.startsWith('mlops') ? '' : `  mlops faster: ${(t / ours).toFixed(2)}× wall, ${(c / oursCpu).toFixed(2)}× CPU`;
    console.log(`  ${name.padEnd(15)} ${t.toFixed(2).padStart(7)} s wall ${(mb / t).toFixed(0).padStart(5)} MB/s | ${c.toFixed(2).padStart(7)} s CPU ${(mb / c).toFixed(0).padStart(5)} MB/s | peak RSS ${Math.max(...r.rss).toFixed(0).padStart(5)} MB${ratio}`);
  }
  const ref = JSON.stringify(sortKeys(results.get('mlops validate')!.counts));
  for (const [name, r] of results) {
    const same = JSON.stringify(sortKeys(r.counts)) === ref;
    console.log(`  ${name.padEnd(15)} errors by rule ${JSON.stringify(sortKeys(r.counts))}${same ? '' : '  ← DIFFERS from mlops'}`);
  }
  const ratio = (name: string, key: 'times' | 'cpu') => median(results.get(name)![key]) / median(results.get('mlops validate')![key]);
  const verdict = (x: number, target: number) => `${x >= target ? 'met' : 'NOT met'} (${x.toFixed(2)}×)`;
  const oneThread = median(results.get('mlops, 1 thread')!.times);
  console.log(`  targets (wall | CPU): ≥5× pandas ${verdict(ratio('pandas', 'times'), 5)} | ${verdict(ratio('pandas', 'cpu'), 5)}; ≥3× csv-parse ${verdict(ratio('csv-parse', 'times'), 3)} | ${verdict(ratio('csv-parse', 'cpu'), 3)}; ≥150 MB/s on one core: ${(mb / oneThread).toFixed(0)} MB/s with 1 thread (${(mb / ours).toFixed(0)} MB/s wall with all CPUs)`);

  // Peak memory against row count: 200k rows vs `rows`, with the schema as is (uniqueness sets
  // hold every id) and without unique/primaryKey (everything else is bounded).
  const noKeys = join(dataDir, 'validate-schema-nokeys.yaml');
  const stripped = { ...BENCH_SCHEMA, primaryKey: undefined, fields: BENCH_SCHEMA.fields.map((f) => ({ ...f, constraints: { ...f.constraints, unique: undefined } })) };
  await writeFile(noKeys, yaml.dump(JSON.parse(JSON.stringify(stripped)), { flowLevel: 3, lineWidth: 160 }));
  const small = await ensureData(200_000);
  const rss = (file: string, schema: string) => timed(process.execPath, [mlops, 'validate', file, '--schema', schema, '--json']).rssMb.toFixed(0);
  // One core's rate on the rows alone: the 1-thread time of `rows` less that of 200k rows, over
  // their difference in bytes — what is left once process start, module loading and JIT warm-up
  // (paid once per run, whatever the file's size) are taken out. Printed beside, not instead of,
  // the end-to-end figure above.
  const smallBytes = (await stat(small)).size;
  const smallTimes = Array.from({ length: runs }, () => timed(process.execPath, [mlops, 'validate', small, '--schema', schemaYaml, '--json'], { MLOPS_THREADS: '1' }).seconds);
  const marginal = (bytes - smallBytes) / 1e6 / (oneThread - median(smallTimes));
  console.log(`  one core, rows only: ${marginal.toFixed(0)} MB/s (1 thread: ${median(smallTimes).toFixed(2)} s for 200,000 rows, ${oneThread.toFixed(2)} s for ${rows.toLocaleString('en-US')}; the difference is the extra rows' time)`);
  console.log(`  mlops validate peak RSS, 200,000 → ${rows.toLocaleString('en-US')} rows: ${rss(small, schemaYaml)} → ${Math.max(...results.get('mlops validate')!.rss).toFixed(0)} MB with unique id + primaryKey (one set entry per row); ${rss(small, noKeys)} → ${rss(data, noKeys)} MB without them`);
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

await main();
