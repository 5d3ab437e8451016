import assert from "node:assert/strict";
import { test } from "node:test";
import type { RollRules } from "./election.ts";
import { judgeRollSection } from "./eligibility.ts";
import { diffSection, summariseChange } from "./electorate-diff.ts";
import { aMember, day, MEMBER } from "./test-builders.ts";

test("moving the freeze date (Evangelou v McNicol) shows who gains a vote and who loses one, and why", () => {
  const roll = [
    aMember({ memberNumber: "early" }),
    aMember({ memberNumber: "spring", joinDate: day("2016-03-01") }),
    aMember({ memberNumber: "summer", joinDate: day("2016-07-10") }),
    aMember({ memberNumber: "lapsed", status: "lapsed", joinDate: day("2016-03-01") }),
  ];
  const court: RollRules = { joinedOnOrBefore: day("2016-07-12") };
  const nec: RollRules = { joinedOnOrBefore: day("2016-01-12") };
  const widen = diffSection(judgeRollSection(MEMBER, roll, nec), judgeRollSection(MEMBER, roll, court));
  assert.equal(widen.before, 1);
  assert.equal(widen.after, 3);
  assert.deepEqual(widen.gains, [
    { memberNumber: "spring", wasExcludedFor: ["joined-after-freeze"] },
    { memberNumber: "summer", wasExcludedFor: ["joined-after-freeze"] },
  ]);
  assert.deepEqual(widen.losses, []);
  const appeal = diffSection(judgeRollSection(MEMBER, roll, court), judgeRollSection(MEMBER, roll, nec));
  assert.deepEqual(
    appeal.losses.map((l) => [l.memberNumber, l.nowExcludedFor]),
    [
      ["spring", ["joined-after-freeze"]],
      ["summer", ["joined-after-freeze"]],
    ],
  );
  assert.deepEqual(summariseChange(appeal), { gainedBecause: {}, lostBecause: { "joined-after-freeze": 2 } });
});
