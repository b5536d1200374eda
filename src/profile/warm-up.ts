/**
 * Profiles a small synthetic table once per thread before its first segment of a large file (small
 * files, profiled in one pass, skip it: it costs more than it saves there), so V8 has type
 * feedback for the profiler's loops — integer and decimal columns, text of few and of many values,
 * dates, empty cells, sketches that compact, samples that fill, top-K lists that evict, a merge —
 * before it optimises them on real data. Without it each worker thread met those paths one by one
 * in optimised code and threw the code away ("insufficient type feedback", "wrong map" when a
 * level array first held doubles after integers): ~80 deopts and recompiles per thread for
 * `mlops drift` on the bench files (--trace-deopt).
 */
import { parseCsvText } from '../table/csv.ts';
import { mergeProfiles } from './merge.ts';
import { createProfiler } from './profiler.ts';

let warmedUp = false;

/** Rows of the synthetic table: past the small sample's capacity and the sketches' first compactions. */
const ROWS = 600;
/** Small sketches: the same code paths as the defaults (compactions, a full sample, evictions) in fewer rows. */
const OPTIONS = { sampleSize: 64, topK: 16, sketchK: 16, exactDistinct: 64 };

function syntheticCsv(offset: number): string {
  const lines = ['id,amount,ratio,count,flag,kind,code,day,note'];
  for (let r = 0; r < ROWS; r++) {
    const i = r + offset;
    lines.push([
      i + 1,
      ((i * 7919) % 100_000) / 100,
      r % 17 === 0 ? '' : ((i * 104_729) % 1_000_003) / 1_000_003 - 0.5,
      (i * 31) % 250,
      i % 3 === 0 ? 'true' : 'false',
      ['a', 'b', 'c'][i % 3],
      `u${((i * 2_654_435_761) >>> 0).toString(16)}`,
      `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      r % 41 === 0 ? 'n/a' : r % 5 === 0 ? '' : `x${i % 400}`,
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs once per thread, before its first segment of a large file. */
export function warmUpProfiler(): void {
  if (warmedUp) return;
  warmedUp = true;
  const profiles = [0, ROWS].map((offset) => {
    const batches = parseCsvText(syntheticCsv(offset), { defaultDecoding: 'detect' }, 128);
    const profiler = createProfiler(batches[0].columns.map((c) => c.name), OPTIONS);
    for (const batch of batches) profiler.add(batch);
    return profiler.finish();
  });
  mergeProfiles(profiles);
}
