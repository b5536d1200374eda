/**
 * The JSON documents of a validation, shared by `mlops validate` and `actions/validate`: one file's
 * report, or for several files of one dataset (shards) each file's report with the totals that
 * decide the verdict.
 */
import { plural } from '../core/text.ts';
import type { SchemaDiff } from './diff.ts';
import type { ColumnReport, RuleName, ValidationError, ValidationReport } from './report-types.ts';

/** The JSON document of one file: DESIGN §4 fields first, then `schemaDiff` when a base schema was given. */
export function validationJson(report: ValidationReport, diff?: SchemaDiff): ValidationReport & { schemaDiff?: SchemaDiff } {
  return diff ? { ...report, schemaDiff: diff } : report;
}

/**
 * The JSON document of a validation of several files: totals first, then each file's report. The
 * DESIGN §4 fields keep their meaning over the files: `errors` are every file's stored errors, each
 * naming its `file`; `columns` sum each column's counts over the files (numeric min/max over all;
 * text extremes, `mostly` and `maxNullFraction` are per-file verdicts, in `reports`).
 */
export interface MultiValidationJson {
  valid: boolean;
  rows: number;
  errorCount: number;
  errors: Array<ValidationError & { file: string }>;
  columns: Record<string, ColumnTotals>;
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
    errors: reports.flatMap((r) => r.errors.map((e) => ({ file: r.file, ...e }))),
    columns: columnTotals(reports),
    errorsByRule,
    files: reports.map((r) => ({ file: r.file, valid: r.valid, rows: r.rows, errorCount: r.errorCount })),
    reports,
    ...(diff ? { schemaDiff: diff } : {}),
  };
}

/** A column over several files: counts summed; min/max only where they are numbers. */
export type ColumnTotals = Pick<ColumnReport, 'type' | 'present' | 'rows' | 'nulls' | 'nullFraction' | 'valid' | 'failures' | 'errorCount' | 'min' | 'max'>;

function columnTotals(reports: ValidationReport[]): Record<string, ColumnTotals> {
  // A Map: in a plain object a column named `constructor`, `toString` or `__proto__` finds the
  // inherited member, and the totals were added onto Object itself (and the column left out).
  const out = new Map<string, ColumnTotals>();
  for (const report of reports) {
    for (const [name, c] of Object.entries(report.columns)) {
      let t = out.get(name);
      if (t === undefined) out.set(name, (t = { type: c.type, present: false, rows: 0, nulls: 0, nullFraction: 0, valid: 0, failures: {}, errorCount: 0, min: null, max: null }));
      t.present ||= c.present;
      t.rows += c.rows;
      t.nulls += c.nulls;
      t.valid += c.valid;
      t.errorCount += c.errorCount;
      for (const [rule, n] of Object.entries(c.failures) as Array<[RuleName, number]>) t.failures[rule] = (t.failures[rule] ?? 0) + n;
      // Text extremes (dates with offsets, strings) do not order as text across files: left to each report.
      if (typeof c.min === 'number') t.min = typeof t.min === 'number' ? Math.min(t.min, c.min) : t.min === null ? c.min : t.min;
      if (typeof c.max === 'number') t.max = typeof t.max === 'number' ? Math.max(t.max, c.max) : t.max === null ? c.max : t.max;
    }
  }
  for (const t of out.values()) t.nullFraction = t.rows ? t.nulls / t.rows : 0;
  // fromEntries defines own properties: `__proto__` is a key like any other.
  return Object.fromEntries(out);
}

/** The one-line verdict over several files, for terminals and logs. */
export function multiValidationLine(doc: MultiValidationJson, schemaPath: string): string {
  const invalid = doc.files.filter((f) => !f.valid).length;
  return `${doc.valid ? '✓' : '✗'} ${plural(doc.files.length, 'file')} against ${schemaPath}: ${doc.files.length - invalid} valid, ${invalid} invalid; ${plural(doc.errorCount, 'error')} in ${plural(doc.rows, 'row')}`;
}
