import type { Column, InvalidCell, NumberColumn, RecordBatch, StringColumn } from '../table/types.ts';
import type { ColumnProfile, DatasetProfile, ProfileOptions, ProfileSource, ProfiledType, ReservoirState } from './types.ts';
import { TYPE_NAMES, detectCode, detectedValue, finiteNumberText } from './detect.ts';
import { temporalText } from '../table/temporal.ts';
import { DistinctCounter, DEFAULT_EXACT_LIMIT, DEFAULT_PRECISION } from './distinct.ts';
import { murmur3 } from './hash.ts';
import { DEFAULT_K, KllSketch, createSketchState } from './kll.ts';
import { addMoments, emptyMoments, weightedMean } from './moments.ts';
import { mixSeeds } from './random.ts';
import { DEFAULT_SAMPLE_SIZE, Reservoir } from './reservoir.ts';
import { BatchSorter } from './sort.ts';
import { DEFAULT_TOPK, TopK } from './topk.ts';

export const DEFAULT_SEED = 0x5eed;
/** Rows of the first batch whose text seeds the random streams (see {@link createProfiler}). */
export const SEED_ROWS = 16;
const TYPE_INTEGER = TYPE_NAMES.indexOf('integer');
const TYPE_NUMBER = TYPE_NAMES.indexOf('number');
const TYPE_STRING = TYPE_NAMES.indexOf('string');
const TYPE_BOOLEAN = TYPE_NAMES.indexOf('boolean');
const TYPE_DATE = TYPE_NAMES.indexOf('date');
const TYPE_DATETIME = TYPE_NAMES.indexOf('datetime');

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

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

/** Plain decimals, as `detect` decoding reads them into numbers (see NumberColumn.fractionDigits). */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(?:\.(\d+))?$/;
// Per-cell loops of a `detect` batch, as functions of their own: in the worker threads that profile
// segments every isolate starts cold, and inside the large addDetected these loops were on-stack
// replaced and deoptimised on its rarer branches (10 deopts a profile under --trace-deopt), running
// interpreted for whole batches.

/** Results of {@link collectDetected} besides the count (module state: no allocation a batch). */
const collected = { nulls: 0, digits: -1, mixed: false };

/** Finite numbers of a `detect` batch into `finite`; returns how many; nulls and digits in `collected`. */
function collectDetected(values: Float64Array, nullFlags: Uint8Array, fds: Uint8Array, length: number, finite: Float64Array): number {
  let m = 0;
  let nulls = 0;
  let digits = -1;
  let mixed = false;
  for (let i = 0; i < length; i++) {
    if (nullFlags[i]) nulls++;
    else {
      const v = values[i];
      if (v === v) {
        finite[m++] = v;
        const d = fds[i];
        if (d !== digits) {
          if (digits < 0) digits = d;
          else mixed = true;
        }
      }
    }
  }
  collected.nulls = nulls;
  collected.digits = digits;
  collected.mixed = mixed;
  return m;
}

/** The digits after the point of each finite number of a batch, in the order of collectDetected. */
function collectTags(values: Float64Array, nullFlags: Uint8Array, fds: Uint8Array, length: number, tags: Uint8Array): void {
  for (let i = 0, j = 0; i < length; i++) {
    const v = values[i];
    if (nullFlags[i] || v !== v) continue;
    tags[j++] = fds[i];
  }
}

/** Counts each dictionary code of a text batch; returns the nulls (code −1). */
function countCodes(codes: Int32Array, length: number, counts: Int32Array): number {
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const c = codes[i];
    if (c < 0) nulls++;
    else counts[c]++;
  }
  return nulls;
}

/** Distinct texts of the cells (rows below `length`) into `texts`, each counted in `counts`. */
function countTexts(cells: readonly InvalidCell[], length: number, texts: string[], counts: Int32Array): void {
  const index = new Map<string, number>();
  for (const cell of cells) {
    if (cell.index >= length) continue;
    let d = index.get(cell.text);
    if (d === undefined) {
      d = texts.length;
      index.set(cell.text, d);
      texts.push(cell.text);
    }
    counts[d]++;
  }
}

// The loops of batch moments (ColumnAccumulator.addFinite), kept out of its branches (see above).
let batchSum = 0;

