import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { parseWorkflowCommands } from '../../support/action-runner/index.ts';

/**
 * `mlops validate`, `evaluate` and `drift` run straight from a workflow's `run:` step print column
 * names, cell values and category values. The runner reads workflow commands from both streams
 * (`::name::` at a line's start, the legacy `##[name]` anywhere): data must never raise an
 * annotation on another file, mask text or stop commands there. `--json` stays one JSON document.
 */
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'mlops-cli-wfcmd-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORGED_COLUMN = 'note\n::warning file=README.md,line=1::forged by a column';
const FORGED_VALUE = '##[error file=README.md]forged by a value';
const csvCell = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** Parses each stream as the runner does, and what the log shows of both. */
function runnerView(io: { out: string; err: string }) {
  const out = parseWorkflowCommands(io.out);
  const err = parseWorkflowCommands(io.err);
  return { annotations: [...out.annotations, ...err.annotations], masks: [...out.masks, ...err.masks], log: [...out.log, ...err.log].join('\n') };
}

function validateProject(): string {
  const project = join(dir, 'validate');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'd.csv'), `id,${csvCell(FORGED_COLUMN)}\n1,ok\n2,${csvCell(FORGED_VALUE)}\n3,\n`);
  writeFileSync(join(project, 'schema.yaml'), [
    'fields:',
    '  - { name: id, type: integer }',
    `  - name: ${JSON.stringify(FORGED_COLUMN)}`,
    '    type: string',
    '    constraints: { required: true, enum: [ok] }',
    '',
  ].join('\n'));
  return project;
}

describe('mlops validate in a run: step', () => {
  it('prints a forged column name and cell value without running them, on stdout and stderr', async () => {
    const project = validateProject();
    for (const args of [[], ['--json']]) {
      const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
      expect(await runCli(['validate', 'd.csv', '--schema', 'schema.yaml', ...args], io), io.err).toBe(1);
      const view = runnerView(io);
      expect(view.annotations, `${args}: ${io.out}\n${io.err}`).toEqual([]);
      expect(view.masks).toEqual([]);
      // The text still reaches the log as it is (the JSON document holds it escaped).
      expect(view.log).toContain(args.length === 0 ? FORGED_VALUE : '#\\u0023[error file=README.md]forged by a value');
      expect(view.log).toContain('::warning file=README.md,line=1::forged by a column');
    }
  });

  it('--json: stdout is one JSON document with the same values', async () => {
    const project = validateProject();
    const plain = memoryIo({ cwd: project });
    await runCli(['validate', 'd.csv', '--schema', 'schema.yaml', '--json'], plain);
    const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    await runCli(['validate', 'd.csv', '--schema', 'schema.yaml', '--json'], io);
    expect(JSON.parse(io.out)).toEqual(JSON.parse(plain.out));
    expect(JSON.parse(io.out).errors[0].value).toBe(FORGED_VALUE);
    expect(io.out).not.toContain('::stop-commands::');
  });

  it('stdout redirected to a file is not the log: its bytes are those printed outside Actions', async () => {
    const project = validateProject();
    for (const args of [[], ['--json']]) {
      const plain = memoryIo({ cwd: project });
      await runCli(['validate', 'd.csv', '--schema', 'schema.yaml', ...args], plain);
      const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' }, stdoutIsFile: true });
      await runCli(['validate', 'd.csv', '--schema', 'schema.yaml', ...args], io);
      expect(io.out).toBe(plain.out);
      // stderr is still the log.
      expect(runnerView({ out: '', err: io.err }).annotations).toEqual([]);
    }
  });

  it('outside Actions nothing changes; plain text in Actions is printed byte for byte', async () => {
    const project = validateProject();
    const plain = memoryIo({ cwd: project });
    await runCli(['validate', 'd.csv', '--schema', 'schema.yaml'], plain);
    expect(plain.out).not.toContain('::stop-commands::');
    expect(plain.out).toContain(FORGED_VALUE);
    writeFileSync(join(project, 'ok.csv'), 'id,x\n1,a::b\n');
    writeFileSync(join(project, 'ok.yaml'), 'fields:\n  - { name: id, type: integer }\n  - { name: x, type: string }\n');
    const a = memoryIo({ cwd: project });
    const b = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    expect(await runCli(['validate', 'ok.csv', '--schema', 'ok.yaml'], a)).toBe(0);
    expect(await runCli(['validate', 'ok.csv', '--schema', 'ok.yaml'], b)).toBe(0);
    expect(b.out).toBe(a.out);
    expect(b.err).toBe(a.err);
  });

  it('an error message naming a forged key (exit 2) is inert too', async () => {
    const project = validateProject();
    writeFileSync(join(project, 'bad.yaml'), `fields:\n  - { name: ${JSON.stringify(`id\n::error file=README.md::forged by a key`)}, type: integer }\n`);
    const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    expect(await runCli(['validate', 'd.csv', '--schema', 'bad.yaml', '--json'], io)).toBe(2);
    expect(runnerView(io).annotations, io.err).toEqual([]);
    expect(JSON.parse(io.out).error.command).toBe('validate');
  });
});

