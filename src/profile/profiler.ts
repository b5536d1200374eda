import type { Column, NumberColumn, RecordBatch, StringColumn } from '../table/types.ts';
import type { ColumnProfile, DatasetProfile, ProfileOptions, ProfileSource, ProfiledType, ReservoirState } from './types.ts';
import { TYPE_NAMES, detectCode, detectedValue, finiteNumberText } from './detect.ts';
import { DistinctCounter, DEFAULT_EXACT_LIMIT, DEFAULT_PRECISION } from './distinct.ts';
import { murmur3 } from './hash.ts';
import { DEFAULT_K, KllSketch, createSketchState } from './kll.ts';
import { addMoments, emptyMoments } from './moments.ts';
import { mixSeeds } from './random.ts';
import { DEFAULT_SAMPLE_SIZE, Reservoir } from './reservoir.ts';
import { DEFAULT_TOPK, TopK } from './topk.ts';

export const DEFAULT_SEED = 0x5eed;
/** Rows of the first batch whose text seeds the random streams (see {@link createProfiler}). */
const SEED_ROWS = 16;
const TYPE_INTEGER = TYPE_NAMES.indexOf('integer');
const TYPE_NUMBER = TYPE_NAMES.indexOf('number');
const TYPE_STRING = TYPE_NAMES.indexOf('string');

/** Options with every default filled in. */
export function resolveOptions(opts: ProfileOptions = {}): Required<ProfileOptions> {
  return {
    sampleSize: opts.sampleSize ?? DEFAULT_SAMPLE_SIZE,
    topK: opts.topK ?? DEFAULT_TOPK,
    sketchK: opts.sketchK ?? DEFAULT_K,
    exactDistinct: opts.exactDistinct ?? DEFAULT_EXACT_LIMIT,
    hllPrecision: opts.hllPrecision ?? DEFAULT_PRECISION,
    seed: opts.seed ?? DEFAULT_SEED,
  };
}

export function emptyTypes(): Record<ProfiledType, number> {
  return { integer: 0, number: 0, boolean: 0, date: 0, datetime: 0, string: 0 };
}

/** One column's running state. */
class ColumnAccumulator {
  count = 0;
  nulls = 0;
  // Type counts by code (TYPE_NAMES order): an indexed store instead of a keyed one on the hot path.
  private readonly typeCounts = new Float64Array(TYPE_NAMES.length);
  readonly moments = emptyMoments();
  minLength = Infinity;
  maxLength = -Infinity;
  readonly distinct: DistinctCounter;
  readonly topK: TopK;
  private kll: KllSketch | null = null;
  private sample: Reservoir | null = null;

  constructor(
    readonly name: string,
    private readonly opts: Required<ProfileOptions>,
  ) {
    this.distinct = new DistinctCounter(opts.exactDistinct, opts.hllPrecision);
    this.topK = new TopK(opts.topK);
  }

  /** Seeds the random streams; called once, at the first batch. */
  seed(contentSeed: number): void {
    const seed = mixSeeds(this.opts.seed, murmur3(this.name), contentSeed);
    this.kll = new KllSketch(createSketchState(this.opts.sketchK, mixSeeds(seed, 1)));
    this.sample = new Reservoir(this.opts.sampleSize, mixSeeds(seed, 2));
  }

  addColumn(col: Column, length: number): void {
    this.count += length;
    if (col.kind === 'string') this.addStrings(col, length);
    else this.addNumbers(col, length);
  }

  // Per-batch entry buffers (one entry per distinct value), reused across batches.
  private texts: Array<string | number> = [];
  private weights: number[] = [];

