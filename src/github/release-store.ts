/**
 * GitHub Releases as the registry's shared artifact store: uploads go through `ensureRelease`
 * (draft → assets → publish, idempotent), downloads fetch assets by tag. Lives in src/github
 * because every GitHub API call does (DESIGN §2); the registry only sees its ReleaseBackend.
 */
import { writeFile } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import {
  MissingArtifactError, parseSemVer, parseTag, ReleaseArtifactStore, type ArtifactStore, type ReleaseBackend, type ResolveOptions,
} from '../registry/index.ts';
import { createOctokit, resolveToken, type GitHubClient } from './client.ts';
import { ensureRelease } from './releases.ts';

/**
 * GitHub Releases as a {@link ReleaseBackend}: uploads through src/github's `ensureRelease`
 * (draft → assets → publish, idempotent) and downloads assets by tag.
 */
export function createReleaseBackend(octokit: GitHubClient, owner: string, repo: string, serverUrl?: string): ReleaseBackend {
  return {
    location: `${owner}/${repo}`,
    async ensureRelease(request) {
      const version = parseTag(request.tag)?.version;
      const result = await ensureRelease(octokit, {
        owner, repo, tag: request.tag, name: request.name, body: request.body, assets: request.assets,
        // A model version is not the repository's release: published as GitHub's default
        // (make_latest true), every registration became the repository's "Latest release", so
        // /releases/latest — what install scripts download the software from — served a model.
        makeLatest: 'false',
        // A SemVer prerelease (v1.0.0-rc.1) is labelled one on GitHub too.
        prerelease: Boolean(version && parseSemVer(version)?.prerelease.length),
      });
      return { operation: result.operation, url: result.url ?? `${serverUrl ?? 'https://github.com'}/${owner}/${repo}/releases/tag/${encodeURIComponent(request.tag)}` };
    },
    async downloadAsset({ tag, assetName, dest }) {
      let release;
      try {
        release = (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
      } catch (error) {
        throw new MissingArtifactError(`no GitHub release for ${tag} in ${owner}/${repo}: ${(error as Error).message}`, { key: tag });
      }
      const asset = release.assets.find((a) => a.name === assetName);
      if (!asset) throw new MissingArtifactError(`release ${tag} in ${owner}/${repo} has no asset '${assetName}'`, { key: assetName });
      const { data } = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id, headers: { accept: 'application/octet-stream' } });
      const bytes = data as unknown;
      // With `accept: application/octet-stream` GitHub redirects to the asset's bytes; an object
      // here means we got the asset's JSON description instead (a proxy dropped the header).
      const buffer = bytes instanceof ArrayBuffer ? Buffer.from(bytes) : Buffer.isBuffer(bytes) ? bytes
        : ArrayBuffer.isView(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
          : typeof bytes === 'string' ? Buffer.from(bytes, 'binary') : null;
      if (!buffer) throw new InputError(`downloading ${assetName} of ${tag} returned asset metadata instead of its bytes`, { key: assetName });
      await writeFile(dest, buffer);
      return { source: asset.browser_download_url || asset.url };
    },
  };
}


/**
 * GitHub Releases of the current repository as an artifact store, when the environment has a
 * repository (GITHUB_REPOSITORY) and a token (INPUT_TOKEN / GITHUB_TOKEN); else null. Pass it as
 * `fallbackStores` to resolveModelRef so `name#production` resolves on a runner, whose fresh
 * clone has no local store.
 */
export function releaseStoreFromEnv(env: Record<string, string | undefined>): ArtifactStore | null {
  const repository = env.GITHUB_REPOSITORY;
  if (!repository || !/^[^/\s]+\/[^/\s]+$/.test(repository) || !resolveToken({ env })) return null;
  const [owner, repo] = repository.split('/') as [string, string];
  return new ReleaseArtifactStore(createReleaseBackend(createOctokit({ env }), owner, repo, env.GITHUB_SERVER_URL));
}

/** The stores a registry reference is read from (the `store` and `fallbackStores` of resolveModelRef). */
export type ReferenceStores = Pick<ResolveOptions, 'store' | 'fallbackStores'>;

/**
 * `stores` when given (`--store` / `--store-dir`), else the default: the local store, then this
 * repository's GitHub Releases ({@link releaseStoreFromEnv}) when the environment has a repository
 * and a token — a runner's fresh clone has no local store.
 */
export function referenceStores(env: Record<string, string | undefined>, stores?: ReferenceStores): ReferenceStores {
  if (stores) return stores;
  const releases = releaseStoreFromEnv(env);
  return releases ? { fallbackStores: [releases] } : {};
}
