import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { MIN_MIX_BATCH, planMix } from "./mixer.ts";
import { randomBelow, shuffle, uuidV4 } from "./randomness.ts";
import { seededRandom } from "./test-random.ts";

const staged = (n: number) => Array.from({ length: n }, (_, i) => i);

test("nothing moves while fewer than k are staged; everything moves at close", () => {
  assert.equal(planMix(staged(MIN_MIX_BATCH - 1), { closing: false }, seededRandom(1)).length, 0);
  assert.equal(planMix(staged(3), { closing: true }, seededRandom(1)).length, 3);
  assert.equal(
    planMix(staged(MIN_MIX_BATCH + 7), { closing: false }, seededRandom(1)).length,
    MIN_MIX_BATCH + 7,
  );
});

test("a batch is a permutation of the staged ballots under fresh, distinct v4 ids", () => {
  const moves = planMix(staged(500), { closing: false }, seededRandom(42));
  assert.deepEqual(
    [...moves.map((m) => m.staged)].sort((a, b) => a - b),
    staged(500),
  );
  const ids = new Set(moves.map((m) => m.ballotId));
  assert.equal(ids.size, 500);
  for (const id of ids)
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test("the shuffle breaks cast order: mean |Spearman rho| over batches of 50 is small", () => {
  const random = seededRandom(2016);
  let total = 0;
  const runs = 400;
  for (let r = 0; r < runs; r++) {
    const out = shuffle(staged(50), random);
    const n = 50;
    const d2 = out.reduce((a, v, i) => a + (v - i) ** 2, 0);
    total += Math.abs(1 - (6 * d2) / (n * (n * n - 1)));
  }
  assert.ok(total / runs < 0.15, `mean |rho| ${total / runs}`);
});

test("randomBelow is uniform enough over a small range (chi-square)", () => {
  const random = seededRandom(5);
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 70000; i++) counts[randomBelow(7, random)]!++;
  const chi = counts.reduce((a, c) => a + (c - 10000) ** 2 / 10000, 0);
  assert.ok(chi < 22.46, `chi-square ${chi}`); // p = 0.001 at 6 degrees of freedom
});

test("property: shuffle keeps every item exactly once", () => {
  fc.assert(
    fc.property(fc.array(fc.integer()), fc.integer(), (xs, seed) => {
      const out = shuffle(xs, seededRandom(seed));
      assert.deepEqual(
        [...out].sort((a, b) => a - b),
        [...xs].sort((a, b) => a - b),
      );
    }),
  );
  assert.notEqual(uuidV4(seededRandom(1)), uuidV4(seededRandom(2)));
});
