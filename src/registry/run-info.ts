/**
 * Reads what the registry needs from a model directory's run.json and profile.json, tolerantly:
 * the registry must accept models trained by other tools (`train.command`), so every field is
 * optional and a missing one simply does not appear in the tag or the card.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { DataEntry } from './metadata.ts';

/** A metric value, possibly with a confidence interval. */
export interface MetricValue {
  value: number;
  low?: number;
  high?: number;
}

/** The facts of a training run the registry records. */
export interface RunInfo {
  params: Record<string, unknown>;
  metrics: Record<string, MetricValue>;
  data: DataEntry[];
  commit: string | null;
  backend: string | null;
  task: string | null;
  label: string | null;
  features: string[];
  createdAt: string | null;
  raw: Record<string, unknown> | null;
}

/** A short profile summary for the model card. */
export interface ProfileSummary {
  rows: number | null;
  columns: Array<{ name: string; type: string; nullFraction: number | null; mean: number | null }>;
  sources: DataEntry[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

/** Reads a JSON file from the model directory; null when absent; InputError when malformed. */
export async function readJsonIfPresent(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`malformed JSON: ${(error as Error).message}`, { file: join(dir, file) });
  }
}

function metricsOf(value: unknown): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  if (!isRecord(value)) return out;
  // Accept {name: number}, {name: {value, low, high}}, and one level of grouping such as
  // {test: {...}, validation: {...}} (grouped names become `test.accuracy`).
  for (const [k, v] of Object.entries(value)) {
    const n = num(v);
    if (n !== undefined) out[k] = { value: n };
    else if (isRecord(v) && num(v.value) !== undefined) {
      const m: MetricValue = { value: num(v.value)! };
      const low = num(v.low) ?? (Array.isArray(v.interval) ? num(v.interval[0]) : undefined);
      const high = num(v.high) ?? (Array.isArray(v.interval) ? num(v.interval[1]) : undefined);
      if (low !== undefined) m.low = low;
      if (high !== undefined) m.high = high;
      out[k] = m;
    } else if (isRecord(v)) {
      for (const [k2, v2] of Object.entries(metricsOf(v))) out[`${k}.${k2}`] = v2;
    }
  }
  return out;
}

function dataOf(value: unknown): DataEntry[] {
  const out: DataEntry[] = [];
  const push = (v: unknown, role?: string) => {
    if (!isRecord(v)) return;
    const path = str(v.path) ?? str(v.file);
    if (!path) return;
    const e: DataEntry = { path };
    if (str(v.sha256)) e.sha256 = str(v.sha256)!;
    if (str(v.md5)) e.md5 = str(v.md5)!;
    if (num(v.bytes) !== undefined) e.bytes = num(v.bytes)!;
    if (num(v.rows) !== undefined) e.rows = num(v.rows)!;
    const r = str(v.role) ?? role;
    if (r) e.role = r;
    out.push(e);
  };
  if (Array.isArray(value)) value.forEach((v) => push(v));
  else if (isRecord(value)) {
    if (Array.isArray(value.files)) value.files.forEach((v) => push(v));
    for (const [role, v] of Object.entries(value)) {
      if (role === 'files') continue;
      if (Array.isArray(v)) v.forEach((x) => push(x, role));
      else if (isRecord(v) && Array.isArray(v.files)) v.files.forEach((x) => push(x, role));
      else push(v, role);
    }
  }
  return out;
}

/** Extracts {@link RunInfo} from a parsed run.json (any shape; unknown fields ignored). */
export function runInfoFrom(run: unknown): RunInfo {
  const r = isRecord(run) ? run : {};
  const git = isRecord(r.git) ? r.git : {};
  const backend = isRecord(r.backend) ? str(r.backend.name) ?? str(r.backend.backend) : str(r.backend);
  const model = isRecord(r.model) ? r.model : {};
  return {
    params: isRecord(r.params) ? r.params : {},
    metrics: metricsOf(r.metrics ?? r.finalMetrics),
    data: dataOf(r.data),
    commit: str(git.commit) ?? str(r.commit) ?? str(r.gitCommit),
    backend,
    task: str(r.task) ?? str(model.task),
    label: str(r.label) ?? str(model.label) ?? str(model.labelName),
    features: Array.isArray(r.features) ? r.features.filter((f): f is string => typeof f === 'string')
      : Array.isArray(model.featureNames) ? model.featureNames.filter((f): f is string => typeof f === 'string') : [],
    createdAt: str(r.createdAt) ?? str(r.finishedAt) ?? str(r.startedAt),
    raw: isRecord(run) ? run : null,
  };
}

/** Summarises a DatasetProfile-like JSON (rows, per-column type and null fraction). */
export function profileSummaryFrom(profile: unknown): ProfileSummary | null {
  if (!isRecord(profile)) return null;
  const rows = num(profile.rows) ?? num(profile.rowCount) ?? null;
  const cols = Array.isArray(profile.columns) ? profile.columns : isRecord(profile.columns) ? Object.entries(profile.columns).map(([name, c]) => ({ name, ...(isRecord(c) ? c : {}) })) : [];
  const columns = cols.filter(isRecord).map((c) => {
    const count = num(c.count) ?? rows ?? null;
    const nulls = num(c.nullCount) ?? num(c.nulls) ?? num(c.missing);
    const frac = num(c.nullFraction) ?? (nulls !== undefined && count ? nulls / count : null);
    // DatasetProfile counts the types cells parse as; the dominant one names the column's type.
    const types = isRecord(c.types) ? Object.entries(c.types).filter(([, n]) => typeof n === 'number' && n > 0).sort((a, b) => (b[1] as number) - (a[1] as number)) : [];
    const numeric = isRecord(c.numeric) ? c.numeric : {};
    return {
      name: str(c.name) ?? '?',
      type: str(c.type) ?? types[0]?.[0] ?? '?',
      nullFraction: frac ?? null,
      mean: num(numeric.mean) ?? null,
    };
  });
  return { rows, columns, sources: dataOf(profile.sources) };
}
