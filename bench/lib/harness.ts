/**
 * Shared benchmark plumbing: cached data generation, whole-process timing with peak RSS, medians.
 * Benchmarks print ratios against reference tools measured in the same run; tests never time.
 */
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCsv } from './generate.ts';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));
export const dataDir = join(benchDir, '.data');
export const repoRoot = join(benchDir, '..');

/** Generates `bench-<rows>[-s<seed>].csv` once and reuses it. */
export async function ensureData(rows: number, seed = 42): Promise<string> {
  const path = join(dataDir, `bench-${rows}${seed === 42 ? '' : `-s${seed}`}.csv`);
  try {
    await stat(path);
  } catch {
    console.error(`generating ${rows} rows (seed ${seed}) → ${path}`);
    await generateCsv(path, rows, seed);
  }
  return path;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface ProcessTiming {
  seconds: number;
  /** User + system CPU seconds of the process (NaN without /usr/bin/time). */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs a command to completion under /usr/bin/time (when present) and returns wall seconds, CPU seconds and peak RSS. */
export function timeProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ProcessTiming {
  const useTime = spawnSync('/usr/bin/time', ['--version'], { encoding: 'utf8' }).status === 0;
  const started = process.hrtime.bigint();
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'MLOPS_RSS_KB=%M MLOPS_CPU_S=%U+%S', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: options.cwd, env: options.env })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, cwd: options.cwd, env: options.env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  const rss = /MLOPS_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  const cpu = /MLOPS_CPU_S=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? '');
  return { seconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN, peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, stdout: result.stdout };
}

/** Bundles the CLI with scripts/build.mjs itself, so timings are of exactly what users run. */
export async function bundleCli(outdir = join(dataDir, 'dist')): Promise<string> {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), outdir], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the CLI failed: ${result.stderr}`);
  return join(outdir, 'mlops.mjs');
}
