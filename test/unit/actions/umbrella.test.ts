import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCompositeAction } from '../../support/action-runner/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;

// The root action.yml with a stand-in dist/mlops.mjs that reports how it was called: this tests
// the dispatch and the env pass-through, not the CLI (whose dist may be rebuilt later).
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlops-umbrella-'));
  copyFileSync(join(root, 'action.yml'), join(dir, 'action.yml'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'mlops.mjs'), [
    "import { appendFileSync } from 'node:fs';",
    'const inputs = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith("INPUT_") && v !== ""));',
    'appendFileSync(process.env.GITHUB_OUTPUT, `valid=true\\ncalled=${JSON.stringify({ argv: process.argv.slice(2), inputs })}\\n`);',
  ].join('\n'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('root action.yml (umbrella)', () => {
  it('dispatches to `mlops action <command>` with the inputs as INPUT_<NAME>', async () => {
    const result = await runCompositeAction(dir, {
      inputs: { command: 'validate', data: 'data/x.csv', schema: 's.yaml', 'max-errors': 5, 'setup-node': false },
      token: 'ghs_umbrella',
    });
    expect(result.exitCode).toBe(0);
    const ran = result.steps.filter((s) => s.outcome !== 'skipped').map((s) => s.id);
    expect(ran).toEqual(['__step_0', 'validate-validate']);
    expect(result.outputs.valid).toBe('true');
    const called = JSON.parse(result.steps.find((s) => s.id === 'validate-validate')!.outputs.called!) as { argv: string[]; inputs: Record<string, string> };
    expect(called.argv).toEqual(['action', 'validate']);
    expect(called.inputs).toEqual({
      INPUT_DATA: 'data/x.csv',
      INPUT_SCHEMA: 's.yaml',
      INPUT_TOKEN: 'ghs_umbrella',
      'INPUT_MAX-ERRORS': '5',
      INPUT_COMMENT: 'true',
      // Passed on so the action refuses a value that is no boolean.
      'INPUT_SETUP-NODE': 'false',
      // The token input is github.token here: the comment identity is github-actions[bot].
      'INPUT_TOKEN-IS-DEFAULT': 'true',
    });
  });

  it('rejects an unknown command with an annotation and exit 2', async () => {
    const result = await runCompositeAction(dir, { inputs: { command: 'deploy', 'setup-node': 'false' } });
    expect(result.exitCode).toBe(2);
    expect(result.annotations).toContainEqual(expect.objectContaining({
      level: 'error',
      title: 'mlops-actions',
      message: expect.stringMatching(/^input 'command' must be one of validate( \| \w+)* \| drift, got 'deploy'$/),
    }));
  });
});
