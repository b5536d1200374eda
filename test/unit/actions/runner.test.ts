import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvFile, parseWorkflowCommands, runCompositeAction, runWorkflowJob } from '../../support/action-runner/index.ts';
import { evaluateCondition, evaluateTemplate, splitTemplate } from '../../support/action-runner/expressions.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'actions');
let workspace: string;
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'mlops-runner-ws-'));
  cpSync(fixtures, join(workspace, 'fixtures-link'), { recursive: true });
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

describe('runCompositeAction', () => {
  it('runs steps with the env contract, maps outputs, collects summary and annotations', async () => {
    const result = await runCompositeAction(join(fixtures, 'echo'), {
      inputs: { greeting: 'Ada' },
      workspace,
      token: 'ghs_tokenvalue',
      event: { pull_request: { number: 7, head: { ref: 'feature' }, base: { ref: 'main' } } },
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({ message: 'hello Ada', lines: 'line 1\nline 2', recovered: '', node: process.version });
    expect(result.summary).toBe('## Greeting\n\nhello Ada\n');
    expect(result.annotations).toEqual([{ level: 'warning', title: 'count', message: '2 lines', step: 'Run node "$GITHUB_ACTION_PATH/greet.mjs"' }]);
    expect(result.masks).toEqual(['ghs_tokenvalue']);
    expect(result.stdout).toContain('workspace=true action=true');
    expect(result.stdout).toContain('pr=7');
    expect(result.env.FROM_GREET).toBe('set by greet');
    expect(result.steps.map((s) => [s.id, s.outcome])).toEqual([['node', 'success'], ['greet', 'success'], ['env-check', 'success'], ['boom', 'skipped'], ['recover', 'skipped']]);
  });

  it('fails with pipefail semantics, runs failure() steps, decodes escaped annotations', async () => {
    const result = await runCompositeAction(join(fixtures, 'echo', 'action.yml'), { inputs: { greeting: 'x', fail: true, count: 1 }, workspace });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain('not reached');
    expect(result.outputs.recovered).toBe('yes');
    expect(result.annotations).toContainEqual({ level: 'error', file: 'data/x.csv', line: 3, title: 'bad, value', message: 'row 3\nis bad', step: 'Run echo "::error file=data/x.csv,line=3,title=bad%2C value::row 3%0Ais bad"' });
    expect(result.steps.find((s) => s.id === 'boom')!.outcome).toBe('failure');
  });

  it('runs nested local actions resolved against the workspace and warns on unexpected inputs', async () => {
    const result = await runCompositeAction(join(fixtures, 'wrapper'), { inputs: { who: 'Grace', extra: 'x' }, workspace });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.message).toBe('hello Grace');
    expect(result.steps[0]!.steps!.map((s) => s.id)).toContain('greet');
    expect(result.annotations.some((a) => a.level === 'warning' && a.message.startsWith("Unexpected input(s) 'extra'"))).toBe(true);
  });

  it('keeps a given RUNNER_TEMP and passes job env such as an emulator URL to the steps', async () => {
    const runnerTemp = join(workspace, 'runner-temp');
    const dir = join(workspace, 'envcheck');
    const { mkdirSync, writeFileSync, readFileSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'action.yml'), [
      'name: env check', 'description: d', 'runs:', '  using: composite', '  steps:',
      '    - shell: bash',
      '      run: echo "$GITHUB_API_URL $GITHUB_EVENT_NAME $RUNNER_TEMP $GITHUB_ACTIONS" > "$RUNNER_TEMP/seen.txt"', '',
    ].join('\n'));
    const result = await runCompositeAction(dir, { workspace, runnerTemp, env: { GITHUB_API_URL: 'http://127.0.0.1:9/api' }, eventName: 'workflow_dispatch' });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(runnerTemp, 'seen.txt'), 'utf8')).toBe(`http://127.0.0.1:9/api workflow_dispatch ${runnerTemp} true\n`);
  });

  it('rejects an action.yml that GitHub would reject', async () => {
    const bad = join(workspace, 'bad');
    cpSync(join(fixtures, 'echo'), bad, { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(bad, 'action.yml'), 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n');
    await expect(runCompositeAction(bad, { workspace })).rejects.toThrow('Required property is missing: shell');
  });
});

