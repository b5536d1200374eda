/**
 * `mlops.yaml` (DESIGN §3): one config file per model. Loaded with the `yaml` package's document
 * API so every value keeps its source range, then validated by a small declarative spec walker.
 *
 * Why hand validation rather than ajv + a JSON Schema: ajv reports JSON pointers that would still
 * have to be mapped back to YAML nodes, its default-filling does not compose with nullable unions
 * (`command: null`, `features: auto | [...]`), and its messages ("must be number") read worse than
 * "train.epochs: expected an integer ≥ 1, got 'ten'" at `mlops.yaml:7:11`. The walker below keeps
 * the node in hand, so every error carries file, line, column and key path by construction.
 */
import { BACKENDS, type BackendName } from './backend-names.ts';
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { InputError, type SourceLocation } from '../core/errors.ts';
import { driftMethodNamed, unknownDriftMethodMessage } from '../drift/policy.ts';
import { countLines, firstInvalidUtf8 } from '../table/bytes.ts';

// ---------------------------------------------------------------------------------------------
// Public shape
// ---------------------------------------------------------------------------------------------

export type ModelType = 'mlp' | 'linear';
export type TaskSetting = 'auto' | 'binary' | 'multiclass' | 'regression';
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'selu' | 'linear' | 'softplus' | 'swish' | 'gelu';
export type { BackendName } from './backend-names.ts';
export type LatencyPercentile = 'p50' | 'p95' | 'p99';

export interface DataConfig {
  /** Training data: absolute path or glob (resolved against the config directory); null when not set. */
  train: string | null;
  /** Golden test set used by `mlops evaluate`; null when not set. */
  test: string | null;
  /** Table Schema file; null when not set. */
  schema: string | null;
  /** Label column; null → the schema field with `role: label`. */
  label: string | null;
  /** Feature columns; null → schema fields with `role: feature`, else every column but the label. */
  features: string[] | null;
}

export interface ModelConfig {
  type: ModelType;
  /** Hidden layer widths of the MLP (ignored for `linear`). */
  hidden: number[];
  activation: Activation;
  /** Dropout after each hidden layer, in [0, 1). */
  dropout: number;
  /** L2 penalty on kernels (0 = none). */
  l2: number;
  /** Inferred from the label unless set. */
  task: TaskSetting;
  /** Top-K vocabulary size per categorical feature; rarer values share the out-of-vocabulary bucket. */
  maxCategories: number;
}

export interface TrainConfig {
  epochs: number;
  /** Rows per step, or `auto`: sized to the training split ({@link resolveBatchSize}). */
  batchSize: number | 'auto';
  learningRate: number;
  /** Share of the training rows held out (after a seeded shuffle) for early stopping and validation metrics. */
  validationSplit: number;
  seed: number;
  /** Stops when validation loss has not improved by `minDelta` for `patience` epochs; patience 0 disables. */
  earlyStopping: { patience: number; minDelta: number; restoreBest: boolean };
  backend: BackendName;
  /** External trainer (shell command); null trains with TensorFlow.js. */
  command: string | null;
  /**
   * Serves an external model's predictions for `mlops evaluate` (shell command speaking the JSON
   * lines protocol of docs/evaluation.md); recorded in run.json so baselines can be evaluated too.
   */
  predictCommand: string | null;
  /**
   * Classification: how much each class weighs in the training loss. `none` (every row alike),
   * `balanced` (n / (classes × rows of the class), scikit-learn's formula) or a weight per class
   * name (unlisted classes weigh 1).
   */
  classWeight: ClassWeightSetting;
}

export type ClassWeightSetting = 'none' | 'balanced' | Record<string, number>;

export interface MetricGate {
  kind: 'metric';
  metric: string;
  min?: number;
  max?: number;
  /** Largest allowed drop versus the baseline (absolute). */
  maxDrop?: number;
  /** Largest allowed increase versus the baseline (absolute; for losses and errors). */
  maxIncrease?: number;
  /** Restrict the gate to one slice, `column=value`. */
  slice?: string;
}

