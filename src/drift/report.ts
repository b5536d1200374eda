/**
 * The drift report as markdown: used as the retraining pull request's body, the job summary and
 * the terminal output. Every verdict states its method, score, threshold and sample sizes.
 */
import { plural } from '../core/text.ts';
import { alert, details, formatNumber, formatPercent, inlineCode, table, xyChart } from '../report/index.ts';
import type { DriftColumn, DriftReport } from './engine.ts';
import { MIN_SAMPLE, P_VALUE_METHODS } from './policy.ts';

const METHOD_LABEL: Record<string, string> = {
  ks: 'Kolmogorov–Smirnov p',
  chisquare: 'chi-square p',
  ztest: 'two-proportion z p',
  wasserstein: 'Wasserstein (norm.)',
  jensenshannon: 'Jensen–Shannon',
  psi: 'PSI',
  hellinger: 'Hellinger',
};

function verdictCell(c: DriftColumn): string {
  if (c.status === 'insufficient data') return `insufficient data${c.insufficient ? ` (${c.insufficient})` : ''}`;
  if (!c.drifted) return 'ok';
  return `**drift** (${c.reasons.join(', ')})${c.critical ? ' · critical' : ''}`;
}

function scoreCell(c: DriftColumn): string {
  if (!Number.isFinite(c.score)) return '—';
  const comparator = P_VALUE_METHODS.has(c.method) ? '<' : '≥';
  return `${formatNumber(c.score, 3)} (drift if ${comparator} ${formatNumber(c.threshold, 3)})`;
}

function nullCell(c: DriftColumn): string {
  const text = `${formatPercent(c.nulls.reference)} → ${formatPercent(c.nulls.current)}`;
  const cell = c.nulls.drifted ? `**${text}**` : text;
  const other = c.nonNumeric;
  // Text placeholders in a numeric column (`NA`, `-`) are missing values the nulls do not count.
  if (!other || (other.reference === 0 && other.current === 0)) return cell;
  const shares = `not numbers ${formatPercent(other.reference)} → ${formatPercent(other.current)}`;
  return `${cell}; ${other.drifted ? `**${shares}**` : shares}`;
}

