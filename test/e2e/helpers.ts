import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionsCheckout, gitCheckout, type CallerRunOptions } from '../support/action-runner/index.ts';
import type { Permissions } from '../support/action-runner/index.ts';
import { EMULATOR_TOKENS, startGitHubEmulator, type Access, type EmulatorOptions, type EmulatorToken, type GitHubEmulator, type Permission } from '../support/github-emulator/index.ts';

/**
 * End-to-end fixtures: the example project in a real git repository whose `origin` is a local
 * bare remote, a GitHub emulator that learns about every branch pushed to that remote (a
 * post-receive hook reports pushes to the test process, as GitHub's side of the remote would
 * know them), and the caller workflows exactly as README.md prints them.
 */

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const REPO = 'octo-org/demo';
export const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

/** The ```yaml block that follows `<!-- workflow:<kind> -->` in README.md, verbatim. */
export function readmeWorkflow(kind: 'pull-request' | 'release' | 'drift'): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const marker = `<!-- workflow:${kind} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const block = /^\s*```ya?ml\n([\s\S]*?)\n```/.exec(readme.slice(at + marker.length));
  if (!block) throw new Error(`README.md: no \`\`\`yaml block right after ${marker}`);
  return block[1]!;
}

const execFileAsync = promisify(execFile);

/**
 * Runs git with the test identity; returns trimmed stdout. Asynchronous on purpose: a push runs
 * the remote's hook, which reports to this process — a synchronous child would deadlock it.
 */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  return stdout.trim();
}

