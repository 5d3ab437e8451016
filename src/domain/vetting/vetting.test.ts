import assert from "node:assert/strict";
import { test } from "node:test";
import { appealId, panelId, vettingCaseId } from "./ids.ts";
import { aCase, aPanel } from "./fixtures.test-helpers.ts";
import { decideCase, type VettingDecision } from "./decide-case.ts";
import { hearAppeal, lodgeAppeal, type AppealableDecision } from "./appeal.ts";
import { checkPanel } from "./panel.ts";
import { raiseCase } from "./vetting-case.ts";
import { challengeState, heldBallotFate, mayHoldCredential } from "./challenge.ts";

const now = new Date("2016-08-05T10:00:00Z");
const rules = { appealWindowDays: 7 };
const exclude = {
  outcome: "exclude",
  reasons: ["supported-opposing-candidate"],
  statement: "Urged a vote for another party.",
} as const;

function excluded(): VettingDecision {
  const r = decideCase(
    aCase(),
    false,
    aPanel("p1"),
    { decidedBy: "m1", present: ["m2"] },
    exclude,
    rules,
    now,
  );
  assert.ok(r.ok);
  return r.value;
}

const against = (d: VettingDecision): AppealableDecision => ({
  kind: "voter-excluded",
  id: d.caseId,
  decidedAt: d.decidedAt,
  appealDeadline: d.appealDeadline!,
  panelId: d.panelId,
  decidedByMembers: d.present,
});

test("a case needs evidence", () => {
  const r = raiseCase({ ...aCase(), id: vettingCaseId("c"), evidence: ["  "] }, now);
  assert.ok(!r.ok && r.error[0]?.code === "vetting.evidence-required");
});

test("panels need named members and a sensible quorum", () => {
  assert.deepEqual(checkPanel(aPanel("p1")), []);
  assert.deepEqual(
    checkPanel(aPanel("p1", ["a"], 2)).map((p) => p.field),
    ["quorum"],
  );
  assert.deepEqual(
    checkPanel(aPanel("p1", ["a", "a"], 1)).map((p) => p.field),
    ["members"],
  );
});

test("a quorate sitting of the case's panel excludes with stated reasons and opens an appeal window", () => {
  const d = excluded();
  assert.equal(d.outcome, "exclude");
  assert.deepEqual(d.present, ["m1", "m2"]);
  assert.equal(d.appealDeadline?.toISOString(), "2016-08-12T10:00:00.000Z");
});

test("only panel members decide, with a quorum, from the stated reasons", () => {
  const codes = (r: ReturnType<typeof decideCase>) => (r.ok ? [] : r.error.map((p) => p.code));
  assert.deepEqual(
    codes(
      decideCase(
        aCase(),
        false,
        aPanel("p1"),
        { decidedBy: "outsider", present: ["m1"] },
        exclude,
        rules,
        now,
      ),
    ),
    ["vetting.not-panel-member", "vetting.quorum-not-met"],
  );
  assert.deepEqual(
    codes(decideCase(aCase(), false, aPanel("p1"), { decidedBy: "m1", present: [] }, exclude, rules, now)),
    ["vetting.quorum-not-met"],
  );
  assert.deepEqual(
    codes(
      decideCase(
        aCase(),
        false,
        aPanel("p1"),
        { decidedBy: "m1", present: ["m2"] },
        { ...exclude, reasons: ["looked shifty"] },
        rules,
        now,
      ),
    ),
    ["vetting.unknown-reason"],
  );
  assert.deepEqual(
    codes(
      decideCase(aCase(), false, aPanel("p2"), { decidedBy: "m1", present: ["m2"] }, exclude, rules, now),
    ),
    ["vetting.not-panel-member"],
  );
  assert.deepEqual(
    codes(decideCase(aCase(), true, aPanel("p1"), { decidedBy: "m1", present: ["m2"] }, exclude, rules, now)),
    ["vetting.case-already-decided"],
  );
});

test("an appeal is lodged within the deadline and heard by a different panel with no member in common", () => {
  const d = excluded();
  const late = lodgeAppeal(appealId("ap1"), against(d), false, "v1", "I did not", d.appealDeadline!);
  assert.ok(!late.ok && late.error[0]?.code === "appeal.out-of-time");
  const lodged = lodgeAppeal(appealId("ap1"), against(d), false, "v1", "That post was satire.", now);
  assert.ok(lodged.ok);
  const appeal = lodged.value;
  const same = hearAppeal(
    appeal,
    false,
    aPanel("p1"),
    { decidedBy: "m3", present: ["m1"] },
    "upheld",
    "Satire",
    now,
  );
  assert.ok(!same.ok && same.error[0]?.code === "appeal.same-panel");
  const overlap = hearAppeal(
    appeal,
    false,
    aPanel("p9", ["m2", "x1", "x2"]),
    { decidedBy: "x1", present: ["m2"] },
    "upheld",
    "Satire",
    now,
  );
  assert.ok(
    !overlap.ok && overlap.error.some((p) => p.code === "appeal.panel-member-conflict" && p.value === "m2"),
  );
  const heard = hearAppeal(
    appeal,
    false,
    aPanel("p2", ["x1", "x2", "x3"]),
    { decidedBy: "x1", present: ["x2"] },
    "upheld",
    "The post was satire.",
    now,
  );
  assert.ok(heard.ok && heard.value.cites === "case-1" && heard.value.panelId === panelId("p2"));
  const again = hearAppeal(
    appeal,
    true,
    aPanel("p2", ["x1", "x2", "x3"]),
    { decidedBy: "x1", present: ["x2"] },
    "upheld",
    "x",
    now,
  );
  assert.ok(!again.ok && again.error[0]?.code === "appeal.already-heard");
  assert.ok(!lodgeAppeal(appealId("ap2"), against(d), true, "v1", "again", now).ok);
});

test("challenge state: under challenge until decided; an exclusion holds the ballot until final; upheld appeal restores", () => {
  const deadline = new Date("2016-08-12T10:00:00Z");
  const ex = { outcome: "exclude", appealDeadline: deadline } as const;
  assert.equal(challengeState([], now), "clear");
  assert.equal(challengeState([{}], now), "under-challenge");
  assert.equal(heldBallotFate(challengeState([{}], now)), "hold");
  assert.equal(challengeState([{ decision: { outcome: "no-action" } }], now), "clear");
  assert.equal(heldBallotFate("clear"), "release");
  const appealable = challengeState([{ decision: ex }], now);
  assert.equal(appealable, "excluded-appealable");
  assert.equal(mayHoldCredential(appealable), false);
  assert.equal(heldBallotFate(appealable), "hold");
  assert.equal(challengeState([{ decision: ex }], deadline), "excluded-final");
  assert.equal(heldBallotFate("excluded-final"), "discard");
  assert.equal(challengeState([{ decision: ex, appeal: {} }], deadline), "excluded-appealable");
  assert.equal(challengeState([{ decision: ex, appeal: { outcome: "dismissed" } }], now), "excluded-final");
  assert.equal(challengeState([{ decision: ex, appeal: { outcome: "upheld" } }], now), "clear");
});