  /** Text cells: the work runs once per distinct dictionary entry, weighted by its count. */
  private addStrings(col: StringColumn, length: number): void {
    const { codes, dictionary } = col;
    const counts = new Int32Array(dictionary.length);
    let nulls = 0;
    for (let i = 0; i < length; i++) {
      const c = codes[i];
      if (c < 0) nulls++;
      else counts[c]++;
    }
    this.nulls += nulls;
    this.texts.length = 0;
    this.weights.length = 0;
    for (let d = 0; d < dictionary.length; d++) {
      const w = counts[d];
      if (w === 0) continue;
      const text = dictionary[d];
      const code = detectCode(text);
      this.addEntry(text, code, detectedValue, w, text, text.length);
    }
    this.flush();
  }

  /** Numeric cells: sorted, so equal values form runs and the work runs once per distinct value. */
  private addNumbers(col: NumberColumn, length: number): void {
    const { values, nulls: nullFlags, invalid } = col;
    const finite = new Float64Array(length);
    let m = 0;
    let nulls = 0;
    let nans = 0;
    for (let i = 0; i < length; i++) {
      if (nullFlags[i]) nulls++;
      else {
        const v = values[i];
        if (v !== v) nans++;
        else finite[m++] = v;
      }
    }
    this.nulls += nulls;
    this.texts.length = 0;
    this.weights.length = 0;
    const sorted = finite.subarray(0, m).sort();
    for (let i = 0; i < m; ) {
      const v = sorted[i];
      let j = i + 1;
      // -0 and 0 are one value (as String() prints both as "0").
      while (j < m && sorted[j] === v) j++;
      // Infinities stay out of the moments and sketch; the sample keeps them as text (JSON has no ±Infinity).
      this.addEntry(v, Number.isInteger(v) ? TYPE_INTEGER : TYPE_NUMBER, v, j - i, Number.isFinite(v) ? v : String(v), -1);
      i = j;
    }
    // Non-numeric text in a numeric column counts by what it is (validation reports it as a type error).
    const invalidCounts = new Map<string, number>();
    for (const cell of invalid) if (cell.index < length) invalidCounts.set(cell.text, (invalidCounts.get(cell.text) ?? 0) + 1);
    let invalidTotal = 0;
    for (const [text, w] of invalidCounts) {
      invalidTotal += w;
      const code = detectCode(text);
      this.addEntry(text, code === TYPE_INTEGER || code === TYPE_NUMBER ? TYPE_STRING : code, NaN, w, text, text.length);
    }
    // Genuine NaN values (Parquet/Arrow floats) are numbers, though outside the numeric moments.
    if (nans > invalidTotal) this.addEntry('NaN', TYPE_NUMBER, NaN, nans - invalidTotal, 'NaN', -1);
    this.flush();
  }

  /**
   * One distinct value of a batch: `key` is its text (text cells) or number (numeric cells),
   * `value` its finite numeric value or NaN, `textLength` −1 for cells that have no text.
   */
  private addEntry(key: string | number, type: number, value: number, weight: number, sampleValue: number | string, textLength: number): void {
    this.typeCounts[type] += weight;
    if (Number.isFinite(value)) {
      addMoments(this.moments, value, weight);
      (this.kll as KllSketch).add(value, weight);
      this.distinct.addNumber(value);
    } else {
      this.distinct.add(String(key));
    }
    if (textLength >= 0) {
      if (textLength < this.minLength) this.minLength = textLength;
      if (textLength > this.maxLength) this.maxLength = textLength;
    }
    (this.sample as Reservoir).add(sampleValue, weight);
    this.texts.push(key);
    this.weights.push(weight);
  }

  /** Hands the batch's entries to the top-K summary in one merge. */
  private flush(): void {
    this.topK.addBatch(this.texts, this.weights, this.texts.length);
  }

  private types(): Record<ProfiledType, number> {
    const out = emptyTypes();
    TYPE_NAMES.forEach((name, i) => {
      out[name] = this.typeCounts[i];
    });
    return out;
  }

