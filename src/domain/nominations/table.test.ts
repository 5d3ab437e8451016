import assert from "node:assert/strict";
import { test } from "node:test";
import {
  aBody,
  aCandidate,
  aState,
  CLOSES,
  DURING,
  nominationsFrom,
  OPENS,
  someRules,
  withNominations,
} from "../../../test/fixtures/nominations.ts";
import { bodyId, candidateId } from "./ids.ts";
import { nominationsTable } from "./table.ts";

const rules = someRules({
  threshold: {
    kind: "all",
    of: [
      { kind: "share", body: bodyId("plp"), percent: "20" },
      { kind: "count", body: bodyId("aff"), atLeast: 2, unionsAtLeast: 1 },
    ],
  },
});
const bodies = [
  aBody("plp", 10, { name: "MPs and MEPs" }),
  aBody("aff", 4, { name: "Affiliates", unions: 2, officers: ["acct-aff-sec"] }),
];
const state = {
  ...withNominations(
    aState(bodies, [aCandidate("smith", "Owen Smith"), aCandidate("eagle", "Angela Eagle")]),
    nominationsFrom("plp", 1, 2, "smith"),
    nominationsFrom("aff", 3, 3, "smith"),
    nominationsFrom("plp", 3, 3, "eagle"),
  ),
  consents: [candidateId("smith")],
};

test("the public table shows each candidate's nominations per body against each threshold, live", () => {
  const t = nominationsTable(state, rules, DURING);
  assert.equal(t.open, true);
  const smith = t.rows[0]!;
  assert.equal(smith.candidate.name, "Owen Smith");
  assert.deepEqual(
    smith.byBody.map((b) => [b.bodyName, b.nominations, b.unions]),
    [
      ["MPs and MEPs", 2, 0],
      ["Affiliates", 1, 0],
    ],
  );
  assert.deepEqual(smith.byBody[1]?.nominators, ["Affiliates nominator 3"]);
  assert.deepEqual(
    smith.thresholds.map((l) => [l.bodyName, l.required, l.have, l.met, l.shortBy]),
    [
      ["MPs and MEPs", 2, 2, true, 0],
      ["Affiliates", 2, 1, false, 1],
    ],
  );
  assert.equal(smith.meetsThreshold, false);
  assert.deepEqual(smith.outcome, { qualified: false, reason: "short" });
  const eagle = t.rows[1]!;
  assert.equal(eagle.thresholds[0]?.shortBy, 1);
  assert.equal(eagle.consented, false);
  assert.deepEqual(eagle.outcome, { qualified: false, reason: "no-consent" });
});

test("one more union nomination flips Smith to qualified in the next table", () => {
  const more = withNominations(state, nominationsFrom("aff", 1, 1, "smith"));
  const smith = nominationsTable(more, rules, DURING).rows[0]!;
  assert.equal(smith.meetsThreshold, true);
  assert.deepEqual(smith.outcome, { qualified: true, basis: "threshold" });
});

test("the table holds no account ids (who may act, or who acted)", () => {
  const json = JSON.stringify(nominationsTable(state, rules, DURING));
  assert.equal(json.includes("acct-"), false);
});

test("the table says whether nominations are open: not before the opening, not at the close, not once closed", () => {
  assert.equal(nominationsTable(state, rules, new Date(OPENS.getTime() - 1)).open, false);
  assert.equal(nominationsTable(state, rules, CLOSES).open, false);
  assert.equal(nominationsTable({ ...state, closedAt: DURING }, rules, DURING).open, false);
});
