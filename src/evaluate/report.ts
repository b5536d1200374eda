/**
 * The evaluation report in markdown: the sticky PR comment, the job summary and `--report`.
 * Verdict first (a GitHub alert), then the tables a reviewer reads, then the details collapsed.
 * The comment is cut to fit (65,536 characters) with a pointer to the whole report.
 */
import { alert, details, formatDelta, formatDuration, formatInterval, formatNumber, inlineCode, plainText, table, truncateMarkdown, xyChart, type Cell } from '../report/index.ts';
import { ciLabel, type GateResult } from './gates.ts';
import { metricDefinition } from './metrics/definitions.ts';
import type { EvaluationReport, ModelInfo } from './result.ts';

/** GitHub's comment limit. */
export const COMMENT_LIMIT = 65_536;
/** Room left for the sticky marker and the truncation pointer added by the comment writer. */
const MARKER_HEADROOM = 200;

export interface ReportContext {
  /** Link to the workflow run (its job summary holds the full report). */
  runUrl?: string;
  /** Commit under evaluation. */
  commit?: string;
  /** A `mlops validate` result of the same run: its JSON (`{ valid, rows, errorCount }`) or markdown report. */
  validation?: { path: string; json?: { valid?: boolean; rows?: number; errorCount?: number }; markdown?: string };
  /** Most rows listed per slice column (the rest are summarised). Default 40. */
  maxSliceRows?: number;
  /**
   * Where the whole report can be read (markdown), named by the pointer of a report cut to fit a
   * comment. Default: the job summary (with `runUrl`, a link to it) and `mlops evaluate --json`.
   */
  fullReportAt?: string;
}

const num = (x: number | undefined | null) => (x === undefined || x === null ? '—' : formatNumber(x, 4));
const short = (sha?: string) => (sha ? sha.slice(0, 7) : undefined);

function modelLabel(info: ModelInfo | undefined): string {
  if (!info) return '—';
  if (info.ref) return inlineCode(info.ref);
  if (info.name && info.version) return inlineCode(`${info.name}@${info.version}`);
  return inlineCode(info.dir);
}

function gateCell(metric: string, gates: GateResult[]): string {
  const mine = gates.filter((g) => g.metric === metric && !g.slice);
  if (mine.length === 0) return '';
  if (mine.some((g) => g.status === 'failed')) return '❌ fail';
  if (mine.some((g) => g.inconclusive)) return '⚠️ inconclusive';
  if (mine.every((g) => g.status === 'skipped')) return '⏭ skipped';
  return '✅ pass';
}

/**
 * A gate's name or detail as markdown text. They quote the test data — a slice value a gate names
 * (`region=<b>north</b>`, `team=@org/ml`), a class name — which must show as written: no tag, no
 * @-mention, no emphasis, no link. Only what would be markup is escaped, so the usual text stays
 * readable in a terminal too: `< min 0.9` and the interval `[0.37, 0.60]` are left as they are.
 */
