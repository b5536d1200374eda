import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCompositeAction, type RunResult } from '../../support/action-runner/index.ts';

/**
 * An input passed as '' (a reusable workflow forwarding an input nobody set, an unset variable)
 * means "not given" to the action's code (parseInputs: the default applies). The action.yml
 * conditions must read it the same way: `setup-node: ''` skipped the Node.js setup (self-hosted
 * runners without node then failed with "node: command not found"), and the train action's
 * `upload: ''` / `artifact-name: ''` uploaded nothing or an artifact named "artifact" while its
 * output named none, so the evaluate job found no candidate.
 */
const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'mlops-empty-inputs-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of actions/<name> whose CLI is a stub; for train it writes a model directory and sets model-dir. */
function stubbedAction(name: string): string {
  const actionRoot = join(dir, 'action-root');
  mkdirSync(join(actionRoot, 'actions', name), { recursive: true });
  mkdirSync(join(actionRoot, 'dist'), { recursive: true });
  cpSync(join(root, 'actions', name, 'action.yml'), join(actionRoot, 'actions', name, 'action.yml'));
  writeFileSync(join(actionRoot, 'dist', 'mlops.mjs'), [
    "import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';",
    "import { join } from 'node:path';",
    "const model = join(process.env.RUNNER_TEMP, 'model');",
    "mkdirSync(model, { recursive: true });",
    "writeFileSync(join(model, 'model.json'), '{}');",
    "appendFileSync(process.env.GITHUB_OUTPUT, `model-dir=${model}\\n`);",
  ].join('\n'));
  return join(actionRoot, 'actions', name);
}

async function run(name: string, inputs: Record<string, string>): Promise<RunResult> {
  const result = await runCompositeAction(stubbedAction(name), {
    inputs, workspace: join(dir, 'ws'), runnerTemp: join(dir, 'tmp'), artifactDir: join(dir, 'artifacts'), eventName: 'push', token: 'ghs_x',
  });
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

const step = (result: RunResult, name: string) => result.steps.find((s) => s.name === name);

beforeEach(() => { mkdirSync(join(dir, 'ws'), { recursive: true }); mkdirSync(join(dir, 'tmp'), { recursive: true }); });

describe("an input passed as '' takes its default in the action.yml too", () => {
  it.each(['validate', 'train', 'evaluate', 'release', 'drift'])("actions/%s: setup-node '' still sets up Node.js; 'false' skips it", async (name) => {
    const extra: Record<string, string> = name === 'release' ? { 'model-dir': 'model' } : name === 'train' ? { upload: 'false' } : {};
    expect(step(await run(name, { 'setup-node': '', ...extra }), 'Set up Node.js')?.outcome).toBe('success');
    expect(step(await run(name, { 'setup-node': 'false', ...extra }), 'Set up Node.js')?.outcome).toBe('skipped');
  });

  it("actions/train: upload '' and artifact-name '' upload the model as mlops-model and say so", async () => {
    const result = await run('train', { upload: '', 'artifact-name': '', 'install-native': '', 'retention-days': '', 'setup-node': 'false' });
    expect(step(result, 'Upload the model directory')?.outcome).toBe('success');
    expect(result.outputs['artifact-name']).toBe('mlops-model');
    expect(existsSync(join(dir, 'artifacts', 'mlops-model', 'model.json'))).toBe(true);
    // install-native '' is "none": no native steps.
    expect(step(result, 'Locate the native TensorFlow.js directory')?.outcome).toBe('skipped');
  });

  it("actions/train: upload 'false' uploads nothing and names no artifact", async () => {
    const result = await run('train', { upload: 'false', 'setup-node': 'false' });
    expect(step(result, 'Upload the model directory')?.outcome).toBe('skipped');
    expect(result.outputs['artifact-name']).toBe('');
  });
});
