/**
 * Preprocessing fitted on the training split only and saved with the model as
 * `preprocessing.json`. {@link applyPreprocessing} is the ONE function that turns a table into the
 * model's input matrix at training, evaluation and serving time, so there is no train/serve skew
 * by construction: nothing else in the code base builds feature matrices.
 *
 * - numeric features: median imputation, then standardisation with the mean and (population)
 *   standard deviation of the imputed training column — the same as scikit-learn's
 *   `SimpleImputer(strategy="median")` followed by `StandardScaler()`;
 * - a 0/1 missing-indicator column for every feature that had nulls in training;
 * - categorical features: one-hot over the top-K most frequent training values (ties by value)
 *   plus one out-of-vocabulary column for everything else;
 * - the label: classes sorted (numerically when they are all numbers), or, for regression,
 *   standardised (predictions are mapped back).
 */
import { InputError, type SourceLocation } from '../core/errors.ts';
import { parseLocalNumber } from '../table/index.ts';
import type { Column, NumberForm, Table } from '../table/types.ts';
import type { TaskSetting } from './config.ts';
import { classCountProblem, isCodeText, isNumberText, isNumericLabel, labelTask, parseNumberText, tooManyClassesMessage } from './task.ts';

export type Task = 'binary' | 'multiclass' | 'regression';

export interface NumericFeatureSpec {
  name: string;
  kind: 'numeric';
  median: number;
  mean: number;
  std: number;
  missingIndicator: boolean;
  /** The schema's local number form (`1.000,5`), when the feature's text is written in one. */
  numberForm?: NumberForm;
}

export interface CategoricalFeatureSpec {
  name: string;
  kind: 'categorical';
  /** One-hot columns, most frequent first. */
  vocabulary: string[];
  missingIndicator: boolean;
}

export type FeatureSpec = NumericFeatureSpec | CategoricalFeatureSpec;

export interface LabelSpec {
  name: string;
  task: Task;
  /** Classification: class names in output order (sorted). Empty for regression. */
  classes: string[];
  /** Regression: the target is standardised for training; predictions are `y * std + mean`. */
  mean?: number;
  std?: number;
  /** Regression: the schema's local number form of the target, when it has one. */
  numberForm?: NumberForm;
}

export interface PreprocessingSpec {
  format: 'mlops-preprocessing';
  version: 1;
  label: LabelSpec;
  features: FeatureSpec[];
  /** Name of every matrix column, in order (`temp`, `temp__missing`, `island=Dream`, `island=__oov__`). */
  outputs: string[];
  /** Training rows the spec was fitted on. */
  fittedRows: number;
  /**
   * The cell texts read as null in training when not just `""` (the schema's `missingValues`, and
   * fields' own): evaluation and serving must read `NA` as null too, not as a category or a bad number.
   */
  missingValues?: string[];
  fieldMissingValues?: Record<string, string[]>;
}

export const OOV = '__oov__';
export const MISSING_SUFFIX = '__missing';

export interface FitOptions {
  label: string;
  features: string[];
  task?: TaskSetting;
  maxCategories?: number;
  /** Per-feature kind from the schema (number/integer → numeric, anything else → categorical). */
  kinds?: Record<string, 'numeric' | 'categorical'>;
  /** Rows used for fitting (the training split); default every row. */
  rows?: Int32Array | number[];
  /** Columns whose numbers the schema writes in a local form (recorded so serving reads them alike). */
  numberForms?: Record<string, NumberForm>;
  /** Missing-value texts the training data was read with (recorded so serving reads them alike). */
  missingValues?: string[];
  fieldMissingValues?: Record<string, string[]>;
  /** Where the label is configured (`mlops.yaml:5:10 (data.label)`), for errors about the label as a whole. */
  labelLocation?: SourceLocation;
  /**
   * The features were not listed by the user (schema roles or every other column): one null in
   * every training row is left out of the spec instead of refused — an export's always-empty
   * column would otherwise stop `mlops init` then `mlops train` at once.
   */
  skipEmptyFeatures?: boolean;
  /** Where `model.task` is set, for a task the label does not fit (binary with three classes). */
  taskLocation?: SourceLocation;
  /** Where the user listed each feature (data.features entries), for errors about a listed feature as a whole. */
  featureLocations?: Record<string, SourceLocation>;
}

// ---------------------------------------------------------------------------------------------
// Cell access
// ---------------------------------------------------------------------------------------------

