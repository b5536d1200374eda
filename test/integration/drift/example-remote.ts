import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The example project (fixtures/example) the drift tests commit and push. */
export const EXAMPLE = new URL('../../../fixtures/example/', import.meta.url).pathname;
export const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

/** Runs git with the test identity (plus `env`), synchronously; returns its trimmed output. */
export type Git = (cwd: string, ...args: string[]) => string;

export function gitWith(env: Record<string, string> = {}): Git {
  return (cwd, ...args) => execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV, ...env }, encoding: 'utf8' }).trim();
}

/**
 * A temporary folder holding a bare remote (`remote.git`, branch main) and a clone of it (`work`)
 * whose first commit, pushed, is the example project.
 */
export function exampleRemote(prefix: string, git: Git): { root: string; remote: string; work: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(root, '-c', 'init.defaultBranch=main', 'clone', '-q', remote, work);
  cpSync(EXAMPLE, work, { recursive: true });
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'example project');
  git(work, 'push', '-q', 'origin', 'main');
  return { root, remote, work };
}
