import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { EMULATOR_TOKENS, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.ts';
import { exampleRemote, GIT_ENV, gitWith } from './example-remote.ts';

/**
 * `mlops drift --open-pr --no-push`: the retraining commit stays in the local repository. With a
 * token and GITHUB_REPOSITORY in the environment (a developer's shell, a CI job trying it out) the
 * pull request was still opened on GitHub — for a branch GitHub does not have (422 "head invalid",
 * exit 2), or, when an earlier run had pushed it, an open pull request whose body told of findings
 * its branch did not hold. Nothing leaves the machine: the pull request goes to the outbox.
 */
const git = gitWith();
let root: string;
let work: string;
let remote: string;
let emu: GitHubEmulator;
beforeEach(async () => {
  ({ root, work, remote } = exampleRemote('mlops-drift-no-push-', git));
  emu = await startGitHubEmulator();
  emu.addBranch('octo-org/demo', 'main', git(remote, 'rev-parse', 'main'));
});
afterEach(async () => {
  emu.assertNoViolations();
  await emu.close();
  rmSync(root, { recursive: true, force: true });
});

describe('drift --open-pr --no-push', () => {
  it('commits the branch locally and writes the pull request to the outbox, with a token in the environment too', async () => {
    const io = memoryIo({ cwd: work, env: {
      ...process.env, ...GIT_ENV, GITHUB_ACTIONS: '', GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_TOKEN: EMULATOR_TOKENS.pat, INPUT_TOKEN: '',
      MLOPS_GITHUB_WRITE_SPACING_MS: '0',
    } });
    const code = await runCli(['drift', '--reference', 'data/train.csv', '--current', 'monitoring/latest.csv', '--open-pr', '--no-push', '--json'], io);
    expect(code, io.err).toBe(0);
    const json = JSON.parse(io.out);
    expect(json.retrain).toMatchObject({ operation: 'created', pullRequest: null, outbox: join(work, '.mlops', 'outbox', 'retrain-weather.md') });
    expect(existsSync(json.retrain.outbox)).toBe(true);
    expect(readFileSync(json.retrain.outbox, 'utf8')).toMatch(/^<!-- mlops:retrain:weather -->\n# Retrain weather: data drift in /);
    expect(git(work, 'rev-parse', 'refs/heads/mlops/retrain/weather')).toBe(json.retrain.commit);
    expect(() => git(remote, 'rev-parse', '--verify', '--quiet', 'refs/heads/mlops/retrain/weather')).toThrow();
    expect(emu.requests.filter((q) => q.write)).toEqual([]);
  });
});
