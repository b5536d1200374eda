/**
 * Per-column decoders for the CSV scanner. They read cells straight from the file's bytes — the
 * scanner hands over start/end offsets — so a number never becomes a JS string on the fast path and
 * a repeated text value is hashed and looked up, not allocated again.
 */
import { isInfinite, lazyStringColumn, parseNumberText } from './columns.ts';
import { dayOfCivil, zoneMinutes } from './temporal.ts';
import type { Column, InvalidCell, NumberColumn } from './types.ts';

/** Powers of ten that are exact in a double (Clinger's fast path needs exactly these). */
export const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

/**
 * Parses a plain decimal/exponent number from bytes. Returns NaN when the text needs the slow path
 * (more than 15 significant digits, a large exponent, blanks, or anything that is not a plain
 * number). With at most 15 digits the mantissa is an exact integer and one multiplication or
 * division by an exact power of ten is correctly rounded, so the result equals `Number(text)`.
 */
export function parseNumberBytes(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const c = b[i];
  let neg = false;
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let m = 0;
  let digits = 0;
  let exp = 0;
  while (i < e) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    digits++;
    i++;
  }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      digits++;
      exp--;
      i++;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  if (i < e) {
    if ((b[i] | 32) !== 101) return Number.NaN;
    i++;
    let eneg = false;
    if (b[i] === 45) {
      eneg = true;
      i++;
    } else if (b[i] === 43) i++;
    let x = 0;
    let xd = 0;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) return Number.NaN;
      x = x * 10 + d;
      xd++;
      i++;
      if (xd > 4) return Number.NaN;
    }
    if (xd === 0) return Number.NaN;
    exp += eneg ? -x : x;
  }
  let v: number;
  if (exp === 0) v = m;
  else if (exp < 0) {
    if (exp < -22) return Number.NaN;
    v = m / POW10[-exp];
  } else {
    if (exp > 22) return Number.NaN;
    v = m * POW10[exp];
  }
  return neg ? -v : v;
}

/** The plain decimals `detect` reads as numbers: integer digits (canonical) and fraction digits. */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(?:\.(\d+))?$/;

/** Cell bytes that read as null: the empty cell (fast check) and any other `missingValues`. */
export interface MissingSpec {
  emptyIsNull: boolean;
  /** Non-empty missing values as bytes. */
  others: Uint8Array[];
}

function isMissing(spec: MissingSpec, b: Uint8Array, s: number, e: number): boolean {
  const len = e - s;
  for (const m of spec.others) {
    if (m.length !== len) continue;
    let k = 0;
    while (k < len && m[k] === b[s + k]) k++;
    if (k === len) return true;
  }
  return false;
}

/** True when the cell `b[s, e)` reads as null: empty (when the empty text is missing) or a listed missing value. */
function isNullCell(spec: MissingSpec, b: Uint8Array, s: number, e: number): boolean {
  return s === e ? spec.emptyIsNull : spec.others.length > 0 && isMissing(spec, b, s, e);
}

/**
 * Forgets the text kept for `row` when it was the last one kept: a row that met a quote after its
 * first fields is decoded again by the general path, and each cell keeps one entry.
 */
function dropRescanned(invalid: InvalidCell[], row: number): void {
  if (invalid.length > 0 && invalid[invalid.length - 1].index === row) invalid.pop();
}

/**
 * Batch-sized arrays of batches a consumer is done with (RecordBatch.release), for the next
 * batches. A fresh Float64Array of 16K rows is a new mapping of zeroed pages on every batch, and
 * its release is work for the garbage collector; reused, the validation bench spent ~40 ms less
 * (1M rows × 20 columns, one thread). Arrays come back zeroed, as new ones would be.
 */
export class ArrayPool {
  private readonly f64: Array<Float64Array<ArrayBuffer>> = [];
  private readonly u8: Array<Uint8Array<ArrayBuffer>> = [];
  private readonly i32: Array<Int32Array<ArrayBuffer>> = [];
  constructor(readonly capacity: number) {}

  float64(): Float64Array<ArrayBuffer> {
    return this.f64.pop()?.fill(0) ?? new Float64Array(this.capacity);
  }

  uint8(): Uint8Array<ArrayBuffer> {
    return this.u8.pop()?.fill(0) ?? new Uint8Array(this.capacity);
  }

