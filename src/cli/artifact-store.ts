/**
 * `--store local|github` and `--store-dir <dir>`: where registry artifacts (model tarballs) are
 * read and written. One resolution for `mlops registry` and for the commands that resolve a
 * registry reference (`mlops evaluate --baseline name#stage`, `mlops drift --reference name#stage`),
 * so the flags mean the same everywhere.
 */
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { createOctokit, resolveToken } from '../github/index.ts';
import { createReleaseBackend, referenceStores, type ReferenceStores } from '../github/release-store.ts';
import { LocalArtifactStore, ReleaseArtifactStore, type ArtifactStore } from '../registry/index.ts';
import type { CliIo } from './io.ts';

/** The parseArgs options (node:util) of the store flags. */
export const STORE_OPTIONS = {
  store: { type: 'string' },
  'store-dir': { type: 'string' },
} as const;

/**
 * --help lines for the store flags of a command that resolves registry references, option names
 * padded to `column` (where the command's descriptions start); `repoFlag`: whether the command
 * has `--repo` (else only GITHUB_REPOSITORY is named).
 */
export function storeUsage(column: number, repoFlag: boolean): string {
  const options: Array<[string, string[]]> = [
    ['--store local|github', [
      'artifact store of a registry reference, as on mlops registry: local (default)',
      'is <repo>/.mlops/artifacts, then the GitHub Releases of GITHUB_REPOSITORY when',
      `a token is set; github: the releases of ${repoFlag ? '--repo or ' : ''}GITHUB_REPOSITORY (GITHUB_TOKEN)`,
    ]],
    ['--store-dir <dir>', [
      'local store directory, as on mlops registry: on shared storage (a mounted',
      'volume) a fresh clone resolves name#stage from it',
    ]],
  ];
  const indent = ' '.repeat(column);
  return options.map(([flag, lines]) => {
    const head = `  ${flag}`;
    // A flag as wide as the column gets its description on the next line.
    const first = head.length < column ? `${head.padEnd(column)}${lines[0]}` : `${head}\n${indent}${lines[0]}`;
    return [first, ...lines.slice(1).map((line) => `${indent}${line}`)].join('\n');
  }).join('\n');
}

/** The store flags as given. */
export interface StoreFlags {
  store?: string;
  'store-dir'?: string;
  /** GitHub repository (owner/name) for `--store github`; default GITHUB_REPOSITORY. */
  repo?: string;
}

/** The artifact store the flags select. */
export interface StoreChoice {
  kind: 'local' | 'github';
  /** Undefined: the registry's default local store (`<repo>/.mlops/artifacts`). */
  store?: ArtifactStore;
  /** `<server>/<owner>/<name>` of the repository, when one is known (model cards link to it). */
  repositoryUrl: string | null;
}

/**
 * Resolves `--store` / `--store-dir` / `--repo` as `mlops registry` always has: `github` needs a
 * repository (--repo or GITHUB_REPOSITORY) and a token; `--store-dir` sets the local store's
 * directory (relative to the working directory). UsageError (exit 2) otherwise.
 */
export function storeFromFlags(flags: StoreFlags, io: Pick<CliIo, 'cwd' | 'env'>): StoreChoice {
  const env = io.env;
  const kind = flags.store ?? 'local';
  if (kind !== 'local' && kind !== 'github') throw new UsageError(`--store must be local or github, got '${kind}'`);
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  const repository = flags.repo ?? env.GITHUB_REPOSITORY;
  const repositoryUrl = repository && /^[^/]+\/[^/]+$/.test(repository) ? `${serverUrl}/${repository}` : null;
  if (kind === 'github') {
    if (!repository || !/^[^/\s]+\/[^/\s]+$/.test(repository)) throw new UsageError('--store github needs --repo owner/name (or GITHUB_REPOSITORY)');
    if (!resolveToken({ env })) throw new UsageError('--store github needs a token in GITHUB_TOKEN');
    const [owner, repo] = repository.split('/') as [string, string];
    return { kind, store: new ReleaseArtifactStore(createReleaseBackend(createOctokit({ env }), owner, repo, serverUrl)), repositoryUrl };
  }
  if (flags['store-dir']) return { kind, store: new LocalArtifactStore(resolve(io.cwd, flags['store-dir'])), repositoryUrl };
  return { kind, repositoryUrl };
}

/**
 * The stores `evaluate --baseline` and `drift --reference` read a registry reference from: the
 * store the flags select and — unless that is GitHub already — the repository's GitHub Releases
 * as a fallback when the environment has a repository and a token (a runner's fresh clone has no
 * local store).
 */
export function referenceStoresFromFlags(flags: StoreFlags, io: Pick<CliIo, 'cwd' | 'env'>): ReferenceStores {
  const choice = storeFromFlags(flags, io);
  if (choice.kind === 'github') return { store: choice.store! };
  return { ...(choice.store ? { store: choice.store } : {}), ...referenceStores(io.env) };
}
