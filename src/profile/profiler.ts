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

/** Plain decimals, as `detect` decoding reads them into numbers (see NumberColumn.fractionDigits). */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(?:\.(\d+))?$/;
/**
 * Groups equal numbers of a batch with an open-addressing table over their bits. Measured ~3× faster
 * than sorting the batch (Float64Array#sort, ~120 ns a value here) to find runs of equal values,
 * which was the largest cost of profiling a `detect` CSV column; the profile only needs each distinct
 * value with its count, in any (deterministic) order.
 */
class ValueGroups {
  private keys = new Float64Array(0);
  private slots = new Int32Array(0);
  distinct = new Float64Array(0);
  counts = new Int32Array(0);
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** Groups `values[0, m)` (finite); returns the number of distinct values, in `distinct`/`counts`. */
  group(values: Float64Array, m: number): number {
    let size = 16;
    while (size < m * 2) size <<= 1;
    if (this.keys.length < size) {
      this.keys = new Float64Array(size);
      this.slots = new Int32Array(size);
    } else this.slots.fill(0, 0, size);
    const keys = this.keys;
    const slots = this.slots;
    const bits = this.bits;
    const words = this.words;
    const mask = size - 1;
    let n = 0;
    for (let i = 0; i < m; i++) {
      const v = values[i] + 0; // -0 and 0 are one value
      bits[0] = v;
      // murmur3's 32-bit finaliser over both words: integers have all-zero low bits.
      let h = words[0] ^ Math.imul(words[1], 0x9e3779b1);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      let s = h & mask;
      for (;;) {
        const c = slots[s];
        if (c === 0) {
          keys[s] = v;
          slots[s] = 1;
          n++;
          break;
        }
        if (keys[s] === v) {
          slots[s] = c + 1;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    if (this.distinct.length < n) {
      this.distinct = new Float64Array(size);
      this.counts = new Int32Array(size);
    }
    const distinct = this.distinct;
    const counts = this.counts;
    let k = 0;
    for (let s = 0; s < size; s++) {
      const c = slots[s];
      if (c !== 0) {
        distinct[k] = keys[s];
        counts[k++] = c;
      }
    }
    return n;
  }
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

  /**
   * Digits after the point of the numbers that `detect` batches key by number in top-K (and sample
   * as numbers): fixed by the first such batch, −1 before. Keying by number spares a string per
   * distinct value; the key is written back as `toFixed(keyDigits)`, which is exactly the cell text.
   */
  private keyDigits = -1;
  private readonly groups = new ValueGroups();

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
      const value = detectedValue;
      // After `detect` batches read this column as numbers, top-K keys of numbers are numbers: a
      // canonical number text must count under the same key (formatted alike when written).
      this.addEntry(this.keyDigits >= 0 ? this.topKey(code, value, text) : text, code, value, w, text, text.length);
    }
    this.flush();
  }

  /** Numeric cells: sorted, so equal values form runs and the work runs once per distinct value. */
  private addNumbers(col: NumberColumn, length: number): void {
    if (col.detected === true && col.fractionDigits !== undefined) {
      this.addDetected(col, col.fractionDigits, length);
      return;
    }
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
   * A CSV column read with `detect` decoding: numbers parsed from bytes, whose texts are
   * `toFixed(fractionDigits)`, plus text cells in `invalid`. Profiled exactly as if every cell were
   * text (types, lengths, top-K keys), without a JS string per cell: equal values with equal digits
   * after the point form runs after a sort, and only the top-K key and sample of a decimal need its text.
   */
  private addDetected(col: NumberColumn, fds: Uint8Array, length: number): void {
    const { values, nulls: nullFlags, invalid } = col;
    const finite = new Float64Array(length);
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
    if (this.keyDigits < 0 && digits >= 0) {
      this.keyDigits = digits;
      this.topK.numberDigits = digits;
    }
    const keyDigits = this.keyDigits;
    this.nulls += nulls;
    this.texts.length = 0;
    this.weights.length = 0;
    if (!mixed) {
      // One spelling for the batch (integers, or toFixed(d) decimals): runs of equal values.
      const type = digits === 0 ? TYPE_INTEGER : TYPE_NUMBER;
      const groups = this.groups;
      const n = groups.group(finite, m);
      const { distinct, counts } = groups;
      for (let k = 0; k < n; k++) {
        const v = distinct[k];
        if (digits === keyDigits) this.addEntry(v, type, v, counts[k], v, -1);
        else {
          const text = v.toFixed(digits);
          this.addEntry(text, type, v, counts[k], text, -1);
        }
      }
    } else {
      // Spellings vary (e.g. 0.5 and 0.25): count by text.
      const counts = new Map<string, number>();
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (nullFlags[i] || v !== v) continue;
        const text = v.toFixed(fds[i]);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      for (const [text, w] of counts) {
        const v = Number(text);
        const point = text.indexOf('.');
        const d = point < 0 ? 0 : text.length - point - 1;
        const type = d === 0 ? TYPE_INTEGER : TYPE_NUMBER;
        if (d === keyDigits) this.addEntry(v, type, v, w, v, -1);
        else this.addEntry(text, type, v, w, text, -1);
      }
    }
    // Text cells: profiled as a text column profiles them.
    const invalidCounts = new Map<string, number>();
    for (const cell of invalid) if (cell.index < length) invalidCounts.set(cell.text, (invalidCounts.get(cell.text) ?? 0) + 1);
    for (const [text, w] of invalidCounts) {
      const code = detectCode(text);
      const value = detectedValue;
      this.addEntry(keyDigits >= 0 ? this.topKey(code, value, text) : text, code, value, w, text, text.length);
    }
    if (col.textLengths) {
      if (col.textLengths.min < this.minLength) this.minLength = col.textLengths.min;
      if (col.textLengths.max > this.maxLength) this.maxLength = col.textLengths.max;
    }
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
  // A `detect` column's text cells are NaN in `values`: seed with their text, as a text column would.
  if (col.detected) {
    const v = col.values[i];
    // A `detect` column: seed with the cell's text, as a text column would.
    if (v !== v) return col.invalid.find((cell) => cell.index === i)?.text ?? 'NaN';
    if (col.fractionDigits) return v.toFixed(col.fractionDigits[i]);
  }
  return String(col.values[i]);
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