function gateText(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])|&(?=[#A-Za-z])|[`*~\\]|\](?=[([:])|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|@/gu, (c) => (c === '@' ? '@\u2060' : `&#${c.charCodeAt(0)};`));
}

function verdict(report: EvaluationReport): string {
  const failed = report.gates.filter((g) => g.status === 'failed');
  const skipped = report.gates.filter((g) => g.status === 'skipped');
  const inconclusive = report.gates.filter((g) => g.inconclusive);
  const vs = report.baseline ? `against baseline ${modelLabel(report.baseline.model)}`
    : `with no baseline (${report.noBaseline !== undefined ? plainText(report.noBaseline) : 'first model'}: baseline-relative gates are skipped)`;
  const lines: string[] = [];
  if (failed.length > 0) {
    lines.push(`**${failed.length} of ${report.gates.length} gate${report.gates.length === 1 ? '' : 's'} failed** — candidate evaluated ${vs}.`, '');
    for (const g of failed.slice(0, 10)) lines.push(`- **${gateText(g.name)}**: ${gateText(g.detail)}`);
    return alert('CAUTION', lines.join('\n'));
  }
  if (report.gates.length === 0) lines.push(`**No gates configured** — candidate evaluated ${vs}.`);
  else if (skipped.length === report.gates.length) lines.push(`**No gate could be judged** (${skipped.length} skipped) — candidate evaluated ${vs}.`);
  else lines.push(`**All ${report.gates.length - skipped.length} gate${report.gates.length - skipped.length === 1 ? '' : 's'} passed**${skipped.length ? ` (${skipped.length} skipped)` : ''} — candidate evaluated ${vs}.`);
  // Training is deterministic, so a pull request that changed no input of the model retrains the
  // production weights byte for byte: say so, or readers puzzle over a table of zero deltas.
  const same = sameWeights(report);
  if (same) lines.push('', `The candidate's weights are byte-identical to the baseline's (sha256 ${inlineCode(same.slice(0, 12))}): the metric deltas are zero by construction, and a latency difference is measurement noise.`);
  if (inconclusive.length > 0) {
    lines.push('', 'Inconclusive (point estimate beyond the threshold, but the interval reaches back or the rows are too few to judge — not a failure):');
    for (const g of inconclusive.slice(0, 10)) lines.push(`- ${gateText(g.name)}: ${gateText(g.detail)}`);
    return alert('WARNING', lines.join('\n'));
  }
  return alert(report.gates.length === 0 || !report.baseline ? 'NOTE' : 'TIP', lines.join('\n'));
}

/**
 * The weights' sha256 when the candidate and the baseline have the very same weights, else null.
 * The run records are believed only when every metric agrees: a run.json copied with a model
 * directory, or an external trainer's record (it hashes one output file, which may be a config
 * both share), can name the same sha256 for weights that differ, and the sentence then denied
 * the deltas the table showed.
 */
function sameWeights(report: EvaluationReport): string | null {
  const a = report.candidate.model.weightsSha256;
  if (a === undefined || a !== report.baseline?.model.weightsSha256) return null;
  return Object.values(report.deltas).every((d) => d.value === 0 || Number.isNaN(d.value)) ? a : null;
}

function metricsTable(report: EvaluationReport): string {
  const hasBase = Boolean(report.baseline);
  const ci = ciLabel(report.bootstrap.confidence);
  const header: Cell[] = hasBase ? ['Metric', 'Baseline', 'Candidate', 'Δ', `${ci} of Δ`, 'Gate'] : ['Metric', 'Candidate', ci, 'Gate'];
  const rows: Cell[][] = [header];
  for (const name of report.shownMetrics) {
    const def = metricDefinition(name);
    const arrow = def?.direction === 'lower' ? ' ↓' : ' ↑';
    const c = report.candidate.intervals[name];
    if (hasBase) {
      const b = report.baseline!.intervals[name];
      const d = report.deltas[name];
      const mark = d && d.improved !== null && d.low !== undefined && (d.low > 0 || d.high < 0) ? (d.improved ? ' 🟢' : ' 🔴') : '';
      rows.push([`${name}${arrow}`, num(b?.value), num(c?.value), d ? `${formatDelta(d.value, 3)}${mark}` : '—', d ? formatInterval(d.low, d.high) : '—', gateCell(name, report.gates)]);
    } else {
      rows.push([`${name}${arrow}`, num(c?.value), c ? formatInterval(c.low, c.high) : '—', gateCell(name, report.gates)]);
    }
  }
  return `${table(rows, hasBase ? ['l', 'r', 'r', 'r', 'r', 'l'] : ['l', 'r', 'r', 'l'])}${positiveClassNote(report)}`;
}

const POSITIVE_CLASS_METRICS = new Set(['precision', 'recall', 'f1', 'pr_auc']);

/** Which class a binary table's precision/recall/f1/pr_auc are about: a number means little without it. */
function positiveClassNote(report: EvaluationReport): string {
  if (report.task !== 'binary' || !report.classes || report.classes.length - (report.unseenClasses?.length ?? 0) !== 2) return '';
  if (!report.shownMetrics.some((m) => POSITIVE_CLASS_METRICS.has(m))) return '';
  return `\n<sub>precision, recall, f1 and pr_auc are about the positive class ${inlineCode(report.classes[1])} (evaluate.positiveClass).</sub>\n`;
}

function sloCell(report: EvaluationReport, p: 'p50' | 'p95' | 'p99', batchSize: number, first: boolean): string {
  const gates = report.gates.filter((g) => g.latency === p && (g.batchSize === batchSize || (g.batchSize === undefined && first)));
  return gates.map((g) => `${g.status === 'failed' ? '❌' : g.status === 'skipped' ? '⏭' : g.inconclusive ? '⚠️' : '✅'} ${g.kind === 'maxMs' ? `≤ ${g.threshold} ms` : `ratio ≤ ${g.threshold}`}`).join('<br>');
}

function latencySection(report: EvaluationReport): string {
  const lat = report.latency;
  if (!lat) return '_Latency not measured (`--no-latency`)._\n';
  const parts: string[] = [];
  const hasBase = Boolean(lat.baseline);
  for (const [index, size] of lat.bySize.entries()) {
    const rows: Cell[][] = [hasBase ? ['', 'Baseline', 'Candidate', `Ratio [${ciLabel(report.bootstrap.confidence)}]`, 'SLO'] : ['', 'Candidate', 'SLO']];
    for (const p of ['p50', 'p95', 'p99'] as const) {
      const r = size.ratio?.[p];
      rows.push(hasBase
        ? [p, formatDuration(size.baseline![p]), formatDuration(size.candidate[p]), r ? `${formatNumber(r.value, 3)}× ${formatInterval(r.low, r.high)}` : '—', sloCell(report, p, size.batchSize, index === 0)]
        : [p, formatDuration(size.candidate[p]), sloCell(report, p, size.batchSize, index === 0)]);
    }
    const t = size.ratio?.throughput;
    rows.push(hasBase
      ? ['throughput', `${formatNumber(size.baseline!.throughput, 3)} rows/s`, `${formatNumber(size.candidate.throughput, 3)} rows/s`, t ? `${formatNumber(t.value, 3)}× ${formatInterval(t.low, t.high)}` : '—', '']
      : ['throughput', `${formatNumber(size.candidate.throughput, 3)} rows/s`, '']);
    const clamp = size.rowsPerCall !== size.batchSize ? ` (clamped to the ${size.rowsPerCall} test rows)` : '';
    parts.push(`**Batch size ${size.batchSize}**${clamp} — ${size.candidate.calls} timed calls per model\n\n${table(rows, hasBase ? ['l', 'r', 'r', 'r', 'l'] : ['l', 'r', 'l'])}`);
  }
  const clock = lat.clock === 'cpu'
    ? 'Times are CPU time of the process per call (`--latency-clock cpu`; wall-clock figures are in the JSON).'
    : 'Times are wall-clock per call.';
  parts.push(`<sub>${clock} Both models in one process, ${lat.warmup} warm-up calls, ${lat.rounds} rounds × ${lat.samplesPerRound} calls interleaved A/B on the same rows (first mover alternating by round); preprocessing included. Ratio = candidate / baseline; interval: bootstrap over rounds.</sub>\n`);
  return parts.join('\n');
}

function chart(report: EvaluationReport): string {
  const lat = report.latency;
  if (lat && lat.baseline) {
    const size = lat.bySize[0];
    return xyChart({
      title: `Latency per call at batch size ${size.batchSize} (ms)`,
      xLabels: ['p50', 'p95', 'p99'],
      yLabel: 'ms',
      series: [
        { name: 'baseline', kind: 'bar', values: [size.baseline!.p50, size.baseline!.p95, size.baseline!.p99] },
        { name: 'candidate', kind: 'line', values: [size.candidate.p50, size.candidate.p95, size.candidate.p99] },
      ],
    });
  }
  // Otherwise the metrics that live on [0, 1] side by side.
  const bounded = report.shownMetrics.filter((m) => ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'f1_macro', 'f1_weighted', 'precision_macro', 'recall_macro', 'roc_auc', 'pr_auc', 'r2'].includes(m));
  if (bounded.length === 0) return '';
  const series = [{ name: 'candidate', kind: 'bar' as const, values: bounded.map((m) => report.candidate.metrics[m]) }];
  if (report.baseline) series.unshift({ name: 'baseline', kind: 'bar', values: bounded.map((m) => report.baseline!.metrics[m]) });
  return xyChart({ title: 'Metrics', xLabels: bounded, yRange: [0, 1], series });
}