function findColumn(table: Table, name: string, what: string): Column {
  const index = table.fieldNames.indexOf(name);
  const column = index >= 0 ? table.columns.find((c) => c.name === name) ?? table.columns[index] : undefined;
  if (!column) {
    throw new InputError(`${what} column '${name}' not found (columns: ${table.fieldNames.join(', ')})`, { file: table.path, key: name });
  }
  return column;
}

/**
 * Numbers of a column: NaN for null or unparseable cells. Strings are parsed once per dictionary
 * entry, in the column's local number form when it has one.
 */
function numbersOf(column: Column, form?: NumberForm): Float64Array {
  if (column.kind === 'number') return column.values;
  const parsed = column.dictionary.map((text) => (form ? parseLocalNumber(text, form) ?? Number.NaN : parseNumberText(text)));
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = column.codes[i]!;
    out[i] = code < 0 ? Number.NaN : parsed[code]!;
  }
  return out;
}

function isNullCell(column: Column, i: number): boolean {
  return column.kind === 'number' ? column.nulls[i] === 1 : column.codes[i]! < 0;
}

/** Cell text (numbers formatted canonically), null for null cells. */
function textOf(column: Column, i: number): string | null {
  if (column.kind === 'string') {
    const code = column.codes[i]!;
    return code < 0 ? null : column.dictionary[code]!;
  }
  if (column.nulls[i] === 1) return null;
  const v = column.values[i]!;
  if (Number.isNaN(v)) return column.invalid.find((c) => c.index === i)?.text ?? 'NaN';
  return String(v);
}

function lineOf(table: Table, i: number): number | undefined {
  const line = table.lines[i];
  return line !== undefined && line > 0 ? line : undefined;
}

// ---------------------------------------------------------------------------------------------
// Fit
// ---------------------------------------------------------------------------------------------

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function compareValues(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts class names numerically when they all are numbers (so 2 < 10), else by code unit. */
export function sortClasses(values: string[]): string[] {
  const numeric = values.every((v) => Number.isFinite(parseNumberText(v)));
  return values.slice().sort(numeric ? (a, b) => parseNumberText(a) - parseNumberText(b) || compareValues(a, b) : compareValues);
}

/**
 * True when every non-null cell of a column (in `rows`) is a finite or non-finite number; `codes`
 * when a cell is a code with a leading zero (`00501`), which makes a column without a declared
 * type categorical.
 */
function looksNumeric(column: Column, rows: ArrayLike<number>): { numeric: boolean; share: number; firstBad: number; codes: boolean } {
  if (column.kind === 'number') return { numeric: column.invalid.length === 0, share: 1, firstBad: column.invalid[0]?.index ?? -1, codes: false };
  const parsed = column.dictionary.map(isNumberText);
  const code0 = column.dictionary.map(isCodeText);
  let good = 0;
  let total = 0;
  let firstBad = -1;
  let codes = false;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const code = column.codes[i]!;
    if (code < 0) continue;
    total++;
    if (code0[code]) codes = true;
    if (parsed[code]) good++;
    else if (firstBad < 0) firstBad = i;
  }
  return { numeric: total > 0 && good === total, share: total > 0 ? good / total : 0, firstBad, codes };
}

/**
 * Infers the task from the label column over the given rows (non-null labels only), by the rule
 * `mlops init` applies too ({@link labelTask}).
 */
export function inferTask(column: Column, rows: ArrayLike<number>): { task: Task; distinct: string[] } {
  const distinct = new Set<string>();
  for (let r = 0; r < rows.length; r++) {
    const t = textOf(column, rows[r]!);
    if (t !== null) distinct.add(t);
  }
  const values = [...distinct];
  return { task: labelTask(values), distinct: values };
}

/**
 * Fits the preprocessing on the training rows. Throws {@link InputError} for a missing label or
 * feature, a label with one class, an all-null feature, non-numeric text in a numeric feature and
 * NaN/Infinity values (naming column and line).
 */
