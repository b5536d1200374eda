import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { createOctokit } from '../../../src/github/index.ts';
import { createReleaseBackend } from '../../../src/github/release-store.ts';
import { GitRegistry, ReleaseArtifactStore } from '../../../src/registry/index.ts';
import { EMULATOR_TOKENS, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.ts';

const exec = promisify(execFile);

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Tagger',
  GIT_COMMITTER_EMAIL: 'tagger@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Runs git with a fixed identity and no user/system config. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: { ...process.env, ...GIT_ENV } });
  return stdout;
}

export interface Sandbox {
  root: string;
  remote: string;
  clone(name: string): Promise<string>;
  cleanup(): Promise<void>;
}

/** A temp dir with a bare remote holding one commit on main. */
export async function sandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'mlops-registry-'));
  const remote = join(root, 'remote.git');
  await git(root, '-c', 'init.defaultBranch=main', 'init', '-q', '--bare', remote);
  const seed = join(root, 'seed');
  await git(root, '-c', 'init.defaultBranch=main', 'init', '-q', seed);
  await writeFile(join(seed, 'README.md'), '# test\n');
  await git(seed, 'add', 'README.md');
  await git(seed, 'commit', '-q', '-m', 'initial');
  await git(seed, 'remote', 'add', 'origin', remote);
  await git(seed, 'push', '-q', 'origin', 'main');
  return {
    root,
    remote,
    async clone(name) {
      const dir = join(root, name);
      await git(root, 'clone', '-q', remote, dir);
      return dir;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * A fresh sandbox and its clone `work` around every test of the calling file or suite, handed to
 * `assign` (the tests keep their own `box` and `repo` variables).
 */
export function useSandbox(assign: (box: Sandbox, repo: string) => void): void {
  let current: Sandbox | undefined;
  beforeEach(async () => {
    current = await sandbox();
    assign(current, await current.clone('work'));
  });
  afterEach(async () => {
    await current?.cleanup();
  });
}

/**
 * A registry on `repo` that stores artifacts as releases of octo-org/demo on the GitHub API
 * emulator at `apiUrl`, through the CLI's own wiring (createReleaseBackend over src/github), with
 * the 1 s write pacing off for tests. A new GitRegistry per call, as each CLI run makes one.
 */
export function githubRegistry(repo: string, apiUrl: string): () => GitRegistry {
  const octokit = createOctokit({ token: EMULATOR_TOKENS.actions, baseUrl: apiUrl, env: {}, writeSpacingMs: 0, retryAfterBaseValue: 1 });
  return () => new GitRegistry({ cwd: repo, env: GIT_ENV, store: new ReleaseArtifactStore(createReleaseBackend(octokit, 'octo-org', 'demo')) });
}

/** {@link useSandbox} with a GitHub API emulator beside it, both fresh for each test. */
export function useGitHubSandbox(assign: (box: Sandbox, repo: string, emu: GitHubEmulator) => void): void {
  let box: Sandbox | undefined;
  let emu: GitHubEmulator | undefined;
  beforeEach(async () => {
    box = await sandbox();
    const repo = await box.clone('work');
    emu = await startGitHubEmulator();
    assign(box, repo, emu);
  });
  afterEach(async () => {
    await emu?.close();
    await box?.cleanup();
  });
}

/** Writes a small model directory (the files a trained model has), varying by `seed`. */
export async function writeModel(dir: string, seed: number): Promise<string> {
  await mkdir(join(dir, 'weights'), { recursive: true });
  await writeFile(join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', seed }));
  await writeFile(join(dir, 'weights', 'group1-shard1of1.bin'), Buffer.from(Array.from({ length: 700 }, (_, i) => (i * seed) % 256)));
  await writeFile(join(dir, 'preprocessing.json'), JSON.stringify({ scale: [seed, 1] }));
  await writeFile(join(dir, 'run.json'), JSON.stringify({
    params: { epochs: 5, learningRate: 0.001 * seed },
    metrics: { accuracy: 0.8 + seed / 100, f1_macro: { value: 0.7, low: 0.65, high: 0.75 } },
    data: { train: { path: 'data/train.csv', sha256: 'a'.repeat(64), md5: 'b'.repeat(32), rows: 1000 + seed } },
    backend: 'cpu',
  }));
  await writeFile(join(dir, 'profile.json'), JSON.stringify({
    format: 'mlops-profile', version: 1, rows: 1000 + seed,
    columns: [{ name: 'temp', count: 1000, nulls: 10, types: { number: 990 }, numeric: { mean: 12.5 } }], sources: [],
  }));
  return dir;
}

/** Runs `mlops <args>` in-process. */
export async function mlops(cwd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string; json: () => unknown }> {
  const io = memoryIo({ cwd, env: { ...GIT_ENV, ...env } });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err, json: () => JSON.parse(io.out) as unknown };
}

/** Tag names in a repository (local or bare). */
export async function tagNames(cwd: string): Promise<string[]> {
  return (await git(cwd, 'tag', '--list')).split('\n').filter(Boolean).sort();
}
