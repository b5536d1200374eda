import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { parseEnvFile, parseWorkflowCommands } from '../../support/action-runner/index.ts';
import { exampleRemote, GIT_ENV, gitWith } from '../drift/example-remote.ts';

/**
 * `mlops action drift` in GitHub Actions without a token (a step of the user's own that sets no
 * INPUT_TOKEN / GITHUB_TOKEN): the branch is pushed and the would-be pull request written to
 * .mlops/outbox in the runner's workspace, which is thrown away with the job. That was one log
 * line and a green step with operation "created": nobody would ever see the pull request.
 */
let root: string;
let work: string;
beforeEach(() => { ({ root, work } = exampleRemote('mlops-drift-no-token-', gitWith())); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the drift action without a token in Actions', () => {
  it('says with a warning that no pull request was opened and why', async () => {
    const output = join(root, 'output');
    writeFileSync(output, '');
    const io = memoryIo({ cwd: work, env: {
      ...process.env, ...GIT_ENV, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: work, GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_OUTPUT: output,
      GITHUB_TOKEN: '', INPUT_TOKEN: '', INPUT_REFERENCE: 'data/train.csv', INPUT_CURRENT: 'monitoring/latest.csv', INPUT_REPORT: join(root, 'drift.json'),
    } });
    expect(await runCli(['action', 'drift'], io), io.err).toBe(0);
    const warnings = parseWorkflowCommands(io.out).annotations.filter((a) => a.level === 'warning' && /pull request/.test(a.message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/no pull request was opened: the step has no token/);
    expect(warnings[0]!.message).toContain('mlops/retrain/weather');
    expect(parseEnvFile(readFileSync(output, 'utf8'))).toMatchObject({ drifted: 'true', 'pr-url': '' });
  });
});
