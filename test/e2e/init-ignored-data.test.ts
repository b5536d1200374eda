import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { GIT_ENV, ROOT } from './helpers.ts';

/**
 * A new user's data is often kept out of git: `dvc add data/train.csv` writes data/.gitignore
 * with `/train.csv`, and many projects ignore `*.csv`. `git add -A` then commits the workflows
 * without the data they read, and the first pull request fails on GitHub with 'file not found'.
 * mlops init says so while the user is still at the terminal.
 */
const dirs: string[] = [];
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

function project(): { work: string; git: (...args: string[]) => string } {
  const work = mkdtempSync(join(tmpdir(), 'my-project-'));
  dirs.push(work);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(work, 'data'));
  cpSync(join(ROOT, 'fixtures', 'example', 'data'), join(work, 'data'), { recursive: true });
  return { work, git };
}

async function init(work: string, args: string[]) {
  const io = memoryIo({ cwd: work, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV } });
  const code = await runCli(['init', ...args], io);
  return { code, err: io.err };
}

describe('mlops init with data git leaves out', () => {
  it('warns, naming the ignore rule, when the training or test data is ignored by git; the files are still written', async () => {
    const { work, git } = project();
    // What `dvc add data/train.csv` leaves: the data ignored next to it.
    writeFileSync(join(work, 'data', '.gitignore'), '/train.csv\n');
    writeFileSync(join(work, '.gitignore'), '*.log\ngolden.csv\n');
    const r = await init(work, ['data/train.csv', '--label', 'weather', '--test', 'data/golden.csv', '--name', 'weather']);
    expect(r.code, r.err).toBe(0);
    const warnings = r.err.split('\n').filter((line) => line.includes('warning:'));
    expect(warnings).toEqual([
      '  warning: data/train.csv is ignored by git (data/.gitignore:1:/train.csv): a commit leaves it out, so the workflows cannot read it on GitHub; commit it (git add -f data/train.csv), or fetch it in a workflow of your own before the actions run (e.g. dvc pull)',
      '  warning: data/golden.csv is ignored by git (.gitignore:2:golden.csv): a commit leaves it out, so the workflows cannot read it on GitHub; commit it (git add -f data/golden.csv), or fetch it in a workflow of your own before the actions run (e.g. dvc pull)',
    ]);
    // The warning is true: what the user commits next lacks both files.
    git('add', '-A');
    expect(git('diff', '--cached', '--name-only').split('\n')).not.toContain('data/train.csv');
  });

  it('says nothing for data git commits: not ignored, or ignored by a pattern but already tracked', async () => {
    const { work, git } = project();
    git('add', 'data/train.csv', 'data/golden.csv');
    git('commit', '-q', '-m', 'data');
    writeFileSync(join(work, '.gitignore'), '*.csv\n');
    const r = await init(work, ['data/train.csv', '--label', 'weather', '--test', 'data/golden.csv', '--name', 'weather']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('warning:');
  });
});
