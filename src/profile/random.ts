/**
 * A small seeded PRNG (splitmix32: a Weyl sequence through murmur3's finaliser). The state is one
 * uint32, so it serialises into a profile as a plain number and the same input always gives the
 * same sketch, sample and profile bytes (DESIGN §1.7).
 */

/** Advances a splitmix32 state; returns `[nextState, output]` with output a uint32. */
export function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next >>> 0, z >>> 0];
}

/** Mutable generator over a splitmix32 state. */
export class Rng {
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next uniform uint32. */
  nextUint32(): number {
    // Inlined splitmix32 (hot path of the reservoir): no tuple allocation.
    const next = (this.state + 0x9e3779b9) | 0;
    this.state = next >>> 0;
    let z = next;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return z >>> 0;
  }

  /** Uniform double in (0, 1], never 0 (so `Math.log` of it is finite). */
  nextOpenUnit(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }
}

/** Mixes several 32-bit values into one seed (order-sensitive). */
export function mixSeeds(...parts: number[]): number {
  let h = 0x2545f491;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
  }
  return h >>> 0;
}
