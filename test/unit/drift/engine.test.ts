import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { driftHeadline, renderDriftMarkdown } from '../../../src/drift/report.ts';
import { createProfiler, profileFile } from '../../../src/profile/index.ts';
import type { DatasetProfile } from '../../../src/profile/types.ts';
import { readTable } from '../../../src/table/index.ts';
import type { Column, RecordBatch, Table } from '../../../src/table/types.ts';
import { mulberry32 } from '../../../src/core/random.ts';

const data = (name: string) => fileURLToPath(new URL(`../../../node_modules/vega-datasets/data/${name}`, import.meta.url));

function subsetColumn(col: Column, rows: number[]): Column {
  if (col.kind === 'string') return { ...col, codes: Int32Array.from(rows, (r) => col.codes[r]) };
  return { ...col, values: Float64Array.from(rows, (r) => col.values[r]), nulls: Uint8Array.from(rows, (r) => col.nulls[r]), invalid: [] };
}

/** Profiles the given rows of a table (as one batch). */
function profileRows(table: Table, rows: number[], seed = 1): DatasetProfile {
  const batch: RecordBatch = { length: rows.length, rowOffset: 0, lines: new Float64Array(rows.length), columns: table.columns.map((c) => subsetColumn(c, rows)) };
  const profiler = createProfiler(table.fieldNames, { seed });
  profiler.add(batch);
  return profiler.finish([]);
}


/** Row indices 0..n-1 split at random: each lands in the first part with probability `share`. */
function randomSplit(n: number, share: number, seed: number): [number[], number[]] {
  const rand = mulberry32(seed);
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < n; i++) (rand() < share ? first : second).push(i);
  return [first, second];
}

const NUMERIC = ['precipitation', 'temp_max', 'temp_min', 'wind'];
let seattle: Table;
let weather: Table;

beforeAll(async () => {
  seattle = await readTable(data('seattle-weather.csv'), { decoding: Object.fromEntries(NUMERIC.map((n) => [n, 'number'])) });
  weather = await readTable(data('weather.csv'), { decoding: Object.fromEntries(NUMERIC.map((n) => [n, 'number'])) });
});

