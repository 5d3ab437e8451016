import { randomBytes, randomFillSync } from "node:crypto";
import type { RandomBytes } from "../../domain/ballots/index.ts";

// Every call into node:crypto's generator costs a trip into OpenSSL of about 2 µs, whatever the
// size, and the busy paths ask for a few bytes at a time: 4 per step of each cast batch's shuffle,
// 16 per ballot id, 32 per application's status link. In the 2016 replay that was about 10 s of CPU.
// So bytes are drawn from the same generator 64 KiB at a time and each is handed out once; the
// bytes handed out are wiped from the pool, so it never holds a value already in use.
const POOL_BYTES = 64 * 1024;
let pool = Buffer.alloc(0);
let next = 0;

/** Cryptographic randomness from node:crypto, drawn in blocks; each call gets bytes no other call gets. */
export const cryptoRandom: RandomBytes = (n) => {
  if (n > POOL_BYTES / 8) return new Uint8Array(randomBytes(n));
  if (next + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    next = 0;
  }
  const out = new Uint8Array(pool.subarray(next, next + n));
  pool.fill(0, next, next + n);
  next += n;
  return out;
};

/** A url-safe token of `bytes` random bytes (256 bits by default). */
export const randomToken = (bytes = 32): string => Buffer.from(cryptoRandom(bytes)).toString("base64url");