export interface LatencyGate {
  kind: 'latency';
  latency: LatencyPercentile;
  /** Batch size the gate looks at (default: the first of evaluate.latency.batchSizes). */
  batchSize?: number;
  maxMs?: number;
  /** Candidate / baseline, judged on the interval. */
  maxRatio?: number;
}

export type GateConfig = MetricGate | LatencyGate;

export interface EvaluateConfig {
  /** Metric names; null → the task's defaults (chosen by the evaluator). */
  metrics: string[] | null;
  slices: string[];
  /** Slices with fewer rows are reported but not judged. */
  minSliceSize: number;
  gates: GateConfig[];
  /** Expected-cost metric: a cost matrix (rows = true class, columns = predicted, classes sorted) or a cost per unit of absolute error (regression). */
  cost: { matrix?: number[][]; perUnitError?: number } | null;
  latency: { batchSizes: number[]; rounds: number; warmup: number; samplesPerRound: number };
  bootstrap: { resamples: number; confidence: number; seed: number };
  /**
   * Binary classification: the class that precision, recall, f1 and pr_auc are about. Null: the
   * second class in sorted order (`yes` of no/yes, `1` of 0/1) — wrong for `fraud` vs `ok`.
   */
  positiveClass: string | null;
}

export interface DriftFeatureConfig {
  name: string;
  /** Test to use (e.g. ks, psi, chi2, wasserstein, jensen_shannon); `auto` lets the drift engine choose. */
  method: string;
  threshold?: number;
  /**
   * A drifted critical feature counts as dataset drift on its own. Absent: the schema field's
   * `drift.critical` decides (false without one); `false` here overrides a schema's `true`.
   */
  critical?: boolean;
}

export interface DriftConfig {
  /** Current (production) data: absolute path or glob; null when not set. */
  current: string | null;
  /** Reference override (data file, profile.json or `name#stage`); null → the production model's profile. */
  reference: string | null;
  features: 'auto' | DriftFeatureConfig[];
  /** Dataset drift when at least this share of the checked features drifted. */
  datasetShare: number;
  retrain: { branch: string; labels: string[]; base: string | null };
}

export interface MlopsConfig {
  name: string;
  data: DataConfig;
  model: ModelConfig;
  train: TrainConfig;
  evaluate: EvaluateConfig;
  drift: DriftConfig;
  registry: { stages: string[] };
  /** Absolute path of the file loaded (null for {@link defaultConfig}). */
  configPath: string | null;
  /** Directory that relative paths were resolved against. */
  configDir: string;
  /**
   * Where each value sits in the file, by key path (`data.label`, `data.features[1]`,
   * `evaluate.gates[0].metric`): checks that run later, against the data or the model, name the
   * line and column of the value at fault ({@link configLocation}). Empty for {@link defaultConfig}.
   */
  positions: Readonly<Record<string, ConfigPosition>>;
}

/** 1-based line and column of a value in the config file. */
export interface ConfigPosition {
  line: number;
  column: number;
}

export const NAME_PATTERN = /^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/;

// ---------------------------------------------------------------------------------------------
// Spec walker
// ---------------------------------------------------------------------------------------------

interface Ctx {
  file: string;
  lines: LineCounter;
  dir: string;
  /** Filled as the walker visits values: key path → position of the value (of the key, for an empty value). */
  positions: Record<string, ConfigPosition>;
}

function record(ctx: Ctx, path: string, node: YamlNode | null | undefined): void {
  const offset = node?.range?.[0];
  if (offset === undefined || !path) return;
  const pos = ctx.lines.linePos(offset);
  ctx.positions[path] = { line: pos.line, column: pos.col };
}

type Where = { node: YamlNode | null; path: string };

