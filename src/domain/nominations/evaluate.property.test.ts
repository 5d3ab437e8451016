import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  aBody,
  aCandidate,
  aState,
  nominationsFrom,
  withNominations,
} from "../../../test/fixtures/nominations.ts";
import { evaluate } from "./evaluate.ts";
import { bodyId, candidateId } from "./ids.ts";
import type { Threshold } from "./thresholds.ts";

const bodies = [aBody("a", 30), aBody("b", 12, { kind: "branches" }), aBody("c", 8, { unions: 4 })];
const sizes: Record<string, number> = { a: 30, b: 12, c: 8 };
const state = aState(bodies, [aCandidate("x", "Ann Example")]);

const leafArb: fc.Arbitrary<Threshold> = fc.oneof(
  fc.record({
    kind: fc.constant("share" as const),
    body: fc.constantFrom("a", "b", "c").map(bodyId),
    percent: fc.integer({ min: 0, max: 10_000 }).map((bp) => (bp / 100).toFixed(2)),
    rounding: fc.constantFrom("up" as const, "down" as const, "half-up" as const),
  }),
  fc
    .record({ atLeast: fc.integer({ min: 0, max: 8 }), unions: fc.integer({ min: 0, max: 4 }) })
    .map(({ atLeast, unions }) => ({
      kind: "count" as const,
      body: bodyId("c"),
      atLeast: Math.max(atLeast, unions),
      unionsAtLeast: unions,
    })),
);
const treeArb: fc.Arbitrary<Threshold> = fc.letrec<{ t: Threshold }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.record({
      kind: fc.constantFrom("all" as const, "any" as const),
      of: fc.array(tie("t"), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).t;
/** How many nominators of each body nominate the candidate (the first n of each list). */
const countsArb = fc.record({ a: fc.nat(30), b: fc.nat(12), c: fc.nat(8) });

const stateWith = (n: { a: number; b: number; c: number }) =>
  withNominations(
    state,
    nominationsFrom("a", 1, n.a, "x"),
    nominationsFrom("b", 1, n.b, "x"),
    nominationsFrom("c", 1, n.c, "x"),
  );

test("more nominations never turn a met threshold into an unmet one (any tree, any rounding)", () => {
  fc.assert(
    fc.property(treeArb, countsArb, countsArb, (t, n, extra) => {
      const more = {
        a: Math.min(30, n.a + extra.a),
        b: Math.min(12, n.b + extra.b),
        c: Math.min(8, n.c + extra.c),
      };
      if (evaluate(t, stateWith(n), candidateId("x")).met)
        assert.ok(evaluate(t, stateWith(more), candidateId("x")).met);
    }),
  );
});

test("a round-up share is met exactly when have × 100 ≥ percent × base (exact arithmetic)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10_000 }),
      fc.constantFrom("a", "b", "c"),
      countsArb,
      (bp, body, n) => {
        const t: Threshold = { kind: "share", body: bodyId(body), percent: (bp / 100).toFixed(2) };
        const have = n[body as "a" | "b" | "c"];
        const met = evaluate(t, stateWith(n), candidateId("x")).met;
        assert.equal(met, have * 10_000 >= bp * sizes[body]!);
      },
    ),
  );
});

test("'all' is met exactly when every part is, 'any' when some part is", () => {
  fc.assert(
    fc.property(fc.array(leafArb, { minLength: 1, maxLength: 4 }), countsArb, (parts, n) => {
      const s = stateWith(n);
      const each = parts.map((p) => evaluate(p, s, candidateId("x")).met);
      assert.equal(evaluate({ kind: "all", of: parts }, s, candidateId("x")).met, each.every(Boolean));
      assert.equal(evaluate({ kind: "any", of: parts }, s, candidateId("x")).met, each.some(Boolean));
    }),
  );
});
