import assert from "node:assert/strict";
import { test } from "node:test";
import { cryptoRandom, randomToken } from "./random.ts";

test("the pooled generator hands out the length asked, never the same bytes twice, evenly spread", () => {
  const seen = new Set<string>();
  const counts = new Array<number>(256).fill(0);
  // 200,000 draws of 16 bytes cross the 64 KiB pool's refill about 50 times.
  for (let i = 0; i < 200_000; i++) {
    const b = cryptoRandom(16);
    assert.equal(b.length, 16);
    const hex = Buffer.from(b).toString("hex");
    assert.ok(!seen.has(hex), "a 128-bit draw came out twice");
    seen.add(hex);
    for (const x of b) counts[x]! += 1;
  }
  // Chi-square over 256 byte values (255 degrees of freedom): above 360 about once in 10^5 runs.
  const expected = (200_000 * 16) / 256;
  const chi = counts.reduce((a, c) => a + (c - expected) ** 2 / expected, 0);
  assert.ok(chi < 360, `byte values uneven: chi-square ${chi.toFixed(1)}`);
  // Odd sizes and sizes over the pool's share still come back whole and differ.
  for (const n of [1, 3, 4, 33, 8192, 8193, 100_000]) {
    const a = cryptoRandom(n);
    const b = cryptoRandom(n);
    assert.equal(a.length, n);
    if (n >= 4) assert.notDeepEqual(a, b);
  }
  // A returned array is the caller's own: changing it changes no later draw.
  const mine = cryptoRandom(32);
  mine.fill(7);
  assert.notDeepEqual(cryptoRandom(32), mine);
  assert.match(randomToken(), /^[A-Za-z0-9_-]{43}$/);
});
