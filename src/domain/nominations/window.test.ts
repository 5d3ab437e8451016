import assert from "node:assert/strict";
import { test } from "node:test";
import { aBody, aCandidate, aState, CLOSES, DURING, someRules } from "../../../test/fixtures/nominations.ts";
import { bodyId, candidateId, nominationId, nominatorId } from "./ids.ts";
import { makeNomination } from "./make-nomination.ts";
import { nominationsTable } from "./table.ts";
import { countedBodies } from "./window.ts";

// 2016-style: MPs' nominations decide ballot access and end at the close; local parties make
// supporting nominations until a later date.
const later = new Date("2016-08-15T11:00:00Z");
const plp = aBody("plp", 10);
const clps = { ...aBody("clp", 5, { kind: "branches" }), window: { opensAt: DURING, closesAt: later } };
const affiliates = aBody("aff", 3, { unions: 2 });
const rules = someRules({ threshold: { kind: "share", body: bodyId("plp"), percent: "20" } });
const closed = { ...aState([plp, clps, affiliates], [aCandidate("smith", "Owen Smith")]), closedAt: CLOSES };
const nominate = (nominator: string, now: Date) =>
  makeNomination(
    closed,
    {
      id: nominationId("n"),
      nominator: nominatorId(nominator),
      candidate: candidateId("smith"),
      by: `acct-${nominator}`,
    },
    rules,
    now,
  );
const afterClose = new Date(CLOSES.getTime() + 86_400_000);

test("after the close, a supporting body with its own period may still nominate, until that period ends", () => {
  assert.ok(nominate("clp-1", afterClose).ok);
  const atItsEnd = nominate("clp-1", later);
  assert.ok(!atItsEnd.ok);
  assert.equal(atItsEnd.error[0]?.code, "nomination.window-closed");
  assert.equal(atItsEnd.error[0]?.facts?.["closesAt"], later.toISOString());
});

test("after the close, counted bodies and supporting bodies without their own period are refused", () => {
  for (const n of ["plp-1", "aff-1"]) {
    const r = nominate(n, afterClose);
    assert.ok(!r.ok);
    assert.equal(r.error[0]?.code, "nomination.closed", n);
  }
});

test("the table says which bodies count and which are open", () => {
  const t = nominationsTable(closed, rules, afterClose);
  assert.equal(t.open, false);
  assert.deepEqual(
    t.bodies.map((b) => [b.id, b.counts, b.open, b.closesAt]),
    [
      ["plp", true, false, CLOSES.toISOString()],
      ["clp", false, true, later.toISOString()],
      ["aff", false, false, CLOSES.toISOString()],
    ],
  );
});

test("the counted bodies are those a threshold names; with no threshold, every body counts", () => {
  const tree = someRules({
    threshold: {
      kind: "all",
      of: [
        { kind: "share", body: bodyId("plp"), percent: "10" },
        { kind: "any", of: [{ kind: "count", body: bodyId("aff"), atLeast: 1 }] },
      ],
    },
  }).threshold;
  assert.deepEqual([...countedBodies(tree, [plp, clps, affiliates])].sort(), ["aff", "plp"]);
  assert.deepEqual([...countedBodies(null, [plp, clps, affiliates])].sort(), ["aff", "clp", "plp"]);
});