function slicesSection(report: EvaluationReport, maxRows: number): string {
  if (report.slices.length === 0) return '';
  const gateMetric = report.gates.find((g) => g.metric && g.slice)?.metric;
  const metrics = [...new Set([gateMetric, ...report.shownMetrics].filter((m): m is string => Boolean(m)))].slice(0, 2);
  const hasBase = Boolean(report.baseline);
  const ci = ciLabel(report.bootstrap.confidence);
  const columns = [...new Set(report.slices.map((s) => s.column))];
  const parts: string[] = [];
  for (const column of columns) {
    const slices = report.slices.filter((s) => s.column === column);
    const header: Cell[] = ['Value', 'n'];
    for (const m of metrics) header.push(...(hasBase ? [`${m} baseline`, `${m} candidate`, `Δ [${ci}]`] : [`${m}`, ci]));
    const rows: Cell[][] = [header];
    for (const s of slices.slice(0, maxRows)) {
      const row: Cell[] = [plainText(s.value), s.small ? `${s.n} ⚠️ small` : String(s.n)];
      for (const m of metrics) {
        const c = s.candidate[m];
        if (hasBase) {
          const d = s.deltas?.[m];
          row.push(num(s.baseline?.[m]?.value), num(c?.value), d ? `${formatDelta(d.value)}${s.small ? '' : ` ${formatInterval(d.low, d.high)}`}` : '—');
        } else {
          row.push(num(c?.value), s.small ? '—' : formatInterval(c.low, c.high));
        }
      }
      rows.push(row);
    }
    const more = slices.length > maxRows ? `\n_${slices.length - maxRows} more values of ${inlineCode(column)} in the JSON output._\n` : '';
    parts.push(`**${plainText(column)}**\n\n${table(rows)}${more}`);
  }
  const small = report.slices.filter((s) => s.small).length;
  parts.push(`<sub>⚠️ small: fewer than ${report.minSliceSize} rows (minSliceSize) — shown, never gated, no interval.</sub>`);
  return details(`Slices (${report.slices.length} slice${report.slices.length === 1 ? '' : 's'}${small ? `, ${small} small` : ''})`, parts.join('\n'));
}

