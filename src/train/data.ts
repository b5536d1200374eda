/**
 * Reads the training data named by the config: expands globs, applies the schema's decoding,
 * resolves the label and feature columns (config → schema roles → every other column).
 */
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { didYouMean } from '../core/names.ts';
import { dataReadOptions, detectNumberForm, loadSchema, type TableSchema } from '../schema/index.ts';
import { applyNumberForms, concatBatches, expandDataPaths, isGlob, openTable } from '../table/index.ts';
import type { NumberForm, ReadOptions, RecordBatch, Table } from '../table/types.ts';
import { configLocation, type MlopsConfig } from './config.ts';
import { displayPath } from './run-record.ts';

export interface TrainingData {
  table: Table;
  files: string[];
  schema: TableSchema | null;
  label: string;
  features: string[];
  kinds: Record<string, 'numeric' | 'categorical'>;
  /** Read options for the whole file (every column): the profile uses them. */
  readOptions: ReadOptions;
  /** Columns no schema describes whose texts were recognised as numbers in a local form (`3,25`). */
  detectedForms: Record<string, NumberForm>;
  /** What to log when data.train also names data.test ({@link testOverlapMessage}), else null. */
  testOverlap: string | null;
}

const NUMERIC_TYPES = new Set(['number', 'integer']);

/** Expands a configured data path or glob; an empty expansion is an InputError naming the config key. */
export async function expandConfigured(pattern: string | null, key: string, config: MlopsConfig): Promise<string[]> {
  if (!pattern) throw new InputError(`${key} is not set: name the data file(s) to use`, { file: config.configPath ?? undefined, key });
  // expandDataPaths answers relative to the directory it was given: anchor the paths there.
  const files = (await expandDataPaths(pattern, config.configDir).catch((error: unknown) => {
    throw missingAtConfigLine(error, pattern, key, config);
  })).map((f) => resolve(config.configDir, f));
  if (files.length === 0) throw new InputError(`no data file matches '${pattern}'`, { file: config.configPath ?? undefined, key });
  return files;
}

/**
 * The files `data.train` names, less the golden test file when the pattern also matches it
 * (`data/*.csv` next to `data/golden.csv`): a model trained on the rows evaluate scores passes every
 * gate on an inflated number. `heldOut` names the file left out; `sameAsTest` is true when the test
 * file is all data.train names (kept: there is nothing else to train on, but the log says so).
 */
export async function trainingFiles(config: MlopsConfig): Promise<{ files: string[]; heldOut: string | null; sameAsTest: boolean }> {
  // Evaluate refuses a pattern as the golden set; training must not first train on the shards it names.
  if (config.data.test && isGlob(config.data.test) && !(await stat(config.data.test).catch(() => null))) {
    throw new InputError('the test set is one file, not a pattern: concatenate the shards into one golden file (globs are for data.train and drift data)', configLocation(config, 'data.test'));
  }
  const files = await expandConfigured(config.data.train, 'data.train', config);
  const test = config.data.test ? await realpath(resolve(config.configDir, config.data.test)).catch(() => null) : null;
  if (test === null) return { files, heldOut: null, sameAsTest: false };
  const real = await Promise.all(files.map((f) => realpath(f).catch(() => f)));
  const index = real.indexOf(test);
  if (index < 0) return { files, heldOut: null, sameAsTest: false };
  if (files.length === 1) return { files, heldOut: null, sameAsTest: true };
  return { files: files.filter((_, i) => i !== index), heldOut: files[index]!, sameAsTest: false };
}

/** The log line for what {@link trainingFiles} found about the test file, or null. */
export function testOverlapMessage(found: { heldOut: string | null; sameAsTest: boolean }, config: MlopsConfig): string | null {
  const show = (path: string) => displayPath(path, config.configDir);
  if (found.heldOut) return `data.train '${show(config.data.train!)}' also matches data.test: ${show(found.heldOut)} is left out of training, so evaluate scores rows the model never saw`;
  if (found.sameAsTest) return `warning: data.train is data.test (${show(config.data.test!)}): evaluate will score rows the model was trained on, and every gate judge an inflated number; set data.test to a held-out golden set`;
  return null;
}

