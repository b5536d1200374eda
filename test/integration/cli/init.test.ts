import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { loadSchema } from '../../../src/schema/index.ts';
import { loadConfig } from '../../../src/train/config.ts';
import { loadWorkflowParser } from '../../support/action-runner/workflow-parser.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'mlops-init-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

async function project(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(join(FIXTURES, 'penguins-train.csv'), join(dir, 'data', 'penguins.csv'));
  await cp(join(FIXTURES, 'cars-train.csv'), join(dir, 'data', 'cars.csv'));
  return dir;
}

async function mlops(cwd: string, args: string[]) {
  const io = memoryIo({ cwd, env: { PATH: process.env.PATH } });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe('mlops init', () => {
  it('warns when the golden test set is the training data itself', async () => {
    const dir = await project('same-test');
    const r = await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species', '--test', './data/../data/penguins.csv']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('  warning: --test is the training data: evaluate would score rows the model was trained on; set data.test in mlops.yaml to a held-out golden set\n');
    const held = await project('held-out');
    await cp(join(FIXTURES, 'penguins-test.csv'), join(held, 'data', 'golden.csv'));
    expect((await mlops(held, ['init', 'data/penguins.csv', '--label', 'species', '--test', 'data/golden.csv'])).err).not.toContain('warning');
  });

  it('writes a config that loads, a schema with the label, and the three workflows with the project paths', async () => {
    const dir = await project('Penguin Classifier');
    const r = await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species']);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const config = await loadConfig(join(dir, 'mlops.yaml'));
    expect(config.name).toBe('penguin-classifier');
    expect(config.data).toMatchObject({ train: join(dir, 'data', 'penguins.csv'), label: 'species', test: null });
    expect(config.evaluate.gates.map((g) => (g.kind === 'metric' ? g.metric : `latency ${g.latency}`))).toEqual(['accuracy', 'latency p95']);
    const schema = await loadSchema(join(dir, 'schema.yaml'));
    expect(schema.fields.find((f) => f.name === 'species')?.role).toBe('label');
    const pr = await readFile(join(dir, '.github', 'workflows', 'mlops-pull-request.yml'), 'utf8');
    const parsed = yaml.load(pr) as { on: { pull_request: { paths: string[] } }; jobs: { mlops: { with: Record<string, string> } } };
    expect(parsed.on.pull_request.paths).toEqual(['data/**', 'mlops.yaml', 'schema.yaml', '.mlops/retrain/**']);
    expect(parsed.jobs.mlops.with).toMatchObject({ config: 'mlops.yaml', data: 'data/penguins.csv', schema: 'schema.yaml' });
    expect(r.err).toMatch(/set data\.test in mlops\.yaml/);
    // The drift workflow is written before drift.current can be: the user is told what it needs.
    expect(r.err).toMatch(/set drift\.current in mlops\.yaml \(recent production data\).*mlops-drift\.yml passes with a notice/);
    expect(config.drift.current).toBeNull();
    // Local outputs are ignored by git; a second run (with --force) adds nothing twice.
    const ignore = await readFile(join(dir, '.gitignore'), 'utf8');
    expect(ignore).toContain('.mlops/models/\n.mlops/outbox/\n.mlops/artifacts/\n.mlops/cache/\n');
    expect(ignore).not.toContain('.mlops/retrain');
    expect((await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species', '--force'])).code).toBe(0);
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(ignore);
    // Run through npx (the README's install), the next steps say npx mlops: mlops is not on PATH.
    const npx = memoryIo({ cwd: dir, env: { PATH: process.env.PATH, npm_lifecycle_event: 'npx' } });
    expect(await runCli(['init', 'data/penguins.csv', '--label', 'species', '--force'], npx)).toBe(0);
    expect(npx.err).toContain('next:\n  npx mlops validate data/penguins.csv --schema schema.yaml   #');
    expect(npx.err).toContain('\n  npx mlops train   # a first model in .mlops/models/penguin-classifier\n');
    // The project it sets up works: the data validates against the inferred schema.
    expect((await mlops(dir, ['validate', 'data/penguins.csv', '--schema', 'schema.yaml'])).code).toBe(0);
  });

  it('a rare binary class gets classWeight balanced, positiveClass and a balanced_accuracy gate; balanced classes do not', async () => {
    const dir = await project('rare');
    // 6 of 100 rows are churn: accuracy 0.94 for a model that never predicts it.
    await writeFile(join(dir, 'data', 'churn.csv'), `tenure,churn\n${Array.from({ length: 100 }, (_, i) => `${i},${i % 17 === 0 ? 'yes' : 'no'}`).join('\n')}\n`);
    const r = await mlops(dir, ['init', 'data/churn.csv', '--label', 'churn']);
    expect(r.code).toBe(0);
    expect(r.err).toContain("mlops init: rare predicts 'churn' (binary classification) from 1 feature column of data/churn.csv\n  'yes' is 6.0% of the rows: classWeight balanced, positiveClass 'yes', a balanced_accuracy gate\n");
    const config = await loadConfig(join(dir, 'mlops.yaml'));
    expect(config.train.classWeight).toBe('balanced');
    expect(config.evaluate.positiveClass).toBe('yes');
    expect(config.evaluate.gates.map((g) => (g.kind === 'metric' ? g.metric : `latency ${g.latency}`))).toEqual(['balanced_accuracy', 'latency p95']);
    // Penguins (three species, none rare) keep the plain defaults.
    expect((await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species', '--force'])).code).toBe(0);
    const plain = await loadConfig(join(dir, 'mlops.yaml'));
    expect([plain.train.classWeight, plain.evaluate.positiveClass]).toEqual(['none', null]);
  });

  it('decides the task as mlops train does: 0/1 and 0/1/2 integers are classes, measurements and counts a quantity', async () => {
    const dir = await project('tasks');
    const rows = (label: (i: number) => string) => `amount,age,y\n${Array.from({ length: 200 }, (_, i) => `${(i * 3.7) % 100},${20 + (i % 50)},${label(i)}`).join('\n')}\n`;
    const cases: Array<[string, (i: number) => string, string, string, string]> = [
      // [file, label, init's task words, train's task, the first gate]
      ['fraud.csv', (i) => (i % 20 === 0 ? '1' : '0'), 'binary classification', 'binary', 'balanced_accuracy'],
      ['grade.csv', (i) => String(i % 3), 'multiclass classification, 3 classes', 'multiclass', 'accuracy'],
      ['amount.csv', (i) => ((i * 1.37) % 50).toFixed(2), 'regression', 'regression', 'r2'],
      ['count.csv', (i) => String(i % 90), 'regression', 'regression', 'r2'],
    ];
    for (const [file, label, words, task, gate] of cases) {
      await writeFile(join(dir, 'data', file), rows(label));
      const init = await mlops(dir, ['init', `data/${file}`, '--label', 'y', '--force']);
      expect(init.code, init.err).toBe(0);
      expect(init.err).toContain(`predicts 'y' (${words})`);
      const config = await loadConfig(join(dir, 'mlops.yaml'));
      expect([file, config.evaluate.gates[0]]).toEqual([file, expect.objectContaining({ kind: 'metric', metric: gate })]);
      if (task === 'binary') {
        // The rare 1s (5%) get what a rare yes/no class gets.
        expect(init.err).toContain("'1' is 5.0% of the rows: classWeight balanced, positiveClass '1', a balanced_accuracy gate");
        expect([config.train.classWeight, config.evaluate.positiveClass]).toEqual(['balanced', '1']);
      }
      // mlops train, on the files init wrote, builds the model for the same task.
      await writeFile(join(dir, 'mlops.yaml'), (await readFile(join(dir, 'mlops.yaml'), 'utf8')).replace('epochs: 40', 'epochs: 1'));
      const trained = await mlops(dir, ['train', '--json', '--backend', 'cpu', '--out', `models/${file}`]);
      expect(trained.code, trained.err).toBe(0);
      expect([file, JSON.parse(trained.out).task]).toEqual([file, task]);
    }
  }, 120_000);

  it('refuses a label with one class per row (a date, an id), naming the other columns', async () => {
    const dir = await project('dates');
    await writeFile(join(dir, 'data', 'days.csv'), `date,temp,weather\n${Array.from({ length: 60 }, (_, i) => `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i).padStart(2, '0')},${i % 30},${i % 3 ? 'sun' : 'rain'}`).join('\n')}\n`);
    const r = await mlops(dir, ['init', 'data/days.csv', '--label', 'date']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/days\.csv \(date\): 'date' cannot be a classification label: 60 classes in 60 rows: every row is a class of its own.*pass --label with the column the model should predict \(columns: temp, weather\)/);
    await expect(readFile(join(dir, 'mlops.yaml'), 'utf8')).rejects.toThrow();
  });

  it('refuses a label with one class, or none, as train would', async () => {
    const dir = await project('one-class');
    await writeFile(join(dir, 'data', 'one.csv'), `x,kind,empty\n${Array.from({ length: 30 }, (_, i) => `${i},cat,`).join('\n')}\n`);
    const one = await mlops(dir, ['init', 'data/one.csv', '--label', 'kind']);
    expect([one.code, one.err]).toEqual([2, expect.stringMatching(/one\.csv \(kind\): label 'kind' has only one class \("cat"\) in the data; a classifier needs at least two/)]);
    const none = await mlops(dir, ['init', 'data/one.csv', '--label', 'empty']);
    expect([none.code, none.err]).toEqual([2, expect.stringMatching(/one\.csv \(empty\): label 'empty' has no value in any row/)]);
    await expect(readFile(join(dir, 'mlops.yaml'), 'utf8')).rejects.toThrow();
  });

  it('--command and --predict-command set up an external trainer (PyTorch, scikit-learn) instead of TensorFlow.js', async () => {
    const dir = await project('torch');
    const r = await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species', '--command', 'python3 train_torch.py', '--predict-command', 'python3 predict_torch.py']);
    expect(r.code).toBe(0);
    const config = await loadConfig(join(dir, 'mlops.yaml'));
    expect([config.train.command, config.train.predictCommand]).toEqual(['python3 train_torch.py', 'python3 predict_torch.py']);
    expect(await readFile(join(dir, 'mlops.yaml'), 'utf8')).not.toContain('model:'); // no TensorFlow.js model to describe
    const alone = await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species', '--force', '--predict-command', 'python3 predict_torch.py']);
    expect([alone.code, alone.err]).toEqual([2, expect.stringContaining('--predict-command serves a model trained by --command: give both')]);
  });

  it('refuses to overwrite (naming every file, writing none) unless --force', async () => {
    const dir = await project('again');
    await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
    await writeFile(join(dir, 'mlops.yaml'), 'name: mine\n');
    await writeFile(join(dir, '.gitignore'), 'node_modules\n.mlops/models');
    await writeFile(join(dir, '.github', 'workflows', 'mlops-drift.yml'), 'mine\n');
    const refused = await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already exists: mlops\.yaml, \.github\/workflows\/mlops-drift\.yml \(nothing was written; --force replaces them\)/);
    expect(await readFile(join(dir, 'mlops.yaml'), 'utf8')).toBe('name: mine\n');
    await expect(readFile(join(dir, 'schema.yaml'), 'utf8')).rejects.toThrow();
    const forced = await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species', '--force', '--test', 'data/penguins.csv', '--name', 'birds']);
    expect(forced.code).toBe(0);
    // --force says what it did to each file: replaced, created, or (run again) left as it was.
    expect(forced.err).toContain('  updated mlops.yaml\n  created schema.yaml\n');
    expect(forced.err).toContain('  updated .github/workflows/mlops-drift.yml\n');
    const config = await readFile(join(dir, 'mlops.yaml'), 'utf8');
    const again = await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species', '--force', '--test', 'data/penguins.csv', '--name', 'birds']);
    expect(again.err).toContain('  unchanged mlops.yaml\n  unchanged schema.yaml\n');
    expect(await readFile(join(dir, 'mlops.yaml'), 'utf8')).toBe(config);
    expect((await loadConfig(join(dir, 'mlops.yaml'))).data.test).toBe(join(dir, 'data', 'penguins.csv'));
    // An existing .gitignore keeps its lines; what it already ignores is not repeated.
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n.mlops/models\n# mlops: local models, comments and registry artifacts\n.mlops/outbox/\n.mlops/artifacts/\n.mlops/cache/\n');
  });

  it('a numeric label gets a regression gate; a missing or unknown label is exit 2 listing the columns', async () => {
    const dir = await project('cars');
    expect((await mlops(dir, ['init', 'data/cars.csv', '--label', 'mpg'])).code).toBe(0);
    const config = await loadConfig(join(dir, 'mlops.yaml'));
    expect(config.evaluate.gates[0]).toMatchObject({ kind: 'metric', metric: 'r2' });
    const other = await project('other');
    const none = await mlops(other, ['init', 'data/cars.csv']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Pass --label <column> \(columns: mpg, cylinders/);
    const unknown = await mlops(other, ['init', 'data/cars.csv', '--label', 'price']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--label 'price' is not a column of the data/);
    expect((await mlops(other, ['init', 'data/missing.csv', '--label', 'x'])).code).toBe(2);
    const glob = await mlops(other, ['init', 'data/part-*.csv', '--label', 'x']);
    expect([glob.code, glob.err]).toEqual([2, expect.stringContaining("'data/part-*.csv' is a pattern: mlops init takes one data file")]);
  });

  it('in a subdirectory of a git repository (one model of several): workflows at the root, named after the model, with paths from the root', async () => {
    const repo = join(root, 'mono');
    execFileSync('git', ['init', '-q', repo]);
    const models = { penguins: ['penguins.csv', 'species'], cars: ['cars.csv', 'mpg'] } as const;
    for (const [model, [file, label]] of Object.entries(models)) {
      const dir = join(repo, 'models', model);
      await mkdir(join(dir, 'data'), { recursive: true });
      await cp(join(FIXTURES, file.replace('.csv', '-train.csv')), join(dir, 'data', file));
      const r = await mlops(dir, ['init', `data/${file}`, '--label', label]);
      expect([r.code, r.err]).toEqual([0, expect.stringContaining(`  created ../../.github/workflows/mlops-${model}-pull-request.yml\n`)]);
      expect(r.err).toContain(`until then mlops-${model}-drift.yml passes with a notice`);
      // mlops.yaml sits with the model and names its files relative to itself.
      const config = await loadConfig(join(dir, 'mlops.yaml'));
      expect([config.name, config.data.train, config.data.schema]).toEqual([model, join(dir, 'data', file), join(dir, 'schema.yaml')]);
    }
    // GitHub reads workflows only from the root; nothing under the models' directories.
    await expect(readdir(join(repo, 'models', 'penguins', '.github'))).rejects.toThrow();
    expect((await readdir(join(repo, '.github', 'workflows'))).sort()).toEqual([
      'mlops-cars-drift.yml', 'mlops-cars-pull-request.yml', 'mlops-cars-release.yml',
      'mlops-penguins-drift.yml', 'mlops-penguins-pull-request.yml', 'mlops-penguins-release.yml',
    ]);
    const parser = await loadWorkflowParser();
    const read = async (file: string) => {
      const text = await readFile(join(repo, '.github', 'workflows', file), 'utf8');
      const parsed = parser.parseWorkflow({ name: file, content: text }, new parser.NoOperationTraceWriter());
      expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
      return yaml.load(text) as { name: string; on: { pull_request: { paths: string[] }; push: { paths: string[] } }; jobs: Record<string, { with: Record<string, string> }> };
    };
    const pr = await read('mlops-penguins-pull-request.yml');
    expect(pr.name).toBe('mlops penguins pull request');
    expect(pr.on.pull_request.paths).toEqual(['models/penguins/data/**', 'models/penguins/mlops.yaml', 'models/penguins/schema.yaml', '.mlops/retrain/penguins.json']);
    expect(pr.jobs.mlops!.with).toMatchObject({ config: 'models/penguins/mlops.yaml', data: 'models/penguins/data/penguins.csv', schema: 'models/penguins/schema.yaml' });
    expect((await read('mlops-penguins-release.yml')).jobs.train!.with.config).toBe('models/penguins/mlops.yaml');
    // The drift check dispatches this model's own pull-request workflow.
    expect((await read('mlops-cars-drift.yml')).jobs.drift!.with).toMatchObject({ config: 'models/cars/mlops.yaml', 'dispatch-workflow': 'mlops-cars-pull-request.yml' });
    // One .gitignore, at the root; the models' directories get none.
    expect(await readFile(join(repo, '.gitignore'), 'utf8')).toBe('# mlops: local models, comments and registry artifacts\n**/.mlops/models/\n**/.mlops/outbox/\n**/.mlops/artifacts/\n**/.mlops/cache/\n');
    await expect(readFile(join(repo, 'models', 'cars', '.gitignore'))).rejects.toThrow();
    // The workflows run at the root: the paths they pass work from there.
    expect((await mlops(repo, ['validate', pr.jobs.mlops!.with.data!, '--schema', pr.jobs.mlops!.with.schema!])).code).toBe(0);
  });

  it('quotes paths that YAML would misread (a #, a colon, a leading *, a comma or bracket) in mlops.yaml and the workflows', async () => {
    const cases = ['my data/train #1.csv', 'data/train: v2.csv', '*.csv', 'd,x]/train.csv'];
    const parser = await loadWorkflowParser();
    for (const [i, file] of cases.entries()) {
      const dir = join(root, `quoted-${i}`);
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), await readFile(join(FIXTURES, 'penguins-train.csv')));
      const r = await mlops(dir, ['init', '--label', 'species', '--', file]);
      expect([file, r.code, r.err]).toEqual([file, 0, expect.stringContaining(`  mlops validate '${file}' --schema schema.yaml`)]);
      expect((await loadConfig(join(dir, 'mlops.yaml'))).data.train).toBe(join(dir, file));
      const text = await readFile(join(dir, '.github', 'workflows', 'mlops-pull-request.yml'), 'utf8');
      const parsed = parser.parseWorkflow({ name: 'mlops-pull-request.yml', content: text }, new parser.NoOperationTraceWriter());
      expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
      const doc = yaml.load(text) as { on: { pull_request: { paths: string[] } }; jobs: { mlops: { with: Record<string, string> } } };
      expect(doc.jobs.mlops.with.data).toBe(file);
      // The paths filter names the data's folder literally: GitHub's wildcards are escaped.
      expect(doc.on.pull_request.paths[0]).toBe({ 'my data/train #1.csv': 'my data/**', 'data/train: v2.csv': 'data/**', '*.csv': '\\*.csv', 'd,x]/train.csv': 'd,x\\]/**' }[file]);
    }
  });

  it('the release workflow registers on pushes to the default branch: origin\'s, else a checked-out master, else main', async () => {
    const branchOf = async (name: string, setup: (dir: string) => void) => {
      const dir = await project(name);
      setup(dir);
      expect((await mlops(dir, ['init', 'data/penguins.csv', '--label', 'species'])).code).toBe(0);
      const release = yaml.load(await readFile(join(dir, '.github', 'workflows', 'mlops-release.yml'), 'utf8')) as { on: { push: { branches: string[] } } };
      return release.on.push.branches;
    };
    const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'ignore' });
    // A fresh `git init` on master (git's own default) must not get a workflow that waits for main.
    expect(await branchOf('on-master', (dir) => git(dir, 'init', '-q', '-b', 'master'))).toEqual(['master']);
    expect(await branchOf('on-feature', (dir) => git(dir, 'init', '-q', '-b', 'add-model'))).toEqual(['main']);
    expect(await branchOf('cloned', (dir) => {
      git(dir, 'init', '-q', '-b', 'add-model');
      git(dir, 'update-ref', 'refs/remotes/origin/trunk', '4b825dc642cb6eb9a060e54bf8d69288fbee4904');
      git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    })).toEqual(['trunk']);
    expect(await branchOf('no-git', () => undefined)).toEqual(['main']);
  });
});