function confusionSection(report: EvaluationReport): string {
  if (!report.classes || !report.candidate.confusion) return '';
  const unseen = new Set(report.unseenClasses ?? []);
  const name = (c: string) => (unseen.has(c) ? `${plainText(c)} (unseen)` : plainText(c));
  const render = (title: string, m: number[][]) => {
    const rows: Cell[][] = [['true ↓ / predicted →', ...report.classes!.map(name)]];
    m.forEach((row, i) => rows.push([name(report.classes![i]), ...row.map(String)]));
    return `**${title}**\n\n${table(rows, ['l', ...report.classes!.map(() => 'r' as const)])}`;
  };
  const parts = [render('Candidate', report.candidate.confusion)];
  if (unseen.size > 0) {
    parts.push(`<sub>(unseen): a class of the test data the model never saw in training. It cannot predict it, so every such row counts as a wrong prediction in every metric.</sub>\n`);
  }
  if (report.baseline?.confusion) parts.push(render('Baseline', report.baseline.confusion));
  const perClass = report.candidate.perClass;
  if (perClass) {
    const rows: Cell[][] = [['Class', 'support', 'precision', 'recall', 'F1', ...(report.baseline ? ['F1 baseline'] : [])]];
    for (const [cls, s] of Object.entries(perClass)) {
      rows.push([name(cls), String(s.support), num(s.precision), num(s.recall), num(s.f1), ...(report.baseline ? [num(report.baseline.perClass?.[cls]?.f1)] : [])]);
    }
    parts.push(`**Per class (candidate)**\n\n${table(rows)}`);
  }
  return details('Confusion matrix and per-class scores', parts.join('\n'));
}

