/**
 * Registry operations over git tags (see tags.ts for the grammar) and an artifact store.
 *
 * Every write creates new tags only (append-only history) — one, or two for a rollback — and
 * either completes or leaves the repository as it was: with `push`, tags the remote refuses are
 * deleted again locally.
 */
import { mkdtemp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { InputError } from '../core/errors.ts';
import { writeFileAtomic } from '../core/fs.ts';
import {
  checkRemote, createAnnotatedTag, deleteTagIf, fetchTags, gitIdentity, listTags, pushTags, repoRoot, resolveCommit,
  type GitContext, type RawTag,
} from './git.ts';
import { formatTagMessage, METADATA_SCHEMA, type ArtifactEntry, type TagMetadata } from './metadata.ts';
import { renderModelCard } from './model-card.ts';
import { digestFileList, hashModelDir, listModelFiles, sha256File } from './model-hash.ts';
import { profileSummaryFrom, readJsonIfPresent, runInfoFrom } from './run-info.ts';
import { bumpVersion, compareSemVer, normalizeVersion, type Bump } from './semver.ts';
import { buildState, compareEvents, rollbackTarget, tagsToEvents, type ModelState, type RegistryEvent, type VersionState } from './state.ts';
import { LocalArtifactStore, MissingArtifactError, type ArtifactStore, type AssetFile, type Operation } from './store.ts';
import { extractEntries, readTarGz, writeTarGz } from './tar.ts';
import { checkModelDirectory } from './model-files.ts';
import { formatTag, isModelName, isValidName, modelNameProblem, nextCounter, NAME_RULE, parseModelRef, type ModelRef } from './tags.ts';
import { RegistryMissError } from './errors.ts';

/** Stages allowed when no config says otherwise. */
export const DEFAULT_STAGES = ['staging', 'production'];
/** The version a model's first registration gets. */
export const FIRST_VERSION = 'v0.1.0';
/** Asset name of the model tarball. */
export const MODEL_ASSET = 'model.tar.gz';

/** How a registry is opened. */
export interface RegistryOptions {
  /** Any directory inside the repository. */
  cwd: string;
  /** Merged over process.env for git (identity, GIT_* variables) and `createdBy` (GITHUB_ACTOR). */
  env?: Record<string, string | undefined>;
  /** Artifact store; default: the local store at `<repo>/.mlops/artifacts`. */
  store?: ArtifactStore;
  /** Stages that may be assigned (config `registry.stages`); default staging, production. */
  stages?: string[];
  /**
   * Stores tried in order when the main store does not have a version's artifacts (e.g. GitHub
   * Releases behind the local store on a CI runner whose clone has no `.mlops/artifacts`).
   */
  fallbackStores?: ArtifactStore[];
  /** Remote for `push` (default `origin`). */
  remote?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Options shared by the writing operations. */
export interface WriteOptions {
  /** Push the new tag to the remote; a refused push removes the local tag and fails. */
  push?: boolean;
  /** Optional human line for the tag message. */
  message?: string;
}

/** `register` request. */
export interface RegisterRequest extends WriteOptions {
  name: string;
  modelDir: string;
  version?: string;
  bump?: Bump;
  /** Commit to tag (default HEAD). */
  commit?: string;
  /**
   * Kept for compatibility: registering is always idempotent now — when this exact model is
   * already registered at this commit, `register` succeeds as `unchanged` (re-runs).
   */
  idempotent?: boolean;
  description?: string | null;
  intendedUse?: string | null;
  pullRequest?: number;
  runUrl?: string;
  repositoryUrl?: string | null;
}

/** What `register` did. */
export interface RegisterResult {
  operation: Operation;
  name: string;
  version: string;
  tag: string;
  commit: string;
  modelSha256: string;
  parentVersion: string | null;
  pushed: boolean;
  store: { kind: 'local' | 'github'; operation: Operation; url: string | null };
}

/** What `promote`/`rollback` did. */
export interface AssignResult {
  operation: Operation;
  name: string;
  version: string;
  stage: string;
  /** The version the stage held before (null when it was empty). */
  previous: string | null;
  /** The new tag; when `unchanged` with `push`, the existing tag that was pushed; else null. */
  tag: string | null;
  /**
   * Rollback only: GTO's unassignment tag (`name#stage!#N`) that takes the stage from the version
   * rolled back from, written with the assignment `tag`.
   */
  unassignmentTag?: string;
  pushed: boolean;
}

/** What `deprecate` did. */
export interface DeprecateResult {
  operation: Operation;
  name: string;
  version: string | null;
  /** The new tag; when `unchanged` with `push`, the existing tag that was pushed; else null. */
  tag: string | null;
  pushed: boolean;
  /** Stages whose holder changed because the version was deregistered. */
  stages: Record<string, string | null>;
}

/** One line of `registry history --json` (DESIGN §4; fields may be added). */
export interface HistoryEntry {
  time: string;
  event: RegistryEvent['event'];
  name: string;
  version: string | null;
  stage: string | null;
  commit: string;
  actor: string;
  tag: string;
}

/** One line of `registry list --json` (DESIGN §4; fields may be added). */
export interface ListEntry {
  name: string;
  latest: string | null;
  stages: Record<string, string>;
  deprecated: boolean;
  versions: number;
}

/** What `pull` did. */
export interface PullResult {
  operation: Operation;
  name: string;
  version: string;
  stage: string | null;
  dir: string;
  modelSha256: string;
}

/** The registry behind `mlops registry` — implemented by {@link GitRegistry}. */
export interface RegistryStore {
  list(): Promise<ListEntry[]>;
  model(name: string): Promise<ModelState | null>;
  history(name?: string): Promise<HistoryEntry[]>;
  register(request: RegisterRequest): Promise<RegisterResult>;
  promote(request: { name: string; version: string; stage: string } & WriteOptions): Promise<AssignResult>;
  rollback(request: { name: string; stage: string } & WriteOptions): Promise<AssignResult>;
  deprecate(request: { name: string; version?: string } & WriteOptions): Promise<DeprecateResult>;
  resolve(ref: string): Promise<{ name: string; version: VersionState; stage: string | null }>;
  pull(ref: string, outDir: string): Promise<PullResult>;
}

/** The registry on a git repository. */
export class GitRegistry implements RegistryStore {
  private readonly git: GitContext;
  private rootPromise: Promise<string> | null = null;
  private storeInstance: ArtifactStore | null;
  readonly stages: string[];
  readonly remote: string;
  private readonly now: () => Date;

  constructor(private readonly options: RegistryOptions) {
    this.git = { cwd: options.cwd, env: options.env };
    this.storeInstance = options.store ?? null;
    this.stages = options.stages?.length ? options.stages : DEFAULT_STAGES;
    this.remote = options.remote ?? 'origin';
    checkRemote(this.remote);
    this.now = options.now ?? (() => new Date());
  }

  /** The repository's top-level directory. */
  root(): Promise<string> {
    this.rootPromise ??= repoRoot(this.git);
    return this.rootPromise;
  }

  /** The artifact store (default: `<root>/.mlops/artifacts`). */
  async store(): Promise<ArtifactStore> {
    this.storeInstance ??= new LocalArtifactStore(join(await this.root(), '.mlops', 'artifacts'));
    return this.storeInstance;
  }

  private async snapshot(): Promise<{ tags: RawTag[]; models: ModelState[] }> {
    await this.root();
    const tags = await listTags(this.git);
    return { tags, models: buildState(tagsToEvents(tags)) };
  }

  /**
   * Names must follow mlops.yaml's grammar (tags.ts, MODEL_NAME_GRAMMAR). A model already in the
   * registry under a wider name that GTO allows (`dir:name`, capitals) can still be read, promoted
   * and deprecated when `models` is given; `register` passes none, so no new version is created
   * under such a name.
   */
  private static checkName(name: string, models?: readonly ModelState[]): void {
    if (isModelName(name) || models?.some((m) => m.name === name)) return;
    throw new InputError(modelNameProblem(name), { key: 'name' });
  }

  /** Throws an InputError unless `stage` may be assigned (valid name, listed in registry.stages). */
  checkStage(stage: string): void {
    if (!isValidName(stage)) throw new InputError(`invalid stage '${stage}': ${NAME_RULE}`, { key: 'stage' });
    if (!this.stages.includes(stage)) {
      throw new InputError(`unknown stage '${stage}'; allowed: ${this.stages.join(', ')} (config registry.stages)`, { key: 'stage' });
    }
  }

  /**
   * `createdAt` of a new tag of `model`: now, but never before the model's last event. Events are
   * ordered by this time, and a new tag is computed from every event this clone has: a writer
   * whose clock is behind (a laptop minutes slow, after a CI runner promoted) must not slip its
   * assignment or deregistration in before the events it follows — the stage would not move, a
   * deregistration would be undone by the registration it precedes, and every re-run would
   * write yet another tag.
   */
  private stamp(model: ModelState | undefined): string {
    const last = model?.events.reduce((max, e) => Math.max(max, e.time), -Infinity) ?? -Infinity;
    return new Date(Math.max(this.now().getTime(), last + 1)).toISOString();
  }

  private async createdBy(): Promise<string> {
    const env = { ...process.env, ...(this.options.env ?? {}) };
    return env.GITHUB_ACTOR || (await gitIdentity(this.git));
  }

  /** Fetches the remote's tags, so versions and counters are computed from the shared state. */
  async fetch(): Promise<void> {
    await fetchTags(this.git, this.remote);
  }

  /**
   * Creates one tag and, with `push`, pushes it; a refused push deletes the local tag again
   * (only if it still is ours) and fails, so the repository is left as it was.
   */
  private async writeTag(tag: string, commit: string, message: string, push: boolean): Promise<{ object: string; pushed: boolean }> {
    const [written] = await this.writeTags([{ tag, commit, message }], push);
    return { object: written!.object, pushed: written!.pushed };
  }

  /**
   * {@link writeTag} for several tags that make one change: all are created, and pushed in one
   * atomic push, or none is left — a failure removes the ones created (only if still ours).
   */
  private async writeTags(entries: Array<{ tag: string; commit: string; message: string }>, push: boolean): Promise<Array<{ tag: string; object: string; pushed: boolean }>> {
    const created: Array<{ tag: string; object: string }> = [];
    const removeCreated = async () => {
      for (const c of created) await deleteTagIf(this.git, c.tag, c.object).catch(() => undefined);
    };
    try {
      for (const e of entries) created.push({ tag: e.tag, object: await createAnnotatedTag(this.git, e.tag, e.commit, e.message) });
    } catch (error) {
      await removeCreated();
      throw error;
    }
    if (!push) return created.map((c) => ({ ...c, pushed: false }));
    let result;
    try {
      result = await pushTags(this.git, this.remote, created.map((c) => c.tag));
    } catch (error) {
      await removeCreated();
      throw error;
    }
    if (result.ok) return created.map((c) => ({ ...c, pushed: true }));
    await removeCreated();
    const tag = created.map((c) => `'${c.tag}'`).join(' and ');
    const several = created.length > 1;
    const why = result.exists
      ? `the remote '${this.remote}' refused tag${several ? 's' : ''} ${tag} — ${several ? 'one of them already exists' : 'it already exists'} there (someone else created it concurrently). ` +
        `Nothing was changed locally; run 'git fetch --tags ${this.remote}' and try again`
      : result.rejectedByRemote
        ? `the remote '${this.remote}' declined tag${several ? 's' : ''} ${tag}: ${result.reason}. The local tag${several ? 's were' : ' was'} removed again`
        : `could not push tag${several ? 's' : ''} ${tag} to '${this.remote}': ${result.reason}. The local tag${several ? 's were' : ' was'} removed again`;
    throw new InputError(why, { key: created[0]!.tag });
  }

  /**
   * Pushes a tag this clone already has, for a write that found nothing to change locally (e.g.
   * `promote --push` after the same promote without `--push`): the remote may still lack it, and
   * `--push` promises the remote ends up with the state reported. A tag already on the remote at
   * the same object is a no-op for git. The tag predates this call, so a refusal keeps it locally.
   */
  private async pushExisting(tag: string): Promise<true> {
    const result = await pushTags(this.git, this.remote, [tag]);
    if (result.ok) return true;
    const why = result.exists
      ? `the remote '${this.remote}' already has a different tag '${tag}' (another clone wrote it; registry tags are never overwritten). ` +
        `Nothing was changed; run 'git fetch --tags --force ${this.remote}' (or --fetch) to take the remote's registry state, then run the command again`
      : `could not push tag '${tag}' to '${this.remote}': ${result.reason}. The local tag is kept`;
    throw new InputError(why, { key: tag });
  }

  async list(): Promise<ListEntry[]> {
    const { models } = await this.snapshot();
    return models.map((m) => ({ name: m.name, latest: m.latest, stages: m.stages, deprecated: m.deprecated, versions: m.versions.filter((v) => v.active).length }));
  }

  async model(name: string): Promise<ModelState | null> {
    const { models } = await this.snapshot();
    GitRegistry.checkName(name, models);
    return models.find((m) => m.name === name) ?? null;
  }

  private async requireModel(name: string): Promise<{ tags: RawTag[]; model: ModelState }> {
    const { tags, models } = await this.snapshot();
    GitRegistry.checkName(name, models);
    const model = models.find((m) => m.name === name);
    if (!model) throw new RegistryMissError('no-model', `no model '${name}' in the registry (no annotated tag '${name}@v…'; fetch tags?)`, { key: name });
    return { tags, model };
  }

  async history(name?: string): Promise<HistoryEntry[]> {
    const { models } = await this.snapshot();
    if (name !== undefined) GitRegistry.checkName(name, models);
    const events = models.filter((m) => name === undefined || m.name === name).flatMap((m) => m.events);
    if (name !== undefined && events.length === 0) throw new RegistryMissError('no-model', `no model '${name}' in the registry`, { key: name });
    return events
      .sort(compareEvents)
      .map((e) => ({ time: new Date(e.time).toISOString(), event: e.event, name: e.name, version: e.version, stage: e.stage, commit: e.commit, actor: e.actor, tag: e.tag }));
  }

  async register(request: RegisterRequest): Promise<RegisterResult> {
    const { name } = request;
    GitRegistry.checkName(name);
    if (request.version && request.bump) throw new InputError('give either a version or a bump, not both', { key: 'version' });
    await this.root(); // outside a repository, say so rather than "no such commit 'HEAD'"
    const commit = await resolveCommit(this.git, request.commit ?? 'HEAD');
    const modelDir = resolve(this.options.cwd, request.modelDir);
    // Versions are immutable: a directory evaluate and drift could not use is refused before any tag.
    await checkModelDirectory(modelDir, await listModelFiles(modelDir), name);
    const model = await hashModelDir(modelDir);
    const { tags, models } = await this.snapshot();
    const state = models.find((m) => m.name === name);
    const tagNames = new Set(tags.map((t) => t.name));
    const store = await this.store();
    const push = Boolean(request.push) || store.kind === 'github';

    const same = (v: VersionState) => v.active && v.commit === commit && v.metadata?.model?.sha256 === model.sha256;
    let version: string;
    const explicit = request.version !== undefined ? normalizeVersion(request.version) : null;
    if (request.version !== undefined && !explicit) throw new InputError(`invalid version '${request.version}': expected vX.Y.Z (SemVer)`, { key: 'version' });
    // Re-running a registration never duplicates its tag (DESIGN §1.4): the same model (sha256 in
    // the tag metadata) at the same commit is already registered, whatever --bump says. Only an
    // active version counts: a deregistered one stays withdrawn and a new registration is new.
    const registered = state?.versions.filter(same).at(-1);
    const existing = explicit ? state?.versions.find((v) => v.version === explicit) : registered;
    if (existing && same(existing)) {
      // A re-run: the tag is there with this exact model. Finish what may be missing (push, store).
      return this.completeExisting(request, existing, model.sha256, push);
    }
    if (explicit) {
      const taken = formatTag({ kind: 'registration', name, version: explicit });
      if (!existing && tagNames.has(taken)) {
        // A lightweight tag of that name (not a registry event): nothing is registered as it.
        throw new InputError(`tag '${taken}' already exists but is no registry version (registry tags are annotated, this one is not); delete it ('git tag -d ${taken}') or choose another version`, { key: 'version' });
      }
      if (existing) {
        throw new InputError(`${name} ${explicit} is already registered${existing?.metadata?.model?.sha256 === model.sha256 ? ` (same model, at commit ${existing.commit.slice(0, 12)})` : ' with a different model'}; registered versions are immutable — choose another version or --bump`, { key: 'version' });
      }
      // SemVer ignores build metadata for precedence: v1.0.0+b next to v1.0.0 is the same version
      // twice, and 'latest' or a stage's history could not say which one is meant.
      const twin = state?.versions.find((v) => compareSemVer(v.version, explicit) === 0);
      if (twin) {
        throw new InputError(`${name} ${explicit} has the same precedence as the registered ${twin.version} (SemVer ignores build metadata, so 'latest' could not order them); registered versions are immutable — choose another version or --bump`, { key: 'version' });
      }
      if (registered) {
        // A second version of one model at one commit would be a duplicate (GTO also refuses a
        // second version at a commit): say which version already is this model.
        throw new InputError(`${name} ${registered.version} already registers this model (sha256 ${model.sha256.slice(0, 12)}…) at commit ${commit.slice(0, 12)}; registering it again as ${explicit} would duplicate it — re-run with --version ${registered.version} (unchanged), or deregister ${registered.version} first`, { key: 'version' });
      }
      version = explicit;
    } else {
      // Bump from the highest version ever registered, deregistered ones included: their tags
      // still exist, so reusing their numbers would collide.
      const all = state?.versions.map((v) => v.version).sort(compareSemVer) ?? [];
      const top = all.at(-1);
      version = top ? bumpVersion(top, request.bump ?? 'patch') : FIRST_VERSION;
      // Past tag names that exist without being registry versions (lightweight tags).
      while (tagNames.has(formatTag({ kind: 'registration', name, version }))) version = bumpVersion(version, request.bump ?? 'patch');
    }
    const tag = formatTag({ kind: 'registration', name, version });
    const parentVersion = state?.latest ?? null;

    const work = await mkdtemp(join(tmpdir(), 'mlops-register-'));
    try {
      const { assets, metadata, card } = await this.buildArtifacts(work, request, { name, version, commit, parentVersion, modelDir, model, createdAt: this.stamp(state) });
      if (store.kind === 'local') await store.put({ name, version, tag, title: `${name} ${version}`, body: card, assets });
      const summary = request.message ?? `Register model ${name} ${version}`;
      const written = await this.writeTag(tag, commit, formatTagMessage(summary, metadata), push);
      // GitHub mode uploads after the push: a release needs its tag on the remote (GitHub would
      // otherwise create a lightweight tag at the default branch).
      const storeResult = store.kind === 'local'
        ? { operation: 'created' as Operation, url: null }
        : await store.put({ name, version, tag, title: `${name} ${version}`, body: card, assets });
      return {
        operation: 'created', name, version, tag, commit, modelSha256: model.sha256, parentVersion, pushed: written.pushed,
        store: { kind: store.kind, operation: storeResult.operation, url: storeResult.url },
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async completeExisting(request: RegisterRequest, existing: VersionState, modelSha256: string, push: boolean): Promise<RegisterResult> {
    const store = await this.store();
    let pushed = false;
    if (push) pushed = await this.pushExisting(existing.tag);
    const work = await mkdtemp(join(tmpdir(), 'mlops-register-'));
    try {
      const meta = existing.metadata!;
      // Rebuild the card from what the tag recorded (run URL, PR, texts), so a re-run of the same
      // registration from another workflow run produces the same release body.
      const original: RegisterRequest = {
        ...request,
        runUrl: meta.runUrl, pullRequest: meta.pullRequest,
        description: request.description ?? meta.description ?? null, intendedUse: request.intendedUse ?? meta.intendedUse ?? null,
      };
      const { assets, card } = await this.buildArtifacts(work, original, {
        name: request.name, version: existing.version, commit: existing.commit, parentVersion: meta.parentVersion ?? null,
        modelDir: resolve(this.options.cwd, request.modelDir), model: meta.model!, createdAt: meta.createdAt, createdBy: meta.createdBy,
      });
      // The tag names the bytes first stored, and pull checks them. A rebuilt archive can differ
      // (another Node.js compresses the same files to other bytes): it never replaces them.
      const recorded = new Map((meta.artifacts ?? []).map((a) => [a.name, a.sha256]));
      const rebuilt = await store.describe(assets);
      const kept = assets.filter((a, i) => !recorded.has(a.name) || recorded.get(a.name) === rebuilt[i]!.sha256);
      const put = await store.put({ name: request.name, version: existing.version, tag: existing.tag, title: `${request.name} ${existing.version}`, body: card, assets: kept });
      return {
        operation: 'unchanged', name: request.name, version: existing.version, tag: existing.tag, commit: existing.commit, modelSha256,
        parentVersion: meta.parentVersion ?? null, pushed, store: { kind: store.kind, operation: put.operation, url: put.url },
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async buildArtifacts(
    work: string,
    request: RegisterRequest,
    v: { name: string; version: string; commit: string; parentVersion: string | null; modelDir: string; model: NonNullable<TagMetadata['model']>; createdAt?: string; createdBy?: string },
  ): Promise<{ assets: AssetFile[]; metadata: TagMetadata; card: string }> {
    const runJson = await readJsonIfPresent(v.modelDir, 'run.json');
    const profileJson = await readJsonIfPresent(v.modelDir, 'profile.json');
    const run = runJson === null ? null : runInfoFrom(runJson);
    const profile = profileSummaryFrom(profileJson);
    const tarball = join(work, MODEL_ASSET);
    await writeTarGz(v.modelDir, v.model.files.map((f) => f.path), tarball);
    const assets: AssetFile[] = [{ name: MODEL_ASSET, path: tarball, contentType: 'application/gzip' }];
    if (runJson !== null) assets.push({ name: 'run.json', path: join(v.modelDir, 'run.json'), contentType: 'application/json' });
    if (profileJson !== null) assets.push({ name: 'profile.json', path: join(v.modelDir, 'profile.json'), contentType: 'application/json' });
    const metadata: TagMetadata = {
      schema: METADATA_SCHEMA,
      event: 'registration',
      name: v.name,
      version: v.version,
      commit: v.commit,
      createdBy: v.createdBy ?? (await this.createdBy()),
      createdAt: v.createdAt ?? this.now().toISOString(),
      model: v.model,
      data: run?.data.length ? run.data : profile?.sources ?? [],
      metrics: run?.metrics ?? {},
      params: run?.params ?? {},
      parentVersion: v.parentVersion,
    };
    if (request.pullRequest) metadata.pullRequest = request.pullRequest;
    if (request.runUrl) metadata.runUrl = request.runUrl;
    if (request.description) metadata.description = request.description;
    if (request.intendedUse) metadata.intendedUse = request.intendedUse;
    const card = renderModelCard({ metadata, run, profile, description: request.description, intendedUse: request.intendedUse, repositoryUrl: request.repositoryUrl });
    const cardPath = join(work, 'model-card.md');
    await writeFileAtomic(cardPath, card);
    assets.push({ name: 'model-card.md', path: cardPath, contentType: 'text/markdown' });
    const store = await this.store();
    metadata.artifacts = await store.describe(assets);
    return { assets, metadata, card };
  }

  async promote(request: { name: string; version: string; stage: string } & WriteOptions): Promise<AssignResult> {
    this.checkStage(request.stage);
    const { tags, model } = await this.requireModel(request.name);
    const target = this.findVersion(model, request.version);
    return this.assign(tags, model, target, request.stage, request);
  }

  async rollback(request: { name: string; stage: string } & WriteOptions): Promise<AssignResult> {
    this.checkStage(request.stage);
    const { tags, model } = await this.requireModel(request.name);
    if (!model.stages[request.stage]) throw new InputError(`${request.name} has no version in stage '${request.stage}' to roll back`, { key: 'stage' });
    const target = rollbackTarget(model, request.stage);
    if (!target) throw new InputError(`${request.name}#${request.stage} has no earlier version to roll back to`, { key: 'stage' });
    const { stage } = request;
    const to = model.versions.find((v) => v.version === target.to)!;
    const from = model.versions.find((v) => v.version === target.from)!;
    // Two tags, GTO's way of saying it: the version rolled back from gives the stage up (an
    // unassignment), and the previous version is assigned again. Without the unassignment the
    // bad version still held the stage underneath: GTO's semver view (`gto which`) kept serving
    // it, and deregistering the version rolled back to handed the stage back to it.
    const counter = nextCounter(tags.map((t) => t.name), model.name);
    const unassignmentTag = formatTag({ kind: 'unassignment', name: model.name, stage, counter });
    const tag = formatTag({ kind: 'assignment', name: model.name, stage, counter: counter + 1 });
    const base = { schema: METADATA_SCHEMA, name: model.name, stage, createdBy: await this.createdBy(), createdAt: this.stamp(model) } as const;
    const summary = request.message ?? `Roll back ${model.name} ${stage} from ${from.version} to ${to.version}`;
    const written = await this.writeTags([
      { tag: unassignmentTag, commit: from.commit, message: formatTagMessage(summary, { ...base, event: 'unassignment', version: from.version, commit: from.commit }) },
      { tag, commit: to.commit, message: formatTagMessage(summary, { ...base, event: 'assignment', version: to.version, commit: to.commit, rollbackFrom: from.version }) },
    ], Boolean(request.push));
    return { operation: 'created', name: model.name, version: to.version, stage, previous: from.version, tag, unassignmentTag, pushed: written[0]!.pushed };
  }

  /**
   * An active version by number or `latest`. A deregistered version is not available (GTO): it is
   * refused for `use` — `assigned` a stage (promote) or `pulled` (pull, evaluate --baseline,
   * drift --reference) — naming its deregistration tag.
   */
  private findVersion(model: ModelState, text: string, use: 'assigned' | 'pulled' = 'assigned'): VersionState {
    if (text === 'latest' && !model.latest) {
      // Every version was deregistered: say so, rather than call 'latest' an invalid version.
      const gone = model.versions.map((v) => v.version).join(', ');
      throw new InputError(`${model.name} has no active version for 'latest' (deregistered: ${gone}); it can no longer be ${use === 'pulled' ? 'pulled' : 'assigned a stage'}`, use === 'pulled' ? {} : { key: 'version' });
    }
    const wanted = text === 'latest' ? model.latest : normalizeVersion(text);
    if (!wanted) throw new InputError(`invalid version '${text}': expected vX.Y.Z or latest`, { key: 'version' });
    const v = model.versions.find((x) => x.version === wanted);
    if (!v) throw new InputError(`${model.name} ${wanted} is not registered`, { key: 'version' });
    if (!v.active) {
      const ref = formatTag({ kind: 'registration', name: model.name, version: wanted });
      const tag = formatTag({ kind: 'deregistration', name: model.name, version: wanted });
      // The message names the reference already: no `(version)` key prefix for a pull.
      throw new InputError(`${ref} was deregistered (tag ${tag}): it can no longer be ${use === 'pulled' ? 'pulled' : 'assigned a stage'}`, use === 'pulled' ? {} : { key: 'version' });
    }
    return v;
  }

  private async assign(tags: RawTag[], model: ModelState, version: VersionState, stage: string, opts: WriteOptions): Promise<AssignResult> {
    const previous = model.stages[stage] ?? null;
    if (previous === version.version) {
      if (!opts.push) return { operation: 'unchanged', name: model.name, version: version.version, stage, previous, tag: null, pushed: false };
      // The assignment that makes the stage hold this version (state.ts: its latest one) may be
      // local only: push it, so the remote sees what this clone reports.
      const holder = model.events.findLast((e) => e.event === 'assignment' && e.stage === stage && e.version === version.version)!;
      return { operation: 'unchanged', name: model.name, version: version.version, stage, previous, tag: holder.tag, pushed: await this.pushExisting(holder.tag) };
    }
    const tag = formatTag({ kind: 'assignment', name: model.name, stage, counter: nextCounter(tags.map((t) => t.name), model.name) });
    const metadata: TagMetadata = {
      schema: METADATA_SCHEMA, event: 'assignment', name: model.name, version: version.version, stage, commit: version.commit,
      createdBy: await this.createdBy(), createdAt: this.stamp(model),
    };
    const summary = opts.message ?? `Assign stage ${stage} to ${model.name} ${version.version}`;
    const written = await this.writeTag(tag, version.commit, formatTagMessage(summary, metadata), Boolean(opts.push));
    return { operation: 'created', name: model.name, version: version.version, stage, previous, tag, pushed: written.pushed };
  }

  async deprecate(request: { name: string; version?: string } & WriteOptions): Promise<DeprecateResult> {
    const { tags, model } = await this.requireModel(request.name);
    const tagNames = tags.map((t) => t.name);
    const by = await this.createdBy();
    const createdAt = this.stamp(model);
    if (request.version !== undefined) {
      const wanted = normalizeVersion(request.version);
      if (!wanted) throw new InputError(`invalid version '${request.version}': expected vX.Y.Z`, { key: 'version' });
      const v = model.versions.find((x) => x.version === wanted);
      if (!v) throw new InputError(`${model.name} ${wanted} is not registered`, { key: 'version' });
      if (!v.active) {
        if (!request.push) return { operation: 'unchanged', name: model.name, version: wanted, tag: null, pushed: false, stages: {} };
        const done = model.events.findLast((e) => e.event === 'deregistration' && e.version === wanted)!;
        return { operation: 'unchanged', name: model.name, version: wanted, tag: done.tag, pushed: await this.pushExisting(done.tag), stages: {} };
      }
      let tag = formatTag({ kind: 'deregistration', name: model.name, version: wanted });
      // GTO's simple form first; the counted form if that tag name is taken.
      if (tagNames.includes(tag)) tag = formatTag({ kind: 'deregistration', name: model.name, version: wanted, counter: nextCounter(tagNames, model.name) });
      const metadata: TagMetadata = { schema: METADATA_SCHEMA, event: 'deregistration', name: model.name, version: wanted, commit: v.commit, createdBy: by, createdAt };
      const written = await this.writeTag(tag, v.commit, formatTagMessage(request.message ?? `Deprecate ${model.name} ${wanted}`, metadata), Boolean(request.push));
      const after = await this.model(model.name);
      const stages: Record<string, string | null> = {};
      for (const s of v.stages) stages[s] = after?.stages[s] ?? null;
      return { operation: 'created', name: model.name, version: wanted, tag, pushed: written.pushed, stages };
    }
    if (model.deprecated) {
      if (!request.push) return { operation: 'unchanged', name: model.name, version: null, tag: null, pushed: false, stages: {} };
      const done = model.events.findLast((e) => e.event === 'deprecation')!;
      return { operation: 'unchanged', name: model.name, version: null, tag: done.tag, pushed: await this.pushExisting(done.tag), stages: {} };
    }
    let tag = formatTag({ kind: 'deprecation', name: model.name });
    if (tagNames.includes(tag)) tag = formatTag({ kind: 'deprecation', name: model.name, counter: nextCounter(tagNames, model.name) });
    const commit = model.versions.at(-1)?.commit ?? (await resolveCommit(this.git, 'HEAD'));
    const metadata: TagMetadata = { schema: METADATA_SCHEMA, event: 'deprecation', name: model.name, commit, createdBy: by, createdAt };
    const written = await this.writeTag(tag, commit, formatTagMessage(request.message ?? `Deprecate model ${model.name}`, metadata), Boolean(request.push));
    return { operation: 'created', name: model.name, version: null, tag, pushed: written.pushed, stages: {} };
  }

  async resolve(ref: string): Promise<{ name: string; version: VersionState; stage: string | null }> {
    const parsed: ModelRef | null = parseModelRef(ref);
    if (!parsed) throw new InputError(`invalid model reference '${ref}': expected name@vX.Y.Z, name@latest or name#stage`, { key: 'ref' });
    const { model } = await this.requireModel(parsed.name);
    if (parsed.stage) {
      // A stage never resolves to a deregistered version (state.ts: it falls back to the version
      // assigned before it); when none is left, say why the stage is empty.
      const v = model.stages[parsed.stage];
      if (!v) {
        const gone = [...new Set(model.events.filter((e) => e.event === 'assignment' && e.stage === parsed.stage && e.version).map((e) => e.version!))]
          .filter((x) => model.versions.some((mv) => mv.version === x && !mv.active));
        const why = gone.length ? ` (${gone.join(', ')} ${gone.length > 1 ? 'were' : 'was'} assigned to it and deregistered; a deregistered version can no longer be pulled)` : '';
        throw new RegistryMissError('no-stage', `${parsed.name} has no version in stage '${parsed.stage}'${why}`, { key: ref });
      }
      return { name: model.name, version: model.versions.find((x) => x.version === v)!, stage: parsed.stage };
    }
    return { name: model.name, version: this.findVersion(model, parsed.latest ? 'latest' : parsed.version!, 'pulled'), stage: null };
  }

  async pull(ref: string, outDir: string): Promise<PullResult> {
    const { name, version, stage } = await this.resolve(ref);
    const out = resolve(this.options.cwd, outDir);
    const result = await this.pullVersion(name, version, out);
    return { ...result, stage };
  }

  /**
   * Fetches a version's model tarball into `out`, verifying the tarball's sha256, every file's
   * sha256 and the model digest against the tag before anything appears at `out`.
   */
  async pullVersion(name: string, version: VersionState, out: string): Promise<Omit<PullResult, 'stage'>> {
    const meta = version.metadata;
    const asset = meta?.artifacts?.find((a) => a.name === MODEL_ASSET);
    if (!meta?.model || !asset) {
      throw new InputError(`${version.tag} carries no mlops artifact metadata (registered by another tool?): nothing to pull`, { key: version.tag });
    }
    const base = { operation: 'created' as Operation, name, version: version.version, dir: out, modelSha256: meta.model.sha256 };
    const info = await stat(out).catch(() => null);
    if (info !== null && !info.isDirectory()) throw new InputError('the output path is a file, not a directory', { file: out });
    if (info !== null) {
      const entries = await readdir(out);
      if (entries.length > 0) {
        if ((await verifyModelDir(out, meta)) === null) return { ...base, operation: 'unchanged' };
        throw new InputError(`output directory is not empty and does not hold ${version.tag}`, { file: out });
      }
    }
    let work: string;
    try {
      await mkdir(dirname(out), { recursive: true });
      work = await mkdtemp(join(dirname(out), `.${basename(out)}.pull-`));
    } catch (error) {
      // The file system refused the directory (a file where a folder should be, permissions):
      // the user's path is at fault, not mlops.
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw error;
      const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its path is a file' : (error as Error).message.replace(/,.*$/s, '');
      throw new InputError(`cannot create the output directory: ${why}`, { file: out }, { cause: error });
    }
    try {
      const tarball = join(work, MODEL_ASSET);
      const stores = [await this.store(), ...(this.options.fallbackStores ?? [])];
      let source = '';
      for (let i = 0; i < stores.length; i++) {
        try {
          ({ source } = await stores[i]!.fetch({ name, version: version.version, tag: version.tag, asset, dest: tarball }));
          break;
        } catch (error) {
          // Only "not there" moves on to the next store; altered bytes are caught below, never skipped.
          if (!(error instanceof MissingArtifactError) || i === stores.length - 1) throw error;
        }
      }
      await verifyAsset(tarball, asset, source);
      const model = join(work, 'model');
      await extractEntries(await readTarGz(tarball), model);
      const problem = await verifyModelDir(model, meta);
      if (problem) throw new InputError(`checksum mismatch for '${problem}' of ${version.tag}: the artifact was altered`, { file: source, key: problem });
      try {
        // Onto nothing or an empty directory; a non-empty one makes it fail.
        await rename(model, out);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        // Another pull of this version finished first (two runs sharing `.mlops/cache`): its
        // verified copy stays — deleting it would pull the files from under the run using them.
        if ((await verifyModelDir(out, meta)) === null) return { ...base, operation: 'unchanged' };
        await rm(out, { recursive: true });
        await rename(model, out);
      }
      return base;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}

/** Checks a downloaded asset against the tag's sha256; InputError naming the source on mismatch. */
export async function verifyAsset(path: string, asset: ArtifactEntry, source: string): Promise<void> {
  const actual = await sha256File(path);
  if (actual.sha256 !== asset.sha256) {
    throw new InputError(`checksum mismatch for ${asset.name}: expected sha256 ${asset.sha256}, got ${actual.sha256} — the stored artifact was altered or corrupted; refusing to use it`, { file: source, key: asset.name });
  }
}

/** Verifies a model directory against the tag metadata; returns the first offending file, or null. */
export async function verifyModelDir(dir: string, meta: TagMetadata): Promise<string | null> {
  const expected = meta.model!;
  let files: string[];
  try {
    files = await listModelFiles(dir);
  } catch {
    return '.';
  }
  const wanted = new Map(expected.files.map((f) => [f.path, f]));
  for (const f of files) if (!wanted.has(f)) return f;
  for (const f of expected.files) if (!files.includes(f.path)) return f.path;
  const entries = [];
  for (const f of expected.files) {
    const actual = await sha256File(join(dir, ...f.path.split('/')));
    if (actual.sha256 !== f.sha256) return f.path;
    entries.push({ path: f.path, ...actual });
  }
  return digestFileList(entries) === expected.sha256 ? null : '.';
}