/** Σ counts[i]; leaves Σ counts[i]·values[i] in batchSum. */
function weightedSum(values: Float64Array, counts: Int32Array, from: number, to: number): number {
  let total = 0;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const c = counts[i];
    total += c;
    sum += c * values[i];
  }
  batchSum = sum;
  return total;
}

/** Σ (counts[i] / total)·values[i]: the mean of values whose sum overflows. */
function weightedAverage(values: Float64Array, counts: Int32Array, from: number, to: number, total: number): number {
  let mean = 0;
  for (let i = from; i < to; i++) mean += values[i] * (counts[i] / total);
  return mean;
}

/** Σ counts[i]·(values[i] − mean), leaving Σ counts[i]·(values[i] − mean)² in batchSum. */
function squaredDeviations(values: Float64Array, counts: Int32Array, from: number, to: number, mean: number): number {
  let residual = 0;
  let m2 = 0;
  for (let i = from; i < to; i++) {
    const d = values[i] - mean;
    residual += counts[i] * d;
    m2 += counts[i] * d * d;
  }
  batchSum = m2;
  return residual;
}

/** The value of a sampled entry of a count-only sample, which never asks for one. */
function noValue(): never {
  throw new Error('internal: a count-only sample asked for a value');
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
    /**
     * Profiled only for what decides whether drift skips the column (src/drift/engine.ts
     * skipReason): counts, types, distinct count, lengths and numeric moments, each computed
     * exactly as in a full profile; the quantile sketch, the top values and the sample stay empty.
     */
    private readonly light = false,
    /**
     * Profiled for drift's numeric comparisons only (src/drift/check.ts): a full profile less the
     * top values and the sample's values (the sample still counts the values it saw). Each part
     * kept is exactly a full profile's: every part draws from its own random stream.
     */
    private readonly numericOnly = false,
  ) {
    this.distinct = new DistinctCounter(opts.exactDistinct, opts.hllPrecision);
    this.topK = new TopK(opts.topK, numericOnly);
  }

  /** Seeds the random streams; called once, at the first batch. */
  seed(contentSeed: number): void {
    const seed = mixSeeds(this.opts.seed, murmur3(this.name), contentSeed);
    this.kll = new KllSketch(createSketchState(this.opts.sketchK, mixSeeds(seed, 1)));
    this.sample = new Reservoir(this.opts.sampleSize, mixSeeds(seed, 2), this.numericOnly);
  }

  addColumn(col: Column, length: number): void {
    this.count += length;
    if (col.kind === 'string') this.addStrings(col, length);
    else if (col.temporal !== undefined) this.addInstants(col, length);
    else this.addNumbers(col, length);
  }

  /**
   * A light column that the CSV reader read as instants (drift's likely timestamps:
   * src/drift/check.ts): its nulls and cell types only, without a string per cell. A cell read as
   * an instant is a date or a datetime by construction (the reader's forms are a subset of what
   * detectCode calls one); any other cell counts as its text's type, as in a full profile. The
   * distinct count, lengths and moments stay empty: drift keeps such a column light only when it
   * skips it as a timestamp, a decision that reads the types alone.
   */
  private addInstants(col: NumberColumn, length: number): void {
    if (!this.light) throw new Error(`internal: column '${this.name}' was read as instants for a full profile`);
    const { nulls, invalid } = col;
    let nullCount = 0;
    for (let i = 0; i < length; i++) nullCount += nulls[i];
    let texts = 0;
    for (const cell of invalid) {
      if (cell.index >= length) continue;
      this.typeCounts[detectCode(cell.text)]++;
      texts++;
    }
    this.nulls += nullCount;
    this.typeCounts[col.temporal!.type === 'date' ? TYPE_DATE : TYPE_DATETIME] += length - nullCount - texts;
  }

  /**
   * Digits after the point of the numbers that `detect` batches key by number in top-K (and sample
   * as numbers): fixed by the first such batch, −1 before. Keying by number spares a string per
   * distinct value; the key is written back as `toFixed(keyDigits)`, which is exactly the cell text.
   */
  private keyDigits = -1;
  private readonly sorter = new BatchSorter();
  private dictionaryCounts = new Int32Array(0);

  /**
   * The top-K key of a text cell once `detect` batches keyed numbers: a plain decimal with
   * `keyDigits` digits after the point prints back exactly from its number, so it must share that
   * number's key; every other text keys by itself (it can equal no number key's text).
   */
  private topKey(code: number, value: number, text: string): string | number {
    if (code !== TYPE_INTEGER && code !== TYPE_NUMBER) return text;
    const m = PLAIN_DECIMAL.exec(text);
    if (m === null || (m[2]?.length ?? 0) !== this.keyDigits || m[1].length + (m[2]?.length ?? 0) > 15 || (value === 0 && text.charCodeAt(0) === 45)) return text;
    return value;
  }
  // Per-batch entry buffers (one entry per distinct value), reused across batches.
  private texts: Array<string | number> = [];
  private weights: number[] = [];

  /** Text cells: the work runs once per distinct dictionary entry, weighted by its count. */
  private addStrings(col: StringColumn, length: number): void {
    const { codes, dictionary } = col;
    const size = dictionary.length;
    const counts = this.countBuffer(size);
    this.nulls += countCodes(codes, length, counts);
    this.texts.length = 0;
    this.weights.length = 0;
    this.addTexts(dictionary, counts, size);
    this.flush();
  }

  /** A zeroed count per entry, reused across batches. */
  private countBuffer(size: number): Int32Array {
    if (this.dictionaryCounts.length < size) this.dictionaryCounts = new Int32Array(Math.max(size, 2 * this.dictionaryCounts.length));
    this.dictionaryCounts.fill(0, 0, size);
    return this.dictionaryCounts;
  }

  /**
   * Distinct texts of a batch, `texts[d]` occurring `counts[d]` times (0 allowed): everything but
   * the top-K merge, whose entries are queued for {@link flush}.
   */
  private addTexts(texts: readonly string[], counts: Int32Array, size: number): void {
    const typeCounts = this.typeCounts;
    const distinct = this.distinct;
    const light = this.light;
    let minLength = this.minLength;
    let maxLength = this.maxLength;
    for (let d = 0; d < size; d++) {
      const w = counts[d];
      if (w === 0) continue;
      const text = texts[d];
      const code = detectCode(text);
      const value = detectedValue;
      typeCounts[code] += w;
      if (value === value && value !== Infinity && value !== -Infinity) {
        addMoments(this.moments, value, w);
        if (!light) (this.kll as KllSketch).add(value, w);
        distinct.addNumber(value);
      } else if (code === TYPE_BOOLEAN || code === TYPE_DATE || code === TYPE_DATETIME || isLetter(text.charCodeAt(0))) {
        // Booleans, dates, datetimes and texts starting with a letter cannot be number texts.
        distinct.addText(text);
      } else distinct.add(text);
      if (text.length < minLength) minLength = text.length;
      if (text.length > maxLength) maxLength = text.length;
      if (light) continue;
      // After `detect` batches read this column as numbers, top-K keys of numbers are numbers: a
      // canonical number text must count under the same key (formatted alike when written).
      this.texts.push(this.keyDigits >= 0 ? this.topKey(code, value, text) : text);
      this.weights.push(w);
    }
    this.minLength = minLength;
    this.maxLength = maxLength;
    if (!light) (this.sample as Reservoir).addWeighted(counts, 0, size, (d) => texts[d]);
  }

  /** Numeric cells: sorted, so equal values form runs and the work runs once per distinct value. */
  private addNumbers(col: NumberColumn, length: number): void {
    if (col.detected === true && col.fractionDigits !== undefined) {
      this.addDetected(col, col.fractionDigits, length);
      return;
    }
    const { values, nulls: nullFlags, invalid } = col;
    const sorter = this.sorter;
    const finite = sorter.input(length);
    let m = 0;
    let nulls = 0;
    let nans = 0;
    for (let i = 0; i < length; i++) {
      if (nullFlags[i]) nulls++;
      else {
        const v = values[i];
        if (v !== v) nans++;
        else finite[m++] = v + 0; // -0 and 0 are one value (as String() prints both as "0")
      }
    }
    this.nulls += nulls;
    this.texts.length = 0;
    this.weights.length = 0;
    const n = sorter.group(m);
    const { distinct, counts } = sorter;
    let integers = 0;
    for (let i = 0; i < n; i++) if (Number.isInteger(distinct[i])) integers += counts[i];
    this.typeCounts[TYPE_INTEGER] += integers;
    this.typeCounts[TYPE_NUMBER] += m - integers;
    // Infinities (at the ends) stay out of the moments and sketch; the sample keeps them as text (JSON has no ±Infinity).
    let lo = 0;
    let hi = n;
    while (lo < hi && distinct[lo] === -Infinity) this.distinct.add(String(distinct[lo++]));
    while (hi > lo && distinct[hi - 1] === Infinity) this.distinct.add(String(distinct[--hi]));
    this.addFinite(distinct, counts, lo, hi);
    if (!this.light) (this.sample as Reservoir).addWeighted(counts, 0, n, (i) => (i >= lo && i < hi ? distinct[i] : String(distinct[i])));
    // Non-numeric text in a numeric column counts by what it is (validation reports it as a type error).
    const invalidCounts = new Map<string, number>();
    for (const cell of invalid) if (cell.index < length) invalidCounts.set(cell.text, (invalidCounts.get(cell.text) ?? 0) + 1);
    let invalidTotal = 0;
    for (const w of invalidCounts.values()) invalidTotal += w;
    if (invalidCounts.size === 0 && nans <= invalidTotal) {
      if (!this.light) this.topK.addSortedNumbers(distinct, counts, 0, n);
      return;
    }
    if (!this.light) {
      for (let i = 0; i < n; i++) {
        this.texts.push(distinct[i]);
        this.weights.push(counts[i]);
      }
    }
    for (const [text, w] of invalidCounts) {
      const code = detectCode(text);
      this.addEntry(text, code === TYPE_INTEGER || code === TYPE_NUMBER ? TYPE_STRING : code, NaN, w, text, text.length);
    }
    // Genuine NaN values (Parquet/Arrow floats) are numbers, though outside the numeric moments.
    if (nans > invalidTotal) this.addEntry('NaN', TYPE_NUMBER, NaN, nans - invalidTotal, 'NaN', -1);
    this.flush();
  }

  /**
   * The finite, ascending values `distinct[from, to)` of a batch (distinct, or equal ones adjacent),
   * value i `counts[i]` times, into the moments (batch moments, then Chan's merge), the KLL sketch (one sorted run) and
   * the distinct counter — in bulk instead of once per value: the bench file's float columns have
   * ~16,000 distinct values in a batch of 16,384.
   */
  private addFinite(distinct: Float64Array, counts: Int32Array, from: number, to: number): void {
    if (from >= to) return;
    const total = weightedSum(distinct, counts, from, to);
    // A sum past the largest double (values near ±1.8e308): the mean as a weighted average instead.
    let mean = Number.isFinite(batchSum) ? batchSum / total : weightedAverage(distinct, counts, from, to, total);
    // Two-pass variance, with the first pass's rounding corrected by the residual sum.
    const residual = squaredDeviations(distinct, counts, from, to, mean);
    let m2 = batchSum - (residual * residual) / total;
    // Deviations that overflow leave the mean as it is and the sum of squares infinite.
    if (Number.isFinite(residual)) mean += residual / total;
    else m2 = Number.POSITIVE_INFINITY;
    if (m2 < 0) m2 = 0;
    // Chan's merge (as mergeMoments), in place.
    const a = this.moments;
    if (a.count === 0) {
      a.mean = mean;
      a.m2 = m2;
    } else {
      const n = a.count + total;
      const delta = mean - a.mean;
      a.m2 += m2 + (delta * delta * a.count * total) / n;
      a.mean = weightedMean(a.mean, a.count, mean, total, n);
    }
    a.count += total;
    if (distinct[from] < a.min) a.min = distinct[from];
    if (distinct[to - 1] > a.max) a.max = distinct[to - 1];
    if (!this.light) (this.kll as KllSketch).addSorted(distinct, counts, from, to);
    this.distinct.addNumbers(distinct, from, to);
  }

  /**
   * A CSV column read with `detect` decoding: numbers parsed from bytes, whose texts are
   * `toFixed(fractionDigits)`, plus text cells in `invalid`. Profiled exactly as if every cell were
   * text (types, lengths, top-K keys), without a JS string per cell: equal values with equal digits
   * after the point form runs after a sort, and only the top-K key and sample of a decimal need its text.
   */
  private addDetected(col: NumberColumn, fds: Uint8Array, length: number): void {
    const { values, nulls: nullFlags, invalid } = col;
    const sorter = this.sorter;
    const m = collectDetected(values, nullFlags, fds, length, sorter.input(length));
    const { nulls, digits, mixed } = collected;
    if (this.keyDigits < 0 && digits >= 0) {
      this.keyDigits = digits;
      this.topK.numberDigits = digits;
    }
    const keyDigits = this.keyDigits;
    this.nulls += nulls;
    this.texts.length = 0;
    this.weights.length = 0;
    // Text cells: profiled as a text column profiles them (a text column's first batch is all text).
    const invalidTexts: string[] = [];
    const invalidCounts = this.countBuffer(invalid.length);
    if (invalid.length > 0) countTexts(invalid, length, invalidTexts, invalidCounts);
    const hasInvalid = invalidTexts.length > 0;
    if (!mixed) {
      // One spelling for the batch (integers, or toFixed(d) decimals): sorted runs of equal values, in bulk.
      const n = sorter.groupDecimals(m, digits);
      const { distinct, counts } = sorter;
      this.typeCounts[digits === 0 ? TYPE_INTEGER : TYPE_NUMBER] += m;
      this.addFinite(distinct, counts, 0, n);
      const sample = this.sample as Reservoir;
      if (this.light) {
        // Counted above; no sample, no top values.
      } else if (this.numericOnly) {
        // Counted only (no top-K key texts: a batch with a text cell made one string per value).
        sample.addWeighted(counts, 0, n, noValue);
        this.topK.addSortedNumbers(distinct, counts, 0, n);
      } else if (digits === keyDigits) {
        sample.addWeighted(counts, 0, n, (i) => distinct[i]);
        if (!hasInvalid) this.topK.addSortedNumbers(distinct, counts, 0, n);
        else
          for (let k = 0; k < n; k++) {
            this.texts.push(distinct[k]);
            this.weights.push(counts[k]);
          }
      } else {
        sample.addWeighted(counts, 0, n, (i) => distinct[i].toFixed(digits));
        for (let k = 0; k < n; k++) {
          this.texts.push(distinct[k].toFixed(digits));
          this.weights.push(counts[k]);
        }
      }
    } else {
      // Spellings vary (e.g. 0.5 and 0.25): each text is a (value, digits) pair.
      collectTags(values, nullFlags, fds, length, sorter.tagInput());
      const n = sorter.groupTagged(m);
      const { distinct, counts, tags } = sorter;
      let integers = 0;
      for (let k = 0; k < n; k++) if (tags[k] === 0) integers += counts[k];
      this.typeCounts[TYPE_INTEGER] += integers;
      this.typeCounts[TYPE_NUMBER] += m - integers;
      // Equal values of different spellings are adjacent: one value for the numeric summaries.
      this.addFinite(distinct, counts, 0, n);
      if (this.light) {
        // Counted above; no sample, no top values.
      } else if (this.numericOnly) {
        (this.sample as Reservoir).addWeighted(counts, 0, n, noValue);
        this.topK.addSortedNumbers(distinct, counts, 0, n);
      } else if (!hasInvalid) {
        (this.sample as Reservoir).addWeighted(counts, 0, n, (k) => (tags[k] === keyDigits ? distinct[k] : distinct[k].toFixed(tags[k])));
        this.topK.addSortedNumbers(distinct, counts, 0, n, tags, keyDigits);
      } else {
        (this.sample as Reservoir).addWeighted(counts, 0, n, (k) => (tags[k] === keyDigits ? distinct[k] : distinct[k].toFixed(tags[k])));
        for (let k = 0; k < n; k++) {
          this.texts.push(tags[k] === keyDigits ? distinct[k] : distinct[k].toFixed(tags[k]));
          this.weights.push(counts[k]);
        }
      }
    }
    if (hasInvalid) this.addTexts(invalidTexts, invalidCounts, invalidTexts.length);
    if (col.textLengths) {
      if (col.textLengths.min < this.minLength) this.minLength = col.textLengths.min;
      if (col.textLengths.max > this.maxLength) this.maxLength = col.textLengths.max;
    }
    if (this.texts.length > 0) this.flush();
  }

  /**
   * One distinct value of a batch: `key` is its text (text cells) or number (numeric cells),
   * `value` its finite numeric value or NaN, `textLength` −1 for cells that have no text.
   */
  private addEntry(key: string | number, type: number, value: number, weight: number, sampleValue: number | string, textLength: number): void {
    this.typeCounts[type] += weight;
    if (Number.isFinite(value)) {
      addMoments(this.moments, value, weight);
      if (!this.light) (this.kll as KllSketch).add(value, weight);
      this.distinct.addNumber(value);
    } else {
      this.distinct.add(String(key));
    }
    if (textLength >= 0) {
      if (textLength < this.minLength) this.minLength = textLength;
      if (textLength > this.maxLength) this.maxLength = textLength;
    }
    if (this.light) return;
    (this.sample as Reservoir).add(sampleValue, weight);
    this.texts.push(key);
    this.weights.push(weight);
  }

  /** Hands the batch's entries to the top-K summary in one merge. */
  private flush(): void {
    if (this.light) return;
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
    if (this.keyDigits > 0) {
      // Sampled `detect` numbers stand for their text, toFixed(keyDigits): written so when the column is not numeric.
      const digits = this.keyDigits;
      profile.sample = { ...profile.sample, values: profile.sample.values.map((v) => (typeof v === 'number' ? v.toFixed(digits) : v)) };
    }
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
  if (col.nulls[i]) return '\u0000';
  // A column read from text as instants or `detect` numbers: seed with the cell's text, as a text
  // column would (its text cells are NaN in `values`).
  if (col.temporal !== undefined || col.detected) {
    const v = col.values[i];
    if (v !== v) return col.invalid.find((cell) => cell.index === i)?.text ?? 'NaN';
    if (col.temporal !== undefined) return temporalText(v, col.temporal, col.subMilliseconds?.[i]);
    if (col.fractionDigits) return v.toFixed(col.fractionDigits[i]);
  }
  return String(col.values[i]);
}

