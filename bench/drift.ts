/**
 * Drift benchmark (issue 7, Performance): `npx tsx bench/drift.ts [rows=1000000] [runs=3]`.
 *
 * Reference and current data: the shared 20-column generator with two seeds, `rows` rows each.
 * Times, each as a whole process in the same run:
 *   - `mlops drift --reference ref.csv --current cur.csv --json` (profiles both files, then compares),
 *   - pandas + scipy (bench/drift_pandas.py: read both files, KS per numeric column, chi-square per
 *     categorical column, PSI),
 *   - `mlops drift` on stored profiles (`mlops profile` output) — the scheduled-job path (target < 1 s).
 * Runs are interleaved (each round times every tool once). Prints medians of wall and CPU time and
 * the ratios (target: ≥ 5× faster than pandas + scipy, wall clock).
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { bundleCli, dataDir, ensureData, median, timeProcess } from './lib/harness.ts';

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 3);
  const reference = await ensureData(rows, 42);
  const current = await ensureData(rows, 43);
  const cli = await bundleCli();
  const refProfile = join(dataDir, `ref-${rows}.profile.json`);
  const curProfile = join(dataDir, `cur-${rows}.profile.json`);
  timeProcess(process.execPath, [cli, 'profile', reference, '-o', refProfile]);
  timeProcess(process.execPath, [cli, 'profile', current, '-o', curProfile]);

  const tools = [
    { label: 'mlops drift (CSV → profiles → tests)', command: process.execPath, args: [cli, 'drift', '--reference', reference, '--current', current, '--json'] },
    { label: 'pandas + scipy (read, KS, chi2, PSI)', command: '/usr/bin/python3', args: [join(import.meta.dirname ?? '.', 'drift_pandas.py'), reference, current] },
    { label: 'mlops drift (stored profiles)', command: process.execPath, args: [cli, 'drift', '--reference', refProfile, '--current', curProfile, '--json'] },
  ];
  const timings = tools.map(() => [] as Array<{ seconds: number; cpuSeconds: number; peakRssMb: number }>);
  for (let r = 0; r < runs; r++) {
    // Interleaved, so that a change in the machine's load hits every tool alike.
    tools.forEach((tool, i) => {
      const t = timeProcess(tool.command, tool.args);
      timings[i].push(t);
      console.error(`  run ${r + 1}: ${tool.label} ${t.seconds.toFixed(2)} s wall, ${t.cpuSeconds.toFixed(2)} s CPU`);
    });
  }
  console.log(`drift: ${rows} reference rows vs ${rows} current rows, 20 columns; median of ${runs} interleaved runs; node ${process.version}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  const [ours, pandas, stored] = tools.map((tool, i) => {
    const seconds = median(timings[i].map((t) => t.seconds));
    const cpu = median(timings[i].map((t) => t.cpuSeconds));
    const rss = Math.max(...timings[i].map((t) => t.peakRssMb));
    console.log(`${tool.label.padEnd(38)} ${seconds.toFixed(2).padStart(7)} s wall ${cpu.toFixed(2).padStart(7)} s CPU   peak RSS ${rss.toFixed(0)} MB`);
    return { seconds, cpu };
  });
  console.log(`ratio pandas+scipy / mlops (CSV): ${(pandas.seconds / ours.seconds).toFixed(2)}× wall (target ≥ 5×), ${(pandas.cpu / ours.cpu).toFixed(2)}× CPU`);
  console.log(`from stored profiles: ${stored.seconds.toFixed(2)} s (target < 1 s)`);
}

await main();
