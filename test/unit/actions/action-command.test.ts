import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEntries } from '../../../src/actions/entries.ts';
import { parseInputs } from '../../../src/actions/inputs.ts';
import { createActionsRuntime } from '../../../src/actions/runtime.ts';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { secretValues } from '../../../src/cli/commands/action.ts';
import { withGitHubError } from '../../../src/github/index.ts';
import { InputError } from '../../../src/core/errors.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-action-cmd-'));
  // A fake entry: reads typed inputs, prints its token (which must be scrubbed), sets an output.
  actionEntries['test-echo'] = async () => ({
    name: 'test-echo',
    async run(io) {
      const inputs = parseInputs({ count: { type: 'integer', required: true }, token: { type: 'string' } } as const, io.env);
      const rt = createActionsRuntime(io);
      io.stdout(`token=${inputs.token}\n`);
      rt.setOutput('double', inputs.count * 2);
      rt.appendSummary(`count ${inputs.count} with ${inputs.token}\n`);
      if (inputs.count < 0) throw new Error(`negative with ${inputs.token}`);
      if (inputs.count === 403) {
        // What Octokit throws when a job lacks `contents: write`, wrapped as src/github wraps every call.
        await withGitHubError('create the release weather@v1.0.0 in octo-org/demo', () => Promise.reject(Object.assign(
          new Error('Resource not accessible by integration - https://docs.github.com/rest/releases/releases#create-a-release'),
          { name: 'HttpError', status: 403, request: { method: 'POST', url: 'https://api.github.com/repos/octo-org/demo/releases' }, response: { status: 403, headers: {}, data: {} } },
        )));
      }
      if (inputs.count === 7) throw new InputError("unknown key 'gatez'", { file: join(dir, 'models', 'mlops.yaml'), line: 3, column: 5, key: 'evaluate.gatez' });
      if (inputs.count === 8) throw new InputError('not a CSV file', { file: join(dir, 'data.bin') });
      return inputs.count === 0 ? 1 : 0;
    },
  });
});
afterEach(async () => {
  delete actionEntries['test-echo'];
  await rm(dir, { recursive: true, force: true });
});

async function actionsEnv(extra: Record<string, string>) {
  const env = { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'sum'), ...extra };
  await writeFile(env.GITHUB_OUTPUT, '');
  await writeFile(env.GITHUB_STEP_SUMMARY, '');
  return env;
}

