import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCompositeAction } from '../../support/action-runner/index.ts';
import { startGitHubEmulator, EMULATOR_TOKENS, type GitHubEmulator } from '../../support/github-emulator/index.ts';
import { GIT_ENV, git, sandbox, tagNames, writeModel, type Sandbox } from './helpers.ts';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { sourceActionCheckout } from '../../support/action-runner/source-checkout.ts';

let box: Sandbox;
let emu: GitHubEmulator;
let actionRoot: string;

// actions/release/action.yml run as the runner runs it, with dist/mlops.mjs replaced by a stand-in
// that runs the CLI from source (tsx), so the test covers YAML → env → entry → registry → GitHub.
beforeEach(async () => {
  box = await sandbox();
  emu = await startGitHubEmulator();
  actionRoot = await mkdtemp(join(tmpdir(), 'mlops-release-action-'));
  await sourceActionCheckout(actionRoot, 'release');
});
afterEach(async () => {
  await emu.close();
  await box.cleanup();
  await rm(actionRoot, { recursive: true, force: true });
});

describe('actions/release (composite action, emulator + bare remote)', () => {
  it('registers, publishes the release and assigns the stage; a re-run changes nothing', async () => {
    const workspace = await box.clone('workspace');
    // The model comes as a workflow artifact (what the train action uploads), downloaded by the
    // action's pinned download-artifact step (the runner's stand-in) into runner.temp.
    const artifactDir = join(actionRoot, 'artifacts');
    const modelDir = await writeModel(join(artifactDir, 'model-weather'), 5);
    const head = (await git(workspace, 'rev-parse', 'HEAD')).trim();
    const options = {
      inputs: { model: 'weather', artifact: 'model-weather', bump: 'minor', stage: 'staging', 'setup-node': 'false', description: 'Weather classifier.' },
      workspace, artifactDir, repository: 'octo-org/demo', sha: head, token: EMULATOR_TOKENS.actions, actor: 'octocat',
      env: { GITHUB_API_URL: emu.url, MLOPS_GITHUB_WRITE_SPACING_MS: '0' },
    };
    const first = await runCompositeAction(join(actionRoot, 'actions', 'release'), options);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ version: 'v0.1.0', tag: 'weather@v0.1.0', operation: 'created' });
    expect(first.outputs['release-url']).toMatch(/weather/);
    expect(first.summary).toContain('Registered **v0.1.0**');
    expect(first.summary).toContain('from artifact `model-weather`');
    expect(await tagNames(box.remote)).toEqual(['weather#staging#1', 'weather@v0.1.0']);
    expect(emu.state.releases).toHaveLength(1);
    expect(emu.state.releases[0]).toMatchObject({ tagName: 'weather@v0.1.0', draft: false });
    expect(emu.state.releases[0]!.assets.map((a) => a.name).sort()).toEqual(['model-card.md', 'model.tar.gz', 'profile.json', 'run.json']);
    // The tag records who ran the workflow.
    const message = await git(workspace, 'tag', '-l', '--format=%(contents)', 'weather@v0.1.0');
    expect(message).toContain('"createdBy": "octocat"');

    // The re-run goes through the same entry in-process (the YAML path is covered above), with the
    // environment the runner gave the step.
    const writes = emu.requests.filter((r) => r.write).length;
    const step = first.steps.find((s) => s.id === 'release')!;
    expect(step.outcome).toBe('success');
    const outputFile = join(actionRoot, 'output.txt');
    await writeFile(outputFile, '');
    const env: Record<string, string> = {
      ...GIT_ENV, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_SHA: head, GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push', GITHUB_ACTOR: 'octocat', GITHUB_API_URL: emu.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_OUTPUT: outputFile,
      MLOPS_GITHUB_WRITE_SPACING_MS: '0', INPUT_MODEL: 'weather', 'INPUT_MODEL-DIR': modelDir, INPUT_BUMP: 'minor', INPUT_STAGE: 'staging', INPUT_PUSH: 'true',
      INPUT_STORE: 'github', INPUT_TOKEN: EMULATOR_TOKENS.actions,
    };
    const io = memoryIo({ cwd: workspace, env });
    expect(await runCli(['action', 'release'], io)).toBe(0);
    const outputs = await readFile(outputFile, 'utf8');
    expect(outputs).toMatch(/^version=v0\.1\.0$/m);
    expect(outputs, `${outputs}\n${io.err}`).toMatch(/^operation=unchanged$/m);
    expect(emu.requests.filter((r) => r.write).length).toBe(writes);
    expect(await tagNames(box.remote)).toEqual(['weather#staging#1', 'weather@v0.1.0']);
  });
});