describe('mlops drift in a run: step', () => {
  it('prints forged category values and column names in its markdown and JSON without running them', async () => {
    const project = join(dir, 'drift');
    mkdirSync(project, { recursive: true });
    const rows = (n: number, forged: number): string => {
      const lines = [`temp,${csvCell(FORGED_COLUMN)}`];
      for (let i = 0; i < n; i++) lines.push(`${(i % 17) + (forged ? 9 : 0)},${i < forged ? csvCell(FORGED_VALUE) : ['a', 'b'][i % 2]}`);
      return `${lines.join('\n')}\n`;
    };
    writeFileSync(join(project, 'ref.csv'), rows(300, 0));
    writeFileSync(join(project, 'cur.csv'), rows(300, 200));
    for (const args of [[], ['--json']]) {
      const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
      expect(await runCli(['drift', '--reference', 'ref.csv', '--current', 'cur.csv', ...args], io), io.err).toBe(0);
      const view = runnerView(io);
      expect(view.annotations, `${args}: ${io.out}\n${io.err}`).toEqual([]);
      // The values still show: in the markdown as they are, in the JSON once parsed.
      if (args.length === 0) expect(view.log).toContain(FORGED_VALUE);
      else expect(JSON.stringify(JSON.parse(io.out))).toContain(FORGED_VALUE);
      expect(view.log).toContain('::warning file=README.md,line=1::forged by a column');
    }
  });
});

describe('mlops evaluate in a run: step', () => {
  it('prints a forged slice value without running it', async () => {
    const project = join(dir, 'evaluate');
    mkdirSync(project, { recursive: true });
    const lines = ['x,grp,y'];
    for (let i = 0; i < 120; i++) lines.push(`${i % 10},${i % 3 === 0 ? csvCell(FORGED_VALUE) : csvCell(`g\n::error file=README.md::forged by a slice`)},${i % 10 < 5 ? 'lo' : 'hi'}`);
    writeFileSync(join(project, 'train.csv'), `${lines.join('\n')}\n`);
    copyFileSync(join(project, 'train.csv'), join(project, 'test.csv'));
    writeFileSync(join(project, 'mlops.yaml'), [
      'name: forged',
      'data: { train: train.csv, test: test.csv, label: y, features: [x] }',
      'model: { type: mlp, hidden: [4] }',
      'train: { epochs: 1, batchSize: 32, seed: 1, backend: cpu }',
      'evaluate:',
      '  slices: [grp]',
      '  latency: { batchSizes: [1], rounds: 2, samplesPerRound: 2, warmup: 1 }',
      '  bootstrap: { resamples: 20, seed: 1 }',
      '',
    ].join('\n'));
    expect(await runCli(['train', '--out', 'model', '--backend', 'cpu'], memoryIo({ cwd: project }))).toBe(0);
    for (const args of [[], ['--json']]) {
      const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
      expect(await runCli(['evaluate', '--candidate', 'model', '--backend', 'cpu', ...args], io), io.err).toBe(0);
      const view = runnerView(io);
      expect(view.annotations, `${args}: ${io.out}\n${io.err}`).toEqual([]);
      expect(view.log).toContain('forged by a');
      if (args.length > 0) JSON.parse(io.out);
    }
  }, 60_000);
});

/** Old and new schemas whose diff names a forged column and a forged enum value. */
function schemaDiffProject(): string {
  const project = join(dir, 'schema-diff');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'old.yaml'), `fields:\n  - { name: id, type: integer }\n  - { name: ${JSON.stringify(FORGED_COLUMN)}, type: string, constraints: { enum: [${JSON.stringify(FORGED_VALUE)}, b] } }\n`);
  writeFileSync(join(project, 'new.yaml'), `fields:\n  - { name: id, type: integer }\n  - { name: ${JSON.stringify(FORGED_COLUMN)}, type: string, constraints: { enum: [b] } }\n`);
  return project;
}

