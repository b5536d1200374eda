/**
 * The release and evaluate actions download their model artifact into $RUNNER_TEMP. With one fixed
 * directory for every step, a job that releases (or evaluates) two models downloaded the second
 * artifact on top of the first: the second model directory also held the first model's files
 * (a weight shard only the first has), and that mixture was registered as the second model.
 * Each artifact now gets its own directory.
 */
import { mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCompositeAction } from '../../support/action-runner/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;

// The action.yml with a stand-in dist/mlops.mjs that reports the files of the model directory
// the action hands the CLI: this tests the YAML wiring, not the CLI.
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlops-artifact-dir-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'mlops.mjs'), [
    "import { appendFileSync, readdirSync } from 'node:fs';",
    "const modelDir = process.env['INPUT_MODEL-DIR'] || process.env['INPUT_ARTIFACT-DIR'];",
    "const files = readdirSync(modelDir, { recursive: true }).map(String).sort();",
    'appendFileSync(process.env.GITHUB_OUTPUT, `files=${JSON.stringify(files)}\\n`);',
  ].join('\n'));
  const artifacts = join(dir, 'artifacts');
  for (const [name, files] of [['model-a', ['model.json', 'shard-1.bin', 'shard-2.bin']], ['model-b', ['model.json', 'shard-1.bin']]] as const) {
    mkdirSync(join(artifacts, name), { recursive: true });
    for (const f of files) writeFileSync(join(artifacts, name, f), `${name}/${f}`);
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('two model artifacts downloaded in one job', () => {
  it.each([
    ['release', { model: 'm' }],
    ['evaluate', {}],
  ] as const)('actions/%s: the second step sees only its own artifact', async (action, extra) => {
    mkdirSync(join(dir, 'actions', action), { recursive: true });
    copyFileSync(join(root, 'actions', action, 'action.yml'), join(dir, 'actions', action, 'action.yml'));
    const runnerTemp = join(dir, 'runner-temp');
    mkdirSync(runnerTemp);
    const run = (artifact: string) => runCompositeAction(join(dir, 'actions', action), {
      inputs: { artifact, 'setup-node': 'false', ...extra }, runnerTemp, artifactDir: join(dir, 'artifacts'), workspace: join(dir, 'ws'),
    });
    mkdirSync(join(dir, 'ws'));
    const first = await run('model-a');
    expect(first.exitCode, first.stderr).toBe(0);
    expect(JSON.parse(first.outputs.files ?? first.steps.at(-1)!.outputs.files!)).toEqual(['model.json', 'shard-1.bin', 'shard-2.bin']);
    const second = await run('model-b');
    expect(second.exitCode, second.stderr).toBe(0);
    const step = second.steps.find((s) => s.outputs.files !== undefined)!;
    expect(JSON.parse(step.outputs.files!)).toEqual(['model.json', 'shard-1.bin']);
  });
});
