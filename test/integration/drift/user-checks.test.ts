import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { mulberry32 } from '../../../src/core/random.ts';

// A data scientist's scheduled check, run as they would run it: the CLI and the drift action on
// small files written here, with the config, schema and profiles they would write by hand.
const root = mkdtempSync(join(tmpdir(), 'mlops-drift-user-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A CSV of `n` rows: temp ~ N(10 + shift, 3), city of three values. */
function csv(path: string, n: number, seed: number, shift = 0): string {
  const r = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const lines = ['temp,city'];
  for (let i = 0; i < n; i++) lines.push(`${(10 + shift + 3 * normal()).toFixed(2)},${['a', 'b', 'c'][Math.floor(r() * 3)]}`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('drift.reference in mlops.yaml', () => {
  it('a relative file is found next to the config, like drift.current, from the CLI and the action', async () => {
    const project = join(root, 'ref-relative');
    csv(join(project, 'models/weather/data/train.csv'), 400, 1);
    csv(join(project, 'models/weather/data/latest.csv'), 300, 2, 4);
    writeFileSync(join(project, 'models/weather/mlops.yaml'), 'name: weather\ndrift:\n  reference: data/train.csv\n  current: data/latest.csv\n');

    const io = memoryIo({ cwd: project });
    const code = await runCli(['drift', '--config', 'models/weather/mlops.yaml', '--json'], io);
    expect(code, io.err).toBe(0);
    const json = JSON.parse(io.out);
    expect(json.drifted).toBe(true);
    // Recorded relative to the working directory, as the label shows it (not the runner's absolute checkout path).
    expect(json.reference.sources[0].path).toBe('models/weather/data/train.csv');
    // Each side names what was compared, as the report's heading does.
    expect(json.reference.label).toBe('models/weather/data/train.csv');
    expect(json.current.label).toBe('models/weather/data/latest.csv');
    expect(Object.keys(json).slice(0, 4)).toEqual(['model', 'reference', 'current', 'drifted']);

    const action = memoryIo({ cwd: project, env: { GITHUB_WORKSPACE: project, 'INPUT_CONFIG': 'models/weather/mlops.yaml', 'INPUT_OPEN-PR': 'false', 'INPUT_REPORT': 'drift.json' } });
    expect(await runCli(['action', 'drift'], action), action.err).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'drift.json'), 'utf8')).drifted).toBe(true);
  });
});

describe('drift.features naming a column the data lacks', () => {
  it('is exit 2 at that line of mlops.yaml, the data file in the message', async () => {
    const project = join(root, 'features-missing');
    csv(join(project, 'data/train.csv'), 200, 1);
    csv(join(project, 'data/latest.csv'), 200, 2);
    writeFileSync(join(project, 'mlops.yaml'), 'name: weather\ndrift:\n  reference: data/train.csv\n  current: data/latest.csv\n  features:\n    - { name: temp }\n    - { name: humidity, method: ks }\n');
    const io = memoryIo({ cwd: project });
    expect(await runCli(['drift', '--json'], io)).toBe(2);
    expect(io.err).toMatch(/mlops\.yaml:7:\d+ \(drift\.features\[1\]\): feature 'humidity' is not in the reference data \(.*data\/train\.csv\)/);
  });
});

describe('the drift action', () => {
  it('warns about a feature that stopped being filled with its null rates, not a NaN score', async () => {
    const project = join(root, 'null-rate');
    csv(join(project, 'train.csv'), 400, 3);
    const lines = ['temp,city'];
    for (let i = 0; i < 300; i++) lines.push(`,${['a', 'b', 'c'][i % 3]}`);
    writeFileSync(join(project, 'latest.csv'), `${lines.join('\n')}\n`);
    writeFileSync(join(project, 'mlops.yaml'), 'name: weather\ndrift:\n  reference: train.csv\n  current: latest.csv\n');
    const io = memoryIo({ cwd: project, env: { GITHUB_WORKSPACE: project, 'INPUT_OPEN-PR': 'false', 'INPUT_REPORT': 'drift.json' } });
    expect(await runCli(['action', 'drift'], io), io.err).toBe(0);
    const warning = io.err.split('\n').find((line) => line.includes('drift in temp'));
    expect(warning).toBe('warning: drift in temp: temp: nulls 0.0% → 100.0% (null rate)');
  });
});
