import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { createActionsRuntime, escapeCommandData, escapeCommandProperty, formatCommand } from '../../../src/actions/runtime.ts';

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-runtime-'));
  env = { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  await writeFile(env.GITHUB_OUTPUT!, '');
  await writeFile(env.GITHUB_STEP_SUMMARY!, '');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('workflow command escaping', () => {
  it('escapes data and properties as the runner decodes them', () => {
    expect(escapeCommandData('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab:c,d');
    expect(escapeCommandProperty('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab%3Ac%2Cd');
    expect(formatCommand('error', { file: 'a,b:c.csv', line: 3, title: undefined }, 'bad\nvalue')).toBe('::error file=a%2Cb%3Ac.csv,line=3::bad%0Avalue');
    expect(formatCommand('endgroup', {}, '')).toBe('::endgroup::');
  });
});

describe('createActionsRuntime in Actions', () => {
  it('writes single-line outputs as name=value and multi-line ones as heredocs', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io, { delimiter: () => 'EOF_1' });
    rt.setOutput('valid', true);
    rt.setOutput('rows', 42);
    rt.setOutput('report', 'line 1\nline 2');
    expect(await readFile(env.GITHUB_OUTPUT!, 'utf8')).toBe('valid=true\nrows=42\nreport<<EOF_1\nline 1\nline 2\nEOF_1\n');
    expect(rt.outputs.get('report')).toBe('line 1\nline 2');
    expect(() => rt.setOutput('bad name', 'x')).toThrow(TypeError);
  });

  it('picks another delimiter when the value contains the delimiter line', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io, { delimiter: () => 'EOF' });
    rt.setOutput('x', 'a\nEOF\nb');
    const text = await readFile(env.GITHUB_OUTPUT!, 'utf8');
    const delimiter = /^x<<(.+)$/m.exec(text)![1]!;
    expect(delimiter).not.toBe('EOF');
    expect(text).toBe(`x<<${delimiter}\na\nEOF\nb\n${delimiter}\n`);
  });

  it('emits annotations with escaped properties, capped at 10 per level and counted', () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io);
    for (let i = 1; i <= 13; i++) rt.annotate('error', `bad ${i}`, { file: 'data/x.csv', startLine: i, title: 'type, number' });
    rt.annotate('warning', 'careful');
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('::error title=type%2C number,file=data/x.csv,line=1::bad 1');
    expect(lines[10]).toBe('::warning::careful');
    expect(rt.annotationCounts()).toEqual({ error: { emitted: 10, suppressed: 3 }, warning: { emitted: 1, suppressed: 0 }, notice: { emitted: 0, suppressed: 0 } });
    // A second runtime over the same io (the entry's own) shares the step-wide cap.
    const again = createActionsRuntime(io);
    again.annotate('error', 'more');
    expect(again.annotationCounts().error).toEqual({ emitted: 10, suppressed: 4 });
    const before = io.out.length;
    rt.finish();
    expect(io.out.slice(before)).toBe('4 more error annotations not shown: GitHub displays at most 10 per level per step (see the log and the job summary)\n');
  });

  it('makes absolute annotation paths inside the workspace repository-relative', () => {
    const io = memoryIo({ env: { ...env, GITHUB_WORKSPACE: '/home/runner/work/repo/repo' } });
    const rt = createActionsRuntime(io);
    rt.annotate('warning', 'a', { file: '/home/runner/work/repo/repo/data/x.csv', startLine: 2 });
    rt.annotate('warning', 'b', { file: '/tmp/elsewhere.csv' });
    rt.annotate('warning', 'c', { file: 'already/relative.csv' });
    expect(io.out).toBe('::warning file=data/x.csv,line=2::a\n::warning file=/tmp/elsewhere.csv::b\n::warning file=already/relative.csv::c\n');
  });

  it('masks secrets: add-mask once, then scrubbed from logs, outputs, summary and the scrubbing io', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io);
    rt.setSecret('ghp_secret%1');
    rt.setSecret('ghp_secret%1');
    rt.info('token is ghp_secret%1');
    rt.setOutput('t', 'x ghp_secret%1');
    rt.appendSummary('# ghp_secret%1\n');
    rt.annotate('error', 'leaked ghp_secret%1', { title: 'ghp_secret%1' });
    rt.io.stderr('err ghp_secret%1\n');
    createActionsRuntime(rt.io).info('via wrapped ghp_secret%1');
    expect(io.out).toBe('::add-mask::ghp_secret%251\ntoken is ***\n::error title=***::leaked ***\nvia wrapped ***\n');
    expect(io.err).toBe('err ***\n');
    expect(await readFile(env.GITHUB_OUTPUT!, 'utf8')).toBe('t=x ***\n');
    expect(await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8')).toBe('# ***\n');
  });

  it('groups log lines and closes the group when the body throws', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io);
    expect(await rt.group('Read data', () => 7)).toBe(7);
    await expect(rt.group('Fail', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(io.out).toBe('::group::Read data\n::endgroup::\n::group::Fail\n::endgroup::\n');
  });

  it('appends to the job summary and cuts it below the limit with a note', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io, { summaryLimitBytes: 2000 });
    rt.appendSummary('# Report\n\n');
    const block = '```\n' + 'x'.repeat(100) + '\n'.repeat(1) ;
    rt.appendSummary(block.repeat(30));
    rt.appendSummary('dropped');
    const written = await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(Buffer.byteLength(written)).toBeLessThanOrEqual(2000);
    expect(written.startsWith('# Report\n\n```\n')).toBe(true);
    expect(written).toContain('[!WARNING]');
    expect(written).not.toContain('dropped');
    expect(written).toBe(rt.summary);
    const before = io.out.length;
    rt.finish();
    expect(io.out.slice(before)).toContain('1 job summary section(s) dropped');
  });

  it('never exceeds 1 MiB for a real-sized summary', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io);
    const row = `| ${'é'.repeat(50)} | 1 |\n`;
    rt.appendSummary(`| a | b |\n|---|---|\n${row.repeat(20_000)}`);
    const bytes = (await readFile(env.GITHUB_STEP_SUMMARY!)).length;
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(bytes).toBeGreaterThan(1000 * 1024);
  });
});