describe('drift on real data (vega-datasets weather)', () => {
  it('A/A: two random halves of the same data raise dataset drift in at most 5% of 100 seeds', () => {
    let alarms = 0;
    let columnAlarms = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const [a, b] = randomSplit(seattle.length, 0.5, seed);
      const report = compareProfiles(profileRows(seattle, a), profileRows(seattle, b), { exclude: ['date'] });
      expect(report.evaluatedColumns).toBe(5);
      if (report.drifted) alarms++;
      columnAlarms += report.driftedColumns;
    }
    expect(alarms).toBeLessThanOrEqual(5);
    // Per-column false alarms stay near the 5% level of the tests (500 column checks).
    expect(columnAlarms).toBeLessThanOrEqual(40);
  });

  it('A/A with a small current window against a large reference does not cry wolf (method by the smaller sample)', () => {
    // A scheduled check often compares a day of traffic with the whole training set. Deciding the
    // method by the reference alone put 50–200-row windows on distances whose noise exceeds 0.1:
    // dataset drift in 99, 55 and 12 of 100 same-distribution splits of Seattle weather.
    for (const window of [50, 100, 200, 400]) {
      let alarms = 0;
      for (let seed = 1; seed <= 100; seed++) {
        const rand = mulberry32(seed);
        const order = [...Array(seattle.length).keys()];
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
        const report = compareProfiles(profileRows(seattle, order.slice(window)), profileRows(seattle, order.slice(0, window)), { exclude: ['date'] });
        expect(report.columns.find((c) => c.name === 'wind')?.method).toBe('ks');
        if (report.drifted) alarms++;
      }
      expect(alarms, `${window}-row windows`).toBeLessThanOrEqual(5);
    }
  });

  it('dates as spreadsheets write them are timestamps, left out of an automatic feature list', () => {
    const profileOf = (dates: string[]) => {
      const profiler = createProfiler(['day', 'x']);
      const dictionary = [...new Set(dates)];
      profiler.add({
        length: dates.length, rowOffset: 0, lines: new Float64Array(dates.length), columns: [
          { kind: 'string', name: 'day', codes: Int32Array.from(dates, (d) => dictionary.indexOf(d)), dictionary },
          { kind: 'number', name: 'x', values: Float64Array.from(dates.keys(), (i) => i % 7), nulls: new Uint8Array(dates.length), invalid: [] },
        ],
      });
      return profiler.finish([]);
    };
    const day = (i: number, offset: number) => new Date(Date.UTC(2024, 0, 1 + i + offset)).toISOString().slice(0, 10).split('-').reverse().join('/');
    // Three rows a day: not identifier-like, so as text the column would be compared (and drift).
    const report = compareProfiles(profileOf(Array.from({ length: 300 }, (_, i) => day(Math.floor(i / 3), 0))), profileOf(Array.from({ length: 60 }, (_, i) => day(Math.floor(i / 3), 400))));
    expect(report.skippedColumns).toEqual([{ name: 'day', reason: 'timestamp' }]);
    expect(report.columns.map((c) => c.name)).toEqual(['x']);
  });

  it('a window too small to compare is "insufficient data", never "no drift"', () => {
    const all = [...Array(seattle.length).keys()];
    const report = compareProfiles(profileRows(seattle, all.slice(20)), profileRows(seattle, all.slice(0, 20)), { exclude: ['date'] });
    expect(report.drifted).toBe(false);
    expect(report.evaluatedColumns).toBe(0);
    const markdown = renderDriftMarkdown(report);
    expect(markdown).toContain('> [!CAUTION]\n> **Insufficient data**: none of the 5 features could be compared (fewer than 30 values on a side');
    expect(markdown).not.toContain('No dataset drift');
    expect(driftHeadline(report)).toBe('insufficient data: none of 5 features could be compared (fewer than 30 values on a side); not a verdict of no drift');
  });

  it('A/A on a text column of many rare values (car names) does not cry wolf: chi-square on categories chosen by pooled counts, sparse ones pooled', async () => {
    // cars.json: 406 rows, ~300 distinct names, most seen once or twice. An 80/20 split used to
    // "drift" at p < 1e-6: the test picked the current sample's top names as categories, and
    // expected counts near 1 broke the chi-square approximation.
    const cars = await readTable(data('cars.json'));
    let alarms = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const [a, b] = randomSplit(cars.length, 0.8, seed);
      const name = compareProfiles(profileRows(cars, a), profileRows(cars, b), { features: ['Name'] }).columns[0];
      expect(name.method).toBe('chisquare');
      if (name.drifted) alarms++;
    }
    // A test at the 5% level: 4 of these 100 seeds alarm; 9 is Binomial(100, 0.05)'s 95th percentile.
    expect(alarms).toBeLessThanOrEqual(9);
    // And it still sees a real change of the same column: American cars vs the others.
    const origin = cars.columns[cars.fieldNames.indexOf('Origin')];
    if (origin.kind !== 'string') throw new Error('Origin should be text');
    const usa = [...origin.codes.keys()].filter((i) => origin.dictionary[origin.codes[i]] === 'USA');
    const rest = [...origin.codes.keys()].filter((i) => origin.dictionary[origin.codes[i]] !== 'USA');
    expect(compareProfiles(profileRows(cars, usa), profileRows(cars, rest), { features: ['Name'] }).columns[0].drifted).toBe(true);
  });

  it('a real shift (Seattle → New York) is detected on the columns that moved', () => {
    const location = weather.columns[weather.fieldNames.indexOf('location')];
    if (location.kind !== 'string') throw new Error('location should be text');
    const rowsOf = (place: string) => [...location.codes.keys()].filter((i) => location.dictionary[location.codes[i]] === place);
    const report = compareProfiles(profileRows(weather, rowsOf('Seattle')), profileRows(weather, rowsOf('New York')), { exclude: ['date', 'location'] });
    const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
    expect(report.drifted).toBe(true);
    // New York is windier and its temperatures spread wider than Seattle's.
    expect(byName.wind.drifted).toBe(true);
    expect(byName.temp_min.drifted).toBe(true);
    expect(byName.wind.method).toBe('wasserstein'); // > 1000 reference rows
    expect(byName.weather.type).toBe('categorical');
    expect(report.columns[0].drifted).toBe(true); // sorted by severity
  });

  it('a later period with a genuine seasonal shift: summer vs winter temperatures', () => {
    const date = seattle.columns[seattle.fieldNames.indexOf('date')];
    if (date.kind !== 'string') throw new Error('date should be text');
    const month = (i: number) => Number(date.dictionary[date.codes[i]].slice(5, 7));
    const all = [...Array(seattle.length).keys()];
    const report = compareProfiles(profileRows(seattle, all.filter((i) => month(i) <= 2)), profileRows(seattle, all.filter((i) => month(i) >= 7 && month(i) <= 8)), { exclude: ['date'] });
    const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
    expect(byName.temp_max.drifted).toBe(true);
    expect(byName.temp_max.method).toBe('ks');
    expect(byName.temp_max.pValue).toBeLessThan(1e-10);
    expect(byName.temp_max.contributor).toBeDefined();
  });
});

