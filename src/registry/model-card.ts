/**
 * The model card (Mitchell et al., "Model Cards for Model Reporting"): what a registered version
 * is, what it was trained on, how well it does and where it came from. It is the GitHub Release
 * body and the `model-card.md` asset. Everything in it comes from the tag metadata, run.json and
 * profile.json, so regenerating it for the same version gives the same text (re-runs are
 * `unchanged`). Limitations are a placeholder the owner fills in: no tool can know them.
 */
import { escapeCell, inlineCode, plainText } from '../report/markdown.ts';
import type { TagMetadata } from './metadata.ts';
import type { MetricValue, ProfileSummary, RunInfo } from './run-info.ts';

/** GitHub's release body limit is 125,000 characters; keep a margin for the truncation note. */
export const MODEL_CARD_LIMIT = 120_000;

/** Everything a card is built from. */
export interface ModelCardInput {
  metadata: TagMetadata;
  run: RunInfo | null;
  profile: ProfileSummary | null;
  description?: string | null;
  intendedUse?: string | null;
  /** `https://github.com/owner/repo` when known, to link commits and pull requests. */
  repositoryUrl?: string | null;
}

function fmt(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(3) : x.toFixed(4);
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

function metricCell(m: MetricValue): string {
  return m.low !== undefined && m.high !== undefined ? `${fmt(m.value)} [${fmt(m.low)}, ${fmt(m.high)}]` : fmt(m.value);
}

function flatten(value: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v as Record<string, unknown>, key));
    else out.push([key, typeof v === 'number' ? fmt(v) : JSON.stringify(v) ?? 'null']);
  }
  return out;
}