  int32(): Int32Array<ArrayBuffer> {
    return this.i32.pop()?.fill(0) ?? new Int32Array(this.capacity);
  }

  /** Takes back an array no one uses any more (others than batch-sized ones are left to the GC). */
  give(a: Float64Array | Uint8Array | Int32Array | undefined): void {
    if (a === undefined || a.length !== this.capacity || !(a.buffer instanceof ArrayBuffer)) return;
    // A bound: a consumer that releases more than the reader keeps in flight cannot grow the pool.
    if (a instanceof Float64Array) keep(this.f64, a as Float64Array<ArrayBuffer>);
    else if (a instanceof Uint8Array) keep(this.u8, a as Uint8Array<ArrayBuffer>);
    else keep(this.i32, a as Int32Array<ArrayBuffer>);
  }
}
const POOL_LIMIT = 64;

function keep<T>(list: T[], a: T): void {
  if (list.length < POOL_LIMIT && !list.includes(a)) list.push(a);
}

/** Builds one batch column; the scanner writes cells by batch row index. */
export interface CellDecoder {
  /** The cell texts this column reads as null. */
  readonly missing: MissingSpec;
  /** Where the arrays of the next batches come from (set by the parser; null: always new). */
  pool: ArrayPool | null;
  /** Decodes the cell `b[s, e)` into batch row `row` (general path: quoted rows, odd cells). */
  cell(b: Buffer, s: number, e: number, row: number): void;
  /** Hands over the batch column (`full`: the arrays are exactly batch-sized and can be given away). */
  finish(length: number, full: boolean): Column;
}

/** Text cells recorded out of row order (a row re-scanned by the general path after a quote), sorted. */
function inRowOrder(invalid: InvalidCell[]): InvalidCell[] {
  for (let k = 1; k < invalid.length; k++) {
    if (invalid[k - 1].index > invalid[k].index) return invalid.sort((a, b) => a.index - b.index);
  }
  return invalid;
}

/** A batch's NumberColumn from a decoder's arrays (`full`: exactly batch-sized, handed over whole). */
function numberColumn(d: { name: string; values: Float64Array; nulls: Uint8Array; invalid: InvalidCell[]; written?: InvalidCell[] }, length: number, full: boolean): NumberColumn {
  const col: NumberColumn = {
    kind: 'number',
    name: d.name,
    values: full ? d.values : d.values.slice(0, length),
    nulls: full ? d.nulls : d.nulls.slice(0, length),
    invalid: inRowOrder(d.invalid),
  };
  if (d.written !== undefined && d.written.length > 0) col.written = inRowOrder(d.written);
  return col;
}

/** Decodes a field into a NumberColumn. The scanner parses plain numbers inline into `values`. */
export class NumberDecoder implements CellDecoder {
  pool: ArrayPool | null = null;
  values: Float64Array;
  nulls: Uint8Array;
  invalid: InvalidCell[] = [];
  /** Cells read as ±Infinity, with their text (NumberColumn.written). */
  written: InvalidCell[] = [];
  /** `detect` columns: digits after the point per row, and text lengths of the cells read as numbers (updated by the scanner). */
  fd: Uint8Array;
  minLen = Infinity;
  maxLen = -Infinity;
  constructor(
    readonly name: string,
    private readonly capacity: number,
    readonly missing: MissingSpec,
    /** `detect` decoding: only plain decimals whose text is recoverable are numbers; other cells are kept as text in `invalid`. */
    readonly detect = false,
  ) {
    this.values = new Float64Array(capacity);
    this.nulls = new Uint8Array(capacity);
    this.fd = new Uint8Array(detect ? capacity : 0);
  }

  cell(b: Buffer, s: number, e: number, row: number): void {
    if (isNullCell(this.missing, b, s, e)) {
      this.values[row] = Number.NaN;
      this.nulls[row] = 1;
      return;
    }
    this.nulls[row] = 0;
    if (this.detect) {
      this.detectCell(b, s, e, row);
      return;
    }
    const v = parseNumberBytes(b, s, e);
    if (v === v) {
      this.values[row] = v;
      return;
    }
    this.slow(b, s, e, row);
  }