function fail(ctx: Ctx, where: Where, message: string): never {
  const offset = where.node?.range?.[0];
  const pos = offset === undefined ? undefined : ctx.lines.linePos(offset);
  throw new InputError(message, { file: ctx.file, line: pos?.line, column: pos?.col, key: where.path || undefined });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

/** One key's validator: gets the node (null when absent) and returns the typed value or its default. */
type Spec<T> = (ctx: Ctx, where: Where) => T;

function scalarValue(ctx: Ctx, where: Where): unknown {
  const node = where.node;
  if (node === null) return undefined;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.toJSON();
  if (isMap(node)) return node.toJSON();
  fail(ctx, where, 'unsupported YAML node');
}

function isAbsent(where: Where): boolean {
  return where.node === null || (isScalar(where.node) && where.node.value === null);
}

function num(def: number, opts: { int?: boolean; min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number } = {}): Spec<number> {
  return (ctx, where) => {
    if (isAbsent(where)) return def;
    const v = scalarValue(ctx, where);
    const kind = opts.int ? 'an integer' : 'a number';
    const bounds = [
      opts.min !== undefined ? `≥ ${opts.min}` : '', opts.exclusiveMin !== undefined ? `> ${opts.exclusiveMin}` : '',
      opts.max !== undefined ? `≤ ${opts.max}` : '', opts.exclusiveMax !== undefined ? `< ${opts.exclusiveMax}` : '',
    ].filter(Boolean).join(' and ');
    const expected = `expected ${kind}${bounds ? ` ${bounds}` : ''}`;
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(ctx, where, `${expected}, got ${describe(v)}`);
    if (opts.int && !Number.isInteger(v)) fail(ctx, where, `${expected}, got ${v}`);
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)
      || (opts.exclusiveMin !== undefined && v <= opts.exclusiveMin) || (opts.exclusiveMax !== undefined && v >= opts.exclusiveMax)) {
      fail(ctx, where, `${expected}, got ${v}`);
    }
    return v;
  };
}

/** A positive integer or `auto` (the default). */
function batchSizeSpec(): Spec<number | 'auto'> {
  return (ctx, where) => {
    if (isAbsent(where)) return 'auto';
    const v = scalarValue(ctx, where);
    if (v === 'auto') return 'auto';
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(ctx, where, `expected an integer ≥ 1 or auto, got ${describe(v)}`);
    return v;
  };
}

/**
 * The batch size `auto` stands for: the power of two nearest above rows / 32, between 16 and 256.
 * Small data then still takes 16 or more steps per epoch (200 rows: batches of 16, 13 steps), large
 * data keeps the throughput of 256-row batches (from 4,097 rows on). External trainers, which read
 * the data themselves, get 256.
 */
/**
 * The registry reference of the model in production: `<name>#<the last of registry.stages>`, the
 * stage a version reaches last (`production` with the default stages). The default baseline of
 * evaluate and reference of drift: with `stages: [dev, prod]` it is `<name>#prod`, where a fixed
 * `#production` named a stage that cannot exist and every pull request looked like a first model.
 */
export function productionRef(config: Pick<MlopsConfig, 'name' | 'registry'>): string {
  return `${config.name}#${config.registry.stages.at(-1) ?? 'production'}`;
}

export function resolveBatchSize(setting: number | 'auto', trainingRows = Number.POSITIVE_INFINITY): number {
  if (setting !== 'auto') return setting;
  let size = 16;
  while (size < 256 && size * 32 < trainingRows) size *= 2;
  return size;
}