describe('runWorkflowJob', () => {
  it('runs jobs with workflow_call input defaults, job outputs and artifacts shared across jobs', async () => {
    const artifactDir = join(workspace, '.artifacts');
    const greet = await runWorkflowJob(join(fixtures, 'workflow.yml'), 'greet', { workspace, artifactDir, inputs: { who: 'Linus' } });
    expect(greet.exitCode).toBe(0);
    expect(greet.outputs).toEqual({ message: 'hello Linus' });
    expect(existsSync(join(artifactDir, 'msg', 'msg.txt'))).toBe(true);
    const consume = await runWorkflowJob(join(fixtures, 'workflow.yml'), 'consume', { workspace, artifactDir });
    expect(consume.exitCode).toBe(0);
    expect(consume.steps[1]!.outputs.text).toBe('hi hello Linus');
    const skipUpload = await runWorkflowJob(join(fixtures, 'workflow.yml'), 'greet', { workspace, artifactDir, inputs: { upload: false } });
    expect(skipUpload.steps.at(-1)!.outcome).toBe('skipped');
    // Uploading the same artifact name twice in one workflow run fails, as with upload-artifact v4.
    const again = await runWorkflowJob(join(fixtures, 'workflow.yml'), 'greet', { workspace, artifactDir });
    expect(again.exitCode).toBe(1);
  });
});

describe('first-party actions', () => {
  it('runs this project\'s own actions, called by tag, from the checkout', async () => {
    const result = await runWorkflowJob(join(fixtures, 'workflow.yml'), 'first-party', { workspace });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({ message: 'hello world' });
  });
});

describe('runner pieces', () => {
  it('parses env files with heredocs and rejects a missing delimiter', () => {
    expect(parseEnvFile('a=1=2\nb<<EOF\nx\ny\nEOF\nc=\n')).toEqual({ a: '1=2', b: 'x\ny', c: '' });
    expect(() => parseEnvFile('b<<EOF\nx\n')).toThrow("matching delimiter not found 'EOF'");
  });
  it('parses workflow commands and honours stop-commands', () => {
    const parsed = parseWorkflowCommands('::notice file=a%3Ab.csv,line=2::hi\n::stop-commands::tok\n::error::ignored\n::tok::\n::add-mask::s%25\nplain');
    expect(parsed.annotations).toEqual([{ level: 'notice', file: 'a:b.csv', line: 2, message: 'hi' }]);
    expect(parsed.masks).toEqual(['s%']);
    expect(parsed.log).toEqual(['::error::ignored', 'plain']);
  });
  it('evaluates templates and conditions with GitHub expression semantics', () => {
    const scope = { contexts: { inputs: { a: 'x', n: '3' }, steps: { s: { outputs: { v: "it's" } } } }, failed: false, workspace: '/' };
    expect(splitTemplate("a ${{ '}}' }} b")).toEqual([{ literal: 'a ' }, { expression: "'}}'" }, { literal: ' b' }]);
    expect(evaluateTemplate("${{ inputs.A }}-${{ steps.s.outputs.v }}-${{ format('{0}!', inputs.n) }}", scope)).toBe("x-it's-3!");
    expect(evaluateCondition("inputs.a == 'X'", scope)).toBe(true);
    expect(evaluateCondition('${{ inputs.n > 2 }}', scope)).toBe(true);
    expect(evaluateCondition("inputs.a == 'x'", { ...scope, failed: true })).toBe(false);
    expect(evaluateCondition("always() && inputs.a == 'x'", { ...scope, failed: true })).toBe(true);
    expect(evaluateCondition(undefined, { ...scope, failed: true })).toBe(false);
  });
});
