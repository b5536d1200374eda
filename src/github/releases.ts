/**
 * GitHub Releases as the registry's public face (DESIGN §5): looked up by tag; otherwise created as
 * a draft, assets uploaded, then published — so nobody sees a release with half its assets, and a
 * crashed run's leftover draft is picked up and finished by the next one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { GitHubClient } from './client.ts';
import { InputError } from '../core/errors.ts';
import { statusOf, withGitHubError } from './errors.ts';
import { createOnce, NO_RETRY } from './idempotent.ts';
import { RELEASE_BODY_LIMIT, truncateMarkdown } from './truncate.ts';
import type { Operation, WriteResult } from './types.ts';

/** One file to attach to a release. */
export interface ReleaseAsset {
  /** Asset name on GitHub (what users download). */
  name: string;
  /** Local file. */
  path: string;
  contentType: string;
  label?: string;
}

/** Options of {@link ensureRelease}. */
export interface ReleaseOptions {
  owner: string;
  repo: string;
  tag: string;
  name: string;
  body: string;
  assets: ReleaseAsset[];
  /** Commit or branch the tag is created on when it does not exist yet. */
  targetCommitish?: string;
  prerelease?: boolean;
  /** `make_latest` on publish. Default: GitHub's (`true`). */
  makeLatest?: 'true' | 'false' | 'legacy';
}

interface RemoteAsset {
  id: number;
  name: string;
  size: number;
  state: string;
  digest?: string | null;
}

interface RemoteRelease {
  id: number;
  html_url: string;
  upload_url: string;
  tag_name: string;
  name: string | null;
  body?: string | null;
  draft: boolean;
}

interface LocalAsset extends ReleaseAsset {
  size: number;
  sha256: string;
}

async function describeLocal(asset: ReleaseAsset): Promise<LocalAsset> {
  let size: number;
  try {
    size = (await stat(asset.path)).size;
  } catch (error) {
    throw new InputError(`release asset is not readable: ${(error as Error).message}`, { file: asset.path, key: asset.name });
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(asset.path)) hash.update(chunk as Buffer);
  return { ...asset, size, sha256: hash.digest('hex') };
}

/** An asset is complete when fully uploaded with the same size (and digest, where GitHub reports one). */
function isComplete(remote: RemoteAsset | undefined, local: LocalAsset): boolean {
  if (!remote || remote.state !== 'uploaded' || remote.size !== local.size) return false;
  return !remote.digest || remote.digest === `sha256:${local.sha256}`;
}

function isAlreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const errors = (error as { response?: { data?: { errors?: Array<{ code?: string }> } } }).response?.data?.errors ?? [];
  return errors.some((e) => e.code === 'already_exists') || /already_exists|already exists/i.test((error as Error).message);
}

async function findRelease(octokit: GitHubClient, owner: string, repo: string, tag: string): Promise<RemoteRelease | undefined> {
  try {
    const { data } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
    return data as RemoteRelease;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  // Drafts have no tag yet, so "get by tag" does not see them: look for a leftover draft.
  const releases = await octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 });
  return (releases as RemoteRelease[]).find((release) => release.draft && release.tag_name === tag);
}

/**
 * Makes sure the release for `tag` exists, is published, has `name`/`body` and every asset fully
 * uploaded. `unchanged` when all of that already holds; partial or mismatched assets are
 * deleted and uploaded again. A concurrent creation (422 `already_exists`) is resolved by
 * continuing with the release the other run created.
 */
export async function ensureRelease(octokit: GitHubClient, options: ReleaseOptions): Promise<WriteResult> {
  const { owner, repo, tag, name } = options;
  const body = truncateMarkdown(options.body.replace(/\r\n/g, '\n'), RELEASE_BODY_LIMIT, '> [!NOTE]\n> Cut to fit GitHub\'s release size limit; see the model card asset for the full text.');
  const locals = await Promise.all(options.assets.map(describeLocal));
  const what = `release ${tag} in ${owner}/${repo}`;

  let operation: Operation = 'unchanged';
  let release = await withGitHubError(`look up ${what}`, () => findRelease(octokit, owner, repo, tag));
  if (!release) {
    try {
      release = await createOnce(
        octokit,
        async () => (await octokit.rest.repos.createRelease({
          owner, repo, tag_name: tag, name, body, draft: true, prerelease: options.prerelease ?? false,
          ...(options.targetCommitish ? { target_commitish: options.targetCommitish } : {}),
          request: NO_RETRY,
        })).data as RemoteRelease,
        // A 5xx may hide a draft that was created: adopt it instead of making a second one.
        () => findRelease(octokit, owner, repo, tag),
      );
      operation = 'created';
    } catch (error) {
      if (!isAlreadyExists(error)) return withGitHubError(`create ${what}`, () => Promise.reject(error));
      release = await withGitHubError(`look up ${what}`, () => findRelease(octokit, owner, repo, tag));
      if (!release) return withGitHubError(`create ${what}`, () => Promise.reject(error));
    }
  }
  const current = release;
  const markUpdated = () => { if (operation === 'unchanged') operation = 'updated'; };

  if (operation !== 'created' && ((current.name ?? '') !== name || (current.body ?? '').replace(/\r\n/g, '\n') !== body)) {
    await withGitHubError(`update ${what}`, () => octokit.rest.repos.updateRelease({ owner, repo, release_id: current.id, name, body }));
    markUpdated();
  }

  const remotes = operation === 'created' ? [] : (await withGitHubError(`list the assets of ${what}`, () =>
    octokit.paginate(octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: current.id, per_page: 100 }))) as RemoteAsset[];
  for (const local of locals) {
    const remote = remotes.find((asset) => asset.name === local.name);
    if (isComplete(remote, local)) continue;
    if (remote) {
      await withGitHubError(`delete the incomplete asset ${local.name} of ${what}`, () =>
        octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: remote.id }));
    }
    const data = await readFile(local.path);
    await withGitHubError(`upload ${local.name} to ${what}`, () => createOnce<unknown>(
      octokit,
      () => octokit.request({
        method: 'POST',
        url: current.upload_url,
        name: local.name,
        ...(local.label ? { label: local.label } : {}),
        data,
        headers: { 'content-type': local.contentType, 'content-length': local.size },
        request: NO_RETRY,
      }),
      // After a 5xx the asset may be there, complete or partial: keep a complete one, drop a partial one.
      async () => {
        const assets = (await octokit.paginate(octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: current.id, per_page: 100 })) as RemoteAsset[];
        const landed = assets.find((asset) => asset.name === local.name);
        if (isComplete(landed, local)) return landed;
        if (landed) await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: landed.id });
        return undefined;
      },
    ));
    markUpdated();
  }

  let url = current.html_url;
  if (current.draft) {
    const { data } = await withGitHubError(`publish ${what}`, () => octokit.rest.repos.updateRelease({
      owner, repo, release_id: current.id, draft: false, ...(options.makeLatest ? { make_latest: options.makeLatest } : {}),
    }));
    url = data.html_url;
    markUpdated();
  }
  return { operation, id: current.id, url };
}