function calibrationSection(report: EvaluationReport): string {
  const cal = report.candidate.calibration;
  if (!cal) return '';
  const base = report.baseline?.calibration;
  const rows: Cell[][] = [['Confidence bin', 'n', 'mean confidence', 'accuracy', ...(base ? ['n (baseline)', 'accuracy (baseline)'] : [])]];
  cal.forEach((b, i) => {
    if (b.count === 0 && !(base && base[i].count > 0)) return;
    rows.push([`${b.low.toFixed(1)}–${b.high.toFixed(1)}`, String(b.count), num(b.meanConfidence), num(b.accuracy), ...(base ? [String(base[i].count), num(base[i].accuracy)] : [])]);
  });
  const ece = `ECE candidate ${num(report.candidate.metrics.ece)}${report.baseline ? `, baseline ${num(report.baseline.metrics.ece)}` : ''}`;
  return details(`Calibration (${ece})`, `${table(rows)}\n<sub>10 equal-width bins on the predicted class's probability; a calibrated model has accuracy ≈ mean confidence in every bin.</sub>`);
}

function costSection(report: EvaluationReport): string {
  if (!report.cost) return '';
  const c = report.candidate.intervals.cost;
  const b = report.baseline?.intervals.cost;
  const d = report.deltas.cost;
  const how = report.cost.kind === 'matrix' ? 'cost matrix (rows: true class, columns: predicted class)' : `${report.cost.perUnitError} per unit of absolute error`;
  const line = `**Expected cost per prediction**: candidate ${num(c?.value)} ${c ? formatInterval(c.low, c.high) : ''}${b ? `, baseline ${num(b.value)}, Δ ${formatDelta(d.value)} ${formatInterval(d.low, d.high)}` : ''} — from the ${how}.`;
  return `${line}\n`;
}

function validationSection(ctx: ReportContext): string {
  const v = ctx.validation;
  if (!v) return '';
  if (v.json) {
    const ok = v.json.valid;
    return `**Data validation** (${v.path}): ${ok ? '✅ valid' : '❌ invalid'}${v.json.rows !== undefined ? ` — ${v.json.rows} rows` : ''}${v.json.errorCount ? `, ${v.json.errorCount} errors` : ''}\n`;
  }
  // Cut on a line boundary with its <details> and code fences closed: a raw cut left them open, and
  // the rest of this report (the footer) went into the validation report's collapsed section.
  const body = truncateMarkdown(v.markdown ?? '', 8000, `_Validation report cut to 8000 characters: the whole one is in ${inlineCode(v.path)}._\n`);
  return details(`Data validation (${v.path})`, body);
}