  /**
   * `detect` decoding, general path: a cell is a number only when it is a plain decimal that
   * `toFixed(fraction digits)` prints back exactly (see NumberColumn.fractionDigits), so a profile of
   * the NumberColumn equals the profile of the text; any other cell stays text, listed in `invalid`.
   */
  private detectCell(b: Buffer, s: number, e: number, row: number): void {
    const text = b.toString('utf8', s, e);
    dropRescanned(this.invalid, row);
    const m = PLAIN_DECIMAL.exec(text);
    if (m !== null && m[1].length + (m[2]?.length ?? 0) <= 15 && !(text.charCodeAt(0) === 45 && /^-0(\.0+)?$/.test(text))) {
      this.values[row] = Number(text);
      this.fd[row] = m[2]?.length ?? 0;
      if (text.length < this.minLen) this.minLen = text.length;
      if (text.length > this.maxLen) this.maxLen = text.length;
      return;
    }
    this.values[row] = Number.NaN;
    this.invalid.push({ index: row, text });
  }

  /** Odd spellings (blanks, 16+ digits, NaN/INF) or not a number at all. */
  slow(b: Buffer, s: number, e: number, row: number): void {
    const text = b.toString('utf8', s, e);
    const parsed = parseNumberText(text);
    dropRescanned(this.invalid, row);
    dropRescanned(this.written, row);
    if (parsed === undefined) {
      this.values[row] = Number.NaN;
      this.invalid.push({ index: row, text });
    } else {
      this.values[row] = parsed;
      // Only this path yields infinities (`1e400`, `INF`): the fast ones read ≤ 15 digits, exponents ≤ 22.
      if (isInfinite(parsed)) this.written.push({ index: row, text });
    }
  }

  finish(length: number, full: boolean): Column {
    const col = numberColumn(this, length, full);
    if (this.detect) {
      col.detected = true;
      col.fractionDigits = full ? this.fd : this.fd.slice(0, length);
      this.fd = this.pool?.uint8() ?? new Uint8Array(this.capacity);
      col.textLengths = this.maxLen >= 0 ? { min: this.minLen, max: this.maxLen } : null;
      this.minLen = Infinity;
      this.maxLen = -Infinity;
    }
    this.values = this.pool?.float64() ?? new Float64Array(this.capacity);
    this.nulls = this.pool?.uint8() ?? new Uint8Array(this.capacity);
    this.invalid = [];
    this.written = [];
    return col;
  }
}

