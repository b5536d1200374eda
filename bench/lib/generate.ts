/**
 * Deterministic generator of the benchmark data set (issue 2, Performance): N rows × 20 mixed
 * columns — ids, normal and lognormal floats, integers, booleans, ISO dates and datetimes,
 * categoricals of cardinality 3..1000, about 2% empty cells — ≈150 bytes a row (1,000,000 rows ≈ 150 MB).
 * Shared by every bench (`bench/csv.ts`, `bench/validate*`): same seed, same bytes.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mulberry32 } from '../../src/core/random.ts';

/** Column descriptions, so a bench can build a matching schema. */
export interface BenchColumn {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean' | 'date' | 'datetime';
  /** Allowed values for categoricals. */
  categories?: string[];
  /** Value range for numeric columns (generated values stay inside). */
  min?: number;
  max?: number;
  /** True when the column never has empty cells. */
  required?: boolean;
  /** True when every value is distinct. */
  unique?: boolean;
}

const cats = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(String(n - 1).length, '0')}`);

export const BENCH_COLUMNS: BenchColumn[] = [
  { name: 'id', type: 'integer', min: 1, required: true, unique: true },
  { name: 'user', type: 'string', required: true },
  { name: 'x1', type: 'number' },
  { name: 'x2', type: 'number' },
  { name: 'x3', type: 'number' },
  { name: 'x4', type: 'number' },
  { name: 'amount', type: 'number', min: 0 },
  { name: 'duration', type: 'number', min: 0 },
  { name: 'age', type: 'integer', min: 18, max: 90 },
  { name: 'clicks', type: 'integer', min: 0, max: 1000 },
  { name: 'bytes', type: 'integer', min: 0, max: 1e9 },
  { name: 'active', type: 'boolean' },
  { name: 'churned', type: 'boolean' },
  { name: 'signup', type: 'date' },
  { name: 'seen', type: 'datetime' },
  { name: 'plan', type: 'string', categories: ['free', 'pro', 'team'] },
  { name: 'region', type: 'string', categories: cats('r', 12) },
  { name: 'country', type: 'string', categories: cats('c', 100) },
  { name: 'product', type: 'string', categories: cats('p', 1000) },
  { name: 'label', type: 'integer', min: 0, max: 1, required: true },
];

/** Small fast deterministic PRNG (mulberry32). */
export const prng = mulberry32;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** One row's cells (without the empty-cell injection) for row number `i` (1-based). */
function makeRow(i: number, rnd: () => number, normal: () => number): string[] {
  const day = Math.floor(rnd() * 3650);
  const d = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const secs = Math.floor(rnd() * 86_400);
  const seen = `${date}T${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}Z`;
  const x1 = normal();
  return [
    String(i),
    `u${Math.floor(rnd() * 0xffffffff).toString(16).padStart(8, '0')}`,
    x1.toFixed(6),
    (normal() * 10 + 50).toFixed(4),
    (normal() * 0.01).toPrecision(6),
    (x1 * 0.5 + normal()).toFixed(5),
    Math.exp(normal() * 1.2 + 3).toFixed(2),
    Math.exp(normal() * 0.8 + 1).toFixed(3),
    String(18 + Math.floor(rnd() * 73)),
    String(Math.min(1000, Math.floor(-Math.log(1 - rnd()) * 40))),
    String(Math.floor(rnd() * 1e9)),
    rnd() < 0.7 ? 'true' : 'false',
    rnd() < 0.1 ? 'true' : 'false',
    date,
    seen,
    BENCH_COLUMNS[15].categories![Math.floor(rnd() * 3)],
    BENCH_COLUMNS[16].categories![Math.floor(rnd() * 12)],
    BENCH_COLUMNS[17].categories![Math.floor(rnd() * rnd() * 100)],
    BENCH_COLUMNS[18].categories![Math.floor(rnd() * 1000)],
    rnd() < 0.3 + 0.2 * Math.tanh(x1) ? '1' : '0',
  ];
}

/**
 * Writes the benchmark CSV (header + `rows` rows, LF line endings) to `path`, deterministically
 * for a given `seed`. About 2% of the cells of non-required columns are empty. Returns the byte size.
 */
export async function generateCsv(path: string, rows: number, seed = 42): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const rnd = prng(seed);
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = 1 - rnd();
    const v = rnd();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const fh = await open(path, 'w');
  let bytes = 0;
  try {
    let chunk = `${BENCH_COLUMNS.map((c) => c.name).join(',')}\n`;
    for (let i = 1; i <= rows; i++) {
      const cells = makeRow(i, rnd, normal);
      for (let c = 0; c < cells.length; c++) if (!BENCH_COLUMNS[c].required && rnd() < 0.02) cells[c] = '';
      chunk += `${cells.join(',')}\n`;
      if (chunk.length > 1 << 20) {
        const b = Buffer.from(chunk);
        await fh.write(b);
        bytes += b.length;
        chunk = '';
      }
    }
    const b = Buffer.from(chunk);
    await fh.write(b);
    bytes += b.length;
  } finally {
    await fh.close();
  }
  return bytes;
}

// `npx tsx bench/lib/generate.ts out.csv 1000000` writes a file directly.
if (/generate\.ts$/.test(process.argv[1] ?? "") && import.meta.url.endsWith("/generate.ts")) {
  const [out, rows] = process.argv.slice(2);
  if (!out) {
    console.error('usage: tsx bench/lib/generate.ts <out.csv> [rows]');
    process.exit(2);
  }
  const bytes = await generateCsv(out, Number(rows ?? 1_000_000));
  console.error(`wrote ${out}: ${(bytes / 1e6).toFixed(1)} MB`);
}