/** `none` (the default), `balanced`, or a mapping of class name → weight > 0. */
function classWeightSpec(): Spec<ClassWeightSetting> {
  return (ctx, where) => {
    if (isAbsent(where)) return 'none';
    const node = where.node;
    const expected = 'expected none, balanced or a mapping of class name → weight';
    if (isScalar(node) && (node.value === 'none' || node.value === 'balanced')) return node.value;
    if (!isMap(node)) fail(ctx, where, `${expected}, got ${describe(scalarValue(ctx, where))}`);
    const weights: Record<string, number> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode;
      const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const path = `${where.path}.${name}`;
      if (Object.hasOwn(weights, name)) fail(ctx, { node: keyNode, path }, `duplicate class '${name}'`);
      const value = (pair.value ?? null) as YamlNode | null;
      if (isAbsent({ node: value, path })) fail(ctx, { node: keyNode, path }, `expected a number > 0 for class '${name}'`);
      weights[name] = num(0, { exclusiveMin: 0 })(ctx, { node: value, path });
    }
    if (Object.keys(weights).length === 0) fail(ctx, where, `${expected}, got an empty mapping`);
    return weights;
  };
}

function optNum(opts: Parameters<typeof num>[1] = {}): Spec<number | undefined> {
  const inner = num(0, opts);
  return (ctx, where) => (isAbsent(where) ? undefined : inner(ctx, where));
}

function str<T extends string = string>(def: T | null, opts: { enum?: readonly T[]; pattern?: RegExp; nonEmpty?: boolean } = {}): Spec<T> {
  return (ctx, where) => {
    if (isAbsent(where)) {
      if (def === null) fail(ctx, where, 'required');
      return def;
    }
    const v = scalarValue(ctx, where);
    if (typeof v !== 'string') {
      if (opts.enum) fail(ctx, where, `expected one of ${opts.enum.join(', ')}, got ${describe(v)}`);
      fail(ctx, where, `expected a string, got ${describe(v)}`);
    }
    if (opts.enum && !opts.enum.includes(v as T)) fail(ctx, where, `expected one of ${opts.enum.join(', ')}, got '${v}'`);
    if (opts.pattern && !opts.pattern.test(v)) fail(ctx, where, `'${v}' does not match ${opts.pattern.source}`);
    if (opts.nonEmpty && v.trim() === '') fail(ctx, where, 'must not be empty');
    return v as T;
  };
}

/**
 * A column name: text, also where YAML reads a number or boolean (`label: 4`, `features: [0, 1]`:
 * pandas names a frame's columns 0, 1, 2, …), taken as written (`2.50` stays `2.50`).
 */
function columnName(): Spec<string> {
  const text = str<string>(null, { nonEmpty: true });
  return (ctx, where) => {
    const node = where.node;
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean') && node.source) return node.source;
    return text(ctx, where);
  };
}

function nullable<T>(inner: Spec<T>): Spec<T | null> {
  return (ctx, where) => {
    if (where.node === null) return null;
    if (isScalar(where.node) && where.node.value === null) return null;
    return inner(ctx, where);
  };
}

function bool(def: boolean): Spec<boolean> {
  return (ctx, where) => {
    if (isAbsent(where)) return def;
    const v = scalarValue(ctx, where);
    if (typeof v !== 'boolean') fail(ctx, where, `expected true or false, got ${describe(v)}`);
    return v;
  };
}

/** A boolean that may be left out (undefined), where "not set" and false mean different things. */
function optBool(): Spec<boolean | undefined> {
  const inner = bool(false);
  return (ctx, where) => (isAbsent(where) ? undefined : inner(ctx, where));
}

function list<T>(item: Spec<T>, def: T[] | null, opts: { minItems?: number; unique?: boolean } = {}): Spec<T[]> {
  return (ctx, where) => {
    if (isAbsent(where)) {
      if (def === null) fail(ctx, where, 'required');
      return def.slice();
    }
    const node = where.node;
    if (!isSeq(node)) fail(ctx, where, `expected a list, got ${describe(scalarValue(ctx, where))}`);
    const out = node.items.map((child, i) => {
      const path = `${where.path}[${i}]`;
      record(ctx, path, child as YamlNode);
      return item(ctx, { node: child as YamlNode, path });
    });
    if (opts.minItems !== undefined && out.length < opts.minItems) fail(ctx, where, `expected at least ${opts.minItems} item(s)`);
    if (opts.unique) {
      const seen = new Set<string>();
      out.forEach((v, i) => {
        const k = JSON.stringify(v);
        if (seen.has(k)) fail(ctx, { node: node.items[i] as YamlNode, path: `${where.path}[${i}]` }, `duplicate value ${describe(v)}`);
        seen.add(k);
      });
    }
    return out;
  };
}

