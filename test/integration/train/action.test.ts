import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompositeAction } from '../../support/action-runner/index.ts';
import { sourceActionCheckout } from '../../support/action-runner/source-checkout.ts';

const root = resolve(import.meta.dirname, '../../..');
let dir: string;
let actionRoot: string;
let workspace: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-train-action-'));
  workspace = join(dir, 'ws');
  await mkdir(workspace, { recursive: true });
  await cp(join(root, 'fixtures', 'train', 'penguins-train.csv'), join(workspace, 'penguins-train.csv'));
  await writeFile(join(workspace, 'mlops.yaml'), 'name: penguins\ndata: { train: penguins-train.csv, label: species }\nmodel: { type: linear }\ntrain: { epochs: 3, batchSize: 64 }\n');
  // actions/train/action.yml as the runner runs it, with dist/mlops.mjs replaced by the CLI from source.
  actionRoot = join(dir, 'repo');
  await sourceActionCheckout(actionRoot, 'train');
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('actions/train (composite action)', () => {
  it('trains, sets outputs, writes the summary with the loss chart and uploads the model directory', async () => {
    const artifactDir = join(dir, 'artifacts');
    const runnerTemp = join(dir, 'runner-temp');
    await mkdir(runnerTemp);
    const result = await runCompositeAction(join(actionRoot, 'actions', 'train'), {
      inputs: { backend: 'cpu', 'setup-node': 'false', 'artifact-name': 'model-penguins' },
      workspace, artifactDir, runnerTemp, stepTimeoutMs: 60_000,
    });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ backend: 'cpu', 'model-dir': join(runnerTemp, 'mlops-model', 'penguins'), 'artifact-name': 'model-penguins' });
    const run = JSON.parse(await readFile(result.outputs.run!, 'utf8')) as { history: unknown[]; backend: { name: string } };
    expect(run.history).toHaveLength(3);
    expect(result.summary).toContain('### Training: `penguins`');
    expect(result.summary).toMatch(/```mermaid\nxychart-beta/);
    expect(result.stdout).toMatch(/::group::Training penguins/);
    const uploaded = await readdir(join(artifactDir, 'model-penguins'), { recursive: true });
    expect(uploaded).toEqual(expect.arrayContaining(['model.json', 'weights.bin', 'preprocessing.json', 'run.json', 'profile.json']));
    await rm(runnerTemp, { recursive: true, force: true });
  });

  it("fails the step with an error annotation when the external trainer fails (its output is in the collapsed group)", async () => {
    const ws = join(dir, 'ws-external');
    await mkdir(ws, { recursive: true });
    await cp(join(root, 'fixtures', 'train', 'penguins-train.csv'), join(ws, 'penguins-train.csv'));
    await writeFile(join(ws, 'mlops.yaml'), 'name: ext\ndata: { train: penguins-train.csv, label: species }\ntrain: { command: "echo CUDA error: out of memory >&2; exit 3" }\n');
    const result = await runCompositeAction(join(actionRoot, 'actions', 'train'), {
      inputs: { 'setup-node': 'false' }, workspace: ws, stepTimeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toMatch(/::group::Training ext\n[^]*CUDA error: out of memory\n::endgroup::/);
    expect(result.annotations).toEqual([expect.objectContaining({
      level: 'error', title: 'mlops train: the external trainer failed',
      message: "the external trainer exited with status 3; no model directory was written (its output is in the log group 'Training ext')",
    })]);
    // The upload step did not run: there is no model to upload.
    expect(result.outputs['model-dir']).toBe('');
  });

  it('fails the step (exit 2) when a forced backend is not installed', async () => {
    const result = await runCompositeAction(join(actionRoot, 'actions', 'train'), {
      inputs: { backend: 'tensorflow', 'setup-node': 'false', upload: 'false' }, workspace, stepTimeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stdout + result.stderr).toMatch(/backend 'tensorflow' is not available/);
  });
});
