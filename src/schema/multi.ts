/**
 * The JSON documents of a validation, shared by `mlops validate` and `actions/validate`: one file's
 * report, or for several files of one dataset (shards) each file's report with the totals that
 * decide the verdict.
 */
import type { SchemaDiff } from './diff.ts';
import type { RuleName, ValidationReport } from './report-types.ts';

/** The JSON document of one file: DESIGN §4 fields first, then `schemaDiff` when a base schema was given. */
export function validationJson(report: ValidationReport, diff?: SchemaDiff): ValidationReport & { schemaDiff?: SchemaDiff } {
  return diff ? { ...report, schemaDiff: diff } : report;
}

/** The JSON document of a validation of several files: totals first, then each file's report. */
export interface MultiValidationJson {
  valid: boolean;
  rows: number;
  errorCount: number;
  errorsByRule: Partial<Record<RuleName, number>>;
  files: Array<{ file: string; valid: boolean; rows: number; errorCount: number }>;
  reports: ValidationReport[];
  schemaDiff?: SchemaDiff;
}

/** Totals over the reports of several files (rules summed); valid only when every file is. */
export function multiValidation(reports: ValidationReport[], diff?: SchemaDiff): MultiValidationJson {
  const errorsByRule: Partial<Record<RuleName, number>> = {};
  for (const r of reports) for (const [rule, n] of Object.entries(r.errorsByRule) as Array<[RuleName, number]>) errorsByRule[rule] = (errorsByRule[rule] ?? 0) + n;
  return {
    valid: reports.every((r) => r.valid),
    rows: reports.reduce((s, r) => s + r.rows, 0),
    errorCount: reports.reduce((s, r) => s + r.errorCount, 0),
    errorsByRule,
    files: reports.map((r) => ({ file: r.file, valid: r.valid, rows: r.rows, errorCount: r.errorCount })),
    reports,
    ...(diff ? { schemaDiff: diff } : {}),
  };
}

/** The one-line verdict over several files, for terminals and logs. */
export function multiValidationLine(doc: MultiValidationJson, schemaPath: string): string {
  const invalid = doc.files.filter((f) => !f.valid).length;
  return `${doc.valid ? '✓' : '✗'} ${doc.files.length} files against ${schemaPath}: ${doc.files.length - invalid} valid, ${invalid} invalid; ${doc.errorCount.toLocaleString('en-US')} error${doc.errorCount === 1 ? '' : 's'} in ${doc.rows.toLocaleString('en-US')} rows`;
}