export function fitPreprocessing(table: Table, options: FitOptions): PreprocessingSpec {
  const rowsAll = options.rows ? Int32Array.from(options.rows) : allRows(table.length);
  const labelColumn = findColumn(table, options.label, 'label');
  // Rows whose label is null cannot teach anything; they are dropped from fitting and training.
  const rows = rowsAll.filter((i) => !isNullCell(labelColumn, i));
  // Cell checks (non-numeric text, NaN/Infinity) cover every labelled row read, validation rows
  // included: a bad cell is bad input wherever the split put it. Statistics use `rows` only.
  const labelled = allRows(table.length).filter((i) => !isNullCell(labelColumn, i));
  if (table.length === 0) throw new InputError('the training data has no rows', { file: table.path });
  if (rows.length === 0) throw new InputError(`label column '${options.label}' has no non-null values`, { file: table.path, key: options.label });

  // The task is decided on every labelled row read (the whole file, as `mlops init` saw it); the
  // classes are those of the training split.
  const decided = inferTask(labelColumn, labelled);
  const inferred = inferTask(labelColumn, rows);
  let task: Task = options.task && options.task !== 'auto' ? options.task : decided.task;
  if (task !== 'regression') {
    const problem = classCountProblem(decided.distinct.length, labelled.length);
    if (problem) {
      throw new InputError(tooManyClassesMessage(options.label, problem, isNumericLabel(decided.distinct), {
        regression: options.task === 'auto' || !options.task ? 'model.task: regression' : 'model.task: auto or regression',
        otherColumn: 'set data.label to the column the model should predict',
      }), options.labelLocation ?? { file: table.path, key: options.label });
    }
  }
  if (task === 'regression') {
    const check = looksNumeric(labelColumn, labelled);
    if (!check.numeric) {
      const bad = check.firstBad;
      const value = bad >= 0 ? textOf(labelColumn, bad) : '';
      const line = bad >= 0 ? lineOf(table, bad) : undefined;
      // A label of text (names, categories) set to regression: model.task is at fault, not the
      // data. A numeric label with a few bad cells stays the data's error, at the cell.
      if (options.task === 'regression' && options.taskLocation && check.share < 0.95) {
        throw new InputError(`label '${options.label}' is not numeric (value '${value}' at ${table.path}${line !== undefined ? `:${line}` : ''}), so it cannot be a regression target: set model.task to auto, binary or multiclass`,
          options.taskLocation);
      }
      throw new InputError(`label '${options.label}' is not numeric (value '${value}'), so it cannot be a regression target`,
        { file: table.path, line, key: options.label });
    }
  } else if (inferred.distinct.length < 2 && decided.distinct.length >= 2) {
    const others = sortClasses(decided.distinct.filter((c) => !inferred.distinct.includes(c)));
    const named = `${others.slice(0, 5).map((c) => `'${c}'`).join(', ')}${others.length > 5 ? ', …' : ''}`;
    throw new InputError(`label '${options.label}' has only one class ('${inferred.distinct[0] ?? ''}') in the training split: ${named} ${others.length === 1 ? 'is' : 'are'} only in the validation rows (add rows of ${others.length === 1 ? 'it' : 'them'}, or lower train.validationSplit)`,
      { file: table.path, key: options.label });
  } else if (inferred.distinct.length < 2) {
    throw new InputError(`label '${options.label}' has only one class ('${inferred.distinct[0] ?? ''}') in the training data; a classifier needs at least two`,
      { file: table.path, key: options.label });
  } else if (options.task === 'binary' && inferred.distinct.length !== 2) {
    throw new InputError(`model.task is binary but label '${options.label}' has ${inferred.distinct.length} classes in the training rows (${sortClasses(inferred.distinct).slice(0, 5).map((c) => `'${c}'`).join(', ')}${inferred.distinct.length > 5 ? ', …' : ''}): set model.task to multiclass or auto`,
      options.taskLocation ?? { file: table.path, key: options.label });
  } else if (task === 'multiclass' && inferred.distinct.length === 2 && options.task !== 'multiclass') {
    task = 'binary';
  }

  const label: LabelSpec = { name: options.label, task, classes: task === 'regression' ? [] : sortClasses(inferred.distinct) };
  if (task === 'regression') {
    const labelForm = options.numberForms?.[options.label];
    if (labelForm) label.numberForm = labelForm;
    const ys = numbersOf(labelColumn, labelForm);
    assertFinite(table, labelColumn, ys, labelled);
    let sum = 0;
    for (const i of rows) sum += ys[i]!;
    const mean = sum / rows.length;
    let ss = 0;
    for (const i of rows) ss += (ys[i]! - mean) ** 2;
    const std = Math.sqrt(ss / rows.length);
    label.mean = mean;
    label.std = std > 0 ? std : 1;
  }

  const features: FeatureSpec[] = [];
  const outputs: string[] = [];
  const maxCategories = options.maxCategories ?? 50;
  for (const name of options.features) {
    if (name === options.label) throw new InputError(`the label '${name}' is also listed as a feature`, { key: 'data.features' });
    const column = findColumn(table, name, 'feature');
    let nulls = 0;
    for (const i of rows) if (isNullCell(column, i)) nulls++;
    if (nulls === rows.length) {
      if (options.skipEmptyFeatures) continue;
      const listed = options.featureLocations?.[name];
      if (listed) throw new InputError(`feature '${name}' is null in every training row of ${table.path}: remove it from data.features`, listed);
      throw new InputError(`feature '${name}' is null in every training row`, { file: table.path, key: name });
    }
    const declared = options.kinds?.[name];
    const check = looksNumeric(column, labelled);
    // A column that is numeric in all but a few cells is a numeric column with bad cells, not a
    // category; one of codes like 00501 (zip, product) is a category, as schema infer declares it.
    const numeric = declared ? declared === 'numeric' : !check.codes && (check.numeric || (column.kind === 'string' && check.share >= 0.95));
    if (numeric) {
      if (!check.numeric) {
        const bad = check.firstBad;
        const text = textOf(column, bad);
        // R's write.csv writes NA, other exports n/a or ?: say how to read it as missing, not only that it is wrong.
        const why = declared ? 'the schema declares it a number' : `${Math.floor(check.share * 1000) / 10}% of its cells are numbers`;
        throw new InputError(`non-numeric value '${text}' in numeric feature '${name}' (${why}): if '${text}' marks a missing value, list it in the schema's missingValues (data.schema); if '${name}' is a category, declare it type: string there`,
          { file: table.path, line: lineOf(table, bad), key: name });
      }
      const values = numbersOf(column, options.numberForms?.[name]);
      assertFinite(table, column, values, labelled);
      const present = new Float64Array(rows.length - nulls);
      let k = 0;
      for (const i of rows) if (!isNullCell(column, i)) present[k++] = values[i]!;
      present.sort();
      const med = median(present);
      let sum = 0;
      for (const v of present) sum += v;
      sum += med * nulls;
      const mean = sum / rows.length;
      let ss = 0;
      for (const v of present) ss += (v - mean) ** 2;
      ss += nulls * (med - mean) ** 2;
      const std = Math.sqrt(ss / rows.length);
      const form = options.numberForms?.[name];
      features.push({ name, kind: 'numeric', median: med, mean, std: std > 0 ? std : 1, missingIndicator: nulls > 0, ...(form ? { numberForm: form } : {}) });
      outputs.push(name);
    } else {
      const counts = new Map<string, number>();
      for (const i of rows) {
        const t = textOf(column, i);
        if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      const vocabulary = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareValues(a[0], b[0]))
        .slice(0, maxCategories).map(([v]) => v);
      features.push({ name, kind: 'categorical', vocabulary, missingIndicator: nulls > 0 });
      for (const v of vocabulary) outputs.push(`${name}=${v}`);
      outputs.push(`${name}=${OOV}`);
    }
    if (nulls > 0) outputs.push(`${name}${MISSING_SUFFIX}`);
  }
  if (features.length === 0) {
    throw new InputError(`every feature is null in every training row (${options.features.join(', ')}): nothing to learn from`, { file: table.path });
  }
  const spec: PreprocessingSpec = { format: 'mlops-preprocessing', version: 1, label, features, outputs, fittedRows: rows.length };
  const markers = options.missingValues;
  if (markers && !(markers.length === 1 && markers[0] === '')) spec.missingValues = [...markers];
  const own = Object.entries(options.fieldMissingValues ?? {}).filter(([name]) => name === options.label || options.features.includes(name));
  if (own.length > 0) spec.fieldMissingValues = Object.fromEntries(own);
  return spec;
}