type SpecMap = Record<string, Spec<unknown>>;
type FromSpecs<S extends SpecMap> = { [K in keyof S]: S[K] extends Spec<infer T> ? T : never };

/** Reads a mapping: every known key through its spec (absent → default), unknown keys rejected at their line. */
function obj<S extends SpecMap>(specs: S): Spec<FromSpecs<S>> {
  return (ctx, where) => {
    const children = new Map<string, YamlNode | null>();
    if (!isAbsent(where)) {
      const node = where.node;
      if (!isMap(node)) fail(ctx, where, `expected a mapping, got ${describe(scalarValue(ctx, where))}`);
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const keyPath = where.path ? `${where.path}.${key}` : key;
        if (!Object.hasOwn(specs, key)) {
          const known = Object.keys(specs).join(', ');
          fail(ctx, { node: keyNode, path: keyPath }, `unknown key '${key}' (expected one of: ${known})`);
        }
        if (children.has(key)) fail(ctx, { node: keyNode, path: keyPath }, `duplicate key '${key}'`);
        children.set(key, (pair.value ?? null) as YamlNode | null);
        record(ctx, keyPath, isAbsent({ node: (pair.value ?? null) as YamlNode | null, path: keyPath }) ? keyNode : pair.value as YamlNode);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(specs)) {
      const child = children.get(key) ?? null;
      out[key] = spec(ctx, { node: child, path: where.path ? `${where.path}.${key}` : key });
    }
    return out as FromSpecs<S>;
  };
}

function keysOf(ctx: Ctx, where: Where): string[] {
  if (!isMap(where.node)) return [];
  return where.node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
}

/** Resolves a path against the config directory (globs stay globs). */
function pathSpec(): Spec<string | null> {
  return (ctx, where) => {
    const v = nullable(str<string>(null, { nonEmpty: true }))(ctx, where);
    if (v === null) return null;
    return isAbsolute(v) ? v : resolve(ctx.dir, v);
  };
}

const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'selu', 'linear', 'softplus', 'swish', 'gelu'] as const;
const PERCENTILES = ['p50', 'p95', 'p99'] as const;

const gateSpec: Spec<GateConfig> = (ctx, where) => {
  if (!isMap(where.node)) fail(ctx, where, `expected a gate mapping ({ metric, min|max|maxDrop|maxIncrease } or { latency, maxMs|maxRatio }), got ${describe(scalarValue(ctx, where))}`);
  const keys = keysOf(ctx, where);
  if (keys.includes('latency')) {
    const g = obj({
      latency: str<LatencyPercentile>(null, { enum: PERCENTILES }),
      batchSize: optNum({ int: true, min: 1 }),
      maxMs: optNum({ exclusiveMin: 0 }),
      maxRatio: optNum({ exclusiveMin: 0 }),
    })(ctx, where);
    if (g.maxMs === undefined && g.maxRatio === undefined) fail(ctx, where, 'a latency gate needs maxMs or maxRatio');
    return { kind: 'latency', ...dropUndefined(g) } as LatencyGate;
  }
  if (!keys.includes('metric')) fail(ctx, where, "a gate needs 'metric' or 'latency'");
  const g = obj({
    metric: str<string>(null, { nonEmpty: true }),
    min: optNum(), max: optNum(), maxDrop: optNum({ min: 0 }), maxIncrease: optNum({ min: 0 }),
    slice: nullable(str<string>(null, { pattern: /^[^=]+=.*$/ })),
  })(ctx, where);
  if (g.min === undefined && g.max === undefined && g.maxDrop === undefined && g.maxIncrease === undefined) {
    fail(ctx, where, `gate on '${g.metric}' needs min, max, maxDrop or maxIncrease`);
  }
  const { slice, ...rest } = g;
  return { kind: 'metric', ...dropUndefined(rest), ...(slice !== null ? { slice } : {}) } as MetricGate;
};

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A feature's drift method: a name drift accepts (src/drift/policy.ts), checked when the config
 * loads — train, evaluate and the actions load it too, and a typo surfaced only when a scheduled
 * drift job first ran, maybe weeks later.
 */
