import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { createActionsRuntime } from '../../../src/actions/runtime.ts';
import { runCli } from '../../../src/cli/main.ts';
import { actionsCheckout, parseWorkflowCommands, runCompositeAction } from '../../support/action-runner/index.ts';

/**
 * The runner treats a log line that starts with `::name…::` (after blanks) as a workflow command,
 * and `##[name…]` ANYWHERE in a line too (its legacy syntax), `stop-commands` included. Text the
 * product prints from data — a cell value, a column name — must never be run as one: it could
 * place annotations on any file, mask words, or stop every later command of the step.
 */
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'mlops-cmd-injection-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ GITHUB_ACTIONS: 'true' });

describe('the runtime never lets printed text act as a workflow command', () => {
  it.each([
    ['a line that starts with ::', 'column\n::warning file=README.md,line=1::forged'],
    ['a line that starts with blanks and ::', 'value:\n   ::error::forged'],
    ['a lone CR before ::', 'x\r::notice::forged'],
    ['the legacy ##[ form in the middle of a line', "[b] enum: '##[error]forged' is not one of [\"x\"]"],
    ['a stop-commands that would silence the step', 'x ##[stop-commands]abc'],
  ])('info(): %s is printed, not run', (_what, text) => {
    const io = memoryIo({ env: env() });
    const rt = createActionsRuntime(io);
    rt.info(text);
    rt.annotate('warning', 'a real one');
    const parsed = parseWorkflowCommands(io.out);
    expect(parsed.annotations).toEqual([{ level: 'warning', message: 'a real one' }]);
    expect(parsed.masks).toEqual([]);
    // The text itself still reaches the log, unchanged.
    expect(parsed.log.join('\n')).toContain(text.replace(/\r/g, '\n').split('\n').at(-1));
  });

  it('what the entries print through runtime.io is guarded too, on stdout and stderr; the runtime\'s own commands still work', () => {
    const io = memoryIo({ env: env() });
    const outer = createActionsRuntime(io);
    // An entry makes its own runtime over the io it was given (as evaluate and drift do).
    const inner = createActionsRuntime(outer.io);
    outer.io.stderr('slice ##[warning]forged\n');
    outer.io.stdout('::error::forged\n');
    inner.annotate('error', 'gate failed', { title: 'Gate failed: accuracy' });
    inner.setSecret('ghs_aTokenToMask');
    const parsed = parseWorkflowCommands(`${io.out}\n${io.err}`);
    expect(parsed.annotations).toEqual([{ level: 'error', message: 'gate failed', title: 'Gate failed: accuracy' }]);
    expect(parsed.masks).toEqual(['ghs_aTokenToMask']);
  });

  it('plain text is printed exactly as before (no wrapping without a command-like pattern)', () => {
    const io = memoryIo({ env: env() });
    const rt = createActionsRuntime(io);
    rt.info('dataset drift: 2/4 features drifted (a::b, c)');
    rt.io.stderr('ratio 1:2, ## not a command [x]\n');
    expect(io.out).toBe('dataset drift: 2/4 features drifted (a::b, c)\n');
    expect(io.err).toBe('ratio 1:2, ## not a command [x]\n');
  });

  it('output() passes the repository\'s own program output through, commands included (an external trainer\'s annotations)', () => {
    const io = memoryIo({ env: env() });
    const rt = createActionsRuntime(io);
    rt.output('epoch 1\n::warning::learning rate is high\n');
    expect(parseWorkflowCommands(io.out).annotations).toEqual([{ level: 'warning', message: 'learning rate is high' }]);
  });
});

describe('actions/validate: data cannot forge annotations', () => {
  it('a cell value and a column name that look like workflow commands give only the validation\'s own annotations', async () => {
    const workspace = join(dir, 'ws');
    mkdirSync(join(workspace, 'data'), { recursive: true });
    // A column name with a line break, and values that carry the legacy command syntax.
    writeFileSync(join(workspace, 'data', 'd.csv'), 'id,"note\n::warning file=README.md,line=1::forged by a column"\n1,ok\n2,"##[error file=README.md]forged by a value"\n3,\n');
    writeFileSync(join(workspace, 'data', 'schema.yaml'), [
      'fields:',
      '  - { name: id, type: integer }',
      '  - name: "note\\n::warning file=README.md,line=1::forged by a column"',
      '    type: string',
      '    constraints: { required: true, enum: [ok] }',
      '',
    ].join('\n'));
    const result = await runCompositeAction(join(actionsCheckout(), 'actions', 'validate'), {
      inputs: { data: 'data/d.csv', schema: 'data/schema.yaml', comment: 'false', 'setup-node': 'false' },
      workspace,
      runnerTemp: join(dir, 'tmp'),
      eventName: 'push',
    });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.annotations.length).toBeGreaterThan(0);
    const forged = result.annotations.filter((a) => /forged/.test(`${a.message} ${a.title ?? ''}`) && a.file === 'README.md');
    expect(forged, JSON.stringify(result.annotations, null, 2)).toEqual([]);
    // Every annotation is the validator's, on the data file.
    for (const a of result.annotations) expect(a.file, JSON.stringify(a)).toBe('data/d.csv');
  });
});

describe('an external trainer (train.command) keeps its own workflow commands', () => {
  it('its ::warning:: still becomes an annotation when mlops trains in Actions', async () => {
    const sub = join(dir, 'ext');
    mkdirSync(sub, { recursive: true });
    copyFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'train', 'penguins-train.csv'), join(sub, 'train.csv'));
    writeFileSync(join(sub, 'trainer.cjs'), [
      "const fs = require('node:fs');",
      "const path = require('node:path');",
      "console.log('::warning title=trainer::learning rate looks high');",
      "fs.writeFileSync(path.join(process.env.MLOPS_OUTPUT_DIR, 'model.pt'), 'weights');",
      "fs.writeFileSync(path.join(process.env.MLOPS_OUTPUT_DIR, 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));",
    ].join('\n'));
    writeFileSync(join(sub, 'mlops.yaml'), 'name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: "node trainer.cjs" }\n');
    writeFileSync(join(sub, 'summary.md'), '');
    writeFileSync(join(sub, 'output.txt'), '');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH!, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(sub, 'summary.md'), GITHUB_OUTPUT: join(sub, 'output.txt') } });
    expect(await runCli(['train', '--out', 'model'], io), io.err).toBe(0);
    expect(parseWorkflowCommands(io.out).annotations).toContainEqual({ level: 'warning', title: 'trainer', message: 'learning rate looks high' });
  });
});
