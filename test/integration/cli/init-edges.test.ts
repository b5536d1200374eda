import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'mlops-init-ignore-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

/** The paths of `paths` that git would leave out of a commit (`git check-ignore`). */
function ignored(repo: string, paths: string[]): string[] {
  try {
    return execFileSync('git', ['-C', repo, 'check-ignore', '--', ...paths], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // exit 1: none ignored
  }
}

const OUTPUTS = ['.mlops/models/cars/model.json', '.mlops/outbox/evaluate-cars.md', '.mlops/artifacts/x.tar.gz', '.mlops/cache/x/model.json'];

describe('mlops init: the .gitignore lines for local outputs', () => {
  it('in a subdirectory model, ignore the outputs that mlops train, evaluate and the registry write under that directory', async () => {
    const repo = join(root, 'mono');
    execFileSync('git', ['init', '-q', repo]);
    const dir = join(repo, 'models', 'cars');
    await mkdir(join(dir, 'data'), { recursive: true });
    await cp(join(FIXTURES, 'cars-train.csv'), join(dir, 'data', 'cars.csv'));
    const io = memoryIo({ cwd: dir, env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg'], io)).toBe(0);
    // `mlops train` run in models/cars (as init's "next:" says) writes models/cars/.mlops/models/cars.
    const nested = OUTPUTS.map((p) => `models/cars/${p}`);
    expect(ignored(repo, [...nested, ...OUTPUTS])).toEqual([...nested, ...OUTPUTS]);
    // The retraining record is committed by the drift check: never ignored.
    expect(ignored(repo, ['.mlops/retrain/cars.json', 'models/cars/.mlops/retrain/cars.json'])).toEqual([]);
    // A second model's init adds nothing twice.
    const before = await readFile(join(repo, '.gitignore'), 'utf8');
    const other = join(repo, 'models', 'penguins');
    await mkdir(join(other, 'data'), { recursive: true });
    await cp(join(FIXTURES, 'penguins-train.csv'), join(other, 'data', 'penguins.csv'));
    expect(await runCli(['init', 'data/penguins.csv', '--label', 'species'], memoryIo({ cwd: other, env: { PATH: process.env.PATH } }))).toBe(0);
    expect(await readFile(join(repo, '.gitignore'), 'utf8')).toBe(before);
  });

  it('at the root of the repository, the outputs at the root are ignored and an older init\'s lines are kept as they are', async () => {
    const repo = join(root, 'single');
    execFileSync('git', ['init', '-q', repo]);
    await mkdir(join(repo, 'data'), { recursive: true });
    await cp(join(FIXTURES, 'cars-train.csv'), join(repo, 'data', 'cars.csv'));
    await writeFile(join(repo, '.gitignore'), 'node_modules\n.mlops/models/\n.mlops/outbox/\n.mlops/artifacts/\n.mlops/cache/\n');
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--name', 'cars'], memoryIo({ cwd: repo, env: { PATH: process.env.PATH } }))).toBe(0);
    expect(await readFile(join(repo, '.gitignore'), 'utf8')).toBe('node_modules\n.mlops/models/\n.mlops/outbox/\n.mlops/artifacts/\n.mlops/cache/\n');
    expect(ignored(repo, OUTPUTS)).toEqual(OUTPUTS);
  });
});

describe('mlops init: a write that fails', () => {
  it('leaves nothing behind (no mlops.yaml that makes the next run answer "already exists"), and the next run works', async () => {
    const repo = join(root, 'blocked');
    execFileSync('git', ['init', '-q', repo]);
    await mkdir(join(repo, 'data'), { recursive: true });
    await cp(join(FIXTURES, 'cars-train.csv'), join(repo, 'data', 'cars.csv'));
    // A file where the workflows' directory should be: the workflows cannot be written.
    await writeFile(join(repo, '.github'), 'not a directory\n');
    await writeFile(join(repo, 'schema.yaml'), 'fields: []\n');
    const io = memoryIo({ cwd: repo, env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--force'], io)).toBe(2);
    expect(io.err).toMatch(/\.github.*not a directory/);
    // The file it created is gone, the file it replaced holds what it held.
    await expect(readFile(join(repo, 'mlops.yaml'), 'utf8')).rejects.toThrow();
    expect(await readFile(join(repo, 'schema.yaml'), 'utf8')).toBe('fields: []\n');
    await rm(join(repo, '.github'));
    await rm(join(repo, 'schema.yaml'));
    const again = memoryIo({ cwd: repo, env: { PATH: process.env.PATH } });
    expect([await runCli(['init', 'data/cars.csv', '--label', 'mpg'], again), again.err]).toEqual([0, expect.stringContaining('  created mlops.yaml\n')]);
  });
});

describe('mlops init: a second model of the same name in another subdirectory', () => {
  it('names the model whose workflows are in the way and asks for --name, instead of offering --force', async () => {
    const repo = join(root, 'twins');
    execFileSync('git', ['init', '-q', repo]);
    for (const team of ['a', 'b']) {
      const dir = join(repo, team, 'cars');
      await mkdir(join(dir, 'data'), { recursive: true });
      await cp(join(FIXTURES, 'cars-train.csv'), join(dir, 'data', 'cars.csv'));
    }
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg'], memoryIo({ cwd: join(repo, 'a', 'cars'), env: { PATH: process.env.PATH } }))).toBe(0);
    const before = await readFile(join(repo, '.github', 'workflows', 'mlops-cars-pull-request.yml'), 'utf8');
    const io = memoryIo({ cwd: join(repo, 'b', 'cars'), env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg'], io)).toBe(2);
    expect(io.err).toContain("a model named 'cars' already has workflows here");
    expect(io.err).toContain('a/cars/mlops.yaml');
    expect(io.err).toContain('--name');
    expect(io.err).not.toContain('--force replaces them');
    expect(await readFile(join(repo, '.github', 'workflows', 'mlops-cars-pull-request.yml'), 'utf8')).toBe(before);
    // --force replaces them, and says whose they were.
    const forced = memoryIo({ cwd: join(repo, 'b', 'cars'), env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--force'], forced)).toBe(0);
    expect(forced.err).toMatch(/warning: --force took .*mlops-cars-pull-request\.yml.* from the model of a\/cars\/mlops\.yaml/);
    await writeFile(join(repo, '.github', 'workflows', 'mlops-cars-pull-request.yml'), before);
    await writeFile(join(repo, '.github', 'workflows', 'mlops-cars-release.yml'), before);
    await writeFile(join(repo, '.github', 'workflows', 'mlops-cars-drift.yml'), before);
    // Under another name, both models have their own workflows.
    const named = memoryIo({ cwd: join(repo, 'b', 'cars'), env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--name', 'cars-b', '--force'], named)).toBe(0);
    expect(await readFile(join(repo, '.github', 'workflows', 'mlops-cars-pull-request.yml'), 'utf8')).toBe(before);
  });
});

describe('mlops init at the root, over workflows for another mlops.yaml', () => {
  it('says they exist and that --force replaces them (--name would not rename root workflows)', async () => {
    const repo = join(root, 'root-other');
    execFileSync('git', ['init', '-q', repo]);
    await mkdir(join(repo, 'data'), { recursive: true });
    await mkdir(join(repo, '.github', 'workflows'), { recursive: true });
    await cp(join(FIXTURES, 'cars-train.csv'), join(repo, 'data', 'cars.csv'));
    await writeFile(join(repo, '.github', 'workflows', 'mlops-pull-request.yml'), 'on: pull_request\njobs:\n  mlops:\n    uses: x/y/.github/workflows/mlops-pull-request.yml@v1\n    with: { config: ml/mlops.yaml }\n');
    const io = memoryIo({ cwd: repo, env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg'], io)).toBe(2);
    expect(io.err).toContain('already exists: .github/workflows/mlops-pull-request.yml (nothing was written; --force replaces them)');
  });
});

describe('mlops init --test in a folder of its own', () => {
  it('runs the pull-request check for a change to the golden test set, which decides the evaluation', async () => {
    const repo = join(root, 'golden');
    execFileSync('git', ['init', '-q', repo]);
    await mkdir(join(repo, 'data'), { recursive: true });
    await mkdir(join(repo, 'eval'), { recursive: true });
    await cp(join(FIXTURES, 'cars-train.csv'), join(repo, 'data', 'cars.csv'));
    await cp(join(FIXTURES, 'cars-train.csv'), join(repo, 'eval', 'golden.csv'));
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--name', 'cars', '--test', 'eval/golden.csv'], memoryIo({ cwd: repo, env: { PATH: process.env.PATH } }))).toBe(0);
    const pr = (await import('js-yaml')).default.load(await readFile(join(repo, '.github', 'workflows', 'mlops-pull-request.yml'), 'utf8')) as { on: { pull_request: { paths: string[] } } };
    expect(pr.on.pull_request.paths).toEqual(['data/**', 'mlops.yaml', 'schema.yaml', 'eval/**', '.mlops/retrain/**']);
  });
});

describe('mlops init --command with a quoted path', () => {
  it('finds the script whose name has a space, as the shell does', async () => {
    const repo = join(root, 'quoted');
    execFileSync('git', ['init', '-q', repo]);
    await mkdir(join(repo, 'data'), { recursive: true });
    await mkdir(join(repo, 'ml code'), { recursive: true });
    await writeFile(join(repo, 'ml code', 'my trainer.py'), 'print(1)\n');
    await writeFile(join(repo, "it's.py"), 'print(1)\n');
    await cp(join(FIXTURES, 'cars-train.csv'), join(repo, 'data', 'cars.csv'));
    const io = memoryIo({ cwd: repo, env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--name', 'cars', '--command', `python3 "ml code/my trainer.py" --data 'data/cars.csv'`, '--predict-command', `python3 it\\'s.py`], io)).toBe(0);
    expect(io.err).toContain("  the workflows also run for changes to the trainer's code: ml code/**, it's.py\n");
    expect(io.err).not.toContain('warning');
  });
});

describe('mlops init --force over its own workflows, edited by hand', () => {
  it('a config path written as ./a/cars/mlops.yaml is still this model\'s: no warning', async () => {
    const repo = join(root, 'dot-slash');
    execFileSync('git', ['init', '-q', repo]);
    const dir = join(repo, 'a', 'cars');
    await mkdir(join(dir, 'data'), { recursive: true });
    await cp(join(FIXTURES, 'cars-train.csv'), join(dir, 'data', 'cars.csv'));
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg'], memoryIo({ cwd: dir, env: { PATH: process.env.PATH } }))).toBe(0);
    const file = join(repo, '.github', 'workflows', 'mlops-cars-pull-request.yml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('config: a/cars/mlops.yaml', 'config: ./a/cars/mlops.yaml'));
    const io = memoryIo({ cwd: dir, env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--force'], io)).toBe(0);
    expect(io.err).not.toContain('warning');
  });
});

describe('mlops init --command through a shell', () => {
  it("finds the script inside bash -c '…' (with a variable beside it)", async () => {
    const repo = join(root, 'bash-c');
    execFileSync('git', ['init', '-q', repo]);
    await mkdir(join(repo, 'data'), { recursive: true });
    await mkdir(join(repo, 'src'), { recursive: true });
    await writeFile(join(repo, 'src', 'train.py'), 'print(1)\n');
    await cp(join(FIXTURES, 'cars-train.csv'), join(repo, 'data', 'cars.csv'));
    const io = memoryIo({ cwd: repo, env: { PATH: process.env.PATH } });
    expect(await runCli(['init', 'data/cars.csv', '--label', 'mpg', '--name', 'cars', '--command', 'bash -c "python3 src/train.py --out $MLOPS_OUTPUT_DIR"'], io)).toBe(0);
    expect(io.err).toContain("  the workflows also run for changes to the trainer's code: src/**\n");
  });
});
