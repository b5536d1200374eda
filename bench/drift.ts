/**
 * Drift benchmark (issue 7, Performance): `npx tsx bench/drift.ts [rows=1000000] [runs=3]`.
 *
 * Reference and current data: the shared 20-column generator with two seeds, `rows` rows each.
 * Times, each as a whole process in the same run:
 *   - `mlops drift --reference ref.csv --current cur.csv --json` (profiles both files, then compares),
 *   - pandas + scipy (bench/drift_pandas.py: read both files, KS per numeric column, chi-square per
 *     categorical column, PSI),
 *   - `mlops drift` on stored profiles (`mlops profile` output) — the scheduled-job path (target < 1 s).
 * Prints medians and the ratio (target: ≥ 5× faster than pandas + scipy).
 */
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

  const measure = (label: string, command: string, args: string[]) => {
    const timings = Array.from({ length: runs }, () => timeProcess(command, args));
    const seconds = median(timings.map((t) => t.seconds));
    const rss = Math.max(...timings.map((t) => t.peakRssMb));
    console.log(`${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s   peak RSS ${rss.toFixed(0)} MB`);
    return seconds;
  };
  console.log(`drift: ${rows} reference rows vs ${rows} current rows, 20 columns; median of ${runs} runs; node ${process.version}`);
  const ours = measure('mlops drift (CSV → profiles → tests)', process.execPath, [cli, 'drift', '--reference', reference, '--current', current, '--json']);
  const pandas = measure('pandas + scipy (read, KS, chi2, PSI)', '/usr/bin/python3', [join(import.meta.dirname ?? '.', 'drift_pandas.py'), reference, current]);
  const stored = measure('mlops drift (stored profiles)', process.execPath, [cli, 'drift', '--reference', refProfile, '--current', curProfile, '--json']);
  console.log(`ratio pandas+scipy / mlops (CSV): ${(pandas / ours).toFixed(2)}× (target ≥ 5×)`);
  console.log(`from stored profiles: ${stored.toFixed(2)} s (target < 1 s)`);
}

await main();
