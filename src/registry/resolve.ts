/**
 * `name@vX.Y.Z` / `name@latest` / `name#stage` → a verified local model directory, for
 * `mlops evaluate --baseline` and `mlops drift --reference`. Pulled once into
 * `<repo>/.mlops/cache/<name>/<version>`; a cached copy is re-verified against the tag before every
 * use and pulled again if it was altered.
 */
import { join, resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { GitRegistry, verifyModelDir, type RegistryOptions } from './registry.ts';
import { ignoreInGit } from './store.ts';
import { parseModelRef } from './tags.ts';

/** A resolved model reference. */
export interface ResolvedModel {
  dir: string;
  name: string;
  version: string;
  stage?: string;
  modelSha256: string;
}

/** Options of {@link resolveModelRef}. */
export interface ResolveOptions extends Omit<RegistryOptions, 'cwd'> {
  cwd: string;
  /** Cache root (default `<repo>/.mlops/cache`). */
  cacheDir?: string;
}

/** True when `text` is written as a registry reference (it may still not exist). */
export function isModelRef(text: string): boolean {
  return parseModelRef(text) !== null;
}

/** Resolves a registry reference to a verified local directory (see module comment). */
export async function resolveModelRef(ref: string, options: ResolveOptions): Promise<ResolvedModel> {
  const registry = new GitRegistry(options);
  const { name, version, stage } = await registry.resolve(ref);
  const cacheRoot = options.cacheDir ? resolve(options.cwd, options.cacheDir) : join(await registry.root(), '.mlops', 'cache');
  const dir = join(cacheRoot, ...name.replace(/:/g, '/').split('/'), version.version);
  await ignoreInGit(cacheRoot);
  const meta = version.metadata;
  if (meta?.model && (await verifyModelDir(dir, meta)) !== null) await rm(dir, { recursive: true, force: true });
  const pulled = await registry.pullVersion(name, version, dir);
  const out: ResolvedModel = { dir, name, version: version.version, modelSha256: pulled.modelSha256 };
  if (stage) out.stage = stage;
  return out;
}
