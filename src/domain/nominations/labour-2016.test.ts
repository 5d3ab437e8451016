// The 2016 Labour leadership election: a challenger needed nominations from 20% of the party's MPs and
// MEPs, published as 51; the incumbent was on the ballot by right. Local parties and affiliates made
// supporting nominations, which were published but set no threshold.
//
// The base: under the round-up rule, 20% gives 51 for any base from 251 to 255 (250 gives exactly 50,
// 256 gives 51.2 → 52). We take 254, the body's size at the opening of nominations as this project's
// scenario states it; 20% of 254 = 50.8, rounded up to 51. (229 MPs + 20 MEPs = 249 would give 50,
// so that count cannot be the base the party used.)
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  aBody,
  aCandidate,
  aState,
  CLOSES,
  nominationsFrom,
  someRules,
  withNominations,
} from "../../../test/fixtures/nominations.ts";
import { explainStanding } from "../../messages/en/nomination-reasons.ts";
import { closeNominations } from "./close-nominations.ts";
import { bodyId, candidateId } from "./ids.ts";
import { nominationsTable } from "./table.ts";

// As in the shared scenario file (labour-2016.json): the candidates and the incumbent.
const scenario = { candidates: ["Jeremy Corbyn", "Owen Smith"], incumbent: "Jeremy Corbyn" };

const plp = aBody("plp", 254, { name: "MPs and MEPs" });
const clps = aBody("clp", 40, { name: "Constituency Labour Parties", kind: "branches" });
const affiliates = aBody("aff", 6, { name: "Affiliated organisations", unions: 4 });
const candidates = scenario.candidates.map((name) =>
  aCandidate(name === "Jeremy Corbyn" ? "corbyn" : "smith", name, { incumbent: name === scenario.incumbent }),
);
const rules = someRules({
  threshold: { kind: "share", body: bodyId("plp"), percent: "20" },
  incumbentOnBallotByRight: true,
});
const both = ["corbyn", "smith"].map(candidateId);

/** The election with the challenger nominated by `mps` MPs and MEPs; supporting nominations for both. */
function election(mps: number) {
  return {
    ...withNominations(
      aState([plp, clps, affiliates], candidates),
      nominationsFrom("plp", 1, mps, "smith"),
      nominationsFrom("clp", 1, 30, "corbyn"),
      nominationsFrom("clp", 31, 36, "smith"),
      nominationsFrom("aff", 1, 3, "corbyn"),
      nominationsFrom("aff", 4, 5, "smith"),
    ),
    consents: both,
  };
}

test("2016: 51 nominations needed from the 254 MPs and MEPs (20%, a fraction rounds up)", () => {
  const row = nominationsTable(election(0), rules, CLOSES).rows.find(
    (r) => r.candidate.name === "Owen Smith",
  )!;
  assert.deepEqual(
    row.thresholds.map((l) => [l.kind, l.required]),
    [["share", 51]],
  );
  assert.equal(row.thresholds[0]?.shortBy, 51);
});

test("2016: with 50 the challenger is one short and the incumbent alone stands, elected unopposed", () => {
  const r = closeNominations(election(50), rules, CLOSES);
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.ballotPaper.entries.map((e) => e.name),
    ["Jeremy Corbyn"],
  );
  assert.deepEqual(r.value.electedUnopposed, ["corbyn"]);
  const smith = r.value.notQualified[0]!;
  assert.match(
    explainStanding(smith),
    /Owen Smith did not qualify: 20% of MPs and MEPs .*needs 51, has 50; 1 more needed/,
  );
});

test("2016: with 51 the challenger qualifies; the incumbent is on the ballot by right with no MP nominations", () => {
  const r = closeNominations(election(51), rules, CLOSES);
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.ballotPaper.entries.map((e) => [e.position, e.name]),
    [
      [1, "Jeremy Corbyn"],
      [2, "Owen Smith"],
    ],
  );
  assert.deepEqual(r.value.electedUnopposed, []);
  const corbyn = r.value.qualified.find((s) => s.candidate.name === "Jeremy Corbyn")!;
  assert.deepEqual(corbyn.outcome, { qualified: true, basis: "by-right" });
  assert.equal(corbyn.evaluation?.met, false, "the incumbent did not meet the threshold; he did not need to");
  assert.equal(explainStanding(corbyn), "Jeremy Corbyn is on the ballot by right as the incumbent.");
  const smith = r.value.qualified.find((s) => s.candidate.name === "Owen Smith")!;
  assert.equal(
    explainStanding(smith),
    "Owen Smith qualified: 20% of MPs and MEPs (254 at the opening of nominations, rounded up): needs 51, has 51; met.",
  );
});

test("2016: supporting nominations from local parties and affiliates are published in the table", () => {
  const t = nominationsTable(election(51), rules, CLOSES);
  const by = (name: string) =>
    t.rows.find((r) => r.candidate.name === name)!.byBody.map((b) => [b.bodyName, b.nominations, b.unions]);
  assert.deepEqual(by("Jeremy Corbyn"), [
    ["MPs and MEPs", 0, 0],
    ["Constituency Labour Parties", 30, 0],
    ["Affiliated organisations", 3, 3],
  ]);
  assert.deepEqual(by("Owen Smith"), [
    ["MPs and MEPs", 51, 0],
    ["Constituency Labour Parties", 6, 0],
    ["Affiliated organisations", 2, 1],
  ]);
});

test("2016: without the incumbent's exemption, Corbyn would have needed 51 too", () => {
  const r = closeNominations(election(51), { ...rules, incumbentOnBallotByRight: false }, CLOSES);
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.ballotPaper.entries.map((e) => e.name),
    ["Owen Smith"],
  );
});