describe('mlops action', () => {
  it('masks token inputs, runs the entry and returns its code', async () => {
    const io = memoryIo({ env: await actionsEnv({ INPUT_COUNT: '21', INPUT_TOKEN: 'ghs_abc123' }) });
    expect(await runCli(['action', 'test-echo'], io)).toBe(0);
    expect(io.out).toBe('::add-mask::ghs_abc123\ntoken=***\n');
    expect(await readFile(join(dir, 'out'), 'utf8')).toBe('double=42\n');
    expect(await readFile(join(dir, 'sum'), 'utf8')).toBe('count 21 with ***\n');
    expect((io.out + io.err).replace(/^::add-mask::.*\n/gm, '')).not.toContain('abc123');
  });

  it('passes a failed check through as exit 1', async () => {
    const io = memoryIo({ env: await actionsEnv({ INPUT_COUNT: '0' }) });
    expect(await runCli(['action', 'test-echo'], io)).toBe(1);
  });

  it('turns an InputError into ::error:: and exit 2', async () => {
    const io = memoryIo({ env: await actionsEnv({ INPUT_COUNT: 'many' }) });
    expect(await runCli(['action', 'test-echo'], io)).toBe(2);
    expect(io.out).toBe(`::error::input 'count' must be an integer, got "many"\n`);
  });

  it('places the ::error:: of an InputError on its file and line (workspace-relative), column included', async () => {
    const io = memoryIo({ env: await actionsEnv({ INPUT_COUNT: '7', GITHUB_WORKSPACE: dir }) });
    expect(await runCli(['action', 'test-echo'], io)).toBe(2);
    const at = join(dir, 'models', 'mlops.yaml');
    expect(io.out).toBe(`token=undefined\n::error file=models/mlops.yaml,line=3,col=5::${at}:3:5 (evaluate.gatez): unknown key 'gatez'\n`);
    // A file without a line: the annotation names the file only.
    const fileOnly = memoryIo({ env: await actionsEnv({ INPUT_COUNT: '8', GITHUB_WORKSPACE: dir }) });
    expect(await runCli(['action', 'test-echo'], fileOnly)).toBe(2);
    expect(fileOnly.out).toBe(`token=undefined\n::error file=data.bin::${join(dir, 'data.bin')}: not a CSV file\n`);
  });

  it('reports internal errors with the stack in the log, secrets scrubbed', async () => {
    const io = memoryIo({ env: await actionsEnv({ INPUT_COUNT: '-1', 'INPUT_GITHUB-TOKEN': 'tok_zzz', INPUT_TOKEN: 'tok_zzz' }) });
    expect(await runCli(['action', 'test-echo'], io)).toBe(2);
    expect(io.out).toContain("::error::internal error in 'mlops action test-echo': negative with ***\n");
    expect(io.out).toContain('internal error: Error: negative with ***\n    at ');
    expect(io.out.replace(/^::add-mask::.*\n/gm, '')).not.toContain('zzz');
  });

  it('reports a GitHub error as one ::error:: line naming the fix, without a stack, exit 2', async () => {
    const io = memoryIo({ env: await actionsEnv({ INPUT_COUNT: '403' }) });
    expect(await runCli(['action', 'test-echo'], io)).toBe(2);
    expect(io.out).toBe('token=undefined\n::error::Could not create the release weather@v1.0.0 in octo-org/demo: GitHub answered 403 "Resource not accessible by integration". '
      + 'The token lacks a permission: grant `contents: write` in the workflow\'s `permissions:`. On pull requests from forks GITHUB_TOKEN is read-only whatever the workflow asks for; '
      + 'a fine-grained PAT needs the same permission on this repository.\n');
    expect(io.err).toBe('');
    // In a terminal: the same sentence after `error:`, nothing else.
    const terminal = memoryIo({ env: { INPUT_COUNT: '403' } });
    expect(await runCli(['action', 'test-echo'], terminal)).toBe(2);
    expect(terminal.err).toMatch(/^error: Could not create the release weather@v1\.0\.0 in octo-org\/demo: GitHub answered 403 [^\n]*\n$/);
  });

  it('rejects unknown or missing action names as usage errors', async () => {
    const io = memoryIo();
    expect(await runCli(['action', 'nope'], io)).toBe(2);
    expect(io.err).toContain("unknown action 'nope': expected one of validate | train | evaluate | release | drift");
    expect(await runCli(['action'], memoryIo())).toBe(2);
  });

  it('works in a terminal: outputs printed to stderr', async () => {
    const io = memoryIo({ env: { INPUT_COUNT: '2' } });
    expect(await runCli(['action', 'test-echo'], io)).toBe(0);
    expect(io.out).toBe('token=undefined\n');
    expect(io.err).toBe('output double=4\n');
  });

  it('finds credential variables', () => {
    expect(secretValues({
      INPUT_TOKEN: ' tok-a ', 'INPUT_GITHUB-TOKEN': 'tok-b', INPUT_GITHUB_TOKEN: '', GITHUB_TOKEN: 'tok-c', INPUT_DATA: 'data-d', 'INPUT_API-SECRET': 'tok-e',
      // Flags named after tokens are not tokens; short or boolean values never are.
      'INPUT_TOKEN-IS-DEFAULT': 'true', INPUT_PASSWORD: 'abc', INPUT_SECRET: 'FALSE',
    }).sort()).toEqual(['tok-a', 'tok-b', 'tok-c', 'tok-e']);
  });
});
