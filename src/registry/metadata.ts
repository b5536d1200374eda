/**
 * The annotated tag's message: one human line (what `git tag -n` and GitHub show), a blank line,
 * then a fenced JSON block with the machine metadata. Fenced so the message renders as Markdown
 * wherever it is shown, and so GTO (which treats the message as free text) is undisturbed.
 */

/** Schema marker: lets readers ignore other JSON blocks people may paste into messages. */
export const METADATA_SCHEMA = 'mlops.registry/v1';

/** One file of a model directory. */
export interface ModelFileEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/** One stored artifact (release asset): model tarball, run.json, profile.json, model card. */
export interface ArtifactEntry {
  name: string;
  sha256: string;
  bytes: number;
  contentType: string;
}

/** A data file the model was trained on, as run.json lists it. */
export interface DataEntry {
  path: string;
  sha256?: string;
  md5?: string;
  bytes?: number;
  rows?: number;
  role?: string;
}

/** The JSON block of a registry tag. Fields may be added, never renamed. */
export interface TagMetadata {
  schema: typeof METADATA_SCHEMA;
  event: 'registration' | 'deregistration' | 'assignment' | 'unassignment' | 'deprecation';
  name: string;
  version?: string;
  stage?: string;
  /** The commit the tag points at. */
  commit: string;
  createdBy: string;
  /** ISO 8601 with milliseconds: orders events created within the same second (tagger dates have 1 s resolution). */
  createdAt: string;
  /** Registration: sha256 over the sorted list of (file sha256, path) of the model directory. */
  model?: { sha256: string; bytes: number; files: ModelFileEntry[] };
  artifacts?: ArtifactEntry[];
  data?: DataEntry[];
  metrics?: Record<string, unknown>;
  params?: Record<string, unknown>;
  /** The latest registered version before this one. */
  parentVersion?: string | null;
  /** Assignment made by `rollback`: the version the stage held before. */
  rollbackFrom?: string;
  pullRequest?: number;
  runUrl?: string;
  /** Model card text given at registration, so the card can be rebuilt from the tag alone. */
  description?: string;
  intendedUse?: string;
}

/** The opening of a fenced JSON block; the block runs to the next line starting with ``` . */
const FENCE_OPEN_RE = /```json[ \t]*\r?\n/g;

/** Builds the tag message. */
export function formatTagMessage(summary: string, metadata: TagMetadata): string {
  const line = summary.replace(/\s+/g, ' ').trim();
  return `${line}\n\n\`\`\`json\n${JSON.stringify(metadata, null, 2)}\n\`\`\`\n`;
}

/** Extracts the metadata block; null when the message has none (e.g. a tag GTO wrote). */
export function parseTagMessage(message: string): TagMetadata | null {
  let found: TagMetadata | null = null;
  // Every opening is tried, so text before the block that contains ```json (a --message) can
  // neither swallow the block nor hide it.
  for (const m of message.matchAll(FENCE_OPEN_RE)) {
    const start = m.index + m[0].length;
    // From the opening's own newline: an empty block closes right away.
    const end = message.indexOf('\n```', start - 1);
    if (end < 0) continue;
    try {
      const value: unknown = JSON.parse(message.slice(start, Math.max(start, end)));
      if (value && typeof value === 'object' && !Array.isArray(value) && (value as { schema?: unknown }).schema === METADATA_SCHEMA) {
        found = value as TagMetadata;
      }
    } catch {
      // Not our block: ignore, the message is free text to us.
    }
  }
  return found;
}

/** The human line of a message (first line). */
export function messageSummary(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}