/** Renders the drift report; `title` names the model. */
export function renderDriftMarkdown(report: DriftReport, options: { title?: string; referenceLabel?: string; currentLabel?: string; footer?: string } = {}): string {
  const parts: string[] = [];
  parts.push(`## ${options.title ?? 'Data drift'}\n`);
  const unjudged = insufficientColumns(report);
  const summary = `${report.driftedColumns} of ${report.evaluatedColumns} features drifted (share ${formatPercent(report.share)}; dataset drift at ${formatPercent(report.datasetShare)})${unjudged ? `; ${unjudged} with insufficient data` : ''}`;
  if (report.drifted) {
    const critical = report.criticalDrifted.length ? ` Critical features drifted: ${report.criticalDrifted.map((n) => inlineCode(n)).join(', ')}.` : '';
    parts.push(alert('WARNING', `**Dataset drift detected**: ${summary}.${critical} Retraining is recommended.`));
  } else if (nothingJudged(report)) {
    // Nothing was compared: saying "no drift" would pass off an empty window as a healthy one.
    parts.push(alert('CAUTION', `**Insufficient data**: none of the ${unjudged} features could be compared (fewer than ${MIN_SAMPLE} values on a side, or profile samples too small). This is not a verdict of no drift: check that the current window holds data.`));
  } else {
    parts.push(alert('NOTE', `**No dataset drift**: ${summary}.`));
  }
  const missing = report.missingFeatures;
  if (missing.length) {
    // A feature the current data lacks is no drift verdict, but a model fed this data cannot work.
    const one = missing.length === 1;
    parts.push(alert('WARNING', `**Missing from the current data**: ${missing.map((n) => inlineCode(n)).join(', ')} ${one ? 'is' : 'are'} in the reference but not in the current data, so ${one ? 'it was' : 'they were'} not compared. If the model uses ${one ? 'it' : 'them'}, the data pipeline is broken.`));
  }
  parts.push(`Reference: ${options.referenceLabel ?? 'reference'} (${plural(report.reference.rows, 'row')}) · Current: ${options.currentLabel ?? 'current'} (${plural(report.current.rows, 'row')})\n`);
  const rows = report.columns.map((c) => [
    inlineCode(c.name), c.type, METHOD_LABEL[c.method] ?? c.method, scoreCell(c), verdictCell(c), `${c.nRef} / ${c.nCur}`, nullCell(c), c.contributor === undefined ? '' : c.type === 'categorical' ? inlineCode(c.contributor) : c.contributor,
  ]);
  parts.push(table([['Feature', 'Type', 'Method', 'Score', 'Verdict', 'n ref / cur', 'Nulls', 'Most changed'], ...rows], ['l', 'l', 'l', 'r', 'l', 'r', 'r', 'l']));

  const charted = report.columns.filter((c) => c.drifted && c.type === 'numeric' && c.bins.labels.length > 1).slice(0, 3);
  for (const c of charted) {
    parts.push(xyChart({
      title: `${c.name}: share per reference decile`,
      xLabels: c.bins.labels,
      yLabel: 'share',
      series: [
        { name: 'reference', kind: 'bar', values: c.bins.reference },
        { name: 'current', kind: 'line', values: c.bins.current },
      ],
    }));
  }

  const categoryNotes = report.columns.filter((c) => c.newCategories?.length || c.vanishedCategories?.length).map((c) => {
    const bits: string[] = [];
    if (c.newCategories?.length) bits.push(`new: ${c.newCategories.map((v) => inlineCode(v)).join(', ')}`);
    if (c.vanishedCategories?.length) bits.push(`vanished: ${c.vanishedCategories.map((v) => inlineCode(v)).join(', ')}`);
    return `- ${inlineCode(c.name)}: ${bits.join('; ')}`;
  });
  if (categoryNotes.length) parts.push(details('Categories that appeared or vanished', categoryNotes.join('\n')));
  const evidence = report.columns.filter((c) => c.effect || c.pValue !== undefined).map((c) =>
    `- ${inlineCode(c.name)}: ${c.method} statistic ${formatNumber(c.statistic ?? Number.NaN, 4)}, p = ${formatNumber(c.pValue ?? Number.NaN, 3)}` +
    (c.effect ? `, ${c.effect.name} = ${formatNumber(c.effect.value, 3)} (floor ${c.effect.floor})` : '') + `, PSI ${formatNumber(c.psi, 3)}`);
  if (evidence.length) parts.push(details('Test statistics and effect sizes', evidence.join('\n')));
  const approximate = report.columns.filter((c) => c.approximate).map((c) => `- ${inlineCode(c.name)}: ${c.method} ${formatNumber(c.score, 3)} ${c.approximate}`);
  if (approximate.length) parts.push(details('Scores computed from sketches', approximate.join('\n')));
  const skipped: string[] = [];
  const because = { timestamp: 'dates/timestamps move with time', identifier: 'identifier-like: almost every value distinct' };
  for (const reason of ['timestamp', 'identifier'] as const) {
    const names = report.skippedColumns.filter((c) => c.reason === reason).map((c) => inlineCode(c.name));
    if (names.length) skipped.push(`- ${because[reason]}: ${names.join(', ')} (list them in \`features\` or give them a \`drift\` override to compare them)`);
  }
  if (report.onlyInReference.length) skipped.push(`- only in the reference: ${report.onlyInReference.map((n) => inlineCode(n)).join(', ')}`);
  if (report.onlyInCurrent.length) skipped.push(`- only in the current data: ${report.onlyInCurrent.map((n) => inlineCode(n)).join(', ')}`);
  if (skipped.length) parts.push(details('Columns not compared', skipped.join('\n')));
  parts.push(details('How drift is decided', [
    'Up to 1,000 rows in the smaller sample: Kolmogorov–Smirnov (numeric) and chi-square / two-proportion z (categorical), drift when p < 0.05 and the effect size passes its floor (KS D ≥ 0.05, Cramér\'s V ≥ 0.05).',
    'Both samples larger: Wasserstein distance normalised by the reference standard deviation (numeric) and Jensen–Shannon distance, natural log (categorical), drift when ≥ 0.1.',
    'A null-rate change of at least 5 points (p < 0.05, on 30 rows or more a side) is drift on its own, and so is such a change in the share of numeric cells that hold text instead of a number (`NA`, `-`, `NaN`). Fewer than 30 values on either side (or in the profiles\' samples, for the sample-based tests) is "insufficient data". Categoricals compare their top 20 values plus "other".',
  ].join('\n\n')));
  if (options.footer) parts.push(`\n${options.footer}\n`);
  return `${parts.join('\n')}`;
}