function footer(report: EvaluationReport, ctx: ReportContext): string {
  const describe = (label: string, info: ModelInfo) => {
    const bits = [modelLabel(info)];
    if (info.commit) bits.push(`commit ${short(info.commit)}`);
    if (info.trainedAt) bits.push(`trained ${info.trainedAt}`);
    return `${label} ${bits.join(', ')}`;
  };
  const bits = [describe('Candidate', report.candidate.model)];
  if (report.baseline) bits.push(describe('Baseline', report.baseline.model));
  const unseen = report.data.unseenClassRows && report.unseenClasses?.length
    ? `, ${report.data.unseenClassRows} of ${report.unseenClasses.map((c) => inlineCode(c)).join(', ')} (never seen in training) scored as wrong predictions`
    : '';
  bits.push(`test data ${inlineCode(report.data.path)} (${report.data.evaluatedRows} rows${unseen}${report.data.excludedRows ? `, ${report.data.excludedRows} without a usable label excluded` : ''})`);
  bits.push(`${report.bootstrap.resamples} ${report.bootstrap.paired ? 'paired ' : ''}bootstrap resamples, seed ${report.bootstrap.seed}`);
  bits.push(`backend ${report.environment.backend}`);
  if (ctx.commit) bits.push(`commit ${short(ctx.commit)}`);
  if (ctx.runUrl) bits.push(`[workflow run](${ctx.runUrl})`);
  return `<sub>${bits.join(' · ')}</sub>\n`;
}

/**
 * The report as a pull-request comment: {@link renderFullEvaluationReport} cut to fit
 * {@link COMMENT_LIMIT} on a line boundary, with a pointer to where the whole report is.
 */
export function renderEvaluationReport(report: EvaluationReport, ctx: ReportContext = {}): string {
  const markdown = renderFullEvaluationReport(report, ctx);
  const where = ctx.fullReportAt ?? (ctx.runUrl ? `the [job summary](${ctx.runUrl}) and \`--json\`` : 'the job summary and `mlops evaluate --json`');
  return truncateMarkdown(markdown, COMMENT_LIMIT - MARKER_HEADROOM, `> [!NOTE]\n> Report cut to fit a comment; the full results are in ${where}.\n`);
}

/**
 * The whole report, never cut: stdout, `--report` and the job summary, which the pointer of a cut
 * comment sends readers to (the job summary has a limit of its own, 1 MiB, enforced where it is written).
 */
export function renderFullEvaluationReport(report: EvaluationReport, ctx: ReportContext = {}): string {
  const title = `## Evaluation of ${inlineCode(report.name)} (${report.task})\n`;
  const sections = [
    title,
    verdict(report),
    `### Metrics\n\n${metricsTable(report)}`,
    costSection(report),
    report.featureChanges ? `Features added: ${report.featureChanges.added.map((f) => inlineCode(f)).join(', ') || '—'}; removed: ${report.featureChanges.removed.map((f) => inlineCode(f)).join(', ') || '—'}.\n` : '',
    `### Latency\n\n${latencySection(report)}`,
    chart(report),
    gatesSection(report),
    slicesSection(report, ctx.maxSliceRows ?? 40),
    confusionSection(report),
    calibrationSection(report),
    validationSection(ctx),
    footer(report, ctx),
  ].filter((s) => s !== '');
  return sections.join('\n');
}

function gatesSection(report: EvaluationReport): string {
  if (report.gates.length === 0) return '';
  const rows: Cell[][] = [['Gate', 'Result', 'Detail']];
  for (const g of report.gates) {
    const result = g.status === 'failed' ? '❌ failed' : g.status === 'skipped' ? '⏭ skipped' : g.inconclusive ? '⚠️ passed (inconclusive)' : '✅ passed';
    // Names and details quote the test data (a slice value, a class): text, not markdown or HTML.
    rows.push([gateText(g.name), result, gateText(g.detail)]);
  }
  return details(`Gates (${report.gates.filter((g) => g.status === 'failed').length} failed of ${report.gates.length})`, `${table(rows)}\n<sub>Relative gates fail only when the whole ${ciLabel(report.bootstrap.confidence).replace(' CI', '')} interval is beyond the threshold (confidently worse); absolute ones compare the point estimate. See docs/evaluation.md.</sub>`, { open: report.gates.some((g) => g.status === 'failed') });
}
