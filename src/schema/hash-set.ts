/**
 * An exact set of doubles in open addressing over one Float64Array: 8 bytes per slot at ≤ 50 %
 * load, i.e. 16–32 bytes per distinct value, against ~50+ bytes for a JS Set of heap numbers.
 * Uniqueness of a numeric column needs every value kept, so this is where the memory of
 * `unique`/`primaryKey` on numbers goes (documented in docs/validation.md).
 *
 * An empty slot holds 0; the value 0 itself (and -0, the same value) and NaN are kept as flags.
 * One array means one cache miss per insert on large tables, which is what an insert costs.
 *
 * Integers in a dense range — row ids, keys numbered 1..n, shuffled or not — go to a bitmap
 * window instead: one bit each, no hashing, no cache miss. Adding 1..1,000,000 measured 164–182 ms
 * and 16.8 MB in the hash table, 22–27 ms and 0.15 MB in the window.
 * The window grows (doubling towards the new value) while it stays within {@link DENSE_FREE_BITS}
 * or holds at least one value per {@link DENSE_BITS_PER_VALUE} bits; otherwise the value goes to
 * the hash table and the window stops growing for good, so a value is only ever in one of them.
 */
/** Bits a dense window may span whatever it holds (2 MiB). */
const DENSE_FREE_BITS = 1 << 24;
/** Past that, at most this many bits per value held: 8 bytes, below the hash table's 16–32. */
const DENSE_BITS_PER_VALUE = 64;
/** The first window's span, centred on the first integer (8 KiB). */
const DENSE_FIRST_BITS = 1 << 16;
/** Largest window: offsets stay small integers. */
const DENSE_MAX_BITS = 2 ** 31;

export class NumberSet {
  private keys: Float64Array;
  private mask: number;
  /** Values in the hash table. */
  private count = 0;
  /** The dense window: bit `x - base` of `bits` is set when integer x is in the set. */
  private bits = new Int32Array(0);
  private base = 0;
  private span = 0;
  private denseCount = 0;
  /** Set once an integer went to the hash table: the window must not grow over it later. */
  private frozen = false;
  private hasZero = false;
  private hasNaN = false;
  private readonly view = new DataView(new ArrayBuffer(8));

  /**
   * @param initialCapacity values expected (the hash table's first size).
   * @param window the dense window's first span and free span in bits (multiples of 32); tests
   *   shrink them to exercise growth and refusal on small inputs.
   */
  constructor(initialCapacity = 1024, private readonly window = { firstBits: DENSE_FIRST_BITS, freeBits: DENSE_FREE_BITS }) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count + this.denseCount + (this.hasZero ? 1 : 0) + (this.hasNaN ? 1 : 0);
  }

  /** Bytes held by the table and the window (for reports). */
  get bytes(): number {
    return this.keys.byteLength + this.bits.byteLength;
  }

  /**
   * The window offset of integer `x`, growing the window to it when the rules allow; -1 when x
   * belongs to the hash table (not an integer, or too far from the others).
   */
  private denseOffset(x: number): number {
    const off = x - this.base;
    if (off >= 0 && off < this.span) return off;
    if (this.frozen || !Number.isSafeInteger(x)) return -1;
    let lo: number;
    let hi: number;
    if (this.span === 0) {
      lo = Math.floor((x - this.window.firstBits / 2) / 32) * 32;
      hi = lo + this.window.firstBits;
    } else {
      lo = this.base;
      hi = this.base + this.span;
      while (x < lo || x >= hi) {
        if (hi - lo >= DENSE_MAX_BITS) break;
        if (x < lo) lo -= hi - lo;
        else hi += hi - lo;
      }
    }
    const span = hi - lo;
    const tooSparse = span > this.window.freeBits && span > DENSE_BITS_PER_VALUE * (this.size + 1);
    // Safe integers only inside the window, so a larger one is never mistaken for a bit.
    if (x < lo || x >= hi || span > DENSE_MAX_BITS || tooSparse || lo < -Number.MAX_SAFE_INTEGER || hi > Number.MAX_SAFE_INTEGER) {
      this.frozen = true;
      return -1;
    }
    const bits = new Int32Array(span / 32);
    if (this.span > 0) bits.set(this.bits, (this.base - lo) / 32);
    this.bits = bits;
    this.base = lo;
    this.span = span;
    return x - lo;
  }

  private slot(x: number): number {
    let h: number;
    if ((x | 0) === x) {
      // Integers (ids, keys) hash without touching the IEEE bits: the common case, and 5× cheaper.
      h = Math.imul(x, 0x9e3779b1);
    } else {
      this.view.setFloat64(0, x);
      h = (this.view.getInt32(0) ^ Math.imul(this.view.getInt32(4), 0x9e3779b1)) | 0;
    }
    // Murmur3 finalizer so sequential ids spread over the table.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & this.mask;
  }

  /** Adds x; returns false when it was already present. -0 and 0 are the same value. */
  add(x: number): boolean {
    if (x === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      return true;
    }
    if (x !== x) {
      if (this.hasNaN) return false;
      this.hasNaN = true;
      return true;
    }
    if (Number.isInteger(x)) {
      const off = this.denseOffset(x);
      if (off >= 0) {
        const word = off >>> 5;
        const bit = 1 << (off & 31);
        const w = this.bits[word];
        if ((w & bit) !== 0) return false;
        this.bits[word] = w | bit;
        this.denseCount++;
        return true;
      }
    }
    const keys = this.keys;
    let i = this.slot(x);
    let k = keys[i];
    while (k !== 0) {
      if (k === x) return false;
      i = (i + 1) & this.mask;
      k = keys[i];
    }
    keys[i] = x;
    if (++this.count * 2 > keys.length) this.grow();
    return true;
  }

  has(x: number): boolean {
    if (x === 0) return this.hasZero;
    if (x !== x) return this.hasNaN;
    const off = x - this.base;
    if (off >= 0 && off < this.span && Number.isInteger(x)) return (this.bits[off >>> 5] & (1 << (off & 31))) !== 0;
    let i = this.slot(x);
    while (this.keys[i] !== 0) {
      if (this.keys[i] === x) return true;
      i = (i + 1) & this.mask;
    }
    return false;
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < old.length; j++) {
      const x = old[j];
      if (x === 0) continue;
      let i = this.slot(x);
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = x;
    }
  }
}