describe('drift policy guards', () => {
  const fromColumns = (names: string[], values: Array<Array<number | string | null>>): DatasetProfile => {
    const length = values[0].length;
    const columns: Column[] = names.map((name, j) => {
      const cells = values[j];
      if (cells.every((v) => v === null || typeof v === 'number')) {
        return { kind: 'number', name, values: Float64Array.from(cells, (v) => (v === null ? Number.NaN : (v as number))), nulls: Uint8Array.from(cells, (v) => (v === null ? 1 : 0)), invalid: [] };
      }
      const dictionary: string[] = [];
      const codes = Int32Array.from(cells, (v) => {
        if (v === null) return -1;
        let k = dictionary.indexOf(String(v));
        if (k < 0) k = dictionary.push(String(v)) - 1;
        return k;
      });
      return { kind: 'string', name, codes, dictionary };
    });
    const profiler = createProfiler(names);
    profiler.add({ length, rowOffset: 0, lines: new Float64Array(length), columns });
    return profiler.finish([]);
  };
  const range = (n: number, f: (i: number) => number | string | null) => Array.from({ length: n }, (_, i) => f(i));

  it('constant columns are "no drift" with a finite score, and a changed constant drifts', () => {
    const ref = fromColumns(['c', 'd'], [range(200, () => 5), range(200, () => 'x')]);
    const same = compareProfiles(ref, fromColumns(['c', 'd'], [range(300, () => 5), range(300, () => 'x')]));
    for (const c of same.columns) {
      expect(c.drifted).toBe(false);
      expect(Number.isFinite(c.score)).toBe(true);
    }
    const changed = compareProfiles(ref, fromColumns(['c', 'd'], [range(300, () => 7), range(300, () => 'x')]));
    expect(changed.columns.find((c) => c.name === 'c')!.drifted).toBe(true);
  });

  it('small samples give "insufficient data", not drift', () => {
    const report = compareProfiles(fromColumns(['v'], [range(20, (i) => i)]), fromColumns(['v'], [range(20, (i) => i + 100)]));
    expect(report.columns[0].status).toBe('insufficient data');
    expect(report.columns[0].drifted).toBe(false);
    expect(report.drifted).toBe(false);
  });

  it('a change in the null rate is its own signal', () => {
    const ref = fromColumns(['v'], [range(500, (i) => (i % 50 === 0 ? null : (i * 7919) % 100))]);
    const cur = fromColumns(['v'], [range(500, (i) => (i % 3 === 0 ? null : (i * 7919) % 100))]);
    const col = compareProfiles(ref, cur).columns[0];
    expect(col.nulls.drifted).toBe(true);
    expect(col.reasons).toContain('null rate');
    expect(col.drifted).toBe(true);
  });

  it('large samples need an effect, not just a small p-value; new and vanished categories are named', () => {
    // 100,000 rows per side: a 1.5-point share change is "significant" but below the effect floor.
    const cat = (shift: number) => range(100_000, (i) => (i % 1000 < 500 + shift ? 'a' : i % 1000 < 900 ? 'b' : 'c'));
    const forced = [{ name: 'k', method: 'chisquare' as const }];
    const small = compareProfiles(fromColumns(['k'], [cat(0)]), fromColumns(['k'], [cat(15)]), { overrides: forced }).columns[0];
    expect(small.pValue).toBeLessThan(0.05);
    expect(small.drifted).toBe(false);
    const ref = fromColumns(['k'], [range(400, (i) => ['a', 'b', 'gone'][i % 3])]);
    const cur = fromColumns(['k'], [range(400, (i) => ['a', 'b', 'new'][i % 3])]);
    const col = compareProfiles(ref, cur).columns[0];
    expect(col.drifted).toBe(true);
    expect(col.newCategories).toEqual(['new']);
    expect(col.vanishedCategories).toEqual(['gone']);
    // Every current value rare (a categorical column now holding distinct numbers): the top values
    // are pruned to none, and the new values are named from the sample.
    const numbers = fromColumns(['k'], [range(3000, (i) => String(i * 1.5))]);
    const turned = compareProfiles(fromColumns(['k'], [range(3000, (i) => ['a', 'b', 'c'][i % 3])]), numbers).columns[0];
    expect(turned.drifted).toBe(true);
    expect(turned.newCategories).toHaveLength(10);
    for (const value of turned.newCategories!) expect(Number.isFinite(Number(value))).toBe(true);
  });

  it('a critical column drifting is dataset drift even below the share', () => {
    const names = ['a', 'b', 'c', 'd'];
    const ref = fromColumns(names, names.map((_, j) => range(400, (i) => ((i * (j + 3)) % 97))));
    const cur = fromColumns(names, names.map((_, j) => range(400, (i) => ((i * (j + 3)) % 97) + (j === 0 ? 60 : 0))));
    expect(compareProfiles(ref, cur).drifted).toBe(false); // 1 of 4 < 0.5
    const critical = compareProfiles(ref, cur, { overrides: [{ name: 'a', critical: true }] });
    expect(critical.drifted).toBe(true);
    expect(critical.criticalDrifted).toEqual(['a']);
  });
});

