import assert from "node:assert/strict";
import { test } from "node:test";
import {
  aBody,
  aCandidate,
  aState,
  CLOSES,
  DURING,
  OPENS,
  someRules,
} from "../../../test/fixtures/nominations.ts";
import { consentToNomination } from "./consent-to-nomination.ts";
import { candidateId } from "./ids.ts";

const rules = someRules();
const state = aState([aBody("plp", 3)], [aCandidate("smith", "Owen Smith")]);
const smith = candidateId("smith");

test("the candidate consents, even before nominations open; a consent event is recorded", () => {
  const r = consentToNomination(
    state,
    { candidate: smith, by: "acct-smith" },
    rules,
    new Date(OPENS.getTime() - 1),
  );
  assert.ok(r.ok);
  assert.equal(r.value.alreadyConsented, false);
  assert.equal(r.value.events[0]?.type, "nomination-consented");
});

test("consenting twice changes nothing and records nothing", () => {
  const r = consentToNomination(
    { ...state, consents: [smith] },
    { candidate: smith, by: "acct-smith" },
    rules,
    DURING,
  );
  assert.ok(r.ok);
  assert.equal(r.value.alreadyConsented, true);
  assert.deepEqual(r.value.events, []);
});

test("nobody else may consent for the candidate, and consent at the close is late", () => {
  const other = consentToNomination(state, { candidate: smith, by: "acct-plp-1" }, rules, DURING);
  assert.ok(!other.ok);
  assert.equal(other.error[0]?.code, "nomination.not-the-candidate");
  const late = consentToNomination(state, { candidate: smith, by: "acct-smith" }, rules, CLOSES);
  assert.ok(!late.ok);
  assert.equal(late.error[0]?.code, "nomination.window-closed");
});
