import assert from "node:assert/strict";
import { test } from "node:test";
import {
  aBody,
  aCandidate,
  aState,
  CLOSES,
  DURING,
  nominationsFrom,
  someRules,
  withNominations,
} from "../../../test/fixtures/nominations.ts";
import { nominationId } from "./ids.ts";
import { nominationsTable } from "./table.ts";
import { withdrawNomination } from "./withdraw-nomination.ts";

const rules = someRules({ threshold: { kind: "count", body: "plp" as never, atLeast: 2 } });
const state = withNominations(
  aState([aBody("plp", 5, { officers: ["acct-sec"] })], [aCandidate("smith", "Owen Smith")]),
  nominationsFrom("plp", 1, 2, "smith"),
);
const first = state.nominations[0]!;

test("a withdrawal is recorded with who and when, and the nomination stops counting in the table", () => {
  const before = nominationsTable(state, rules, DURING).rows[0]!;
  assert.equal(before.meetsThreshold, true);
  const r = withdrawNomination(state, { nomination: first.id, by: "acct-sec" }, rules, DURING);
  assert.ok(r.ok);
  assert.equal(r.value.nomination.withdrawnBy, "acct-sec");
  assert.deepEqual(r.value.nomination.withdrawnAt, DURING);
  assert.deepEqual(r.value.events, [
    { type: "nomination-withdrawn", nomination: first.id, at: DURING.toISOString() },
  ]);
  const after = {
    ...state,
    nominations: state.nominations.map((n) => (n.id === first.id ? r.value.nomination : n)),
  };
  const row = nominationsTable(after, rules, DURING).rows[0]!;
  assert.equal(row.byBody[0]?.nominations, 1);
  assert.equal(row.meetsThreshold, false);
  assert.equal(row.thresholds[0]?.shortBy, 1);
  // Withdrawing twice is refused and says when it was withdrawn.
  const twice = withdrawNomination(after, { nomination: first.id, by: "acct-sec" }, rules, DURING);
  assert.ok(!twice.ok);
  assert.equal(twice.error[0]?.code, "nomination.already-withdrawn");
});

test("only the nominator or the body's officer may withdraw; an unknown nomination is named", () => {
  const stranger = withdrawNomination(state, { nomination: first.id, by: "acct-plp-2" }, rules, DURING);
  assert.ok(!stranger.ok);
  assert.equal(stranger.error[0]?.code, "nomination.not-authorised");
  assert.ok(withdrawNomination(state, { nomination: first.id, by: "acct-plp-1" }, rules, DURING).ok);
  const unknown = withdrawNomination(
    state,
    { nomination: nominationId("zz"), by: "acct-sec" },
    rules,
    DURING,
  );
  assert.ok(!unknown.ok);
  assert.deepEqual([unknown.error[0]?.code, unknown.error[0]?.value], ["nomination.not-found", "zz"]);
});

test("a withdrawal at the closing instant is late", () => {
  const r = withdrawNomination(state, { nomination: first.id, by: "acct-sec" }, rules, CLOSES);
  assert.ok(!r.ok);
  assert.equal(r.error[0]?.code, "nomination.window-closed");
});
