import assert from "node:assert/strict";
import { test } from "node:test";
import {
  aBody,
  aCandidate,
  aState,
  DURING,
  nominationsFrom,
  someRules,
  withNominations,
} from "../../../test/fixtures/nominations.ts";
import {
  bodyId,
  makeNomination,
  nominationId,
  nominatorId,
  candidateId,
  standings,
} from "../../domain/nominations/index.ts";
import { message } from "../en.ts";
import { explainEvaluation } from "./nomination-reasons.ts";

test("a second nomination is refused in words that name the first candidate", () => {
  const state = withNominations(
    aState(
      [aBody("plp", 3, { name: "MPs" })],
      [aCandidate("c", "Jeremy Corbyn"), aCandidate("s", "Owen Smith")],
    ),
    nominationsFrom("plp", 1, 1, "c"),
  );
  const r = makeNomination(
    state,
    { id: nominationId("x"), nominator: nominatorId("plp-1"), candidate: candidateId("s"), by: "acct-plp-1" },
    someRules(),
    DURING,
  );
  assert.ok(!r.ok);
  assert.equal(
    message(r.error[0]!),
    "MPs nominator 1 has already nominated Jeremy Corbyn and may nominate only one candidate. Withdraw that nomination first if the rules allow; nothing was recorded.",
  );
});

test("a late nomination says when nominations closed, in UTC", () => {
  assert.equal(
    message({ code: "nomination.window-closed", facts: { closesAt: "2016-07-20T16:00:00.000Z" } }),
    "Nominations closed at 2016-07-20 16:00 UTC; this came too late and nothing was recorded.",
  );
});

test("and/or trees and union counts are explained in plain words", () => {
  const rules = someRules({
    threshold: {
      kind: "any",
      of: [
        { kind: "share", body: bodyId("plp"), percent: "12.5", rounding: "down" },
        { kind: "count", body: bodyId("aff"), atLeast: 3, unionsAtLeast: 2 },
      ],
    },
  });
  const state = withNominations(
    aState(
      [aBody("plp", 16, { name: "MPs" }), aBody("aff", 5, { name: "Affiliates", unions: 2 })],
      [aCandidate("s", "Owen Smith")],
    ),
    nominationsFrom("aff", 1, 1, "s"),
  );
  const e = standings(state, rules)[0]!.evaluation!;
  assert.equal(
    explainEvaluation(e),
    "one of: [12.5% of MPs (16 at the opening of nominations, rounded down): needs 2, has 0; 2 more needed] or " +
      "[at least 3 of Affiliates, of which 2 unions: has 1 (1 union); 2 more needed (1 union among them)] — not met",
  );
});
