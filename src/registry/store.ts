/**
 * Where model artifacts live. Tags say *what* a version is (hashes); a store holds the bytes.
 *
 * - {@link LocalArtifactStore}: a content-addressed directory (`sha256/ab/abcd…`), by default
 *   `.mlops/artifacts/` at the repository root. It lives only on this machine: a fresh clone (a
 *   CI runner) does not have it, so `pull` there needs `--store-dir` on shared storage or GitHub mode.
 * - {@link ReleaseArtifactStore}: GitHub Releases, one per registered version, via an injected
 *   {@link ReleaseBackend} (the CLI wires it to src/github; domain code never imports GitHub).
 *
 * Stores do not verify what they return: callers check every byte against the sha256 recorded in
 * the tag, so a tampered store or a corrupted download is caught wherever it comes from.
 */
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import { exists } from '../core/fs.ts';
import type { ArtifactEntry } from './metadata.ts';
import { sha256File } from './model-hash.ts';

/** The store does not have the asset (as opposed to having altered bytes): another store may. */
export class MissingArtifactError extends InputError {}

/** What every write reports (DESIGN §1.4). */
export type Operation = 'created' | 'updated' | 'unchanged' | 'skipped';

/** A local file to store under an asset name. */
export interface AssetFile {
  name: string;
  path: string;
  contentType: string;
}

/** A registered version's artifacts. */
export interface PutRequest {
  name: string;
  version: string;
  tag: string;
  /** Release title and body (the model card) for stores that have them. */
  title: string;
  body: string;
  assets: AssetFile[];
}

/** Result of storing a version's artifacts. */
export interface PutResult {
  operation: Operation;
  url: string | null;
  assets: ArtifactEntry[];
}

/** A request to fetch one asset of a version into `dest`. */
export interface FetchRequest {
  name: string;
  version: string;
  tag: string;
  asset: ArtifactEntry;
  dest: string;
}

/** The artifact store behind the registry. */
export interface ArtifactStore {
  readonly kind: 'local' | 'github';
  /** Describes where artifacts go, for messages. */
  readonly location: string;
  /** Hashes only (no upload): what `put` would record. Used to write the tag before uploading. */
  describe(assets: AssetFile[]): Promise<ArtifactEntry[]>;
  put(request: PutRequest): Promise<PutResult>;
  /** Writes the asset's bytes to `dest` and says where they came from (a path or a URL). */
  fetch(request: FetchRequest): Promise<{ source: string }>;
}

async function describeAssets(assets: AssetFile[]): Promise<ArtifactEntry[]> {
  const out: ArtifactEntry[] = [];
  for (const a of assets) out.push({ name: a.name, contentType: a.contentType, ...(await sha256File(a.path)) });
  return out;
}

/** Content-addressed directory store. */
export class LocalArtifactStore implements ArtifactStore {
  readonly kind = 'local' as const;
  readonly location: string;
  constructor(readonly dir: string) {
    this.location = dir;
  }

  /** Path of a blob by its sha256. */
  blobPath(sha256: string): string {
    return join(this.dir, 'sha256', sha256.slice(0, 2), sha256);
  }

  describe(assets: AssetFile[]): Promise<ArtifactEntry[]> {
    return describeAssets(assets);
  }

  async put(request: PutRequest): Promise<PutResult> {
    const entries = await describeAssets(request.assets);
    let created = false;
    try {
      await ignoreInGit(this.dir);
      for (let i = 0; i < entries.length; i++) {
        const target = this.blobPath(entries[i]!.sha256);
        if (await exists(target)) continue;
        await mkdir(dirname(target), { recursive: true });
        // Copy to a temporary sibling, then rename: a concurrent writer of the same blob is harmless.
        const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        await copyFile(request.assets[i]!.path, temp);
        await rename(temp, target);
        created = true;
      }
    } catch (error) {
      // The file system refused the store (--store-dir naming a file, a read-only shared mount):
      // a problem with the user's directory, named as such, not a crash.
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw error;
      const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'it, or a part of its path, is a file' : (error as Error).message.replace(/,.*$/s, '');
      throw new InputError(`cannot write to the artifact store: ${why}`, { file: this.dir }, { cause: error });
    }
    return { operation: created ? 'created' : 'unchanged', url: null, assets: entries };
  }

  async fetch(request: FetchRequest): Promise<{ source: string }> {
    const source = this.blobPath(request.asset.sha256);
    if (!(await exists(source))) {
      throw new MissingArtifactError(
        `artifact '${request.asset.name}' of ${request.tag} is not in the local store (${this.dir}); ` +
          'it was registered on another machine: use --store github, or --store-dir pointing at the shared store',
        { file: source, key: request.asset.name },
      );
    }
    await mkdir(dirname(request.dest), { recursive: true });
    await copyFile(source, request.dest);
    return { source };
  }
}

/**
 * Puts a `.gitignore` of `*` in a directory mlops owns inside the work tree (artifact store,
 * cache): their bytes must never be committed by a careless `git add -A`, and `git status` stays clean.
 */
export async function ignoreInGit(dir: string): Promise<void> {
  const path = join(dir, '.gitignore');
  if (await exists(path)) return;
  await mkdir(dir, { recursive: true });
  await writeFile(path, '# Written by mlops: registry artifacts are stored by content hash, not in git.\n*\n');
}

/** What the GitHub adapter must provide (implemented over src/github by the CLI). */
export interface ReleaseBackend {
  /** Human location, e.g. `owner/repo`. */
  readonly location: string;
  /** Creates (as draft), uploads and publishes the release; `unchanged` when it is already complete. */
  ensureRelease(request: { tag: string; name: string; body: string; assets: AssetFile[] }): Promise<{ operation: Operation; url: string }>;
  /** Downloads a release asset of `tag` to `dest`; returns its URL. */
  downloadAsset(request: { tag: string; assetName: string; dest: string }): Promise<{ source: string }>;
}

/** GitHub Releases as the artifact store. */
export class ReleaseArtifactStore implements ArtifactStore {
  readonly kind = 'github' as const;
  readonly location: string;
  constructor(private readonly backend: ReleaseBackend) {
    this.location = backend.location;
  }

  describe(assets: AssetFile[]): Promise<ArtifactEntry[]> {
    return describeAssets(assets);
  }

  async put(request: PutRequest): Promise<PutResult> {
    const entries = await describeAssets(request.assets);
    const result = await this.backend.ensureRelease({ tag: request.tag, name: request.title, body: request.body, assets: request.assets });
    return { operation: result.operation, url: result.url, assets: entries };
  }

  async fetch(request: FetchRequest): Promise<{ source: string }> {
    await mkdir(dirname(request.dest), { recursive: true });
    await rm(request.dest, { force: true });
    return this.backend.downloadAsset({ tag: request.tag, assetName: request.asset.name, dest: request.dest });
  }
}