/** Compared columns with too few values on a side to be judged. */
function insufficientColumns(report: DriftReport): number {
  return report.columns.filter((c) => c.status === 'insufficient data').length;
}

/**
 * Whether columns were compared but none could be judged (all "insufficient data", so no drift
 * either): a report that must not read as "no drift".
 */
export function nothingJudged(report: DriftReport): boolean {
  return report.evaluatedColumns === 0 && report.columns.length > 0;
}

/** The one-line verdict for terminals and logs. */
export function driftHeadline(report: DriftReport): string {
  const drifted = report.columns.filter((c) => c.drifted).map((c) => c.name);
  if (nothingJudged(report)) {
    return `insufficient data: none of ${insufficientColumns(report)} features could be compared (fewer than ${MIN_SAMPLE} values on a side); not a verdict of no drift`;
  }
  const missing = report.missingFeatures.length ? `; missing from the current data: ${report.missingFeatures.join(', ')}` : '';
  return report.drifted
    ? `dataset drift: ${report.driftedColumns}/${report.evaluatedColumns} features drifted (${drifted.join(', ')})${missing}`
    : `no dataset drift: ${report.driftedColumns}/${report.evaluatedColumns} features drifted${drifted.length ? ` (${drifted.join(', ')})` : ''}${missing}`;
}

/** The JSON document of DESIGN §4 (`{ drifted, share, columns: [...] }`), with extra fields. */
export function driftJson(report: DriftReport): Record<string, unknown> {
  return {
    drifted: report.drifted,
    share: report.share,
    datasetShare: report.datasetShare,
    evaluatedColumns: report.evaluatedColumns,
    driftedColumns: report.driftedColumns,
    criticalDrifted: report.criticalDrifted,
    columns: report.columns.map((c) => ({
      name: c.name,
      type: c.type,
      method: c.method,
      score: Number.isFinite(c.score) ? c.score : null,
      threshold: c.threshold,
      drifted: c.drifted,
      ...(c.pValue !== undefined ? { pValue: c.pValue } : {}),
      nRef: c.nRef,
      nCur: c.nCur,
      status: c.status,
      ...(c.insufficient !== undefined ? { insufficient: c.insufficient } : {}),
      reasons: c.reasons,
      ...(c.statistic !== undefined ? { statistic: c.statistic } : {}),
      ...(c.effect ? { effect: c.effect } : {}),
      psi: Number.isFinite(c.psi) ? c.psi : null,
      nulls: c.nulls,
      ...(c.nonNumeric ? { nonNumeric: c.nonNumeric } : {}),
      ...(c.contributor !== undefined ? { contributor: c.contributor } : {}),
      ...(c.approximate !== undefined ? { approximate: c.approximate } : {}),
      ...(c.newCategories ? { newCategories: c.newCategories } : {}),
      ...(c.vanishedCategories ? { vanishedCategories: c.vanishedCategories } : {}),
      critical: c.critical,
    })),
    skippedColumns: report.skippedColumns,
    onlyInReference: report.onlyInReference,
    missingFeatures: report.missingFeatures,
    onlyInCurrent: report.onlyInCurrent,
    reference: report.reference,
    current: report.current,
  };
}
