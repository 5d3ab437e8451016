import assert from "node:assert/strict";
import { test } from "node:test";
import { decideApplication, type ApplicationRules, type DecisionFacts } from "./decision.ts";
import { applicationId } from "./ids.ts";
import type { Payment } from "./payments.ts";

const rules: ApplicationRules = {
  paymentDeadline: new Date("2016-07-27T16:00:00Z"),
  unionDeadline: new Date("2016-08-08T11:00:00Z"),
};
const before = new Date("2016-07-25T00:00:00Z");
const after = new Date("2016-08-10T00:00:00Z");
const paid: Payment = {
  applicationId: applicationId("a1"),
  state: "paid",
  amountPence: 2500,
  chargeId: "ch_1",
  paidAt: new Date("2016-07-19T10:00:00Z"),
  updatedAt: new Date("2016-07-19T10:00:00Z"),
};
const found = { kind: "found", rule: "exact", electorNumber: "E1" } as const;
const facts = (over: Partial<DecisionFacts>): DecisionFacts => ({ kind: "registered", ...over });

test("paid and on the register: accepted", () => {
  assert.deepEqual(decideApplication(facts({ payment: paid, register: found }), rules, after), {
    outcome: "accepted",
  });
});

test("a duplicate is rejected pointing at the kept application, and refunded if it was charged", () => {
  const d = decideApplication(
    facts({ duplicateOf: applicationId("a0"), payment: paid, register: found }),
    rules,
    after,
  );
  assert.equal(d.outcome, "rejected");
  if (d.outcome === "rejected") {
    assert.equal(d.reason.code, "application.duplicate");
    assert.equal(d.reason.facts?.["keptApplication"], "a0");
    assert.equal(d.refundDue, true);
  }
});

test("already eligible is its own reason and names the section", () => {
  const d = decideApplication(
    facts({ alreadyEligibleIn: "member", payment: paid, register: found }),
    rules,
    after,
  );
  assert.ok(
    d.outcome === "rejected" &&
      d.reason.code === "application.already-eligible" &&
      d.reason.facts?.["section"] === "member",
  );
});

test("before the deadline an unpaid application waits; after it, it is rejected unpaid-by-deadline", () => {
  assert.deepEqual(decideApplication(facts({ register: found }), rules, before), {
    outcome: "pending",
    awaiting: ["payment"],
  });
  const d = decideApplication(facts({ register: found }), rules, after);
  assert.ok(d.outcome === "rejected" && d.reason.code === "application.unpaid-by-deadline");
});

test("each register outcome is a separate reason", () => {
  const code = (register: DecisionFacts["register"]) => {
    const d = decideApplication(facts({ payment: paid, register }), rules, after);
    return d.outcome === "rejected" ? d.reason.code : d.outcome;
  };
  assert.equal(code({ kind: "under-18", ageOnPollingDay: 17 }), "application.register-under-18");
  assert.equal(code({ kind: "not-resident" }), "application.register-not-resident");
  assert.equal(code({ kind: "not-found" }), "application.register-not-found");
  assert.deepEqual(decideApplication(facts({ payment: paid }), rules, after), {
    outcome: "pending",
    awaiting: ["register-check"],
  });
});

test("affiliated supporters wait for their union until its deadline, and are never asked to pay", () => {
  const aff = (union: DecisionFacts["union"], now: Date) =>
    decideApplication({ kind: "affiliated", register: found, ...(union ? { union } : {}) }, rules, now);
  assert.deepEqual(aff(undefined, before), { outcome: "pending", awaiting: ["union-confirmation"] });
  assert.deepEqual(aff("confirmed", after), { outcome: "accepted" });
  const denied = aff("denied", before);
  assert.ok(denied.outcome === "rejected" && denied.reason.code === "application.union-denied");
  const late = aff("awaiting", after);
  assert.ok(late.outcome === "rejected" && late.reason.code === "application.union-not-confirmed");
});
