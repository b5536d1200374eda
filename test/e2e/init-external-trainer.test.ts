import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { loadWorkflowParser } from '../support/action-runner/workflow-parser.ts';
import { GIT_ENV, ROOT } from './helpers.ts';

/**
 * With an external trainer (`mlops init --command "python3 src/train.py"`) the model is that code:
 * a pull request that changes only src/ must start the check, and its merge the release. The
 * paths filters listed data, mlops.yaml and schema.yaml only, so such a pull request ran nothing.
 */
const dirs: string[] = [];
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

function project(): string {
  const work = mkdtempSync(join(tmpdir(), 'my-project-'));
  dirs.push(work);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: work, env: { ...process.env, ...GIT_ENV } });
  mkdirSync(join(work, 'data'));
  cpSync(join(ROOT, 'fixtures', 'example', 'data'), join(work, 'data'), { recursive: true });
  return work;
}

async function init(cwd: string, args: string[]) {
  const io = memoryIo({ cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV } });
  const code = await runCli(['init', ...args], io);
  return { code, err: io.err };
}

type Workflow = { on: { pull_request?: { paths: string[] }; push?: { paths: string[] } } };

/** The workflow as GitHub's parser reads it (no errors), then its triggers. */
async function workflow(path: string): Promise<Workflow> {
  const text = readFileSync(path, 'utf8');
  const parser = await loadWorkflowParser();
  const parsed = parser.parseWorkflow({ name: path, content: text }, new parser.NoOperationTraceWriter());
  expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  return yaml.load(text) as Workflow;
}

describe('mlops init --command: the trainer\'s code starts the check and the release', () => {
  it('a script in a folder adds the folder; one beside mlops.yaml adds itself; each filter once', async () => {
    const work = project();
    mkdirSync(join(work, 'src'));
    for (const file of ['src/train.py', 'src/model.py', 'predict.py', 'data/vocab.txt']) writeFileSync(join(work, file), '# the model\n');
    const r = await init(work, ['data/train.csv', '--label', 'weather', '--test', 'data/golden.csv', '--name', 'weather',
      '--command', 'python3 src/train.py --data data/train.csv --vocab data/vocab.txt --config mlops.yaml --epochs 3', '--predict-command', 'python3 ./predict.py']);
    expect(r.code, r.err).toBe(0);
    // The data file and mlops.yaml are no code; a file in the data folder is covered by data/** already.
    expect(r.err).toContain("  the workflows also run for changes to the trainer's code: src/**, data/**, predict.py\n");
    const pr = await workflow(join(work, '.github', 'workflows', 'mlops-pull-request.yml'));
    expect(pr.on.pull_request!.paths).toEqual(['data/**', 'mlops.yaml', 'schema.yaml', 'src/**', 'predict.py', '.mlops/retrain/**']);
    const release = await workflow(join(work, '.github', 'workflows', 'mlops-release.yml'));
    expect(release.on.push!.paths).toEqual(['data/**', 'mlops.yaml', 'src/**', 'predict.py']);
  });

  it('in a subdirectory model the paths are from the repository root', async () => {
    const work = project();
    const model = join(work, 'models', 'weather');
    mkdirSync(join(model, 'code'), { recursive: true });
    cpSync(join(work, 'data'), join(model, 'data'), { recursive: true });
    writeFileSync(join(model, 'train.py'), '# the model\n');
    writeFileSync(join(model, 'code', 'serve.py'), '# serving\n');
    const r = await init(model, ['data/train.csv', '--label', 'weather', '--name', 'weather', '--command', 'python3 train.py', '--predict-command', 'python3 code/serve.py']);
    expect(r.code, r.err).toBe(0);
    const pr = await workflow(join(work, '.github', 'workflows', 'mlops-weather-pull-request.yml'));
    expect(pr.on.pull_request!.paths).toEqual(['models/weather/data/**', 'models/weather/mlops.yaml', 'models/weather/schema.yaml', 'models/weather/train.py', 'models/weather/code/**', '.mlops/retrain/weather.json']);
  });

  it('a command naming no file of the repository (python -m, a script not written yet) is warned about', async () => {
    const work = project();
    const r = await init(work, ['data/train.csv', '--label', 'weather', '--name', 'weather', '--command', 'python3 -m mypkg.train']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('  warning: no file named by --command was found in the repository: add your training code to the paths: filters of mlops-pull-request.yml and mlops-release.yml, or a pull request that changes only the code starts no check\n');
    expect((await workflow(join(work, '.github', 'workflows', 'mlops-pull-request.yml'))).on.pull_request!.paths).toEqual(['data/**', 'mlops.yaml', 'schema.yaml', '.mlops/retrain/**']);
  });
});
