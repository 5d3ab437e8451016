import assert from "node:assert/strict";
import { test } from "node:test";
import { aBody, aCandidate, someRules } from "../../../test/fixtures/nominations.ts";
import { bodyId, candidateId, nominatorId } from "./ids.ts";
import { validateSetup } from "./validate-setup.ts";

test("a sound set-up has no problems", () => {
  const rules = someRules({ threshold: { kind: "share", body: bodyId("plp"), percent: "20" } });
  assert.deepEqual(validateSetup([aBody("plp", 5)], [aCandidate("a", "A Person")], rules), []);
});

test("every fault is named at once, each with its field", () => {
  const plp = aBody("plp", 2);
  const dupNominator = {
    ...aBody("clp", 1, { kind: "branches" }),
    nominators: [{ ...plp.nominators[0]!, id: nominatorId("plp-1") }],
  };
  const rules = someRules({
    closesAt: new Date("2016-07-01T00:00:00Z"),
    seats: 0,
    threshold: {
      kind: "all",
      of: [
        { kind: "share", body: bodyId("plp"), percent: "120" },
        { kind: "count", body: bodyId("nope"), atLeast: 2, unionsAtLeast: 3 },
        { kind: "any", of: [] },
      ],
    },
    ballotOrder: { kind: "listed", order: [candidateId("a")] },
  });
  const problems = validateSetup(
    [plp, dupNominator, { ...aBody("plp", 1), sizeAtOpening: -1 }],
    [aCandidate("a", "A Person"), aCandidate("a", "Again"), aCandidate("b", " ", { surname: "" })],
    rules,
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.field]),
    [
      ["nomination.body.duplicate-nominator", "bodies[1].nominators[0].id"],
      ["nomination.body.duplicate", "bodies[2].id"],
      ["nomination.body.bad-size", "bodies[2].sizeAtOpening"],
      ["nomination.body.duplicate-nominator", "bodies[2].nominators[0].id"],
      ["nomination.candidate.duplicate", "candidates[1].id"],
      ["input.required", "candidates[2].name"],
      ["input.required", "candidates[2].surname"],
      ["nomination.rule.bad-window", "rules.closesAt"],
      ["nomination.rule.bad-seats", "rules.seats"],
      ["nomination.rule.bad-percent", "rules.threshold.of[0].percent"],
      ["nomination.rule.unknown-body", "rules.threshold.of[1].body"],
      ["nomination.rule.unions-exceed-count", "rules.threshold.of[1].unionsAtLeast"],
      ["nomination.rule.empty-group", "rules.threshold.of[2].of"],
      ["nomination.rule.bad-order", "rules.ballotOrder"],
    ],
  );
});

test("a union flag outside the affiliates body is refused", () => {
  const branch = aBody("clp", 1, { kind: "branches" });
  const bad = { ...branch, nominators: [{ ...branch.nominators[0]!, union: true }] };
  const problems = validateSetup([bad], [], someRules());
  assert.deepEqual(
    problems.map((p) => [p.code, p.field]),
    [["input.invalid", "bodies[0].nominators[0].union"]],
  );
});

test("only a supporting body may have its own period, and it must close after it opens", () => {
  const rules = someRules({ threshold: { kind: "share", body: bodyId("plp"), percent: "20" } });
  const opens = new Date("2016-07-18T08:00:00Z");
  const problems = validateSetup(
    [
      { ...aBody("plp", 2), window: { opensAt: opens, closesAt: new Date("2016-08-15T00:00:00Z") } },
      { ...aBody("clp", 2, { kind: "branches" }), window: { opensAt: opens, closesAt: opens } },
    ],
    [],
    rules,
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.field]),
    [
      ["nomination.body.window-on-counted-body", "bodies[0].closesAt"],
      ["nomination.rule.bad-window", "bodies[1].closesAt"],
    ],
  );
});
