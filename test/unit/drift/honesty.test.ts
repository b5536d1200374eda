import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/random.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { wasserstein1 } from '../../../src/drift/tests.ts';
import { profileFile } from '../../../src/profile/index.ts';

// Same-data splits must not cry wolf on the columns real data has (high-cardinality text, mostly
// empty numbers), and scores computed from sketches must stay close to the data's.
const dir = mkdtempSync(join(tmpdir(), 'mlops-drift-honesty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const vega = (name: string) => fileURLToPath(new URL(`../../../node_modules/vega-datasets/data/${name}`, import.meta.url));

/** Writes the header and the given data lines of a CSV text to a file. */
function writeLines(name: string, header: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
  return path;
}

/** Random halves of `lines` (seeded). */
function halves(lines: string[], seed: number): [string[], string[]] {
  const r = mulberry32(seed);
  const a: string[] = [];
  const b: string[] = [];
  for (const line of lines) (r() < 0.5 ? a : b).push(line);
  return [a, b];
}

describe('A/A on real data does not cry wolf', () => {
  it('high-cardinality text (vega airports: city, state) with both halves over 1,000 rows: Jensen–Shannon on the categories frequent in both', async () => {
    const [header, ...rows] = readFileSync(vega('airports.csv'), 'utf8').trimEnd().split('\n');
    let cityAlarms = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const [a, b] = halves(rows, seed);
      const report = compareProfiles(await profileFile(writeLines('ap-a.csv', header, a)), await profileFile(writeLines('ap-b.csv', header, b)), { features: ['city', 'state'] });
      const city = report.columns.find((c) => c.name === 'city')!;
      expect(city.method).toBe('jensenshannon');
      if (city.drifted) cityAlarms++;
      expect(report.columns.find((c) => c.name === 'state')!.drifted).toBe(false);
    }
    // Each side's own top 20 made this 10 of 10.
    expect(cityAlarms).toBeLessThanOrEqual(1);
  });

  it('a mostly-empty numeric column is tested by its own values (KS on ~200 a side), not by the row count', async () => {
    const [header, ...rows] = readFileSync(vega('weather.csv'), 'utf8').trimEnd().split('\n');
    const names = header.split(',');
    const wind = names.indexOf('wind');
    let alarms = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const mask = mulberry32(1000 + seed);
      // 85% of the cells emptied, at random, in a copy of wind.
      const lines = rows.map((line) => `${line},${mask() < 0.85 ? '' : line.split(',')[wind]}`);
      const [a, b] = halves(lines, seed);
      const report = compareProfiles(await profileFile(writeLines('ws-a.csv', `${header},ws`, a)), await profileFile(writeLines('ws-b.csv', `${header},ws`, b)), { features: ['ws'] });
      const ws = report.columns[0];
      expect(ws.method).toBe('ks');
      expect(ws.nRef).toBeLessThan(1000);
      if (ws.drifted) alarms++;
    }
    // Wasserstein chosen by the 1,461-row halves alarmed in ~43% of such splits.
    expect(alarms).toBeLessThanOrEqual(3);
  });
});

describe('scores from sketches', () => {
  it('Wasserstein is swept over the sketches: on vega birdstrikes (day vs other) it equals the distance on the data', async () => {
    // Quantile midpoints scored Cost Repair 70% below scipy's distance on this data.
    const { header, rows } = parseCsv(readFileSync(vega('birdstrikes.csv'), 'utf8'));
    const time = header.indexOf('Time of day');
    const day = rows.filter((r) => r[time] === 'Day');
    const other = rows.filter((r) => r[time] !== 'Day');
    const write = (name: string, part: string[][]) => writeLines(name, header.map((h) => JSON.stringify(h)).join(','), part.map((r) => r.map((c) => JSON.stringify(c)).join(',')));
    const features = ['Cost Repair', 'Cost Total $', 'Cost Other'];
    const report = compareProfiles(await profileFile(write('bird-day.csv', day)), await profileFile(write('bird-other.csv', other)), { features });
    for (const name of features) {
      const k = header.indexOf(name);
      const numbers = (part: string[][]) => Float64Array.from(part.map((r) => r[k]).filter((c) => c !== '').map(Number));
      const ref = numbers(day);
      const mean = ref.reduce((s, v) => s + v, 0) / ref.length;
      const std = Math.sqrt(ref.reduce((s, v) => s + (v - mean) ** 2, 0) / ref.length);
      const column = report.columns.find((c) => c.name === name)!;
      expect(column.method).toBe('wasserstein');
      expect(column.score).toBeCloseTo(wasserstein1(ref, numbers(other)) / std, 9);
    }
  });

  it('when the sketches hold fewer values than the data, the score says it comes from them (close on light tails)', async () => {
    const r = mulberry32(5);
    const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const ref = Array.from({ length: 20_000 }, () => Number(Math.exp(normal()).toFixed(4)));
    const cur = Array.from({ length: 20_000 }, () => Number((1.2 * Math.exp(normal())).toFixed(4)));
    const write = (name: string, values: number[]) => writeLines(name, 'x', values.map((v) => v.toFixed(4)));
    const report = compareProfiles(await profileFile(write('ln-ref.csv', ref)), await profileFile(write('ln-cur.csv', cur)));
    const column = report.columns[0];
    expect(column.method).toBe('wasserstein');
    const mean = ref.reduce((s, v) => s + v, 0) / ref.length;
    const std = Math.sqrt(ref.reduce((s, v) => s + (v - mean) ** 2, 0) / ref.length);
    const onData = wasserstein1(Float64Array.from(ref), Float64Array.from(cur)) / std;
    expect(Math.abs(column.score - onData) / onData).toBeLessThan(0.05);
    expect(column.approximate).toMatch(/^from the profiles' quantile sketches \(rank error ±\d+\.\d\d% of values\)$/);
  });
});

/** A small RFC 4180 reader for the test's own use (quoted fields, doubled quotes). */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\n') { record.push(field); records.push(record); record = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return { header: records[0], rows: records.slice(1) };
}