const driftMethodSpec: Spec<string> = (ctx, where) => {
  const method = str<string>('auto', { nonEmpty: true })(ctx, where);
  if (driftMethodNamed(method) === null) fail(ctx, where, unknownDriftMethodMessage(method));
  return method;
};

const driftFeatureSpec: Spec<DriftFeatureConfig> = (ctx, where) => {
  const f = obj({
    name: columnName(),
    method: driftMethodSpec,
    threshold: optNum({ min: 0 }),
    critical: optBool(),
  })(ctx, where);
  return dropUndefined(f) as DriftFeatureConfig;
};

const costSpec: Spec<EvaluateConfig['cost']> = (ctx, where) => {
  if (isAbsent(where) || (isScalar(where.node) && where.node.value === null)) return null;
  const c = obj({
    matrix: (cx, w) => (isAbsent(w) ? undefined : list(list(num(0, { min: 0 }), null, { minItems: 2 }), null, { minItems: 2 })(cx, w)),
    perUnitError: optNum({ min: 0 }),
  })(ctx, where);
  if ((c.matrix === undefined) === (c.perUnitError === undefined)) fail(ctx, where, 'evaluate.cost needs exactly one of matrix or perUnitError');
  if (c.matrix && c.matrix.some((row) => row.length !== c.matrix!.length)) fail(ctx, where, 'evaluate.cost.matrix must be square (classes × classes)');
  return dropUndefined(c);
};

