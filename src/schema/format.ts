import { groupDigits, oneLine, plural } from '../core/text.ts';
import type { SchemaDiff } from './diff.ts';
import type { ValidationReport } from './report-types.ts';

/** Most columns the per-column table lists in a terminal. */
const TABLE_COLUMNS = 50;

function cell(v: number | string | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  return v;
}

/**
 * The human report of `mlops validate`: verdict, counts by rule, the stored errors as
 * `file:line`, a per-column table, and the schema diff when one was computed.
 */
export function formatValidationReport(report: ValidationReport, diff?: SchemaDiff): string {
  const out: string[] = [];
  const against = report.schema ? ` against ${report.schema}` : '';
  if (report.valid) out.push(`✓ ${report.file} is valid${against}: ${plural(report.rows, 'row')}, ${plural(Object.keys(report.columns).length, 'column')} checked`);
  else out.push(`✗ ${report.file} is invalid${against}: ${plural(report.errorCount, 'error')} in ${plural(report.rows, 'row')}`);
  const rules = Object.entries(report.errorsByRule).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (rules.length) out.push(`  by rule: ${rules.map(([r, n]) => `${r} ${groupDigits(n ?? 0)}`).join(', ')}`);
  if (report.errors.length || report.truncated) {
    out.push('');
    for (const e of report.errors) {
      const where = e.line !== null ? `${report.file}:${e.line}` : e.row !== null ? `${report.file} row ${e.row}` : report.file;
      out.push(`  ${where}: ${e.column !== null ? `[${oneLine(e.column)}] ` : ''}${e.rule}: ${oneLine(e.message)}`);
    }
    // Also with --max-errors 0: say that rows were left out rather than list none silently.
    if (report.truncated) out.push(`  … showing ${report.errors.length} of ${plural(report.errorCount, 'error')} (--max-errors ${report.maxErrors})`);
  }
  // A wide file lists at most TABLE_COLUMNS columns: those with failures first, then the rest in
  // file order (the JSON report always has every column).
  const entries = Object.entries(report.columns);
  const failing = (c: (typeof entries)[number][1]) => Object.values(c.failures).some((n) => (n ?? 0) > 0) || c.mostly?.passed === false || c.maxNullFraction?.passed === false || !c.present;
  const shown = entries.length <= TABLE_COLUMNS ? entries
    : [...entries.filter(([, c]) => failing(c)), ...entries.filter(([, c]) => !failing(c))].slice(0, TABLE_COLUMNS);
  const rows = shown.map(([name, c]) => {
    const failures = Object.entries(c.failures).filter(([, n]) => (n ?? 0) > 0).map(([r, n]) => `${r} ${n}`).join(', ');
    const checks = [
      c.mostly ? `mostly ${c.mostly.passed ? '✓' : '✗'} ${(c.mostly.observed * 100).toFixed(2)}%` : '',
      c.maxNullFraction ? `nulls ${c.maxNullFraction.passed ? '✓' : '✗'}` : '',
    ].filter(Boolean).join(' ');
    return [c.present ? oneLine(name) : `${oneLine(name)} (absent)`, c.type, String(c.nulls), cell(c.min), cell(c.max), failures || '-', checks];
  });
  if (rows.length) {
    out.push('');
    const head = ['column', 'type', 'nulls', 'min', 'max', 'failures', 'checks'];
    const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
    const line = (r: string[]) => `  ${r.map((v, i) => (v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}…` : v.padEnd(widths[i]))).join('  ').trimEnd()}`;
    out.push(line(head));
    for (const r of rows) out.push(line(r));
    if (entries.length > shown.length) out.push(`  … ${entries.length - shown.length} more columns (every column is in the JSON report: --json, --report)`);
  }
  if (report.extraColumns.length) out.push('', `  columns not in the schema: ${report.extraColumns.map(oneLine).join(', ')}`);
  if (report.missingColumns.length) out.push('', `  schema fields not in the data (allowed by fieldsMatch ${report.fieldsMatch}): ${report.missingColumns.map(oneLine).join(', ')}`);
  if (diff) out.push('', formatSchemaDiff(diff));
  return `${out.join('\n')}\n`;
}

/** The human text of a schema diff: breaking changes first. */
export function formatSchemaDiff(diff: SchemaDiff): string {
  if (diff.changes.length === 0) return 'schema: no changes';
  const out = [`schema: ${plural(diff.breakingCount, 'breaking change')}, ${plural(diff.compatibleCount, 'compatible change')}`];
  for (const c of diff.changes) out.push(`  ${c.severity === 'breaking' ? 'BREAKING  ' : 'compatible'}  ${c.field !== null ? `${oneLine(c.field)}: ` : ''}${oneLine(c.message)}`);
  return out.join('\n');
}