/** A CSV whose inferred schema and profile hold a forged column name and forged enum values. */
function forgedDataProject(): string {
  const project = join(dir, 'forged-data');
  mkdirSync(project, { recursive: true });
  const lines = [`id,${csvCell(FORGED_COLUMN)}`];
  for (let i = 0; i < 60; i++) lines.push(`${i + 1},${csvCell([FORGED_VALUE, 'ok', 'x\n::error file=README.md::forged by a line'][i % 3]!)}`);
  writeFileSync(join(project, 'd.csv'), `${lines.join('\n')}\n`);
  return project;
}

describe('mlops schema diff, schema infer and profile in a run: step', () => {
  it('schema diff: the human report on stdout runs nothing and still shows the values; --json stays one document', async () => {
    const project = schemaDiffProject();
    const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    expect(await runCli(['schema', 'diff', 'old.yaml', 'new.yaml'], io), io.err).toBe(0);
    const view = runnerView(io);
    expect(view.annotations, io.out).toEqual([]);
    expect(view.log).toContain(FORGED_VALUE);
    const json = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    expect(await runCli(['schema', 'diff', 'old.yaml', 'new.yaml', '--json'], json)).toBe(0);
    expect(runnerView(json).annotations).toEqual([]);
    const plain = memoryIo({ cwd: project });
    await runCli(['schema', 'diff', 'old.yaml', 'new.yaml', '--json'], plain);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(plain.out));
  });

  it('schema infer: the YAML on stdout runs nothing and loads as the same schema; -o and a redirected stdout are byte-exact', async () => {
    const project = forgedDataProject();
    const plain = memoryIo({ cwd: project });
    expect(await runCli(['schema', 'infer', 'd.csv'], plain), plain.err).toBe(0);
    // The threat is real: outside the guard the enum value would be run.
    expect(parseWorkflowCommands(plain.out).annotations).not.toEqual([]);
    const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    expect(await runCli(['schema', 'infer', 'd.csv'], io), io.err).toBe(0);
    expect(runnerView(io).annotations, io.out).toEqual([]);
    expect(io.out).not.toContain('::stop-commands::');
    expect(yaml.load(io.out)).toEqual(yaml.load(plain.out));
    writeFileSync(join(project, 'piped.yaml'), io.out);
    expect(await runCli(['schema', 'diff', 'piped.yaml', 'piped.yaml'], memoryIo({ cwd: project }))).toBe(0);
    // A file is not the log.
    const redirected = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' }, stdoutIsFile: true });
    await runCli(['schema', 'infer', 'd.csv'], redirected);
    expect(redirected.out).toBe(plain.out);
    expect(await runCli(['schema', 'infer', 'd.csv', '-o', 'inferred.yaml'], memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } }))).toBe(0);
    expect(readFileSync(join(project, 'inferred.yaml'), 'utf8')).toBe(plain.out);
  });

  it('schema infer: a schema with nothing command-like is printed as outside Actions', async () => {
    const project = join(dir, 'plain-infer');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'd.csv'), 'id,x\n1,a::b\n2,c\n');
    const a = memoryIo({ cwd: project });
    const b = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
    await runCli(['schema', 'infer', 'd.csv'], a);
    await runCli(['schema', 'infer', 'd.csv'], b);
    expect(b.out).toBe(a.out);
  });

  it('profile: the profile JSON on stdout runs nothing and parses as the same profile', async () => {
    const project = forgedDataProject();
    for (const args of [['profile', 'd.csv'], ['profile', 'd.csv', '--seed', '7']]) {
      const plain = memoryIo({ cwd: project });
      expect(await runCli(args, plain), plain.err).toBe(0);
      expect(parseWorkflowCommands(plain.out).annotations).not.toEqual([]);
      const io = memoryIo({ cwd: project, env: { GITHUB_ACTIONS: 'true' } });
      expect(await runCli(args, io), io.err).toBe(0);
      expect(runnerView(io).annotations, io.out).toEqual([]);
      expect(JSON.parse(io.out)).toEqual(JSON.parse(plain.out));
    }
  });
});