function rootSpec(defaultName: string) {
  return obj({
    name: str<string>(defaultName, { pattern: NAME_PATTERN }),
    data: obj({
      train: pathSpec(),
      test: pathSpec(),
      schema: pathSpec(),
      label: nullable(columnName()),
      features: nullable(list(columnName(), null, { minItems: 1, unique: true })),
    }),
    model: obj({
      type: str<ModelType>('mlp', { enum: ['mlp', 'linear'] }),
      hidden: list(num(0, { int: true, min: 1 }), [64, 32]),
      activation: str<Activation>('relu', { enum: ACTIVATIONS }),
      dropout: num(0.1, { min: 0, exclusiveMax: 1 }),
      l2: num(0, { min: 0 }),
      task: str<TaskSetting>('auto', { enum: ['auto', 'binary', 'multiclass', 'regression'] }),
      maxCategories: num(50, { int: true, min: 1 }),
    }),
    train: obj({
      epochs: num(50, { int: true, min: 1 }),
      batchSize: batchSizeSpec(),
      learningRate: num(0.001, { exclusiveMin: 0 }),
      validationSplit: num(0.2, { min: 0, exclusiveMax: 1 }),
      seed: num(42, { int: true, min: 0, max: 2 ** 31 - 1 }),
      earlyStopping: (ctx: Ctx, where: Where) => {
        // `earlyStopping: false` or null disables it; a mapping configures it.
        if (where.node && isScalar(where.node) && (where.node.value === false || where.node.value === null)) {
          return { patience: 0, minDelta: 0, restoreBest: true };
        }
        return obj({ patience: num(5, { int: true, min: 0 }), minDelta: num(0, { min: 0 }), restoreBest: bool(true) })(ctx, where);
      },
      backend: str<BackendName>('auto', { enum: BACKENDS }),
      command: nullable(str<string>(null, { nonEmpty: true })),
      predictCommand: nullable(str<string>(null, { nonEmpty: true })),
      classWeight: classWeightSpec(),
    }),
    evaluate: obj({
      metrics: nullable(list(str<string>(null, { nonEmpty: true }), null, { minItems: 1, unique: true })),
      slices: list(columnName(), [], { unique: true }),
      minSliceSize: num(30, { int: true, min: 1 }),
      positiveClass: (ctx: Ctx, where: Where) => {
        // A class name as the label column spells it; YAML reads `1` or `true` as non-strings.
        if (isAbsent(where)) return null;
        const v = scalarValue(ctx, where);
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') fail(ctx, where, `expected a class name, got ${describe(v)}`);
        return String(v);
      },
      gates: list(gateSpec, []),
      cost: costSpec,
      latency: obj({
        batchSizes: list(num(0, { int: true, min: 1 }), [1, 256], { minItems: 1, unique: true }),
        rounds: num(30, { int: true, min: 2 }),
        warmup: num(3, { int: true, min: 0 }),
        samplesPerRound: num(20, { int: true, min: 1 }),
      }),
      bootstrap: obj({
        resamples: num(1000, { int: true, min: 10 }),
        confidence: num(0.95, { exclusiveMin: 0, exclusiveMax: 1 }),
        seed: num(42, { int: true, min: 0 }),
      }),
    }),
    drift: obj({
      current: pathSpec(),
      reference: nullable(str<string>(null, { nonEmpty: true })),
      features: (ctx: Ctx, where: Where) => {
        if (isAbsent(where)) return 'auto' as const;
        if (isScalar(where.node)) {
          if (where.node.value === 'auto') return 'auto' as const;
          fail(ctx, where, `expected 'auto' or a list of { name, method, threshold, critical }, got ${describe(where.node.value)}`);
        }
        return list(driftFeatureSpec, [])(ctx, where);
      },
      datasetShare: num(0.5, { exclusiveMin: 0, max: 1 }),
      retrain: obj({
        branch: nullable(str<string>(null, { nonEmpty: true })),
        labels: list(str<string>(null, { nonEmpty: true }), ['retrain', 'drift'], { unique: true }),
        base: nullable(str<string>(null, { nonEmpty: true })),
      }),
    }),
    registry: obj({
      stages: list(str<string>(null, { pattern: /^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/ }), ['staging', 'production'], { minItems: 1, unique: true }),
    }),
  });
}

function finish(raw: ReturnType<ReturnType<typeof rootSpec>>, configPath: string | null, dir: string, positions: Record<string, ConfigPosition>): MlopsConfig {
  const { retrain, ...drift } = raw.drift;
  return {
    ...raw,
    drift: { ...drift, features: raw.drift.features, retrain: { ...retrain, branch: retrain.branch ?? `mlops/retrain/${raw.name}` } },
    configPath,
    configDir: dir,
    positions,
  } as MlopsConfig;
}

/**
 * The location of a config key for an exit-2 message: the file, the line and column of the value
 * (`data.features[1]`), and the key. A key the file does not spell (a default) gets the position
 * of its nearest written parent (`evaluate` for `evaluate.slices`), or none.
 */
export function configLocation(config: Pick<MlopsConfig, 'configPath' | 'positions'>, key: string): SourceLocation {
  const file = config.configPath ?? undefined;
  let path = key;
  for (;;) {
    const pos = config.positions[path];
    if (pos) return { file, line: pos.line, column: pos.column, key };
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return { file, key };
    path = path.slice(0, cut);
  }
}

/**
 * Runs a check that knows only a config key (`evaluate.gates[2].metric`) and, when it throws an
 * {@link InputError} about the config without a line, throws it again at the line and column of
 * that key's value.
 */
export function atConfigLine<T>(config: Pick<MlopsConfig, 'configPath' | 'positions'>, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw locateConfigError(config, error);
  }
}