/** Renders the model card as Markdown, at most {@link MODEL_CARD_LIMIT} characters. */
export function renderModelCard(input: ModelCardInput): string {
  const { metadata: meta, run, profile } = input;
  const repo = input.repositoryUrl?.replace(/\/$/, '') ?? null;
  const commitText = repo ? `[\`${meta.commit.slice(0, 12)}\`](${repo}/commit/${meta.commit})` : `\`${meta.commit.slice(0, 12)}\``;
  const parts: string[] = [];
  parts.push(`# Model card: ${meta.name} ${meta.version ?? ''}`.trimEnd());
  parts.push(`## Description\n\n${input.description?.trim() || '_No description given (set it with `--description`)._'}`);
  parts.push(`## Intended use\n\n${input.intendedUse?.trim() || '_Not stated (set it with `--intended-use`)._'}`);

  const details: string[][] = [];
  if (run?.task) details.push(['Task', run.task]);
  // Names from the data and the people: shown as written, never as markup or mentions.
  if (run?.label) details.push(['Label', plainText(run.label)]);
  if (run?.features.length) details.push(['Features', run.features.map(plainText).join(', ')]);
  if (run?.backend) details.push(['Training backend', run.backend]);
  if (meta.model) {
    details.push(['Model sha256', `\`${meta.model.sha256}\``]);
    details.push(['Model size', `${meta.model.bytes} bytes in ${meta.model.files.length} files`]);
  }
  if (details.length) parts.push(`## Model\n\n${table(['', ''], details)}`);

  const data = meta.data?.length ? meta.data : run?.data.length ? run.data : profile?.sources ?? [];
  const dataParts: string[] = [];
  if (data.length) {
    dataParts.push(table(['File', 'Role', 'Rows', 'sha256', 'md5 (DVC)'], data.map((d) => [
      inlineCode(d.path), d.role ?? '', d.rows !== undefined ? String(d.rows) : '', d.sha256 ? `\`${d.sha256.slice(0, 16)}…\`` : '', d.md5 ? `\`${d.md5}\`` : '',
    ])));
  }
  if (profile) {
    const rows = profile.rows !== null ? `${profile.rows} rows, ` : '';
    dataParts.push(`Training data profile: ${rows}${profile.columns.length} columns.`);
    if (profile.columns.length) {
      dataParts.push(table(['Column', 'Type', 'Null fraction', 'Mean'], profile.columns.map((c) => [
        plainText(c.name), c.type, c.nullFraction !== null ? fmt(c.nullFraction) : '', c.mean !== null ? fmt(c.mean) : '',
      ])));
    }
  }
  parts.push(`## Data\n\n${dataParts.join('\n\n') || '_No data files recorded in run.json._'}`);

  const params = flatten(meta.params ?? run?.params ?? {});
  parts.push(`## Training parameters\n\n${params.length ? table(['Parameter', 'Value'], params.map(([k, v]) => [plainText(k), plainText(v)])) : '_None recorded._'}`);

  const metrics = run?.metrics && Object.keys(run.metrics).length ? run.metrics : metricsFromMetadata(meta);
  const anyInterval = Object.values(metrics).some((m) => m.low !== undefined);
  parts.push(`## Metrics\n\n${Object.keys(metrics).length
    ? `${table(['Metric', anyInterval ? 'Value [interval]' : 'Value'], Object.entries(metrics).map(([k, m]) => [plainText(k), metricCell(m)]))}`
    : '_None recorded._'}`);

  const lineage: string[][] = [['Commit', commitText], ['Registered by', plainText(meta.createdBy)], ['Registered at', meta.createdAt]];
  lineage.push(['Parent version', meta.parentVersion ?? 'none (first version)']);
  if (meta.pullRequest) lineage.push(['Pull request', repo ? `[#${meta.pullRequest}](${repo}/pull/${meta.pullRequest})` : `#${meta.pullRequest}`]);
  if (meta.runUrl) lineage.push(['Workflow run', meta.runUrl]);
  parts.push(`## Lineage\n\n${table(['', ''], lineage)}`);

  parts.push('## Limitations\n\n<!-- mlops: the model owner fills this in -->\n_To be completed by the model owner: known failure modes, populations or conditions the model was not evaluated on, ethical considerations._');
  // Over the limit: cut rows off the largest sections (big parameter or profile tables), never
  // the headings or the limitations the owner must fill in.
  let total = parts.reduce((n, p) => n + p.length + 2, 0);
  while (total > MODEL_CARD_LIMIT) {
    const i = parts.reduce((best, p, j) => (p.length > parts[best]!.length ? j : best), 0);
    const lines = parts[i]!.split('\n');
    const excess = total - MODEL_CARD_LIMIT + 200;
    let cut = 0;
    let drop = 0;
    while (lines.length - drop > 4 && cut < excess) cut += lines[lines.length - 1 - drop++]!.length + 1;
    if (drop === 0) break;
    const kept = lines.slice(0, lines.length - drop);
    kept.push('', `_… ${drop} more rows cut to fit the release body limit; the full data is in run.json and profile.json._`);
    const before = parts[i]!.length;
    parts[i] = kept.join('\n');
    total += parts[i]!.length - before;
  }
  return `${parts.join('\n\n')}\n`.slice(0, MODEL_CARD_LIMIT);
}

function metricsFromMetadata(meta: TagMetadata): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  for (const [k, v] of Object.entries(meta.metrics ?? {})) {
    if (typeof v === 'number') out[k] = { value: v };
    else if (v && typeof v === 'object' && typeof (v as MetricValue).value === 'number') out[k] = v as MetricValue;
  }
  return out;
}

/**
 * `description` / `intendedUse` from the config, for the model card. mlops.yaml (DESIGN §3) has no
 * such keys yet; this reads them if the config loader adds them (top level or under `registry`),
 * and the `--description` / `--intended-use` flags win either way.
 */
export function cardTextFromConfig(config: unknown): { description: string | null; intendedUse: string | null } {
  const c = (config ?? {}) as Record<string, unknown>;
  const r = (c.registry ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  return { description: text(c.description) ?? text(r.description), intendedUse: text(c.intendedUse) ?? text(r.intendedUse) };
}