/**
 * A path of mlops.yaml that names no file is the config's error: at the line and column of the
 * key that holds it (`mlops.yaml:3:10 (data.train)`), naming the path as the config spells it.
 * Other errors (a file that is there but unreadable or malformed) are the file's, unchanged.
 */
function missingAtConfigLine(error: unknown, path: string, key: string, config: MlopsConfig): unknown {
  if (!(error instanceof InputError) || error.location.line !== undefined || !/not found|no file matches/.test(error.detail)) return error;
  return new InputError(`${error.detail}: ${displayPath(path, config.configDir)}`, configLocation(config, key), { cause: error });
}

/** Loads the schema named by `data.schema` (null when not set). */
export async function loadConfiguredSchema(config: MlopsConfig): Promise<TableSchema | null> {
  const path = config.data.schema;
  if (!path) return null;
  if (!(await stat(path).catch(() => null))) throw missingAtConfigLine(new InputError('schema file not found', { file: path }), path, 'data.schema', config);
  return loadSchema(path);
}

/**
 * The schema's `role: feature` fields, less the label: `data.label` wins over a schema that still
 * calls the label a feature (as `schema infer` does for a label not named label/target/class/y).
 */
export function schemaFeatures(schema: TableSchema | null, label: string): string[] {
  return schema?.fields.filter((f) => f.role === 'feature' && f.name !== label).map((f) => f.name) ?? [];
}

/** Schema roles that are never features when the features are not named. */
const NOT_FEATURE_ROLES = new Set(['label', 'id', 'timestamp', 'ignore']);

/**
 * The feature columns, for mlops's own trainer and an external one alike: `data.features`, else the
 * schema's `role: feature` fields, else every column of the header but the label and the fields
 * whose schema role is id, timestamp or ignore.
 */
export function resolveFeatures(config: MlopsConfig, schema: TableSchema | null, label: string, header: string[]): string[] {
  if (config.data.features) return config.data.features;
  const fromSchema = schemaFeatures(schema, label);
  if (fromSchema.length > 0) return fromSchema;
  return header.filter((n) => n !== label && !schema?.fields.some((f) => f.name === n && f.role && NOT_FEATURE_ROLES.has(f.role)));
}

/**
 * `data.features` must not list the label: a model given its own answer as an input learns
 * nothing (and the column would be read twice). Exit 2 at the list item.
 */
export function checkLabelNotFeature(config: MlopsConfig, label: string): void {
  const index = config.data.features?.indexOf(label) ?? -1;
  if (index >= 0) {
    throw new InputError(`the label '${label}' cannot also be a feature (remove it from data.features)`, configLocation(config, `data.features[${index}]`));
  }
}

/**
 * The label: data.label, else the schema's `role: label` field, or undefined. Two such fields and
 * no data.label is exit 2 at the second: training either one would be a guess.
 */
export function configuredLabel(config: MlopsConfig, schema: TableSchema | null): string | undefined {
  if (config.data.label !== null) return config.data.label;
  const labels = (schema?.fields ?? []).flatMap((f, i) => (f.role === 'label' ? [{ name: f.name, index: i }] : []));
  if (labels.length > 1) {
    throw new InputError(`${labels.length === 2 ? 'two' : labels.length} fields have role: label (${labels.map((l) => `'${l.name}'`).join(', ')}): keep one, or choose with data.label in mlops.yaml`,
      { file: config.data.schema ?? undefined, key: `fields[${labels[1]!.index}].role` });
  }
  return labels[0]?.name;
}

