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
import { closeNominations } from "./close-nominations.ts";
import { bodyId, candidateId } from "./ids.ts";

const plp = aBody("plp", 20);
const rules = someRules({ threshold: { kind: "count", body: bodyId("plp"), atLeast: 3 } });
const candidates = [
  aCandidate("c", "Yvette Cooper", { description: "Pontefract and Castleford" }),
  aCandidate("b", "Andy Burnham"),
  aCandidate("k", "Liz Kendall"),
  aCandidate("j", "Jeremy Corbyn"),
];
const all = ["b", "c", "j", "k"].map(candidateId);
const nominatedAll = {
  ...withNominations(
    aState([plp], candidates),
    nominationsFrom("plp", 1, 3, "c"),
    nominationsFrom("plp", 4, 6, "b"),
    nominationsFrom("plp", 7, 9, "k"),
    nominationsFrom("plp", 10, 12, "j"),
  ),
  consents: all,
};

test("closing before the end of the period is refused; exactly at the close it works", () => {
  const early = closeNominations(nominatedAll, rules, DURING);
  assert.ok(!early.ok);
  assert.equal(early.error[0]?.code, "nomination.close-too-early");
  assert.ok(closeNominations(nominatedAll, rules, CLOSES).ok);
});

test("the ballot paper is alphabetical by surname, with names and descriptions as given", () => {
  const r = closeNominations(nominatedAll, rules, CLOSES);
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.ballotPaper.entries.map((e) => [e.position, e.name, e.description]),
    [
      [1, "Andy Burnham", ""],
      [2, "Yvette Cooper", "Pontefract and Castleford"],
      [3, "Jeremy Corbyn", ""],
      [4, "Liz Kendall", ""],
    ],
  );
  assert.deepEqual(r.value.electedUnopposed, []);
});

test("a listed order in the rules is followed instead", () => {
  const listed = someRules({
    ...rules,
    ballotOrder: { kind: "listed", order: ["k", "j", "c", "b"].map(candidateId) },
  });
  const r = closeNominations(nominatedAll, listed, CLOSES);
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.ballotPaper.entries.map((e) => e.name),
    ["Liz Kendall", "Jeremy Corbyn", "Yvette Cooper", "Andy Burnham"],
  );
});

test("who qualified and why; a candidate short of the threshold or without consent is left off", () => {
  const s = {
    ...withNominations(
      aState([plp], candidates),
      nominationsFrom("plp", 1, 3, "c"),
      nominationsFrom("plp", 4, 5, "b"), // one short
      nominationsFrom("plp", 7, 9, "k"), // no consent
    ),
    consents: ["b", "c", "j"].map(candidateId),
  };
  const r = closeNominations(s, rules, CLOSES);
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.qualified.map((q) => [q.candidate.name, q.outcome]),
    [["Yvette Cooper", { qualified: true, basis: "threshold" }]],
  );
  assert.deepEqual(
    r.value.notQualified.map((q) => [q.candidate.name, q.outcome]),
    [
      ["Andy Burnham", { qualified: false, reason: "short" }],
      ["Liz Kendall", { qualified: false, reason: "no-consent" }],
      ["Jeremy Corbyn", { qualified: false, reason: "short" }],
    ],
  );
  // One qualifier for one seat: elected unopposed, and the record says so.
  assert.deepEqual(r.value.electedUnopposed, ["c"]);
  assert.deepEqual(
    r.value.events.map((e) => e.type),
    ["candidates-certified", "candidate-elected-unopposed"],
  );
  const certified = r.value.events[0];
  assert.ok(certified?.type === "candidates-certified");
  assert.deepEqual(
    certified.ballotPaper.map((e) => e.name),
    ["Yvette Cooper"],
  );
  assert.deepEqual(certified.notQualified, [
    { candidate: "b", reason: "short" },
    { candidate: "k", reason: "no-consent" },
    { candidate: "j", reason: "short" },
  ]);
});

test("two seats, two qualifiers: both elected unopposed; two seats, three qualifiers: a contest", () => {
  const twoSeats = someRules({ ...rules, seats: 2 });
  const two = { ...nominatedAll, consents: ["b", "c"].map(candidateId) };
  const r2 = closeNominations(two, twoSeats, CLOSES);
  assert.ok(r2.ok);
  assert.deepEqual(r2.value.electedUnopposed, ["b", "c"]);
  const three = { ...nominatedAll, consents: ["b", "c", "k"].map(candidateId) };
  const r3 = closeNominations(three, twoSeats, CLOSES);
  assert.ok(r3.ok);
  assert.deepEqual(r3.value.electedUnopposed, []);
  assert.equal(r3.value.events.length, 1);
});

test("nobody qualified: nothing is closed; closing twice is refused", () => {
  const none = closeNominations(aState([plp], candidates), rules, CLOSES);
  assert.ok(!none.ok);
  assert.equal(none.error[0]?.code, "nomination.nobody-qualified");
  const twice = closeNominations({ ...nominatedAll, closedAt: CLOSES }, rules, CLOSES);
  assert.ok(!twice.ok);
  assert.equal(twice.error[0]?.code, "nomination.closed");
});

test("with no threshold in the rules, one nomination is enough", () => {
  const noThreshold = someRules();
  const s = {
    ...withNominations(aState([plp], candidates), nominationsFrom("plp", 1, 1, "k")),
    consents: all,
  };
  const r = closeNominations(s, noThreshold, CLOSES);
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.ballotPaper.entries.map((e) => e.name),
    ["Liz Kendall"],
  );
});
