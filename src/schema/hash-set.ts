/**
 * An exact set of doubles in open addressing over a Float64Array: 16 bytes per slot at ≤ 50 %
 * load, i.e. about 16–32 bytes per distinct value, against ~50+ bytes for a JS Set of heap
 * numbers. Uniqueness of a numeric column needs every value kept, so this is where the memory of
 * `unique`/`primaryKey` on numbers goes (documented in docs/validation.md).
 */
export class NumberSet {
  private keys: Float64Array;
  private used: Uint8Array;
  private mask: number;
  private count = 0;
  private hasNaN = false;
  private readonly view = new DataView(new ArrayBuffer(8));

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count + (this.hasNaN ? 1 : 0);
  }

  /** Bytes held by the table (for reports). */
  get bytes(): number {
    return this.keys.byteLength + this.used.byteLength;
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
    if (x !== x) {
      if (this.hasNaN) return false;
      this.hasNaN = true;
      return true;
    }
    if (x === 0) x = 0;
    let i = this.slot(x);
    while (this.used[i]) {
      if (this.keys[i] === x) return false;
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.keys[i] = x;
    if (++this.count * 2 > this.keys.length) this.grow();
    return true;
  }

  has(x: number): boolean {
    if (x !== x) return this.hasNaN;
    if (x === 0) x = 0;
    let i = this.slot(x);
    while (this.used[i]) {
      if (this.keys[i] === x) return true;
      i = (i + 1) & this.mask;
    }
    return false;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldUsed = this.used;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.used = new Uint8Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      if (!oldUsed[j]) continue;
      let i = this.slot(oldKeys[j]);
      while (this.used[i]) i = (i + 1) & this.mask;
      this.used[i] = 1;
      this.keys[i] = oldKeys[j];
    }
  }
}
