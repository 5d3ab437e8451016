import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { unwrap } from "../common/result.ts";
import { apportion, readScenario, scaleScenario } from "./scenario.ts";

const labour = JSON.parse(
  readFileSync(new URL("../../../examples/labour-2016/scenario.json", import.meta.url), "utf8"),
);

test("the 2016 scenario: eligible 654,006 shared by August sizes, spoilt 1,042 by valid votes", () => {
  const s = unwrap(readScenario(labour));
  assert.deepEqual(s.candidates, ["Jeremy Corbyn", "Owen Smith"]);
  assert.deepEqual(
    s.sections.map((x) => [x.id, x.eligible, x.valid, x.spoilt]),
    [
      ["member", 350743, [168216, 116960], 587],
      ["registered", 131720, [84918, 36599], 250],
      ["affiliated", 171543, [60075, 39670], 205],
    ],
  );
});

test("scaling rounds each figure half up on its own", () => {
  const s = scaleScenario(unwrap(readScenario(labour)), "0.01");
  assert.deepEqual(
    s.sections.map((x) => [x.eligible, x.valid, x.spoilt]),
    [
      [3507, [1682, 1170], 6],
      [1317, [849, 366], 3],
      [1715, [601, 397], 2],
    ],
  );
});

test("apportion: largest remainder, exact, summing to the total", () => {
  assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
  assert.deepEqual(apportion(0, [5, 5]), [0, 0]);
  assert.equal(
    apportion(654006, [343500, 129000, 168000]).reduce((a, b) => a + b),
    654006,
  );
});

test("the rehearsal's extras: section kinds, roll, applications and exclusions, scaled half up", () => {
  const s = unwrap(readScenario(labour));
  assert.deepEqual(
    s.sections.map((x) => x.kind),
    ["members", "registered", "affiliated"],
  );
  assert.deepEqual(s.extras, {
    freezeDate: "2016-01-12",
    roll: { joinedAfterFreeze: 130000, lapsed: 20000, inArrears: 5000 },
    registeredApplications: 183000,
    excluded: 3107,
    incumbent: "Jeremy Corbyn",
  });
  const scaled = scaleScenario(s, "0.01").extras;
  assert.deepEqual(
    [scaled.roll.joinedAfterFreeze, scaled.registeredApplications, scaled.excluded],
    [1300, 1830, 31],
  );
});

test("later stages: votes per continuing candidate, null for one excluded; a bad kind is refused", () => {
  const s = unwrap(
    readScenario({
      candidates: ["A", "B", "C"],
      sections: {
        m: { eligible: 10, valid: { A: 4, B: 3, C: 2 }, stages: [{ A: 5, B: 4 }] },
      },
    }),
  );
  assert.deepEqual(s.sections[0]!.stages, [[5, 4, null]]);
  assert.ok(
    !readScenario({ candidates: ["A"], sections: { m: { eligible: 1, kind: "x", valid: { A: 1 } } } }).ok,
  );
});
