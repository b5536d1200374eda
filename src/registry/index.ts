/**
 * The model registry: GTO-compatible git tags + an artifact store + model cards (DESIGN §5).
 */
export { GitRegistry, DEFAULT_STAGES, FIRST_VERSION, MODEL_ASSET, verifyAsset, verifyModelDir } from './registry.ts';
export type {
  RegistryStore, RegistryOptions, RegisterRequest, RegisterResult, AssignResult, DeprecateResult, HistoryEntry, ListEntry, PullResult, WriteOptions,
} from './registry.ts';
export { resolveModelRef, isModelRef } from './resolve.ts';
export type { ResolvedModel, ResolveOptions } from './resolve.ts';
export { parseTag, formatTag, parseModelRef, nextCounter, isValidName, isValidModelName, NAME_RULE } from './tags.ts';
export type { ParsedTag, TagEventKind, ModelRef } from './tags.ts';
export { formatTagMessage, parseTagMessage, METADATA_SCHEMA } from './metadata.ts';
export type { TagMetadata, ArtifactEntry, ModelFileEntry, DataEntry } from './metadata.ts';
export { LocalArtifactStore, ReleaseArtifactStore, MissingArtifactError } from './store.ts';
export type { ArtifactStore, ReleaseBackend, AssetFile, Operation, PutRequest, PutResult, FetchRequest } from './store.ts';
export { renderModelCard, cardTextFromConfig, MODEL_CARD_LIMIT } from './model-card.ts';
export type { ModelCardInput } from './model-card.ts';
export { hashModelDir } from './model-hash.ts';
export { buildState, tagsToEvents, rollbackTarget } from './state.ts';
export type { ModelState, VersionState, RegistryEvent } from './state.ts';
export { parseSemVer, compareSemVer, bumpVersion, normalizeVersion } from './semver.ts';
export type { Bump } from './semver.ts';
export { GitError } from './git.ts';
export { RegistryMissError } from './errors.ts';
export type { RegistryMiss } from './errors.ts';
