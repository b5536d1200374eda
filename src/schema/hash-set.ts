/**
 * An exact set of doubles in open addressing over one Float64Array: 8 bytes per slot at ≤ 50 %
 * load, i.e. 16–32 bytes per distinct value, against ~50+ bytes for a JS Set of heap numbers.
 * Uniqueness of a numeric column needs every value kept, so this is where the memory of
 * `unique`/`primaryKey` on numbers goes (documented in docs/validation.md).
 *
 * An empty slot holds 0; the value 0 itself (and -0, the same value) and NaN are kept as flags.
 * One array means one cache miss per insert on large tables, which is what an insert costs.
 */
export class NumberSet {
  private keys: Float64Array;
  private mask: number;
  private count = 0;
  private hasZero = false;
  private hasNaN = false;
  private readonly view = new DataView(new ArrayBuffer(8));

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count + (this.hasZero ? 1 : 0) + (this.hasNaN ? 1 : 0);
  }

  /** Bytes held by the table (for reports). */
  get bytes(): number {
    return this.keys.byteLength;
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