describe('columns an automatic feature list leaves out', () => {
  /** Profiles CSV text read with `detect` decoding, as `mlops drift` profiles a data file. */
  async function profileCsv(csv: string): Promise<DatasetProfile> {
    const dir = await mkdtemp(join(tmpdir(), 'skip-'));
    try {
      await writeFile(join(dir, 'd.csv'), csv);
      return await profileFile(join(dir, 'd.csv'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const rows = (from: number, n: number, seed: number) => {
    const rand = mulberry32(seed);
    const out = ['id,user,day,bytes,x,plan'];
    for (let i = from; i < from + n; i++) {
      const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      out.push(`${i},u${(i * 2654435761 >>> 0).toString(16)},${day},${Math.floor(rand() * 1e9)},${(rand() * 2 - 1).toFixed(4)},${['free', 'pro', 'team'][Math.floor(rand() * 3)]}`);
    }
    return `${out.join('\n')}\n`;
  };

  it('skips dates, text identifiers and dense integer keys; keeps random integers and features', async () => {
    // The current window continues the ids and the days: compared, both would always "drift".
    const reference = await profileCsv(rows(1, 400, 1));
    const current = await profileCsv(rows(401, 400, 2));
    const report = compareProfiles(reference, current);
    expect(report.skippedColumns).toEqual([
      { name: 'id', reason: 'identifier' },
      { name: 'user', reason: 'identifier' },
      { name: 'day', reason: 'timestamp' },
    ]);
    expect(report.columns.map((c) => c.name).sort()).toEqual(['bytes', 'plan', 'x']);
    expect(report.evaluatedColumns).toBe(3);
    expect(report.drifted).toBe(false);
    // Listed features and overrides are compared whatever they look like.
    const listed = compareProfiles(reference, current, { features: ['id', 'day', 'x'] });
    expect(listed.skippedColumns).toEqual([]);
    expect(listed.columns.find((c) => c.name === 'id')?.drifted).toBe(true);
    const overridden = compareProfiles(reference, current, { overrides: [{ name: 'day' }] });
    expect(overridden.skippedColumns.map((c) => c.name)).toEqual(['id', 'user']);
    expect(overridden.columns.some((c) => c.name === 'day')).toBe(true);
  });

  it('small samples are not judged identifier-like (every value may be distinct by chance)', async () => {
    const report = compareProfiles(await profileCsv(rows(1, 60, 1)), await profileCsv(rows(61, 60, 2)));
    expect(report.skippedColumns).toEqual([{ name: 'day', reason: 'timestamp' }]);
  });
});
