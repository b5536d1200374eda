import type { FieldType, FieldsMatch } from './types.ts';

/** Rule names used in reports: the constraint names of Table Schema plus a few structural ones. */
export type RuleName =
  | 'type' | 'required' | 'unique' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum'
  | 'minLength' | 'maxLength' | 'pattern' | 'enum' | 'jsonSchema' | 'primaryKey' | 'uniqueKeys'
  | 'mostly' | 'maxNullFraction' | 'extraColumn' | 'fieldOrder';

/**
 * One violation (DESIGN §4). Row-level errors carry `line` (physical line, header = 1) and `row`
 * (1-based data row). Header errors (extraColumn, fieldOrder) have `line: 1, row: null`;
 * column-level checks (mostly, maxNullFraction) have `line: null, row: null` and the observed
 * fraction as `value`. `line` is null too for formats without lines (Parquet, Arrow).
 */
export interface ValidationError {
  line: number | null;
  row: number | null;
  column: string | null;
  rule: RuleName;
  value: string | number | boolean | null;
  message: string;
}

/** Per-column statistics and rule tallies. */
export interface ColumnReport {
  type: FieldType;
  /** False when the column is not in the data (allowed by fieldsMatch superset/partial). */
  present: boolean;
  rows: number;
  nulls: number;
  nullFraction: number;
  /** Non-null cells that passed every value rule of the field. */
  valid: number;
  /** Failures per rule, whether counted as errors or tolerated under `mostly`. */
  failures: Partial<Record<RuleName, number>>;
  /** Errors counted in `errorCount` for this column. */
  errorCount: number;
  /** Smallest/largest valid value: numbers, or the text for date/time types; null when none. */
  min: number | string | null;
  max: number | string | null;
  /** Shortest/longest text among valid string cells; null for other types or no values. */
  minLength: number | null;
  maxLength: number | null;
  /** Present when the field sets `mostly`: share of non-null cells passing all value rules. */
  mostly?: { required: number; observed: number; passed: boolean };
  /** Present when the field sets `maxNullFraction`. */
  maxNullFraction?: { allowed: number; observed: number; passed: boolean };
}

/** The `mlops validate --json` document (DESIGN §4); fields may be added, never renamed. */
export interface ValidationReport {
  valid: boolean;
  rows: number;
  errorCount: number;
  errors: ValidationError[];
  columns: Record<string, ColumnReport>;
  /** Data file and schema file validated. */
  file: string;
  schema: string | null;
  fieldsMatch: FieldsMatch;
  /** Error counts per rule over the whole file (exact, independent of maxErrors). */
  errorsByRule: Partial<Record<RuleName, number>>;
  /** The bound on stored errors and whether it cut the list. */
  maxErrors: number;
  truncated: boolean;
  /** Data columns not in the schema, and schema fields not in the data. */
  extraColumns: string[];
  missingColumns: string[];
}
