import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompositeAction } from '../../support/action-runner/index.ts';
import { FIXTURES, cli, injectFaults, tempDir } from './helpers.ts';
import { sourceActionCheckout } from '../../support/action-runner/source-checkout.ts';

let dir: string;
let cleanup: () => Promise<void>;
let workspace: string;
let actionRoot: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  workspace = join(dir, 'ws');
  await mkdir(join(workspace, 'data'), { recursive: true });
  // 25 bad rows (more than the 10 annotations GitHub shows) and one breaking schema change.
  const faults: Record<number, { cell: number; value: string }> = {};
  for (let i = 0; i < 25; i++) faults[20 + i * 40] = { cell: 2, value: '99' };
  await injectFaults(join(FIXTURES, 'weather.csv'), join(workspace, 'data', 'weather.csv'), faults);
  await copyFile(join(FIXTURES, 'weather.schema.yaml'), join(workspace, 'data', 'schema.yaml'));
  await writeFile(join(workspace, 'data', 'base.yaml'), (await readFile(join(FIXTURES, 'weather.schema.yaml'), 'utf8')).replace('maximum: 45', 'maximum: 50'));
  // actions/validate/action.yml as the runner runs it, dist/mlops.mjs replaced by the CLI from source.
  actionRoot = join(dir, 'repo');
  await sourceActionCheckout(actionRoot, 'validate');
});
afterAll(async () => cleanup());

describe('actions/validate (composite action)', () => {
  it('annotates the first 10 bad lines, writes the summary and outputs, fails the step', async () => {
    const result = await runCompositeAction(join(actionRoot, 'actions', 'validate'), {
      inputs: { data: 'data/weather.csv', schema: 'data/schema.yaml', 'base-schema': 'data/base.yaml', 'setup-node': 'false', 'max-errors': '100', report: 'out/report.json' },
      workspace,
    });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ valid: 'false', 'error-count': '25' });
    expect(result.outputs.report).toBe(join(workspace, 'out', 'report.json'));
    const report = JSON.parse(await readFile(result.outputs.report, 'utf8'));
    expect(report).toMatchObject({ valid: false, rows: 1461, errorCount: 25, file: 'data/weather.csv', schema: 'data/schema.yaml' });
    expect(report.schemaDiff.changes[0]).toMatchObject({ severity: 'breaking', field: 'temp_max', change: 'constraint.maximum.tightened' });

    const errors = result.annotations.filter((a) => a.level === 'error' && a.title !== undefined);
    expect(errors).toHaveLength(10);
    expect(errors.map((a) => [a.file, a.line, a.title])).toEqual(Array.from({ length: 10 }, (_, i) => ['data/weather.csv', 20 + i * 40, 'temp_max: maximum']));
    expect(errors[0].message).toBe('99 is greater than maximum 45');
    expect(result.annotations.some((a) => a.level === 'warning' && /breaking schema change/.test(a.title ?? ''))).toBe(true);

    expect(result.summary).toContain('### Data validation: `data/weather.csv`');
    expect(result.summary).toContain('**Invalid**: 25 errors in 1,461 rows');
    expect(result.summary).toMatch(/\| maximum +\| +25 \|/);
    expect(result.summary).toMatch(/\| `temp_max` +\| number +\| +❌ 25 \| +0 \| +-1.6 \| +35.6 \| maximum 25 +\|/);
    expect(result.summary).toContain('#### Schema changes against the base branch');
    expect(result.summary).toMatch(/⚠️ breaking \| temp_max +\| maximum 50 → 45/);
  }, 60_000);

  it('a glob of shards: each file validated and annotated at its own path, totals in the outputs and the summary', async () => {
    const text = await readFile(join(FIXTURES, 'weather.csv'), 'utf8');
    const [header, ...rows] = text.trimEnd().split('\n');
    await mkdir(join(workspace, 'shards'), { recursive: true });
    await writeFile(join(workspace, 'shards', 'part-1.csv'), `${header}\n${rows.slice(0, 700).join('\n')}\n`);
    const bad = rows.slice(700);
    bad[4] = bad[4]!.split(',').map((v, i) => (i === 2 ? '99' : v)).join(',');
    await writeFile(join(workspace, 'shards', 'part-2.csv'), `${header}\n${bad.join('\n')}\n`);
    const result = await runCompositeAction(join(actionRoot, 'actions', 'validate'), {
      inputs: { data: 'shards/part-*.csv', schema: 'data/schema.yaml', 'setup-node': 'false', report: 'out/shards.json' },
      workspace,
    });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ valid: 'false', 'error-count': '1' });
    const doc = JSON.parse(await readFile(result.outputs.report, 'utf8'));
    expect(doc).toMatchObject({ valid: false, rows: 1461, errorCount: 1 });
    expect(doc.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([['shards/part-1.csv', true], ['shards/part-2.csv', false]]);
    const errors = result.annotations.filter((a) => a.level === 'error' && a.title !== undefined);
    expect(errors.map((a) => [a.file, a.line, a.title])).toEqual([['shards/part-2.csv', 6, 'temp_max: maximum']]);
    expect(result.summary).toContain('### Data validation: 2 files');
    expect(result.summary).toContain('**Invalid**: 1 of 2 files fail — 1 error in 1,461 rows.');
    expect(result.summary).toContain('#### Data validation: `shards/part-2.csv`');
  }, 60_000);

  it('passes on valid data with outputs valid=true', async () => {
    await copyFile(join(FIXTURES, 'weather.csv'), join(workspace, 'data', 'good.csv'));
    const result = await runCompositeAction(join(actionRoot, 'actions', 'validate'), {
      inputs: { data: 'data/good.csv', schema: 'data/schema.yaml', 'setup-node': 'false' },
      workspace,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ valid: 'true', 'error-count': '0' });
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(result.summary).toContain('**Valid**: 1,461 rows pass every rule');
  }, 60_000);
});