/** Two ASCII digits at `i`, or -1. */
function digits2(b: Uint8Array, i: number): number {
  const x = b[i] - 48;
  const y = b[i + 1] - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/**
 * Decodes ISO dates (`YYYY-MM-DD`) or datetimes (`YYYY-MM-DDThh:mm:ss[.fff…][Z|±hh:mm]`) into
 * epoch milliseconds, so validation compares instants without a JS string, a dictionary entry and
 * a parse per cell: a column of distinct timestamps cost more than all numeric columns together.
 *
 * A batch's datetimes are read fast only in the written form of its first one (separator, digits
 * after the point, zone text), which the column reports as `temporal`: every value read fast can
 * then be written back exactly ({@link temporalText}). Any other non-empty cell (another form, a
 * leap second, not a date at all) is kept as text in `invalid` for the field's own parser — a cell
 * the fast path declines is not an error by itself.
 */
export class TemporalDecoder implements CellDecoder {
  pool: ArrayPool | null = null;
  values: Float64Array;
  nulls: Uint8Array;
  invalid: InvalidCell[] = [];
  /** Fraction digits past the third, per row, while this batch's form has more than three. */
  sub: Int32Array;
  /** This batch's datetime form, fixed by its first datetime read fast (separator -1 while unknown). */
  private separator = -1;
  private fractionDigits = 0;
  private zoneLength = 0;
  private readonly zone = new Uint8Array(6);
  private zoneMs = 0;
  /** The last valid day read (YYYYMMDD as a number) and its epoch ms. */
  private lastDayKey = -1;
  private lastDayMs = 0;
  constructor(
    readonly name: string,
    private readonly capacity: number,
    readonly missing: MissingSpec,
    readonly type: 'date' | 'datetime',
  ) {
    this.values = new Float64Array(capacity);
    this.nulls = new Uint8Array(capacity);
    this.sub = new Int32Array(0);
  }

  /**
   * Reads a canonical cell that starts at `s` into `row`; returns the offset just after it, or -1
   * when the bytes there are not this batch's form. Whether the cell ends there is the caller's
   * check. Stops at the first byte that does not fit, so it never reads past a row's line break.
   */
  fast(b: Uint8Array, s: number, row: number): number {
    const hi = digits2(b, s);
    const lo = hi < 0 ? -1 : digits2(b, s + 2);
    if (lo < 0 || b[s + 4] !== 45) return -1;
    const mo = digits2(b, s + 5);
    if (mo < 1 || mo > 12 || b[s + 7] !== 45) return -1;
    const d = digits2(b, s + 8);
    // Logs are written in time order: the day of the previous cell is usually this one's.
    const key = ((hi * 100 + lo) * 100 + mo) * 100 + d;
    let day = this.lastDayMs;
    if (key !== this.lastDayKey) {
      const days = dayOfCivil(hi * 100 + lo, mo, d);
      if (days !== days) return -1;
      day = days * 86_400_000;
      this.lastDayKey = key;
      this.lastDayMs = day;
    }
    if (this.type === 'date') {
      this.values[row] = day;
      this.nulls[row] = 0;
      return s + 10;
    }
    const sep = b[s + 10];
    if (sep !== 84 && sep !== 32) return -1;
    const h = digits2(b, s + 11);
    if (h < 0 || h > 23 || b[s + 13] !== 58) return -1;
    const mi = digits2(b, s + 14);
    if (mi < 0 || mi > 59 || b[s + 16] !== 58) return -1;
    const sec = digits2(b, s + 17);
    // A leap second is left to the text parser: its value is the next second's, so its text could not be rebuilt.
    if (sec < 0 || sec > 59) return -1;
    let i = s + 19;
    let ms = 0;
    let extra = 0;
    let fd = 0;
    if (b[i] === 46) {
      let x = b[++i] - 48;
      while (x >= 0 && x <= 9 && fd < 10) {
        if (fd < 3) ms = ms * 10 + x;
        else extra = extra * 10 + x;
        fd++;
        x = b[++i] - 48;
      }
      if (fd === 0 || fd > 9) return -1;
      if (fd < 3) ms *= fd === 1 ? 100 : 10;
    }
    // The zone: nothing, Z, or ±hh:mm / ±hhmm (hours ≤ 23, minutes ≤ 59; others take the text path).
    const z = i;
    const c = b[i];
    if (c === 90) i++;
    else if (c === 43 || c === 45) {
      const oh = digits2(b, i + 1);
      const colon = b[i + 3] === 58 ? 1 : 0;
      const om = digits2(b, i + 3 + colon);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return -1;
      i += 5 + colon;
    }
    const zl = i - z;
    if (this.separator < 0) {
      this.separator = sep;
      this.fractionDigits = fd;
      this.zoneLength = zl;
      for (let k = 0; k < zl; k++) this.zone[k] = b[z + k];
      this.zoneMs = zl <= 1 ? 0 : zoneMinutes(String.fromCharCode(...this.zone.subarray(0, zl))) * 60_000;
      if (fd > 3) this.sub = this.pool?.int32() ?? new Int32Array(this.capacity);
    } else {
      if (sep !== this.separator || fd !== this.fractionDigits || zl !== this.zoneLength) return -1;
      for (let k = 0; k < zl; k++) if (b[z + k] !== this.zone[k]) return -1;
    }
    if (fd > 3) this.sub[row] = extra;
    this.values[row] = day + ((h * 60 + mi) * 60 + sec) * 1000 + ms - this.zoneMs;
    this.nulls[row] = 0;
    return i;
  }

  /** True when the non-empty cell `b[s, e)` is a configured missing value. */
  isOtherMissing(b: Uint8Array, s: number, e: number): boolean {
    return isMissing(this.missing, b, s, e);
  }

  cell(b: Buffer, s: number, e: number, row: number): void {
    if (isNullCell(this.missing, b, s, e)) {
      this.values[row] = Number.NaN;
      this.nulls[row] = 1;
      return;
    }
    dropRescanned(this.invalid, row);
    if (this.fast(b, s, row) === e) return;
    this.values[row] = Number.NaN;
    this.nulls[row] = 0;
    this.invalid.push({ index: row, text: b.toString('utf8', s, e) });
  }

  finish(length: number, full: boolean): Column {
    const col = numberColumn(this, length, full);
    col.temporal = {
      type: this.type,
      separator: this.separator === 32 ? ' ' : 'T',
      fractionDigits: this.fractionDigits,
      zone: String.fromCharCode(...this.zone.subarray(0, this.zoneLength)),
    };
    if (this.fractionDigits > 3) col.subMilliseconds = full ? this.sub : this.sub.slice(0, length);
    this.values = this.pool?.float64() ?? new Float64Array(this.capacity);
    this.nulls = this.pool?.uint8() ?? new Uint8Array(this.capacity);
    this.sub = new Int32Array(0);
    this.invalid = [];
    this.separator = -1;
    this.fractionDigits = this.zoneLength = this.zoneMs = 0;
    return col;
  }
}

/**
 * The dictionary hash of `b[s, e)`: a multiplicative chain over little-endian 4-byte words (a
 * last partial word zero-filled), seeded with the length, its high half folded into the low bits
 * that pick a slot. The scanner computes the same hash inline once it has found the field's end.
 * It replaced FNV-1a computed byte by byte during that search, whose multiply sat on every byte's
 * dependency chain: decoding a 3–5-byte categorical cell cost ~100 cycles, most of it that chain
 * and the byte-by-byte comparison that confirmed a hit (see {@link StringDecoder.entryW0}).
 */
export function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = e - s;
  for (let k = s; k < e; k += 4) h = Math.imul(h ^ wordAt(b, k, e), HASH_MULTIPLIER);
  return h ^ (h >>> 16);
}
/** Odd, with bits spread over the word (the golden ratio's): each product bit depends on many input bits. */
export const HASH_MULTIPLIER = -1640531535;
/** `WORD_MASK[n]` keeps the first `n` bytes of a little-endian word (n ≤ 4). */
export const WORD_MASK = Int32Array.of(0, 0xff, 0xffff, 0xffffff, -1);

