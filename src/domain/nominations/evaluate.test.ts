import assert from "node:assert/strict";
import { test } from "node:test";
import {
  aBody,
  aCandidate,
  aState,
  DURING,
  nominationsFrom,
  withNominations,
} from "../../../test/fixtures/nominations.ts";
import { evaluate } from "./evaluate.ts";
import { bodyId, candidateId } from "./ids.ts";
import type { Threshold } from "./thresholds.ts";

const plp = aBody("plp", 254);
const clps = aBody("clp", 20, { kind: "branches" });
const affiliates = aBody("aff", 10, { unions: 4 });
const smith = aCandidate("smith", "Owen Smith");
const base = aState([plp, clps, affiliates], [smith]);
const share20: Threshold = { kind: "share", body: bodyId("plp"), percent: "20" };

test("a share threshold: 50 of 254 at 20% is one short; 51 meets it", () => {
  const fifty = evaluate(
    share20,
    withNominations(base, nominationsFrom("plp", 1, 50, "smith")),
    candidateId("smith"),
  );
  assert.equal(fifty.met, false);
  assert.ok(fifty.kind === "share");
  assert.equal(fifty.required, 51);
  assert.equal(fifty.have, 50);
  assert.equal(fifty.shortBy, 1);
  const fiftyOne = evaluate(
    share20,
    withNominations(base, nominationsFrom("plp", 1, 51, "smith")),
    candidateId("smith"),
  );
  assert.equal(fiftyOne.met, true);
  assert.ok(fiftyOne.kind === "share");
  assert.equal(fiftyOne.shortBy, 0);
});

test("a share threshold uses the stated base, not the number of nominators listed", () => {
  const small = aBody("plp", 100, { sizeAtOpening: 254 });
  const s = withNominations(aState([small], [smith]), nominationsFrom("plp", 1, 50, "smith"));
  const e = evaluate(share20, s, candidateId("smith"));
  assert.ok(e.kind === "share");
  assert.equal(e.base, 254);
  assert.equal(e.required, 51);
  const override = evaluate({ ...share20, base: 250 }, s, candidateId("smith"));
  assert.ok(override.kind === "share");
  assert.equal(override.required, 50);
  assert.equal(override.met, true);
});

test("a rounding rule of 'down' lowers the bar: 50 of 254 meets 20% rounded down", () => {
  const s = withNominations(base, nominationsFrom("plp", 1, 50, "smith"));
  assert.equal(evaluate({ ...share20, rounding: "down" }, s, candidateId("smith")).met, true);
});

test("a count with unions: 3 affiliates of which 2 unions; non-unions cannot stand in for unions", () => {
  const t: Threshold = { kind: "count", body: bodyId("aff"), atLeast: 3, unionsAtLeast: 2 };
  // aff-1..aff-4 are unions; aff-5.. are not.
  const oneUnionThreeOthers = withNominations(
    base,
    nominationsFrom("aff", 1, 1, "smith"),
    nominationsFrom("aff", 5, 7, "smith"),
  );
  const e = evaluate(t, oneUnionThreeOthers, candidateId("smith"));
  assert.ok(e.kind === "count");
  assert.equal(e.have, 4);
  assert.equal(e.unionsHave, 1);
  assert.equal(e.met, false);
  assert.equal(e.unionsShortBy, 1);
  assert.equal(e.shortBy, 1);
  const twoUnionsOneOther = withNominations(
    base,
    nominationsFrom("aff", 1, 2, "smith"),
    nominationsFrom("aff", 5, 5, "smith"),
  );
  assert.equal(evaluate(t, twoUnionsOneOther, candidateId("smith")).met, true);
  const twoUnionsOnly = withNominations(base, nominationsFrom("aff", 1, 2, "smith"));
  const short = evaluate(t, twoUnionsOnly, candidateId("smith"));
  assert.ok(short.kind === "count");
  assert.equal(short.met, false);
  assert.equal(short.shortBy, 1);
  assert.equal(short.unionsShortBy, 0);
});

// 10% of the PLP and either 5% of CLPs (1 of 20) or 3 affiliates of which 2 unions.
const tree: Threshold = {
  kind: "all",
  of: [
    { kind: "share", body: bodyId("plp"), percent: "10" },
    {
      kind: "any",
      of: [
        { kind: "share", body: bodyId("clp"), percent: "5" },
        { kind: "count", body: bodyId("aff"), atLeast: 3, unionsAtLeast: 2 },
      ],
    },
  ],
};

test("and/or: the PLP share plus either branch: each combination decided correctly", () => {
  const plpOk = nominationsFrom("plp", 1, 26, "smith"); // 10% of 254 = 25.4 → 26
  const plpShort = nominationsFrom("plp", 1, 25, "smith");
  const clpOk = nominationsFrom("clp", 1, 1, "smith");
  const affOk = nominationsFrom("aff", 1, 3, "smith");
  const cases: [string, ReturnType<typeof nominationsFrom>[], boolean][] = [
    ["PLP alone", [plpOk], false],
    ["PLP + CLPs", [plpOk, clpOk], true],
    ["PLP + affiliates", [plpOk, affOk], true],
    ["PLP one short + both others", [plpShort, clpOk, affOk], false],
    ["no PLP, both others", [clpOk, affOk], false],
  ];
  for (const [name, lists, met] of cases) {
    const e = evaluate(tree, withNominations(base, ...lists), candidateId("smith"));
    assert.equal(e.met, met, name);
  }
});

test("withdrawn nominations do not count", () => {
  const list = nominationsFrom("plp", 1, 51, "smith");
  const withdrawn = list.map((n, i) => (i === 0 ? { ...n, withdrawnAt: DURING, withdrawnBy: n.madeBy } : n));
  const e = evaluate(share20, withNominations(base, withdrawn), candidateId("smith"));
  assert.equal(e.met, false);
});