function assertFinite(table: Table, column: Column, values: Float64Array, rows: ArrayLike<number>): void {
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const v = values[i]!;
    if (!Number.isFinite(v) && !isNullCell(column, i)) {
      throw new InputError(`${Number.isNaN(v) ? 'NaN' : 'infinite'} value '${textOf(column, i)}' in '${column.name}': training data must be finite`,
        { file: table.path, line: lineOf(table, i), key: column.name });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Apply
// ---------------------------------------------------------------------------------------------

/**
 * THE transform: rows [start, start+count) of `table` → a row-major Float32Array of
 * `count × spec.outputs.length`. Lenient by design (serving must not crash on one odd cell):
 * nulls and unparseable or non-finite numbers are imputed with the training median; unseen
 * categories go to the out-of-vocabulary column. Missing feature columns are an InputError.
 */
export function applyPreprocessing(spec: PreprocessingSpec, table: Table, start = 0, count = table.length - start): Float32Array {
  const width = spec.outputs.length;
  const n = Math.max(0, Math.min(count, table.length - start));
  const out = new Float32Array(n * width);
  let offset = 0;
  for (const feature of spec.features) {
    const column = findColumn(table, feature.name, 'feature');
    if (feature.kind === 'numeric') {
      const values = numbersOf(column, feature.numberForm);
      const ind = feature.missingIndicator ? offset + 1 : -1;
      for (let r = 0; r < n; r++) {
        const i = start + r;
        let v = values[i]!;
        const missing = !Number.isFinite(v);
        if (missing) v = feature.median;
        out[r * width + offset] = (v - feature.mean) / feature.std;
        if (ind >= 0 && missing) out[r * width + ind] = 1;
      }
      offset += feature.missingIndicator ? 2 : 1;
    } else {
      const index = new Map(feature.vocabulary.map((v, k) => [v, k]));
      const oov = feature.vocabulary.length;
      const ind = feature.missingIndicator ? oov + 1 : -1;
      // Map each dictionary entry once rather than each cell.
      const codeMap = column.kind === 'string' ? column.dictionary.map((d) => index.get(d) ?? oov) : null;
      for (let r = 0; r < n; r++) {
        const i = start + r;
        let slot: number;
        if (codeMap && column.kind === 'string') {
          const code = column.codes[i]!;
          slot = code < 0 ? -1 : codeMap[code]!;
        } else {
          const t = textOf(column, i);
          slot = t === null ? -1 : index.get(t) ?? oov;
        }
        if (slot >= 0) out[r * width + offset + slot] = 1;
        else if (ind >= 0) out[r * width + offset + ind] = 1;
      }
      offset += oov + 1 + (feature.missingIndicator ? 1 : 0);
    }
  }
  return out;
}

/**
 * Encodes the label of rows [start, start+count): class index (classification) or standardised
 * value (regression); `valid[r] = 0` where the label is null or an unknown class.
 */
export function encodeLabels(spec: PreprocessingSpec, table: Table, start = 0, count = table.length - start): { y: Float32Array; valid: Uint8Array } {
  const column = findColumn(table, spec.label.name, 'label');
  const n = Math.max(0, Math.min(count, table.length - start));
  const y = new Float32Array(n);
  const valid = new Uint8Array(n);
  if (spec.label.task === 'regression') {
    const values = numbersOf(column, spec.label.numberForm);
    for (let r = 0; r < n; r++) {
      const v = values[start + r]!;
      if (Number.isFinite(v)) {
        y[r] = (v - spec.label.mean!) / spec.label.std!;
        valid[r] = 1;
      }
    }
  } else {
    const index = new Map(spec.label.classes.map((c, k) => [c, k]));
    for (let r = 0; r < n; r++) {
      const t = textOf(column, start + r);
      const k = t === null ? undefined : index.get(t) ?? index.get(String(parseNumberText(t)));
      if (k !== undefined) {
        y[r] = k;
        valid[r] = 1;
      }
    }
  }
  return { y, valid };
}

/** Label texts of rows [start, start+count) (null cells → null), for metrics that compare with class names. */
export function labelTexts(spec: PreprocessingSpec, table: Table, start = 0, count = table.length - start): (string | null)[] {
  const column = findColumn(table, spec.label.name, 'label');
  const n = Math.max(0, Math.min(count, table.length - start));
  const out: (string | null)[] = new Array(n);
  for (let r = 0; r < n; r++) out[r] = textOf(column, start + r);
  return out;
}

/** Validates a parsed `preprocessing.json`; throws InputError naming the file. */
export function checkPreprocessingSpec(value: unknown, file: string): PreprocessingSpec {
  const spec = value as PreprocessingSpec;
  const ok = spec && typeof spec === 'object' && spec.format === 'mlops-preprocessing' && spec.version === 1
    && Array.isArray(spec.features) && Array.isArray(spec.outputs) && spec.label && typeof spec.label.name === 'string'
    && ['binary', 'multiclass', 'regression'].includes(spec.label.task) && Array.isArray(spec.label.classes);
  if (!ok) throw new InputError('not a valid preprocessing.json (format mlops-preprocessing, version 1)', { file });
  return spec;
}
