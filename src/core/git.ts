/**
 * Runs the `git` binary (child_process), the project's one way to touch git: no dependency, git's
 * exact semantics (atomic pushes, refusal to overwrite refs), and whatever credentials the user
 * configured (credential helpers, SSH agents, actions/checkout's http.extraheader) just work.
 */
import { spawn } from 'node:child_process';
import { InputError } from './errors.ts';

/** A failed git invocation. */
export class GitError extends Error {
  readonly args: string[];
  readonly stderr: string;
  readonly stdout: string;
  readonly exitCode: number | null;
  constructor(args: string[], exitCode: number | null, stderr: string, stdout = '') {
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim()}`);
    this.name = 'GitError';
    this.args = args;
    this.stderr = stderr;
    this.stdout = stdout;
    this.exitCode = exitCode;
  }
}

/** Where and how git runs. `env` is merged over process.env. */
export interface GitContext {
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** Runs git and returns stdout; throws {@link GitError} on a non-zero exit. */
export function runGit(ctx: GitContext, args: string[], input?: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...(ctx.env ?? {}) })) if (v !== undefined) env[k] = v;
    // Never hang on a credential prompt in CI; parse git's messages in one language.
    env.GIT_TERMINAL_PROMPT = '0';
    env.LC_ALL = 'C';
    const child = spawn('git', args, { cwd: ctx.cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(new InputError(`cannot run git: ${e.message}`, { key: 'git' })));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) resolvePromise(stdout);
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8'), stdout));
    });
    if (child.stdin) {
      // git may exit before reading all of stdin (e.g. on an early error): that is not our failure.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
  });
}