/** The label must be a column of the data (`file`'s header): exit 2 at data.label, or at the schema field that names it. */
export function checkLabelPresent(config: MlopsConfig, schema: TableSchema | null, label: string, fieldNames: string[], file: string): void {
  if (fieldNames.includes(label)) return;
  // A label from the schema's role: label is the schema's error; data.label is the config's.
  const where = config.data.label === null && schema && config.data.schema
    ? { file: config.data.schema, key: `fields[${schema.fields.findIndex((f) => f.name === label)}].role` }
    : configLocation(config, 'data.label');
  throw new InputError(`label column '${label}' not found in ${file}${didYouMean(label, fieldNames)} (columns: ${fieldNames.join(', ')})`, where);
}

/** Every feature must be a column of the data: exit 2 at the data.features item (or the schema) naming a missing one. */
export function checkFeaturesPresent(config: MlopsConfig, features: string[], fieldNames: string[], file: string): void {
  for (const [i, f] of features.entries()) {
    if (!fieldNames.includes(f)) {
      // Features from the schema's roles exist in the schema; only data.features can name a column the data lacks.
      const where = config.data.features ? configLocation(config, `data.features[${i}]`) : { file: config.data.schema ?? undefined, key: f };
      throw new InputError(`feature column '${f}' not found in ${file}${didYouMean(f, fieldNames)} (columns: ${fieldNames.join(', ')})`, where);
    }
  }
}

/** Resolves label and features and reads the training files into one table (only those columns). */
export async function readTrainingData(config: MlopsConfig): Promise<TrainingData> {
  const found = await trainingFiles(config);
  const { files } = found;
  const schema = await loadConfiguredSchema(config);
  const readOptions: ReadOptions = schema ? dataReadOptions(schema) : {};
  const first = await openTable(files[0]!, readOptions);
  const label = configuredLabel(config, schema);
  if (!label) throw new InputError('no label: set data.label or mark a schema field with role: label', configLocation(config, 'data.label'));
  checkLabelPresent(config, schema, label, first.fieldNames, files[0]!);
  checkLabelNotFeature(config, label);
  const features = resolveFeatures(config, schema, label, first.fieldNames);
  if (features.length === 0) throw new InputError('no feature columns: set data.features', configLocation(config, 'data.features'));
  checkFeaturesPresent(config, features, first.fieldNames, files[0]!);
  const kinds: Record<string, 'numeric' | 'categorical'> = {};
  for (const field of schema?.fields ?? []) {
    if (features.includes(field.name)) kinds[field.name] = NUMERIC_TYPES.has(field.type) ? 'numeric' : 'categorical';
  }

  const columns = [...features, label];
  const batches: RecordBatch[] = [];
  for (const file of files) {
    const source = await openTable(file, { ...readOptions, columns });
    for await (const batch of source.batches()) batches.push(batch);
  }
  let table = concatBatches(files.length === 1 ? files[0]! : config.data.train!, columns, batches);
  // Without a schema, a column of `3,25` (a semicolon export's decimal comma) would be a category of
  // hundreds of values. Read it as the numbers it proves to be, as `schema infer` would declare it,
  // and record the form so the profile, preprocessing.json and evaluation read it alike.
  const detectedForms: Record<string, NumberForm> = {};
  if (!schema) {
    for (const col of table.columns) {
      if (col.kind !== 'string') continue; // the table holds only the features and the label
      const form = detectNumberForm(col.dictionary);
      if (form) detectedForms[col.name] = form;
    }
    if (Object.keys(detectedForms).length > 0) {
      const converted = applyNumberForms({ length: table.length, rowOffset: 0, lines: table.lines, columns: table.columns }, detectedForms);
      table = { ...table, columns: converted.columns };
      readOptions.numberForms = detectedForms;
      for (const name of Object.keys(detectedForms)) if (features.includes(name)) kinds[name] = 'numeric';
    }
  }
  return { table, files, schema, label, features, kinds, readOptions, detectedForms, testOverlap: testOverlapMessage(found, config) };
}
