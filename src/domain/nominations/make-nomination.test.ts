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
import { candidateId, nominationId, nominatorId } from "./ids.ts";
import { makeNomination, type NominationRequest } from "./make-nomination.ts";
import type { NominationsState } from "./state.ts";
import { withdrawNomination } from "./withdraw-nomination.ts";

const plp = aBody("plp", 10, { name: "PLP", officers: ["acct-plp-secretary"] });
const clps = aBody("clp", 5, { kind: "branches", onePerNominator: false });
const state0 = aState(
  [plp, clps],
  [aCandidate("corbyn", "Jeremy Corbyn"), aCandidate("smith", "Owen Smith")],
);
const rules = someRules();
const req = (
  id: string,
  nominator: string,
  candidate: string,
  by = `acct-${nominator}`,
): NominationRequest => ({
  id: nominationId(id),
  nominator: nominatorId(nominator),
  candidate: candidateId(candidate),
  by,
});
const ms = (d: Date, delta: number): Date => new Date(d.getTime() + delta);

/** Applies a decision to the state, as the service would store it. */
function apply(state: NominationsState, request: NominationRequest, now = DURING): NominationsState {
  const r = makeNomination(state, request, rules, now);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return { ...state, nominations: [...state.nominations, r.value.nomination] };
}

test("a nominator nominates; the nomination and a nomination-made record event come back", () => {
  const r = makeNomination(state0, req("n1", "plp-1", "smith"), rules, DURING);
  assert.ok(r.ok);
  assert.equal(r.value.nomination.candidate, "smith");
  assert.equal(r.value.nomination.body, "plp");
  assert.equal(r.value.nomination.madeBy, "acct-plp-1");
  assert.deepEqual(r.value.events, [
    {
      type: "nomination-made",
      nomination: "n1",
      candidate: "smith",
      body: "plp",
      nominator: "plp-1",
      at: DURING.toISOString(),
    },
  ]);
});

test("the window: exactly at the opening is in; a millisecond before is refused; exactly at the close is late", () => {
  assert.ok(makeNomination(state0, req("n1", "plp-1", "smith"), rules, OPENS).ok);
  assert.ok(makeNomination(state0, req("n1", "plp-1", "smith"), rules, ms(CLOSES, -1)).ok);
  const early = makeNomination(state0, req("n1", "plp-1", "smith"), rules, ms(OPENS, -1));
  assert.ok(!early.ok);
  assert.deepEqual(
    early.error.map((p) => p.code),
    ["nomination.window-not-open"],
  );
  const atClose = makeNomination(state0, req("n1", "plp-1", "smith"), rules, CLOSES);
  assert.ok(!atClose.ok);
  assert.deepEqual(
    atClose.error.map((p) => p.code),
    ["nomination.window-closed"],
  );
  assert.equal(atClose.error[0]?.facts?.["closesAt"], CLOSES.toISOString());
});

test("after the returning officer has closed nominations, a nomination is refused even inside the window", () => {
  const closed = { ...state0, closedAt: DURING };
  const r = makeNomination(closed, req("n1", "plp-1", "smith"), rules, ms(DURING, 1000));
  assert.ok(!r.ok);
  assert.equal(r.error[0]?.code, "nomination.closed");
});

test("only the nominator or an authorised officer of its body may nominate", () => {
  assert.ok(makeNomination(state0, req("n1", "plp-1", "smith", "acct-plp-secretary"), rules, DURING).ok);
  const other = makeNomination(state0, req("n1", "plp-1", "smith", "acct-plp-2"), rules, DURING);
  assert.ok(!other.ok);
  assert.equal(other.error[0]?.code, "nomination.not-authorised");
  assert.equal(other.error[0]?.facts?.["body"], "PLP");
  // An officer of another body has no say over this one.
  const clpOfficer = makeNomination(state0, req("n1", "plp-1", "smith", "acct-clp-1"), rules, DURING);
  assert.ok(!clpOfficer.ok);
});

test("an unknown nominator and an unknown candidate are both named", () => {
  const r = makeNomination(state0, req("n1", "nobody", "nemo"), rules, DURING);
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => [p.code, p.field, p.value]),
    [
      ["nomination.unknown-nominator", "nominator", "nobody"],
      ["nomination.unknown-candidate", "candidate", "nemo"],
    ],
  );
});

test("a nominator who nominates twice: the second is refused, naming the first candidate", () => {
  const s = apply(state0, req("n1", "plp-1", "corbyn"));
  const second = makeNomination(s, req("n2", "plp-1", "smith"), rules, DURING);
  assert.ok(!second.ok);
  assert.equal(second.error[0]?.code, "nomination.already-nominated");
  assert.equal(second.error[0]?.facts?.["candidate"], "Jeremy Corbyn");
  assert.equal(second.error[0]?.facts?.["nomination"], "n1");
  const again = makeNomination(s, req("n2", "plp-1", "corbyn"), rules, DURING);
  assert.ok(!again.ok);
  assert.equal(again.error[0]?.code, "nomination.duplicate");
});

test("where the body allows it, a nominator may nominate several candidates, but each only once", () => {
  const s = apply(state0, req("n1", "clp-1", "corbyn"));
  const other = makeNomination(s, req("n2", "clp-1", "smith"), rules, DURING);
  assert.ok(other.ok);
  const same = makeNomination(s, req("n2", "clp-1", "corbyn"), rules, DURING);
  assert.ok(!same.ok);
  assert.equal(same.error[0]?.code, "nomination.duplicate");
});

test("after withdrawing, the nominator may nominate someone else", () => {
  const s = apply(state0, req("n1", "plp-1", "corbyn"));
  const w = withdrawNomination(s, { nomination: nominationId("n1"), by: "acct-plp-1" }, rules, DURING);
  assert.ok(w.ok);
  const s2 = { ...s, nominations: s.nominations.map((n) => (n.id === "n1" ? w.value.nomination : n)) };
  assert.ok(makeNomination(s2, req("n2", "plp-1", "smith"), rules, DURING).ok);
});

test("staff may enter a nomination received on a signed paper form for any nominator", () => {
  const r = makeNomination(state0, { ...req("n1", "plp-1", "smith", "staff-1"), paper: true }, rules, DURING);
  assert.ok(r.ok);
  assert.equal(r.value.nomination.madeBy, "staff-1");
});

test("an account listed by its email acts through that alias; the nomination names the account's own id", () => {
  const byEmail = aBody("clp", 2, { kind: "branches", officers: ["email:secretary@clp.example"] });
  const s = aState([byEmail], [aCandidate("smith", "Owen Smith")]);
  const asStaff = { ...req("n1", "clp-1", "smith", "staff:9f1c"), aliases: ["email:secretary@clp.example"] };
  const r = makeNomination(s, asStaff, rules, DURING);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  assert.equal(r.value.nomination.madeBy, "staff:9f1c");
  const stranger = { ...asStaff, aliases: ["email:someone-else@clp.example"] };
  const refused = makeNomination(s, stranger, rules, DURING);
  assert.ok(!refused.ok);
  assert.deepEqual(
    refused.error.map((p) => p.code),
    ["nomination.not-authorised"],
  );
});