describe('createActionsRuntime outside Actions', () => {
  it('degrades to stderr lines and in-memory outputs', async () => {
    const io = memoryIo({ env: { GITHUB_OUTPUT: env.GITHUB_OUTPUT } });
    const rt = createActionsRuntime(io);
    expect(rt.inActions).toBe(false);
    rt.setOutput('a', 'b');
    rt.setSecret('s3cret');
    rt.annotate('warning', 'odd value s3cret', { file: 'x.csv', startLine: 4, startColumn: 2, title: 'range' });
    rt.annotate('error', 'no location');
    rt.appendSummary('# hi');
    rt.debug('hidden');
    await rt.group('Step', () => undefined);
    expect(io.out).toBe('');
    expect(io.err).toBe('x.csv:4:2: warning: range: odd value ***\nerror: no location\nStep\n');
    expect(rt.outputs.get('a')).toBe('b');
    expect(rt.summary).toBe('# hi');
    expect(await readFile(env.GITHUB_OUTPUT!, 'utf8')).toBe('');
  });
});

describe('outputs round-trip through the runner-side env-file parser', () => {
  it('any value (multi-line, delimiter-like, = and <<) reads back unchanged', async () => {
    const fc = (await import('fast-check')).default;
    const { parseEnvFile } = await import('../../support/action-runner/commands.ts');
    const line = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''));
    const value = fc.oneof(line, fc.array(fc.oneof(line, fc.constant('EOF'), fc.constant('a<<b=c')), { maxLength: 5 }).map((ls) => ls.join('\n')));
    let n = 0;
    await fc.assert(fc.asyncProperty(value, async (v) => {
      const path = join(dir, `out-${n++}`);
      await writeFile(path, '');
      const rt = createActionsRuntime(memoryIo({ env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: path } }), { delimiter: () => 'EOF' });
      rt.setOutput('x', v);
      expect(parseEnvFile(await readFile(path, 'utf8'))).toEqual({ x: v });
    }), { numRuns: 150 });
  });
});
