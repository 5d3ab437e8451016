import type { RandomBytes } from "./randomness.ts";

/** A deterministic byte source for tests and replays (xorshift32 from a seed); not for live use. */
export function seededRandom(seed: number): RandomBytes {
  let x = seed >>> 0 || 0x9e3779b9;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}
