import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { GIT_ENV, ROOT } from './helpers.ts';

/**
 * README's "Use it on your model", typed by a new user: `mlops init` as printed, a commit, then
 * every command of step 2 as printed, in a repository whose directory is not named after the model
 * (nobody's clone is called `weather`). Each must do its job (exit 0).
 */
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The `npx mlops …` lines of the first ```sh block after `from`, as argument lists. */
function commandsAfter(from: string): string[][] {
  const at = readme.indexOf(from);
  expect(at, from).toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)\n\s*```/.exec(readme.slice(at))![1]!;
  return block.split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx mlops '))
    .map((line) => {
      // Plain words only: these lines are run here without a shell.
      expect(line, 'a README command that needs shell quoting').not.toMatch(/["'`$\\]/);
      return line.slice('npx mlops '.length).split(/\s+/);
    });
}

let work: string | undefined;
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

describe('README quick start', () => {
  it('init, commit, then every command of step 2 runs as written', async () => {
    work = mkdtempSync(join(tmpdir(), 'my-project-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: work, env: { ...process.env, ...GIT_ENV } });
    git('init', '-q', '-b', 'main');
    cpSync(join(ROOT, 'fixtures', 'example', 'data'), join(work, 'data'), { recursive: true });
    cpSync(join(ROOT, 'fixtures', 'example', 'monitoring'), join(work, 'monitoring'), { recursive: true });
    const run = async (args: string[]) => {
      const io = memoryIo({ cwd: work, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV } });
      const code = await runCli(args, io);
      return { code, out: io.out, err: io.err };
    };

    const setup = commandsAfter('## Use it on your model');
    expect(setup.map((a) => a[0])).toEqual(['init']);
    const init = await run(setup[0]!);
    expect(init.code, init.err).toBe(0);
    git('add', '-A');
    git('commit', '-q', '-m', 'mlops init');

    const steps = commandsAfter('2. Try it in a terminal');
    expect(steps.length).toBeGreaterThanOrEqual(7);
    for (const args of steps) {
      const r = await run(args);
      expect(r.code, `mlops ${args.join(' ')}\n${r.err}`).toBe(0);
    }
    // What was trained is where init's .gitignore keeps it out of commits.
    expect(git('status', '--porcelain').toString()).toBe('');
  }, 240_000);
});