/** The seed of a data stream's random choices: the text of the first rows of its first batch, every column. */
export function contentSeedOf(batch: RecordBatch): number {
  const parts: string[] = [];
  const n = Math.min(batch.length, SEED_ROWS);
  for (let i = 0; i < n; i++) for (const col of batch.columns) parts.push(cellSeedText(col, i));
  return murmur3(parts.join('\u0001'));
}

/**
 * Columns profiled for less than a full profile, for src/drift/check.ts alone (every other column is
 * profiled in full). Arrays, not sets: they travel to worker threads in segment specs.
 */
export interface ColumnScopes {
  /**
   * Columns profiled only for drift's decision to skip them (identifiers, timestamps): their counts,
   * types, distinct count, lengths and moments are exactly a full profile's, their quantile sketch,
   * top values and sample empty.
   */
  light?: readonly string[];
  /** Columns profiled for drift's numeric comparisons: everything but the top values and the sample's values. */
  numericOnly?: readonly string[];
}

/**
 * Creates a profiler for the given columns. Random choices (KLL coins, sample keys) are seeded from
 * `opts.seed`, the column name, and the text of the first rows of the first batch: the same input
 * always gives byte-identical profiles, while shards of one file (which start with different
 * rows) draw independent keys, so their merged sample is a uniform sample of the whole.
 * `contentSeed` replaces that text's seed: a profile of some of a file's columns passes the seed
 * of its whole rows ({@link contentSeedOf}), so each column's profile is the one of the whole file.
 * `scopes`: columns drift profiles for less ({@link ColumnScopes}).
 */
export function createProfiler(fieldNames: string[], opts: ProfileOptions = {}, contentSeed?: number, scopes: ColumnScopes = {}): Profiler {
  const options = resolveOptions(opts);
  const light = new Set(scopes.light);
  const numericOnly = new Set(scopes.numericOnly);
  const columns = fieldNames.map((name) => new ColumnAccumulator(name, options, light.has(name), numericOnly.has(name)));
  const byName = new Map(fieldNames.map((name, i) => [name, i]));
  if (byName.size !== fieldNames.length) throw new RangeError('profiler: duplicate field names');
  let rows = 0;
  let seeded = false;

  return {
    add(batch) {
      if (!seeded) {
        const seed = contentSeed ?? contentSeedOf(batch);
        for (const c of columns) c.seed(seed);
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