  finish(): ColumnProfile {
    if (!this.kll) this.seed(0);
    const { count, min, max, mean, m2 } = this.moments;
    const profile: ColumnProfile = {
      name: this.name,
      count: this.count,
      nulls: this.nulls,
      types: this.types(),
      numeric: count > 0 ? { count, min, max, mean, m2, sketch: (this.kll as KllSketch).state() } : null,
      lengths: this.maxLength >= 0 ? { min: this.minLength, max: this.maxLength } : null,
      distinct: this.distinct.state(),
      topK: this.topK.state(),
      sample: (this.sample as Reservoir).state(),
    };
    profile.sample = normalizeSample(profile.sample, profile);
    return profile;
  }
}

/**
 * Samples hold cell texts of text columns; when the column is numeric (every non-null cell an
 * integer or number) and every sampled text is a finite number, they become numbers, so consumers
 * (exact two-sample tests) read numbers directly. A column that is not numeric gets texts only
 * (after a merge with a shard that happened to hold only numbers).
 */
export function normalizeSample(sample: ReservoirState, col: Pick<ColumnProfile, 'types' | 'count' | 'nulls'>): ReservoirState {
  const nonNull = col.count - col.nulls;
  if (col.types.integer + col.types.number !== nonNull) {
    // Not a numeric column: one representation, the text (a shard that was all numbers wrote numbers).
    if (sample.values.every((v) => typeof v === 'string')) return sample;
    return { ...sample, values: sample.values.map((v) => String(v)) };
  }
  if (sample.values.every((v) => typeof v === 'number')) return sample;
  const numbers: number[] = [];
  for (const v of sample.values) {
    const x = typeof v === 'number' ? v : finiteNumberText(v);
    if (x === undefined) return sample;
    numbers.push(x);
  }
  return { ...sample, values: numbers };
}

/** A streaming profiler over record batches. */
export interface Profiler {
  /** Adds one batch (columns in `fieldNames` order, or named like them). */
  add(batch: RecordBatch): void;
  /** The profile of everything added; `sources` are recorded as given. */
  finish(sources?: ProfileSource[]): DatasetProfile;
}

function cellSeedText(col: Column, i: number): string {
  if (col.kind === 'string') return col.codes[i] < 0 ? '\u0000' : col.dictionary[col.codes[i]];
  return col.nulls[i] ? '\u0000' : String(col.values[i]);
}

/**
 * Creates a profiler for the given columns. Random choices (KLL coins, sample keys) are seeded from
 * `opts.seed`, the column name, and the text of the first rows of the first batch: the same input
 * always gives byte-identical profiles, while shards of one file (which start with different
 * rows) draw independent keys, so their merged sample is a uniform sample of the whole.
 */
export function createProfiler(fieldNames: string[], opts: ProfileOptions = {}): Profiler {
  const options = resolveOptions(opts);
  const columns = fieldNames.map((name) => new ColumnAccumulator(name, options));
  const byName = new Map(fieldNames.map((name, i) => [name, i]));
  if (byName.size !== fieldNames.length) throw new RangeError('profiler: duplicate field names');
  let rows = 0;
  let seeded = false;

  return {
    add(batch) {
      if (!seeded) {
        const parts: string[] = [];
        const n = Math.min(batch.length, SEED_ROWS);
        for (let i = 0; i < n; i++) for (const col of batch.columns) parts.push(cellSeedText(col, i));
        const contentSeed = murmur3(parts.join('\u0001'));
        for (const c of columns) c.seed(contentSeed);
        seeded = true;
      }
      batch.columns.forEach((col, i) => {
        const index = fieldNames[i] === col.name ? i : byName.get(col.name);
        if (index === undefined) throw new RangeError(`profiler: unexpected column '${col.name}'`);
        columns[index].addColumn(col, batch.length);
      });
      rows += batch.length;
    },
    finish(sources = []) {
      return {
        format: 'mlops-profile',
        version: 1,
        rows,
        columns: columns.map((c) => c.finish()),
        sources,
      };
    },
  };
}
