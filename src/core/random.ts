/**
 * mulberry32: a small, fast, seeded PRNG that gives the same sequence on every platform. Used
 * wherever a result must be reproducible from a seed (training shuffles, benchmark data, tests).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `bytes` unpredictable random bytes as hex (temp-file names, workflow-command tokens), from Web
 * Crypto's `getRandomValues`, a global that Node loads on first use: importing node:crypto for
 * them cost every command ~2.5 ms of start-up.
 */
export function randomHex(bytes: number): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
