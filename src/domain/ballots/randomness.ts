/** A source of random bytes, passed in (the adapter uses node:crypto; tests use a seeded one). */
export type RandomBytes = (n: number) => Uint8Array;

/** A uniform integer in [0, bound) by rejection sampling, so no value is favoured (bound ≤ 2^32). */
export function randomBelow(bound: number, random: RandomBytes): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) throw new Error(`bad bound ${bound}`);
  const limit = Math.floor(2 ** 32 / bound) * bound;
  for (;;) {
    const b = random(4);
    const x = (((b[0] ?? 0) << 24) >>> 0) + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0);
    if (x < limit) return x % bound;
  }
}

/** Fisher–Yates shuffle with injected randomness; returns a new array. */
export function shuffle<T>(items: readonly T[], random: RandomBytes): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1, random);
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

/** A random (version 4) UUID from 16 random bytes: it carries no time and no order. */
export function uuidV4(random: RandomBytes): string {
  const b = random(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