/** The little-endian word of `b[k, min(k + 4, e))`, zero-filled past `e` (0 when k ≥ e). */
export function wordAt(b: Uint8Array, k: number, e: number): number {
  const n = e - k;
  if (n >= 4) return b[k] | (b[k + 1] << 8) | (b[k + 2] << 16) | (b[k + 3] << 24);
  if (n <= 0) return 0;
  let w = b[k];
  if (n > 1) w |= b[k + 1] << 8;
  if (n > 2) w |= b[k + 2] << 16;
  return w;
}

/**
 * Decodes a field into a dictionary-encoded StringColumn. Distinct values are kept as bytes in an
 * arena with an open-addressing hash table; strings are created once per distinct value per
 * batch, when the batch is finished.
 */
export class StringDecoder implements CellDecoder {
  pool: ArrayPool | null = null;
  codes: Int32Array;
  /**
   * Open-addressing slots `[code + 1, hash]`; read by the scanner's inlined probe. It starts at 32
   * slots and doubles past half full: a category of a few values probes 256 bytes, not the 8 KiB of
   * a 1024-slot start, which, over a row's several text columns, missed the L1 cache on most
   * probes (the hottest load of the scanner in a sampled profile).
   */
  table = new Int32Array(64);
  mask = 31;
  private hashes = new Int32Array(256);
  entryStart = new Int32Array(256);
  entryLen = new Int32Array(256);
  /**
   * The first two words of each entry ({@link wordAt}): with the length, they decide a hit on a
   * value of up to 8 bytes (most categories, booleans, codes) without a byte loop.
   */
  entryW0 = new Int32Array(256);
  entryW1 = new Int32Array(256);
  private count = 0;
  arena = Buffer.allocUnsafe(1 << 16);
  private arenaLen = 0;
  private highBits = 0;
  constructor(
    private readonly name: string,
    private readonly capacity: number,
    readonly missing: MissingSpec,
  ) {
    this.codes = new Int32Array(capacity);
  }

  cell(b: Buffer, s: number, e: number, row: number): void {
    if (isNullCell(this.missing, b, s, e)) {
      this.codes[row] = -1;
      return;
    }
    this.codes[row] = this.lookup(b, s, e, hashBytes(b, s, e));
  }