/** A remote ref's sha, or null (no push involved, so synchronous is safe). */
export function remoteRef(remote: string, ref: string): string | null {
  const r = spawnSync('git', ['rev-parse', '--verify', '-q', ref], { cwd: remote, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export interface E2eRepo {
  root: string;
  /** The bare remote (GitHub's git side). */
  remote: string;
  /** A developer's clone of it. */
  work: string;
  emu: GitHubEmulator;
  /** The built action checkout (dist from the working tree, actions/, .github/workflows/). */
  checkout: string;
  /** Commits the files (path → content, relative to work) on the current branch and pushes it. */
  commit(files: Record<string, string>, message: string): Promise<string>;
  /** Runs this project's CLI (the built dist) in `cwd` with the emulator env. */
  mlops(cwd: string, args: string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Runner options for runCallerWorkflow against this repository. */
  runOptions(extra?: Partial<CallerRunOptions>): CallerRunOptions;
  close(): Promise<void>;
}

/** The example project with a short training run (the suite must stay fast on 2 cores). */
function exampleConfig(): string {
  const config = readFileSync(join(ROOT, 'fixtures', 'example', 'mlops.yaml'), 'utf8');
  const fast = config.replace(/epochs:\s*\d+/, 'epochs: 4').replace(/backend:\s*auto/, 'backend: wasm')
    // A short latency benchmark and fewer bootstrap resamples: same code paths, less CPU.
    .replace(/^evaluate:\n/m, 'evaluate:\n  latency: { batchSizes: [1], rounds: 5, warmup: 1, samplesPerRound: 5 }\n  bootstrap: { resamples: 200, confidence: 0.95, seed: 42 }\n');
  if (!fast.includes('epochs: 4') || !fast.includes('backend: wasm') || !fast.includes('samplesPerRound: 5')) throw new Error('fixtures/example/mlops.yaml changed shape: update exampleConfig()');
  return fast;
}

/** Workflow permission scopes the emulator enforces, and its names for them. */
const SCOPED: Array<[string, Permission]> = [['contents', 'contents'], ['pull-requests', 'pull_requests'], ['actions', 'actions'], ['issues', 'issues']];
const LEVELS: Access[] = ['none', 'read', 'write'];

/** The GITHUB_TOKEN a job with these permissions gets: an emulator token with exactly them. */
export function scopedToken(permissions: Permissions): string {
  return `ghs_scoped_${SCOPED.map(([scope]) => (permissions[scope] ?? 'none')[0]).join('')}`;
}

/** Every scoped installation token (3^4 permission sets), all `github-actions[bot]` like GITHUB_TOKEN. */
function scopedTokens(): Record<string, EmulatorToken> {
  const out: Record<string, EmulatorToken> = {};
  const walk = (i: number, perms: Partial<Record<Permission, Access>>, workflow: Permissions) => {
    if (i === SCOPED.length) {
      out[scopedToken(workflow)] = { login: 'github-actions[bot]', type: 'Bot', kind: 'installation', permissions: { ...perms, metadata: 'read' } };
      return;
    }
    for (const level of LEVELS) walk(i + 1, { ...perms, [SCOPED[i]![1]]: level }, { ...workflow, [SCOPED[i]![0]]: level });
  };
  walk(0, {}, {});
  return out;
}

/** Sets up the repository, the remote, the emulator and the push hook. */
export async function setupE2e(emulatorOptions: EmulatorOptions = {}): Promise<E2eRepo> {
  const root = mkdtempSync(join(tmpdir(), 'mlops-e2e-'));
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  // Each job's GITHUB_TOKEN carries exactly the permissions the workflow gives that job, so a
  // permission a workflow forgot shows up as GitHub's 403, not as a passing test.
  const emu = await startGitHubEmulator({
    tokens: {
      [EMULATOR_TOKENS.pat]: { login: 'mlops-user', type: 'User', kind: 'pat' },
      [EMULATOR_TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation' },
      ...scopedTokens(),
    },
    ...emulatorOptions,
  });
  // Pushes reach the emulator through a post-receive hook → a tiny HTTP endpoint here.
  const hookServer: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => {
      for (const line of body.split('\n')) {
        const [, sha, ref] = line.trim().split(/\s+/);
        if (sha && ref?.startsWith('refs/heads/') && !/^0+$/.test(sha)) emu.addBranch(REPO, ref.slice('refs/heads/'.length), sha);
      }
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/`;
  await git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  const hookScript = join(root, 'post-receive.mjs');
  writeFileSync(hookScript, [
    "let body = '';",
    "process.stdin.setEncoding('utf8').on('data', (d) => { body += d; }).on('end', async () => {",
    `  await fetch(${JSON.stringify(hookUrl)}, { method: 'POST', body });`,
    '});',
  ].join('\n'));
  writeFileSync(join(remote, 'hooks', 'post-receive'), `#!/bin/sh\nexec "${process.execPath}" "${hookScript}"\n`);
  chmodSync(join(remote, 'hooks', 'post-receive'), 0o755);
  await git(root, '-c', 'init.defaultBranch=main', 'clone', '-q', remote, work);
  cpSync(join(ROOT, 'fixtures', 'example'), work, { recursive: true });
  writeFileSync(join(work, 'mlops.yaml'), exampleConfig());
  await git(work, 'add', '-A');
  await git(work, 'commit', '-q', '-m', 'example project');
  await git(work, 'push', '-q', 'origin', 'main');
  const checkout = actionsCheckout();
  const emuEnv = { ...GIT_ENV, GITHUB_API_URL: emu.url, MLOPS_GITHUB_WRITE_SPACING_MS: '0' };

  return {
    root, remote, work, emu, checkout,
    async commit(files, message) {
      for (const [path, content] of Object.entries(files)) writeFileSync(join(work, path), content);
      await git(work, 'add', '-A');
      await git(work, 'commit', '-q', '-m', message);
      await git(work, 'push', '-q', 'origin', 'HEAD');
      return git(work, 'rev-parse', 'HEAD');
    },
    async mlops(cwd, args, env = {}) {
      try {
        const { stdout, stderr } = await execFileAsync(process.execPath, [join(checkout, 'dist', 'mlops.mjs'), ...args], {
          cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, ...emuEnv, GITHUB_REPOSITORY: REPO, ...env },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
      }
    },
    runOptions(extra = {}) {
      return {
        repository: REPO,
        token: EMULATOR_TOKENS.actions,
        tokenFor: (permissions) => scopedToken(permissions),
        firstParty: { 'mlops-actions/mlops-actions': checkout },
        ...extra,
        env: { ...emuEnv, ...(extra.env ?? {}) },
        localActions: { 'actions/checkout': gitCheckout(remote), ...(extra.localActions ?? {}) },
      };
    },
    async close() {
      await new Promise<void>((r) => hookServer.close(() => r()));
      await emu.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the example model as `weather#production` with the GitHub release store (so a fresh
 * CI clone can pull it), pushing the tags to the remote. Trains it first unless `model` (a model
 * directory trained earlier, e.g. by another test of the file) is given; returns the directory.
 */
export async function registerProduction(repo: E2eRepo, model?: string): Promise<string> {
  if (!model) {
    model = join(repo.root, 'baseline-model');
    const train = await repo.mlops(repo.work, ['train', '--out', model]);
    if (train.code !== 0) throw new Error(`training the baseline failed:\n${train.stderr}`);
  }
  const register = await repo.mlops(repo.work, ['registry', 'register', 'weather', '--model', model, '--stage', 'production', '--store', 'github', '--repo', REPO, '--push'], { GITHUB_TOKEN: EMULATOR_TOKENS.pat });
  if (register.code !== 0) throw new Error(`registering the baseline failed:\n${register.stderr}${register.stdout}`);
  return model;
}

/** Every sticky comment of one kind (`<!-- mlops:<kind>:… -->`) on a PR. */
export function stickyComments(emu: GitHubEmulator, issueNumber: number, kind: string) {
  return emu.state.comments.filter((c) => c.issueNumber === issueNumber && c.body.includes(`<!-- mlops:${kind}:`));
}
