/**
 * CSV/TSV reader: a byte-level RFC 4180 scanner over Buffers read in ~1 MiB chunks, decoding
 * straight into typed batch columns. This is the hot path of validation and profiling.
 *
 * Rows without quotes are decoded in ONE pass over their bytes: for each field the scanner runs the
 * decoder inline — a number is parsed digit by digit into the batch's Float64Array, text is hashed
 * word by word once its end is found and looked up in the per-batch dictionary, a column that is not selected
 * is only skipped. Only rows that start before the buffer's last LF take this path, so an unquoted
 * row always ends inside the buffer. A row with a quote goes to a general RFC 4180 state machine
 * (field offsets first, then per-cell decoding). A row that does not end inside the buffer is carried to
 * the next read; reads grow geometrically with the carried row so a long row costs O(length) in
 * total, but never hold more than `maxRowBytes` from a row's start: a longer row, with or without a
 * line break after it, fails cleanly instead of exhausting memory.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/errors.ts';
import { openForReading } from '../core/fs.ts';
import { countLines, firstInvalidUtf8, invalidUtf8Message, isGzipPath, chunkReader, openByteReader, readHead, withoutGzip } from './bytes.ts';
import { decodeNumberFormsAs, ownValue, withNumberForms } from './columns.ts';
import type { TaskOutcome } from '../core/parallel.ts';
import { ArrayPool, HASH_MULTIPLIER, NumberDecoder, POW10, StringDecoder, TemporalDecoder, WORD_MASK, hashBytes, wordAt } from './csv-decode.ts';
import type { CellDecoder, MissingSpec } from './csv-decode.ts';
import type { ColumnDecoding, NumberColumn, RecordBatch, ReadOptions, TableSource } from './types.ts';

/** `64 MiB`, `1000 bytes`: sizes in messages. */
export function sizeText(bytes: number): string {
  return bytes % (1 << 20) === 0 ? `${bytes >> 20} MiB` : `${bytes} bytes`;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/** Options for tests and benchmarks; not part of the public contract. */
export interface CsvInternalOptions {
  /** Bytes per read (default 1 MiB). Tiny values put chunk boundaries inside quotes, CRLF and UTF-8 sequences. */
  chunkSize?: number;
  /** Longest row accepted, in bytes (default 64 MiB). */
  maxRowBytes?: number;
}

export const DEFAULT_CHUNK_SIZE = 1 << 20;
export const DEFAULT_MAX_ROW_BYTES = 64 << 20;
// 16k rows keeps the ~30 output arrays of a 20-column batch and its dictionaries inside the CPU caches:
// measured 25–30% faster than 64k batches on the benchmark file.
export const DEFAULT_BATCH_ROWS = 16_384;
/** Largest batch: batch arrays are allocated up front, so an absurd `batchRows` must not allocate gigabytes. */
export const MAX_BATCH_ROWS = 1 << 20;

/** `ReadOptions.batchRows`, defaulted and clamped to 1..MAX_BATCH_ROWS. */
export function batchRowsOption(value: number | undefined): number {
  const n = Math.floor(value ?? DEFAULT_BATCH_ROWS);
  return Number.isFinite(n) ? Math.min(MAX_BATCH_ROWS, Math.max(1, n)) : DEFAULT_BATCH_ROWS;
}
/**
 * Most cells in one batch. A batch's arrays are allocated up front for `batchRows` rows (about 10
 * bytes a number cell, 4 a text cell), so 16,384 rows of a 10,000-column file took 1.8 GB before a
 * row was read: a wide file is read in fewer rows per batch instead, 4M cells (≈40 MB) at most.
 * Files up to 256 decoded columns keep the requested batch size.
 */
export const MAX_BATCH_CELLS = 1 << 22;
/** Rows per batch however wide the file: sketches compact once per batch, so batches stay sizeable. */
const MIN_WIDE_BATCH_ROWS = 256;

/** The rows per batch for `columns` decoded columns: `batchRows`, fewer for a wide file (see {@link MAX_BATCH_CELLS}). */
export function batchRowsFor(batchRows: number, columns: number): number {
  return Math.min(batchRows, Math.max(MIN_WIDE_BATCH_ROWS, Math.floor(MAX_BATCH_CELLS / Math.max(1, columns))));
}

/**
 * Bytes per segment when a large CSV file is profiled in parallel. Fixed, whatever the number of
 * threads, so that a profile depends only on the file. 32 MiB: each segment costs its own
 * profiler (sketches, samples) and a merge; `mlops drift` on the two 142 MB bench files took
 * 2.71 s with 32 MiB segments against 2.83 s with 16 MiB (-8% CPU; 64 MiB no better; means of 4
 * interleaved runs on 2 cores), and 4+ threads still share a 150 MB file.
 */
export const DEFAULT_SEGMENT_BYTES = 32 << 20;
/** Most columns a header may have (bounds the scanner's offset arrays). */
const MAX_FIELDS = 1 << 16;

/** What the batch pass decodes: which field goes to which decoder. */
interface Plan {
  fieldIndex: number[];
  decoders: CellDecoder[];
  /** Rows per batch: the requested size, fewer for a wide file ({@link batchRowsFor}). */
  batchRows: number;
  /**
   * Output column k is decoder `order[k]`, when a column is requested more than once (it is
   * decoded once, and each request gets that column, as the other readers give it).
   */
  order?: number[];
}

const K_NUM = 1;
const K_STR = 2;
/** A `detect` column currently read as numbers (NumberDecoder with `detect`). */
const K_DET = 3;
/**
 * A `detect` column whose batch had more than 1/DETECT_TEXT_SHARE of its cells not canonical numbers
 * is text: it switches to the string decoder from the next batch on (its cells would otherwise each
 * become a JS string in `invalid`, far slower than the dictionary).
 */
const DETECT_TEXT_SHARE = 64;
/**
 * A `detect` column that already holds this many text cells — more than 1/DETECT_TEXT_SHARE of
 * the batch's rows so far — switches to text at once, its rows so far re-encoded: otherwise the
 * first batch of every segment turned each cell of every text column into a JS string in
 * `invalid` (about 2.6M of them in a drift of two 1M-row files). Profiles do not depend on when a
 * column switches: a detected number's text is recoverable (NumberColumn.fractionDigits).
 */
const DETECT_SWITCH_CELLS = 256;
/** An ISO date/datetime column read as epoch milliseconds (TemporalDecoder). */
const K_TIME = 4;
/**
 * A number, `detect` or date column whose inline parse would read the delimiter as part of a cell
 * (`1.2` with `.` as the delimiter, `2021-01-03 10:45:32` with a space): its field end is found
 * first, then the decoder reads the cell ({@link CellDecoder.cell}).
 */
const K_CELL = 5;
/** Delimiters the inline parses read as part of a number, a `detect` number, a date, a datetime. */
const NUMBER_BYTES = /[0-9.eE]/;
const DETECT_BYTES = /[0-9.-]/;
const DATE_BYTES = /[0-9-]/;
const DATETIME_BYTES = /[0-9:T .Z+-]/;

class CsvParser {
  /** Physical line (1-based) at the current parse position. */
  line = 1;
  header: string[] | null = null;
  readonly out: RecordBatch[] = [];
  private nf = 0;
  private plan: Plan | null = null;
  /** Per field: 0 (not decoded), K_NUM or K_STR, and its decoder. */
  private kinds = new Uint8Array(0);
  /**
   * Per decoded field: 1 when no non-empty missing value is configured (a parsed number is final,
   * a text cell needs no comparison with the missing values). Read per cell: one byte instead of
   * the decoder's `missing.others.length`.
   */
  private noOtherMissing = new Uint8Array(0);
  private fieldDecoders: (CellDecoder | null)[] = [];
  private numDecoders: NumberDecoder[] = [];
  private strDecoders: StringDecoder[] = [];
  private timeDecoders: TemporalDecoder[] = [];
  private rowStarts = new Int32Array(0);
  private rowEnds = new Int32Array(0);
  private specials: Buffer[] = [];
  private batchLines = new Float64Array(0);
  /** Arrays of released batches (RecordBatch.release), shared by this parser's decoders. */
  private pool: ArrayPool | null = null;
  private filled = 0;
  private rowOffset = 0;
  private emitted = 0;
  /** Results of scanRowGeneral. */
  private rowEnd = 0;
  private rowFields = 0;
  private rowNewlines = 0;
  /** Bytes that end the inline field loops: delimiter, LF, CR (data unless before LF), quote. */
  private readonly special = new Uint8Array(256);

  constructor(
    private readonly file: string,
    private readonly delim: number,
    private batchRows: number,
    readonly maxRowBytes: number,
    private readonly makePlan: ((header: string[]) => Plan) | null,
  ) {
    this.special[delim] = 1;
    this.special[LF] = 1;
    this.special[CR] = 1;
    this.special[QUOTE] = 1;
  }

  private error(message: string, line: number): InputError {
    return new InputError(message, { file: this.file, line });
  }

  /**
   * Parses every complete row of `buf`; returns the offset of the first byte not consumed. A
   * `final` buffer is the rest of the file and always ends with LF (the driver adds one).
   */
  feed(buf: Buffer, final: boolean): number {
    let pos = 0;
    if (this.header === null) {
      pos = this.parseHeader(buf, final);
      if (this.header === null || this.makePlan === null) return pos;
    }
    pos = this.scan(buf, pos, final);
    if (pos < buf.length && this.overLimit(buf, pos)) {
      throw this.error(`row longer than ${sizeText(this.maxRowBytes)} (missing line break or unbalanced quote?)`, this.line);
    }
    if (final) this.flush(true);
    return pos;
  }

  /**
   * Whether the incomplete row at `pos` (the rest of `buf`, no line break yet) is already longer
   * than `maxRowBytes`. A row's length leaves out its line break, so one byte more is still within
   * the limit when it is a CR: the LF of a CRLF may come with the next read.
   */
  private overLimit(buf: Buffer, pos: number): boolean {
    const pending = buf.length - pos;
    return pending > this.maxRowBytes && !(pending === this.maxRowBytes + 1 && buf[buf.length - 1] === CR);
  }

  private parseHeader(buf: Buffer, final: boolean): number {
    let pos = 0;
    // Skip blank lines before the header.
    for (;;) {
      if (pos < buf.length && buf[pos] === LF) {
        pos++;
        this.line++;
      } else if (pos + 1 < buf.length && buf[pos] === CR && buf[pos + 1] === LF) {
        pos += 2;
        this.line++;
      } else break;
    }
    // Excel's `sep=;` line names the delimiter; the header follows it.
    const sep = excelSepLine(buf, pos);
    if (sep !== null && sep.delimiter === this.delim) {
      this.line++;
      return sep.end + this.parseHeader(buf.subarray(sep.end), final);
    }
    if (pos >= buf.length || (final && pos === buf.length - 1 && buf[pos] === CR)) {
      if (final) throw this.error('empty file: no header line', this.line);
      return pos;
    }
    const starts = new Int32Array(MAX_FIELDS);
    const ends = new Int32Array(MAX_FIELDS);
    this.specials = [];
    if (!this.scanRowGeneral(buf, pos, final, starts, ends, MAX_FIELDS, this.line)) {
      if (this.overLimit(buf, pos)) throw this.error(`header longer than ${sizeText(this.maxRowBytes)}`, this.line);
      return pos;
    }
    const nf = this.rowFields;
    if (nf > MAX_FIELDS) throw this.error(`header has ${nf} columns; at most ${MAX_FIELDS} are supported`, this.line);
    const names: string[] = [];
    for (let f = 0; f < nf; f++) {
      const e = ends[f];
      names.push(e < 0 ? this.specials[-1 - e].toString('utf8') : buf.toString('utf8', starts[f], e));
    }
    const seen = new Set<string>();
    const dups = new Set<string>();
    names.forEach((name, f) => {
      if (name.trim() === '') throw new InputError(`empty column name in the header (column ${f + 1})`, { file: this.file, line: this.line, column: f + 1 });
      if (seen.has(name)) dups.add(name);
      seen.add(name);
    });
    if (dups.size > 0) {
      throw this.error(`duplicate column names in the header: ${[...dups].map((d) => JSON.stringify(d)).join(', ')}`, this.line);
    }
    this.line += 1 + this.rowNewlines;
    this.setHeader(names);
    return this.rowEnd;
  }

  /** Adopts a header: the one just parsed, or a segment's (read once by whoever planned the segments). */
  setHeader(names: string[]): void {
    const nf = names.length;
    this.header = names;
    this.nf = nf;
    if (this.makePlan) {
      const plan = this.makePlan(names);
      this.plan = plan;
      this.batchRows = plan.batchRows;
      this.kinds = new Uint8Array(nf);
      this.noOtherMissing = new Uint8Array(nf);
      this.fieldDecoders = new Array<CellDecoder | null>(nf).fill(null);
      this.numDecoders = new Array<NumberDecoder>(nf);
      this.strDecoders = new Array<StringDecoder>(nf);
      this.timeDecoders = new Array<TemporalDecoder>(nf);
      const delimiter = String.fromCharCode(this.delim);
      plan.decoders.forEach((d, k) => {
        const f = plan.fieldIndex[k];
        this.fieldDecoders[f] = d;
        this.noOtherMissing[f] = d.missing.others.length === 0 ? 1 : 0;
        if (d instanceof NumberDecoder) {
          this.kinds[f] = (d.detect ? DETECT_BYTES : NUMBER_BYTES).test(delimiter) ? K_CELL : d.detect ? K_DET : K_NUM;
          this.numDecoders[f] = d;
        } else if (d instanceof TemporalDecoder) {
          this.kinds[f] = (d.type === 'date' ? DATE_BYTES : DATETIME_BYTES).test(delimiter) ? K_CELL : K_TIME;
          this.timeDecoders[f] = d;
        } else {
          this.kinds[f] = K_STR;
          this.strDecoders[f] = d as StringDecoder;
        }
      });
      this.rowStarts = new Int32Array(nf);
      this.rowEnds = new Int32Array(nf);
      this.pool = new ArrayPool(this.batchRows);
      for (const d of plan.decoders) d.pool = this.pool;
      this.batchLines = new Float64Array(this.batchRows);
    }
  }

  /** Emits the rows decoded so far (the end of a segment). */
  finishSegment(): void {
    this.flush(true);
  }

  /**
   * The hot loop. Rows without quotes are decoded inline, field by field, in one pass over their
   * bytes: numbers are parsed digit by digit, text is hashed once its end is found. Only rows
   * that start before the buffer's last LF are taken (an unquoted row then ends inside the buffer);
   * a row with a quote goes to the general state machine. Returns the offset after the last row.
   */
  private scan(buf: Buffer, pos: number, final: boolean): number {
    const bufLength = buf.length;
    const limit = final ? bufLength - 1 : buf.lastIndexOf(LF);
    const nf = this.nf;
    const last = nf - 1;
    const kinds = this.kinds;
    const special = this.special;
    const delim = this.delim;
    // Every byte above `hi` is data: one comparison per byte for digits and letters.
    const hi = Math.max(delim, QUOTE);
    const noOtherMissing = this.noOtherMissing;
    const nums = this.numDecoders;
    const strs = this.strDecoders;
    const times = this.timeDecoders;
    let line = this.line;
    while (pos <= limit) {
      if (this.filled === this.batchRows) this.flush(false);
      const row = this.filled;
      let c = buf[pos];
      if (c === LF) {
        pos++;
        line++;
        continue;
      }
      if (c === CR && buf[pos + 1] === LF) {
        pos += 2;
        line++;
        continue;
      }
      let i = pos;
      let f = 0;
      let e = 0;
      let general = false;
      for (;;) {
        const s = i;
        c = buf[i];
        if (c === QUOTE) {
          general = true;
          break;
        }
        const kind = kinds[f];
        if (kind === K_NUM) {
          const dec = nums[f];
          if (c === delim || c === LF || (c === CR && buf[i + 1] === LF)) {
            dec.cell(buf, s, s, row);
          } else {
            // Inline parse of [-+]digits[.digits][(e|E)[-+]digits]; see parseNumberBytes for why it is exact.
            let neg = false;
            if (c === 45) {
              neg = true;
              c = buf[++i];
            } else if (c === 43) c = buf[++i];
            // The first 9 digits accumulate in int32 arithmetic: each digit waits for the previous
            // one, and an integer multiply-add is half the latency of a double one. Beyond 9
            // digits, doubles (exact up to 15). Same value either way.
            let mi = 0;
            let digits = 0;
            let exp = 0;
            while (c >= 48 && c <= 57 && digits < 9) {
              mi = (mi * 10 + (c - 48)) | 0;
              digits++;
              c = buf[++i];
            }
            let m: number;
            if (c === 46 && digits < 9) {
              c = buf[++i];
              while (c >= 48 && c <= 57 && digits < 9) {
                mi = (mi * 10 + (c - 48)) | 0;
                digits++;
                exp--;
                c = buf[++i];
              }
              m = mi;
              while (c >= 48 && c <= 57) {
                m = m * 10 + (c - 48);
                digits++;
                exp--;
                c = buf[++i];
              }
            } else {
              m = mi;
              while (c >= 48 && c <= 57) {
                m = m * 10 + (c - 48);
                digits++;
                c = buf[++i];
              }
              if (c === 46) {
                c = buf[++i];
                while (c >= 48 && c <= 57) {
                  m = m * 10 + (c - 48);
                  digits++;
                  exp--;
                  c = buf[++i];
                }
              }
            }
            let ok = digits > 0 && digits <= 15;
            if (c === 101 || c === 69) {
              c = buf[++i];
              let eneg = false;
              if (c === 45) {
                eneg = true;
                c = buf[++i];
              } else if (c === 43) c = buf[++i];
              let x = 0;
              let xd = 0;
              while (c >= 48 && c <= 57) {
                x = x * 10 + (c - 48);
                xd++;
                c = buf[++i];
              }
              if (xd === 0 || xd > 4) ok = false;
              exp += eneg ? -x : x;
            }
            if (ok && (c === delim || c === LF || (c === CR && buf[i + 1] === LF)) && exp >= -22 && exp <= 22 && noOtherMissing[f] === 1) {
              let v = exp === 0 ? m : exp < 0 ? m / POW10[-exp] : m * POW10[exp];
              if (neg) v = -v;
              // No `nulls[row] = 0`: a batch's arrays start zeroed (new, or zeroed by ArrayPool), and
              // a row written before in this batch is only ever re-read from the same bytes, or
              // re-decoded by `cell`, which writes its null flag itself. ~3% of the scan's time.
              dec.values[row] = v;
            } else {
              // Not a plain number: find the field end, then take the careful path.
              for (;;) {
                while (c > hi || special[c] === 0) c = buf[++i];
                if (c === CR && buf[i + 1] !== LF) {
                  c = buf[++i];
                  continue;
                }
                break;
              }
              if (c === QUOTE) {
                general = true;
                break;
              }
              dec.cell(buf, s, i, row);
            }
          }
        } else if (kind === K_DET) {
          // `detect` decoding: the inline parse accepts plain decimals -?(0|[1-9]\d*)(\.\d+)? of at most
          // 15 digits, not a negative zero; the digits after the point are kept so the text stays
          // recoverable (toFixed). Anything else takes NumberDecoder.detectCell.
          const dec = nums[f];
          let neg = false;
          if (c === 45) {
            neg = true;
            c = buf[++i];
          }
          const d0 = i;
          // int32 for the first 9 digits, doubles after (as in the K_NUM parse above).
          let mi = 0;
          while (c >= 48 && c <= 57 && i - d0 < 9) {
            mi = (mi * 10 + (c - 48)) | 0;
            c = buf[++i];
          }
          let m: number = mi;
          while (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            c = buf[++i];
          }
          let fd = 0;
          const intDigits = i - d0;
          let ok = intDigits === 1 || (intDigits > 1 && buf[d0] !== 48);
          if (c === 46) {
            c = buf[++i];
            const f0 = i;
            if (intDigits < 9) {
              while (c >= 48 && c <= 57 && intDigits + (i - f0) < 9) {
                mi = (mi * 10 + (c - 48)) | 0;
                c = buf[++i];
              }
              m = mi;
            }
            while (c >= 48 && c <= 57) {
              m = m * 10 + (c - 48);
              c = buf[++i];
            }
            fd = i - f0;
            if (fd === 0) ok = false;
          }
          if (ok && intDigits + fd <= 15 && (c === delim || c === LF || (c === CR && buf[i + 1] === LF)) && noOtherMissing[f] === 1 && !(neg && m === 0)) {
            const v = fd === 0 ? m : m / POW10[fd];
            dec.values[row] = neg ? -v : v; // null flag already 0, as above
            dec.fd[row] = fd;
            const l = i - s;
            if (l < dec.minLen) dec.minLen = l;
            if (l > dec.maxLen) dec.maxLen = l;
          } else ok = false;
          if (!ok) {
            for (;;) {
              while (c > hi || special[c] === 0) c = buf[++i];
              if (c === CR && buf[i + 1] !== LF) {
                c = buf[++i];
                continue;
              }
              break;
            }
            if (c === QUOTE) {
              general = true;
              break;
            }
            dec.cell(buf, s, i, row);
            const texts = dec.invalid.length;
            if (texts >= DETECT_SWITCH_CELLS && texts * DETECT_TEXT_SHARE > row + 1) this.detectedText(f, row + 1);
          }
        } else if (kind === K_STR) {
          for (;;) {
            while (c > hi || special[c] === 0) c = buf[++i];
            if (c === CR && buf[i + 1] !== LF) {
              c = buf[++i];
              continue;
            }
            break;
          }
          if (c === QUOTE) {
            general = true;
            break;
          }
          const dec = strs[f];
          const len = i - s;
          if (len === 0) {
            if (dec.missing.emptyIsNull) dec.codes[row] = -1;
            else dec.codes[row] = dec.lookup(buf, s, i, hashBytes(buf, s, i));
          } else if (noOtherMissing[f] === 0 && dec.isOtherMissing(buf, s, i)) dec.codes[row] = -1;
          else {
            // hashBytes and the dictionary probe, inlined by hand (this is the hottest lookup). The
            // first two words are read whole where the buffer has 8 bytes from s (bytes past the
            // field masked off), then they decide a hit on a value of up to 8 bytes.
            let w0: number;
            let w1 = 0;
            if (s + 8 <= bufLength) {
              w0 = (buf[s] | (buf[s + 1] << 8) | (buf[s + 2] << 16) | (buf[s + 3] << 24)) & WORD_MASK[len < 4 ? len : 4];
              if (len > 4) w1 = (buf[s + 4] | (buf[s + 5] << 8) | (buf[s + 6] << 16) | (buf[s + 7] << 24)) & WORD_MASK[len < 8 ? len - 4 : 4];
            } else {
              w0 = wordAt(buf, s, i);
              w1 = wordAt(buf, s + 4, i);
            }
            let h = Math.imul(len ^ w0, HASH_MULTIPLIER);
            if (len > 4) h = Math.imul(h ^ w1, HASH_MULTIPLIER);
            for (let k = s + 8; k < i; k += 4) h = Math.imul(h ^ wordAt(buf, k, i), HASH_MULTIPLIER);
            h ^= h >>> 16;
            // Slots are [code + 1, hash].
            const table = dec.table;
            const mask = dec.mask;
            let slot = h & mask;
            let code = -1;
            for (;;) {
              const t = table[slot << 1];
              if (t === 0) {
                code = dec.insert(buf, s, i, h, slot, w0, w1);
                break;
              }
              if (table[(slot << 1) + 1] === h) {
                const idx = t - 1;
                if (dec.entryLen[idx] === len && dec.entryW0[idx] === w0 && dec.entryW1[idx] === w1) {
                  if (len <= 8) {
                    code = idx;
                    break;
                  }
                  const arena = dec.arena;
                  let p = dec.entryStart[idx] + 8;
                  let k = s + 8;
                  while (k < i && arena[p] === buf[k]) {
                    k++;
                    p++;
                  }
                  if (k === i) {
                    code = idx;
                    break;
                  }
                }
              }
              slot = (slot + 1) & mask;
            }
            dec.codes[row] = code;
          }
        } else if (kind === K_TIME && (e = times[f].fast(buf, s, row)) >= 0 && ((c = buf[e]) === delim || c === LF || (c === CR && buf[e + 1] === LF))) {
          // A date listed in the missing values (a sentinel such as 1900-01-01) is null, as it is
          // on the general path: the fast path alone read it as that date.
          if (noOtherMissing[f] === 0 && times[f].isOtherMissing(buf, s, e)) times[f].cell(buf, s, e, row);
          i = e;
        } else {
          // A column not decoded, or a temporal cell the fast path declined (empty, missing,
          // another form): find the field end; the temporal decoder then keeps the text.
          c = buf[i];
          for (;;) {
            while (c > hi || special[c] === 0) c = buf[++i];
            if (c === CR && buf[i + 1] !== LF) {
              c = buf[++i];
              continue;
            }
            break;
          }
          if (c === QUOTE) {
            general = true;
            break;
          }
          if (kind === K_TIME) times[f].cell(buf, s, i, row);
          else if (kind === K_CELL) (this.fieldDecoders[f] as CellDecoder).cell(buf, s, i, row);
        }
        // c ends the field: delimiter, LF or CR LF.
        if (c === delim) {
          if (f === last) {
            general = true; // too many fields: let the general path count them for the message
            break;
          }
          f++;
          i++;
          continue;
        }
        if (f !== last) throw this.error(`expected ${nf} fields (as in the header), found ${f + 1}`, line);
        i += c === CR ? 2 : 1;
        break;
      }
      if (general) {
        if (!this.generalRow(buf, pos, final, row, line)) break;
        this.batchLines[row] = line;
        line += 1 + this.rowNewlines;
        pos = this.rowEnd;
      } else {
        this.batchLines[row] = line;
        line++;
        pos = i;
      }
      this.filled++;
    }
    this.line = line;
    return pos;
  }

  /** Decodes one row with the general state machine; false when it does not end inside the buffer. */
  private generalRow(buf: Buffer, pos: number, final: boolean, row: number, line: number): boolean {
    this.specials = [];
    if (!this.scanRowGeneral(buf, pos, final, this.rowStarts, this.rowEnds, this.nf, line)) return false;
    const f = this.rowFields;
    if (f !== this.nf) throw this.error(`expected ${this.nf} fields (as in the header), found ${f}`, line);
    for (let k = 0; k < f; k++) {
      const dec = this.fieldDecoders[k];
      if (dec === null) continue;
      const e = this.rowEnds[k];
      if (e < 0) {
        const b = this.specials[-1 - e];
        dec.cell(b, 0, b.length, row);
      } else dec.cell(buf, this.rowStarts[k], e, row);
    }
    return true;
  }

  /**
   * General RFC 4180 state machine for one row starting at `pos`: quoted fields, doubled quotes,
   * line breaks inside quotes. A quote inside an unquoted field is kept as a literal character.
   * Writes field offsets (a field with doubled quotes becomes an unescaped copy in `specials`,
   * marked by a negative end) and returns false when the row does not end inside the buffer.
   */
  private scanRowGeneral(buf: Buffer, pos: number, final: boolean, starts: Int32Array, ends: Int32Array, cap: number, line: number): boolean {
    const len = buf.length;
    const delim = this.delim;
    let f = 0;
    let newlines = 0;
    for (;;) {
      let s: number;
      let e: number;
      let next: number; // offset of the byte after the field
      if (pos < len && buf[pos] === QUOTE) {
        const openLine = line + newlines;
        let i = pos + 1;
        let escaped = false;
        let close = -1;
        for (;;) {
          const j = buf.indexOf(QUOTE, i);
          if (j < 0) {
            if (final) throw this.error('unterminated quoted field (the quote opens on this line)', openLine);
            return false;
          }
          if (j + 1 >= len) {
            if (!final) return false;
            close = j;
            break;
          }
          if (buf[j + 1] === QUOTE) {
            escaped = true;
            i = j + 2;
            continue;
          }
          close = j;
          break;
        }
        for (let k = pos + 1; k < close; k++) if (buf[k] === LF) newlines++;
        next = close + 1;
        if (escaped) {
          const out = Buffer.allocUnsafe(close - pos - 1);
          let o = 0;
          for (let k = pos + 1; k < close; k++) {
            out[o++] = buf[k];
            if (buf[k] === QUOTE) k++;
          }
          this.specials.push(out.subarray(0, o));
          s = 0;
          e = -this.specials.length;
        } else {
          s = pos + 1;
          e = close;
        }
        if (next < len) {
          const c = buf[next];
          // A line is checked for NUL and UTF-8 once it is read whole (see drive), and a bad byte on
          // it is the error to report, wherever the read ended: a Latin-1 é right after the quote
          // must not read as 'unexpected character "é"'. So these wait for the line's end.
          if (c !== delim && c !== LF && c !== CR) {
            if (!final && buf.indexOf(LF, next) < 0) return false;
            throw this.error(`unexpected character ${JSON.stringify(String.fromCharCode(c))} after a closing quote`, line + newlines);
          }
          if (c === CR) {
            if (next + 1 >= len) {
              if (!final) return false;
            } else if (buf[next + 1] !== LF) {
              if (!final && buf.indexOf(LF, next) < 0) return false;
              throw this.error('unexpected carriage return after a closing quote', line + newlines);
            }
          }
        }
      } else {
        let i = pos;
        while (i < len && buf[i] !== delim && buf[i] !== LF) i++;
        if (i >= len && !final) return false;
        s = pos;
        e = i;
        if (e > s && (i >= len || buf[i] === LF) && buf[e - 1] === CR) e--;
        next = i;
      }
      if (f < cap) {
        starts[f] = s;
        ends[f] = e;
      }
      f++;
      if (next >= len) {
        this.rowEnd = len;
        break;
      }
      const c = buf[next];
      if (c === delim) {
        pos = next + 1;
        continue;
      }
      // LF, or CR LF (checked above).
      this.rowEnd = c === LF ? next + 1 : next + 2;
      break;
    }
    this.rowFields = f;
    this.rowNewlines = newlines;
    return true;
  }

  /** Field `f` is decoded by `str` from now on. */
  private useStringDecoder(f: number, str: StringDecoder): void {
    str.pool = this.pool;
    const plan = this.plan as Plan;
    plan.decoders[plan.fieldIndex.indexOf(f)] = str;
    this.fieldDecoders[f] = str;
    this.strDecoders[f] = str;
    this.kinds[f] = K_STR;
  }

  /** Switches the `detect` field `f` to text within the batch: its first `rows` rows are re-encoded. */
  private detectedText(f: number, rows: number): void {
    const dec = this.numDecoders[f];
    const str = new StringDecoder(dec.name, this.batchRows, dec.missing);
    str.adoptDetected(dec, rows);
    this.useStringDecoder(f, str);
  }

  /** Emits the current batch (and, at the end of a file with no rows, one empty batch). */
  private flush(final: boolean): void {
    if (this.filled === 0 && !(final && this.emitted === 0)) return;
    const plan = this.plan as Plan;
    const full = this.filled === this.batchRows;
    const length = this.filled;
    const decoded = plan.decoders.map((d) => d.finish(length, full));
    const columns = plan.order ? plan.order.map((k) => decoded[k]) : decoded;
    // `detect` columns that hold text switch to the dictionary decoder for the following batches.
    plan.decoders.forEach((d, k) => {
      if (!(d instanceof NumberDecoder) || !d.detect) return;
      const col = decoded[k] as NumberColumn;
      if (col.invalid.length * DETECT_TEXT_SHARE <= length) return;
      this.useStringDecoder(plan.fieldIndex[k], new StringDecoder(d.name, this.batchRows, d.missing));
    });
    const lines = full ? this.batchLines : this.batchLines.slice(0, length);
    const batch: RecordBatch = { length, rowOffset: this.rowOffset, lines, columns };
    const pool = this.pool;
    if (full && pool !== null) {
      this.batchLines = pool.float64();
      let released = false;
      batch.release = () => {
        if (released) return;
        released = true;
        for (const col of columns) {
          if (col.kind === 'string') pool.give(col.codes);
          else {
            pool.give(col.values);
            pool.give(col.nulls);
            pool.give(col.fractionDigits);
            pool.give(col.subMilliseconds);
          }
        }
        pool.give(lines);
      };
    }
    this.out.push(batch);
    this.rowOffset += length;
    this.filled = 0;
    this.emitted++;
  }
}

/** Resolves the delimiter byte: option, else tab for `.tsv`, else comma. */
export function csvDelimiter(path: string, opts: ReadOptions): number {
  const d = opts.delimiter ?? (/\.tsv$/i.test(withoutGzip(path)) ? '\t' : ',');
  if (d.length !== 1 || d.charCodeAt(0) > 127 || d === '"' || d === '\n' || d === '\r') {
    throw new InputError(`CSV delimiter must be one ASCII character other than a quote or line break, got ${JSON.stringify(d)}`, { file: path });
  }
  return d.charCodeAt(0);
}

function missingSpec(values: string[] | undefined): MissingSpec {
  const list = values ?? [''];
  return { emptyIsNull: list.includes(''), others: list.filter((v) => v !== '').map((v) => Buffer.from(v, 'utf8')) };
}

/** Which header fields to decode and how (`auto` is `string` for CSV: text has no native type; `detect` starts as numbers). */
function planFor(path: string, opts: ReadOptions, batchRows: number): (header: string[]) => Plan {
  return (header) => {
    const names = opts.columns ?? header;
    const rows = batchRowsFor(batchRows, names.length);
    const missing = missingSpec(opts.missingValues);
    const fieldIndex: number[] = [];
    const decoders: CellDecoder[] = [];
    // A column requested twice was given two decoders of one field, and only the last got cells:
    // the first copy read as empty. Each field is decoded once; `order` repeats it.
    const decoderOf = new Map<string, number>();
    const order: number[] = [];
    for (const name of names) {
      const known = decoderOf.get(name);
      if (known !== undefined) {
        order.push(known);
        continue;
      }
      decoderOf.set(name, decoders.length);
      order.push(decoders.length);
      const fi = header.indexOf(name);
      if (fi < 0) throw new InputError(`column ${JSON.stringify(name)} is not in the header`, { file: path, line: 1, key: name });
      const decoding: ColumnDecoding = ownValue(opts.decoding, name) ?? opts.defaultDecoding ?? 'auto';
      const own = ownValue(opts.fieldMissingValues, name);
      const cellMissing = own ? missingSpec(own) : missing;
      fieldIndex.push(fi);
      const temporal = ownValue(opts.temporal, name);
      decoders.push(
        decoding === 'number' || decoding === 'detect'
          ? new NumberDecoder(name, rows, cellMissing, decoding === 'detect')
          : temporal !== undefined
            ? new TemporalDecoder(name, rows, cellMissing, temporal)
            : new StringDecoder(name, rows, cellMissing),
      );
    }
    return { fieldIndex, decoders, batchRows: rows, ...(order.length !== decoders.length ? { order } : {}) };
  };
}

/**
 * Drives a parser over the file: reads chunks, checks each newly complete region for NUL bytes
 * and invalid UTF-8 (native `indexOf`/`isUtf8`, cut at a line break so no UTF-8 sequence is split),
 * and yields batches as they fill. With `headerOnly` it stops once the header is known.
 */
async function* drive(path: string, parser: CsvParser, chunkSize: number, headerOnly: boolean, segment?: SegmentProgress): AsyncGenerator<RecordBatch> {
  const fh = chunkReader(await openByteReader(path), chunkSize);
  try {
    // The start of an unfinished row (the previous read consumed every row before it), of which
    // `checked` bytes were already checked for NUL/UTF-8.
    let carry: Uint8Array = new Uint8Array(0);
    let checked = 0;
    let position = segment?.start ?? 0;
    let first = position === 0;
    // File offset of view[0] below (after a BOM).
    let viewOffset = position;
    for (;;) {
      // Reads grow with the carried row, but never past the longest row accepted (plus a CR whose
      // LF is still to come): a longer row cannot end inside a read unchecked, feed refuses it unfinished.
      const have = carry.length;
      let want = Math.min(Math.max(chunkSize, have), Math.max(1, parser.maxRowBytes + 1 - have));
      // A segment reads up to its end first; past it only to finish a row that straddles the end.
      if (segment && position < segment.end) want = Math.min(want, segment.end - position);
      const buf = await fh.next(carry, want, position);
      const n = buf.length - have;
      position += n;
      const final = n === 0;
      let start = 0;
      const end = buf.length;
      if (first && end > 0) {
        // A UTF-8 BOM needs its 3 bytes; wait for them.
        if (end < 3 && !final) {
          carry = buf;
          continue;
        }
        first = false;
        if (end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
          start = 3;
          viewOffset += 3;
        }
      }
      const view = buf.subarray(start, end);
      const checkEnd = final ? view.length : view.lastIndexOf(LF) + 1;
      if (checkEnd > checked) {
        // The first bad byte, NUL or invalid UTF-8, whichever comes first.
        const nulAt = view.indexOf(0, checked);
        let bad = nulAt >= 0 && nulAt < checkEnd ? nulAt : -1;
        let message = 'NUL byte in a text file (is this a binary file?)';
        const utf8End = bad >= 0 ? bad : checkEnd;
        if (!isUtf8(view.subarray(checked, utf8End))) {
          bad = firstInvalidUtf8(view, checked, utf8End);
          message = invalidUtf8Message(view[bad]);
        }
        if (bad >= 0) {
          const line = parser.line + countLines(view, 0, bad);
          // Rows before the bad byte's line come first: a ragged row there is the first error of
          // the file, and is what a reader that stops at the first error should name.
          const lineStart = bad > 0 ? view.lastIndexOf(LF, bad - 1) + 1 : 0;
          if (lineStart > 0) parser.feed(view.subarray(0, lineStart), false);
          // Reading the header only (openCsv's probe): the header is fine; the rows' read reports the byte.
          if (headerOnly && parser.header !== null) return;
          throw new InputError(message, { file: path, line });
        }
        checked = checkEnd;
      }
      // The last piece of the file always ends with LF, so the scanner never meets the end mid-row.
      const piece = final && view.length > 0 && view[view.length - 1] !== LF ? Buffer.concat([view, Buffer.from([LF])]) : view;
      const consumed = parser.feed(piece, final);
      if (segment && (final || viewOffset + consumed >= segment.end)) {
        if (!final) parser.finishSegment();
        segment.endOffset = final ? position : viewOffset + consumed;
        segment.lines = parser.line - 1;
      }
      while (parser.out.length > 0) yield parser.out.shift() as RecordBatch;
      if (headerOnly && parser.header !== null) return;
      if (final || (segment && segment.endOffset >= 0)) return;
      carry = view.subarray(consumed);
      checked = Math.max(0, checked - consumed);
      viewOffset += consumed;
    }
  } finally {
    await fh.close();
  }
}

/** Delimiters the sniffer may choose besides the comma. */
const SNIFFED = [';', '\t', '|'];

/**
 * The delimiter of a `.csv` file whose reader was given none: the comma, unless the first non-blank
 * line (the header) holds no comma outside quotes and some `;`, tab or `|` — then the most frequent
 * of those. Semicolon files are what spreadsheets write where the comma is the decimal mark. Only
 * the header decides, so every reader of a file (and of each of its segments) agrees.
 */
export function sniffDelimiter(head: Uint8Array): string {
  // A UTF-8 BOM is not text (the reader drops it): read as the header's first bytes, it hid a
  // blank line's end or an Excel `sep=` line from the checks below.
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === LF || head[i] === CR)) i++;
  const declared = excelSepLine(head, i);
  if (declared !== null) return String.fromCharCode(declared.delimiter);
  const counts = new Map<number, number>();
  let quoted = false;
  for (; i < head.length; i++) {
    const c = head[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if ((counts.get(44) ?? 0) > 0) return ',';
  let best = ',';
  let most = 0;
  for (const d of SNIFFED) {
    const n = counts.get(d.charCodeAt(0)) ?? 0;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/**
 * Excel's `sep=;` first line (written by Excel's CSV export in locales whose list separator is not
 * a comma, and read by Excel to pick the delimiter): the delimiter it declares and the offset after
 * its line break, or null. It is not the header: the reader skips it.
 */
export function excelSepLine(buf: Uint8Array, pos: number): { delimiter: number; end: number } | null {
  // "sep=" then one byte, then LF or CR LF.
  if (buf.length < pos + 6 || buf[pos] !== 115 || buf[pos + 1] !== 101 || buf[pos + 2] !== 112 || buf[pos + 3] !== 61) return null;
  const delimiter = buf[pos + 4]!;
  if (delimiter === LF || delimiter === CR || delimiter === QUOTE) return null;
  if (buf[pos + 5] === LF) return { delimiter, end: pos + 6 };
  if (buf[pos + 5] === CR && buf[pos + 6] === LF) return { delimiter, end: pos + 7 };
  return null;
}

/**
 * Opens a CSV/TSV file: reads and checks the header; rows stream on each `batches()` call. With no
 * `delimiter` option, a `.csv` file's delimiter is sniffed from its header ({@link sniffDelimiter})
 * and reported as the source's `delimiter`, for readers of its segments.
 */
export async function openCsv(path: string, opts: ReadOptions & CsvInternalOptions = {}): Promise<TableSource> {
  if (opts.delimiter === undefined && !/\.tsv$/i.test(withoutGzip(path))) opts = { ...opts, delimiter: sniffDelimiter(await readHead(path, 1 << 16)) };
  const delim = csvDelimiter(path, opts);
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const maxRowBytes = opts.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const batchRows = batchRowsOption(opts.batchRows);
  const probe = new CsvParser(path, delim, batchRows, maxRowBytes, null);
  for await (const _ of drive(path, probe, Math.min(chunkSize, 1 << 16), true)) {
    // header only: nothing is yielded
  }
  const header = probe.header as string[];
  // Fail on an unknown requested column now rather than at the first batch.
  planFor(path, opts, 1)(header);
  return {
    path,
    format: 'csv',
    fieldNames: header,
    delimiter: String.fromCharCode(delim),
    batches(): AsyncIterable<RecordBatch> {
      warmUpScanner();
      const parser = new CsvParser(path, delim, batchRows, maxRowBytes, planFor(path, opts, batchRows));
      return drive(path, parser, chunkSize, false);
    },
  };
}

/**
 * The batches of a CSV text held in memory (header first, comma-separated, ends with a line
 * break), decoded as `options` asks: for warm-up runs over synthetic data (src/profile/warm-up.ts).
 */
export function parseCsvText(text: string, options: ReadOptions, batchRows: number): RecordBatch[] {
  const parser = memoryParser(options, batchRows);
  parser.feed(Buffer.from(text, 'utf8'), true);
  return parser.out;
}

/** A parser of comma-separated text held in memory. */
function memoryParser(options: ReadOptions, batchRows: number): CsvParser {
  return new CsvParser('(in memory)', COMMA, batchRows, DEFAULT_MAX_ROW_BYTES, planFor('(in memory)', options, batchRows));
}

/** Whether {@link warmUpScanner} ran in this thread. */
let warmedUp = false;

/**
 * Runs the scanner once, in this thread, over a small CSV file in memory whose rows take its
 * rarer paths: a full batch handed over, the return at the end of a buffer, the last buffer of a
 * file, exponents, signs, empty and non-numeric cells, quoted fields, CRLF, a skipped column, dates.
 * V8 optimises `scan` (on-stack, mid-loop) long before a real file reaches those paths, and each
 * one then met without type feedback threw the optimised code away ("insufficient type feedback"
 * deopts: 4 per thread on the bench file, each followed by ~70 ms of recompiling the 300-line loop
 * and a stretch in the interpreter). With the feedback already there, the first optimised code stays.
 * Called before a thread's first CSV read: ~17 ms from sources, most of it compiling the scanner,
 * which that first read would compile anyway.
 */
export function warmUpScanner(): void {
  if (warmedUp) return;
  warmedUp = true;
  const rows = [
    'n,d,s,t,day,skip',
    '12,12,a,2021-01-03T10:45:32Z,2021-01-03,x',
    '-3.5,-0.25,b,2021-01-03T10:45:32.5+01:00,2020-02-29,y',
    '1.5e-3,7,,,,z',
    '+2E+4,abc,a,2021-01-03,2021-01-03,x',
    ',,"q,1","2021-01-03T00:00:00Z",,"a ""b"""',
    'abc,0.50,b,bad,bad,y',
    '12345678901234567890,007,c,2021-01-03T10:45:32Z,2021-01-03,z',
  ];
  const text = `${rows[0]}\r\n${rows.slice(1).join('\n')}\r\n${rows.slice(1).join('\r\n')}\n`;
  const options: ReadOptions = {
    columns: ['n', 'd', 's', 't', 'day'],
    decoding: { n: 'number', d: 'detect', s: 'string', t: 'string', day: 'string' },
    temporal: { t: 'datetime', day: 'date' },
  };
  const bytes = Buffer.from(text, 'latin1');
  const cut = bytes.indexOf(LF, bytes.length >> 1) + 1;
  // Several rounds: V8 gives a function its feedback vector only after a few calls (lazy feedback
  // allocation); what ran before that recorded nothing.
  for (let round = 0; round < 4; round++) {
    const parser = memoryParser(options, 4);
    parser.feed(bytes.subarray(0, cut), false);
    parser.feed(bytes.subarray(cut), true);
  }
  // Buffer#lastIndexOf (inlined into scan) is Node's own JavaScript, with its own lazy feedback.
  for (let k = 0; k < 32; k++) bytes.lastIndexOf(LF);
}

/**
 * Where a segment's read ended: `endOffset` is the file offset after its last row (−1 until the
 * read finishes), `lines` the line breaks it consumed (the header's too for the first segment).
 */
export interface SegmentProgress {
  start: number;
  end: number;
  endOffset: number;
  lines: number;
}

/**
 * Streams the rows of the byte range [start, end) of a CSV file: every row that starts inside it,
 * the last one read to its end even past `end`. A segment that starts at 0 reads the header;
 * any other adopts `header` and must start at a row boundary — which only the caller can confirm,
 * by checking that the previous segment's `endOffset` equals this `start` (a quoted field with
 * a line break can straddle a planned boundary). Lines and row offsets are relative to the segment.
 */
export function readCsvSegment(path: string, options: ReadOptions & CsvInternalOptions, header: string[], progress: SegmentProgress): AsyncIterable<RecordBatch> {
  warmUpScanner();
  const opts = decodeNumberFormsAs(options, 'string');
  const delim = csvDelimiter(path, opts);
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const batchRows = batchRowsOption(opts.batchRows);
  const parser = new CsvParser(path, delim, batchRows, opts.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES, planFor(path, opts, batchRows));
  if (progress.start > 0) parser.setHeader(header);
  progress.endOffset = -1;
  progress.lines = 0;
  return withNumberForms(drive(path, parser, chunkSize, false, progress), options.numberForms);
}

/**
 * Cuts a CSV file into ranges of about `segmentBytes`, each starting right after a line break
 * (the first at 0, with the header). Boundaries depend only on the file and `segmentBytes`, never
 * on how many threads read them, so results merged from segments are the same on every machine.
 */
export async function planCsvSegments(path: string, segmentBytes: number): Promise<Array<{ start: number; end: number }>> {
  const fh = await openForReading(path);
  try {
    const size = (await fh.stat()).size;
    // A compressed stream has no offsets to cut at: one segment, read in one pass.
    if (isGzipPath(path)) return [{ start: 0, end: size }];
    const bounds = [0];
    const probe = Buffer.allocUnsafe(1 << 16);
    for (let target = segmentBytes; target < size; ) {
      const { bytesRead } = await fh.read(probe, 0, probe.length, target);
      const lf = probe.subarray(0, bytesRead).indexOf(LF);
      if (lf < 0) {
        // No line break within 64 KiB: a very long row; look further on.
        if (bytesRead === 0) break;
        target += bytesRead;
        continue;
      }
      const boundary = target + lf + 1;
      if (boundary >= size) break;
      bounds.push(boundary);
      target = Math.max(boundary, target + segmentBytes);
    }
    bounds.push(size);
    const out: Array<{ start: number; end: number }> = [];
    for (let k = 0; k + 1 < bounds.length; k++) out.push({ start: bounds[k], end: bounds[k + 1] });
    return out;
  } finally {
    await fh.close();
  }
}

/** What every segment task reports besides its own result: where its read ended ({@link SegmentProgress}). */
export interface SegmentEnd {
  endOffset: number;
  lines: number;
}

/**
 * Puts the outcomes of segment tasks in file order and checks that each segment began where the
 * previous one's last row ended. Returns each result with the line breaks before its segment, or
 * null when a cut fell inside a row (a quoted line break): the caller then reads the file in one
 * pass. The first failed segment's error is thrown, at its line in the whole file.
 */
export function alignSegments<R extends SegmentEnd>(segments: ReadonlyArray<{ start: number }>, outcomes: ReadonlyArray<TaskOutcome<R>>): Array<{ value: R; lineOffset: number }> | null {
  const placed: Array<{ value: R; lineOffset: number }> = [];
  let lineOffset = 0;
  for (let k = 0; k < outcomes.length; k++) {
    const outcome = outcomes[k];
    if (k > 0) {
      const previous = outcomes[k - 1];
      if (!previous.ok || previous.value.endOffset !== segments[k].start) return null;
    }
    if (!outcome.ok) throw atLineOffset(outcome.error, lineOffset);
    placed.push({ value: outcome.value, lineOffset });
    lineOffset += outcome.value.lines;
  }
  return placed;
}

/** The same error, at its line in the whole file (a segment counts lines from its own start). */
function atLineOffset(error: Error, lineOffset: number): Error {
  if (!(error instanceof InputError) || lineOffset === 0 || error.location.line === undefined) return error;
  return new InputError(error.detail, { ...error.location, line: error.location.line + lineOffset });
}