/** `error` with the config position of its key added (itself when it has a line or is not about the config). */
export function locateConfigError(config: Pick<MlopsConfig, 'configPath' | 'positions'>, error: unknown): unknown {
  if (!(error instanceof InputError) || error.location.line !== undefined || error.location.key === undefined) return error;
  if (error.location.file !== undefined && error.location.file !== config.configPath) return error;
  const where = configLocation(config, error.location.key);
  if (where.line === undefined) return error;
  return new InputError(error.detail, where, { cause: error });
}

/** The registry name used when `name` is absent: the config directory's name, made valid. */
function defaultNameFor(dir: string): string {
  const cleaned = basename(dir).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  return cleaned && NAME_PATTERN.test(cleaned) ? cleaned : 'model';
}

/**
 * Parses and validates config text. `file` is used in messages and its directory resolves relative paths.
 * Throws {@link InputError} at file:line:col (key) for YAML syntax errors, unknown keys and wrong types.
 */
export function parseConfig(text: string, file: string): MlopsConfig {
  const abs = resolve(file);
  const dir = dirname(abs);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const ctx: Ctx = { file, lines, dir, positions: {} };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lines.linePos(e.pos[0]);
    throw new InputError(`invalid YAML: ${e.message.split('\n')[0]}`, { file, line: pos.line, column: pos.col });
  }
  // An alias (`slices: [*label]`) is the value its anchor names, checked as if written there
  // (errors point at the anchored value).
  visit(doc, {
    Alias: (_, node, path) => {
      const target = node.resolve(doc);
      if (target && path.includes(target as never)) {
        const pos = lines.linePos(node.range?.[0] ?? 0);
        throw new InputError(`the alias *${node.source} is inside the value it names`, { file, line: pos.line, column: pos.col });
      }
      return target?.clone() as YamlNode | undefined;
    },
  });
  const root = (doc.contents ?? null) as YamlNode | null;
  const raw = rootSpec(defaultNameFor(dir))(ctx, { node: root, path: '' });
  return finish(raw, abs, dir, ctx.positions);
}

/**
 * Loads `mlops.yaml` (or any path): YAML with every key defaulted, unknown keys rejected with file:line.
 * Relative paths in `data.*` and `drift.current` resolve against the config file's directory.
 */
export async function loadConfig(path: string): Promise<MlopsConfig> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A model's folder (`--config models/weather`, `config: ./`) means the mlops.yaml in it.
    if (code === 'EISDIR') {
      const inside = join(path, 'mlops.yaml');
      if (existsSync(inside)) return loadConfig(inside);
      throw new InputError('is a directory without an mlops.yaml: name the config file (e.g. models/weather/mlops.yaml)', { file: path });
    }
    throw new InputError(code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? 'error'})`, { file: path });
  }
  // Decoding with replacement characters would turn a mis-encoded class name or path into another
  // value and fail later with a puzzling message (or match nothing): name the line instead.
  if (!isUtf8(bytes)) throw invalidConfigBytes(bytes, path);
  return parseConfig(bytes.toString('utf8'), path);
}

/** The error for a config file that is not UTF-8, at the line and column of the first bad byte. */
function invalidConfigBytes(bytes: Buffer, path: string): InputError {
  const at = firstInvalidUtf8(bytes, 0, bytes.length);
  const lineStart = at === 0 ? 0 : bytes.lastIndexOf(0x0a, at - 1) + 1;
  const line = 1 + countLines(bytes, 0, at);
  const column = bytes.subarray(lineStart, at).toString('utf8').length + 1;
  const byte = bytes[at] ?? 0;
  return new InputError(`invalid UTF-8 byte sequence (byte 0x${byte.toString(16).padStart(2, '0')}): the config file must be UTF-8 (re-save it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8)`, { file: path, line, column });
}

/** The config with every default, as if an empty `mlops.yaml` sat in `dir`. */
export function defaultConfig(dir = process.cwd()): MlopsConfig {
  const abs = resolve(dir);
  const raw = rootSpec(defaultNameFor(abs))({ file: '<defaults>', lines: new LineCounter(), dir: abs, positions: {} }, { node: null, path: '' });
  return finish(raw, null, abs, {});
}