  /**
   * Takes over the first `rows` rows of a `detect` NumberDecoder's batch as text: nulls stay null,
   * text cells keep their text, and numbers get theirs back (`toFixed` of their fraction digits,
   * exact for what detection reads as numbers). Entries are added in row order, as a scan would.
   */
  adoptDetected(dec: NumberDecoder, rows: number): void {
    const texts = new Map(dec.invalid.map((c) => [c.index, c.text]));
    for (let r = 0; r < rows; r++) {
      if (dec.nulls[r] === 1) {
        this.codes[r] = -1;
        continue;
      }
      const bytes = Buffer.from(texts.get(r) ?? dec.values[r].toFixed(dec.fd[r]), 'utf8');
      this.codes[r] = this.lookup(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
    }
  }

  /** True when the non-empty cell `b[s, e)` is a configured missing value. */
  isOtherMissing(b: Uint8Array, s: number, e: number): boolean {
    return isMissing(this.missing, b, s, e);
  }

  /** The dictionary code of `b[s, e)` (hash `h` from {@link hashBytes}), inserting it when new. */
  lookup(b: Uint8Array, s: number, e: number, h: number): number {
    const len = e - s;
    const w0 = wordAt(b, s, e);
    const w1 = wordAt(b, s + 4, e);
    // Slots are [code + 1, hash] pairs: one cache line answers "empty" or "different hash".
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const t = table[slot << 1];
      if (t === 0) return this.insert(b, s, e, h, slot, w0, w1);
      if (table[(slot << 1) + 1] === h) {
        const idx = t - 1;
        if (this.entryLen[idx] === len && this.entryW0[idx] === w0 && this.entryW1[idx] === w1) {
          const arena = this.arena;
          let p = this.entryStart[idx] + 8;
          let i = s + 8;
          while (i < e && arena[p] === b[i]) {
            i++;
            p++;
          }
          if (i >= e) return idx;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Adds a new distinct value (its hash and first two words given) at the empty `slot` found by the probe; returns its code. */
  insert(b: Uint8Array, s: number, e: number, h: number, slot: number, w0: number, w1: number): number {
    const idx = this.count++;
    if (idx === this.hashes.length) {
      const size = idx * 2;
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const n = new Int32Array(size);
        n.set(a);
        return n;
      };
      this.hashes = grow(this.hashes);
      this.entryStart = grow(this.entryStart);
      this.entryLen = grow(this.entryLen);
      this.entryW0 = grow(this.entryW0);
      this.entryW1 = grow(this.entryW1);
    }
    const len = e - s;
    if (this.arenaLen + len > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaLen + len));
      this.arena.copy(next, 0, 0, this.arenaLen);
      this.arena = next;
    }
    const arena = this.arena;
    let p = this.arenaLen;
    let bits = 0;
    for (let i = s; i < e; i++) {
      const c = b[i];
      bits |= c;
      arena[p++] = c;
    }
    this.highBits |= bits;
    this.hashes[idx] = h;
    this.entryStart[idx] = this.arenaLen;
    this.entryLen[idx] = len;
    this.entryW0[idx] = w0;
    this.entryW1[idx] = w1;
    this.arenaLen = p;
    this.table[slot << 1] = idx + 1;
    this.table[(slot << 1) + 1] = h;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return idx;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * 2);
    const mask = size - 1;
    for (let idx = 0; idx < this.count; idx++) {
      const h = this.hashes[idx];
      let slot = h & mask;
      while (table[slot << 1] !== 0) slot = (slot + 1) & mask;
      table[slot << 1] = idx + 1;
      table[(slot << 1) + 1] = h;
    }
    this.table = table;
    this.mask = mask;
  }

  finish(length: number, full: boolean): Column {
    const codes = full ? this.codes : this.codes.slice(0, length);
    let col: Column;
    if ((this.highBits & 0x80) === 0) {
      // All ASCII: the column keeps copies of the entries' bytes (the arena is reused by the next
      // batch) and decodes its strings only if a consumer reads them. Validating 1M distinct
      // 9-character ids made 1M strings and ~80 ms of garbage collection before this.
      col = lazyStringColumn(this.name, codes, {
        data: new Uint8Array(this.arena.subarray(0, this.arenaLen)),
        starts: this.entryStart.slice(0, this.count),
        lengths: this.entryLen.slice(0, this.count),
      });
    } else {
      const dictionary = new Array<string>(this.count);
      for (let d = 0; d < this.count; d++) {
        const s = this.entryStart[d];
        dictionary[d] = this.arena.toString('utf8', s, s + this.entryLen[d]);
      }
      col = { kind: 'string', name: this.name, codes, dictionary };
    }
    this.codes = this.pool?.int32() ?? new Int32Array(this.capacity);
    this.table.fill(0);
    this.count = 0;
    this.arenaLen = 0;
    this.highBits = 0;
    return col;
  }
}