describe('mlops action validate (in-process)', () => {
  it('a missing required input is exit 2 naming the input', async () => {
    const { code, out, err } = await cli(['action', 'validate'], { env: { INPUT_DATA: 'x.csv' }, cwd: workspace });
    expect(code).toBe(2);
    expect(`${out}${err}`).toMatch(/input 'schema' is required/);
  });

  it('a glob with a base schema logs the schema diff once, after the files', async () => {
    await mkdir(join(workspace, 'logshards'), { recursive: true });
    const text = await readFile(join(FIXTURES, 'weather.csv'), 'utf8');
    const [header, ...rows] = text.trimEnd().split('\n');
    await writeFile(join(workspace, 'logshards', 'a.csv'), `${header}\n${rows.slice(0, 10).join('\n')}\n`);
    await writeFile(join(workspace, 'logshards', 'b.csv'), `${header}\n${rows.slice(10, 20).join('\n')}\n`);
    const { code, out, err } = await cli(['action', 'validate'], {
      env: { INPUT_DATA: 'logshards/*.csv', INPUT_SCHEMA: 'data/schema.yaml', 'INPUT_BASE-SCHEMA': 'data/base.yaml', INPUT_COMMENT: 'false', GITHUB_WORKSPACE: workspace, RUNNER_TEMP: dir },
      cwd: workspace,
    });
    expect(code).toBe(0);
    // Outside GitHub the runtime logs to stderr.
    const log = `${out}${err}`;
    expect(log.match(/BREAKING +temp_max: maximum 50 → 45/g)).toHaveLength(1);
    expect(log.indexOf('BREAKING')).toBeGreaterThan(log.indexOf('logshards/b.csv is valid'));
  });

  it('a schema field missing from the data names the data and the schema by their repository paths', async () => {
    await writeFile(join(workspace, 'data', 'wider.yaml'), `${await readFile(join(FIXTURES, 'weather.schema.yaml'), 'utf8')}  - { name: humidity, type: number }\n`);
    await copyFile(join(FIXTURES, 'weather.csv'), join(workspace, 'data', 'good.csv'));
    const { code, out, err } = await cli(['action', 'validate'], { env: { INPUT_DATA: 'data/good.csv', INPUT_SCHEMA: 'data/wider.yaml', INPUT_COMMENT: 'false', GITHUB_WORKSPACE: workspace }, cwd: workspace });
    expect(code).toBe(2);
    expect(`${out}${err}`).toMatch(/data\/good\.csv:1 \(humidity\): schema field 'humidity' is not in the data .*; schema data\/wider\.yaml/);
    expect(`${out}${err}`).not.toContain(workspace);
  });

  it('a bad schema fails the step with the file:line:col message', async () => {
    await writeFile(join(workspace, 'data', 'bad.yaml'), 'fields:\n  - { name: date, typ: date }\n');
    const { code, out, err } = await cli(['action', 'validate'], { env: { INPUT_DATA: 'data/good.csv', INPUT_SCHEMA: 'data/bad.yaml', GITHUB_WORKSPACE: workspace }, cwd: workspace });
    expect(code).toBe(2);
    expect(`${out}${err}`).toContain("data/bad.yaml:2:19 (fields[0].typ): unknown key 'typ'");
  });
});
