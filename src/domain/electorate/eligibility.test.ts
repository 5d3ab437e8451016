import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { RollRules } from "./election.ts";
import { exclusionsFor, judgeRollSection } from "./eligibility.ts";
import { memberStatuses } from "./member-status.ts";
import type { Pence } from "../common/money.ts";
import { aMember, day, MEMBER } from "./test-builders.ts";

const labourRules: RollRules = {
  joinedOnOrBefore: day("2016-01-12"),
  statuses: ["good-standing"],
  maxArrearsPence: 0 as Pence,
};

test("the 2016 freeze date: joining on 12 January counts, joining on the 13th does not", () => {
  assert.deepEqual(exclusionsFor(aMember({ joinDate: day("2016-01-12") }), labourRules), []);
  assert.deepEqual(exclusionsFor(aMember({ joinDate: day("2016-01-13") }), labourRules), [
    "joined-after-freeze",
  ]);
});

test("each rule states its own reason, and a member failing several gets them all, freeze date first", () => {
  const rules: RollRules = { ...labourRules, minimumAge: { years: 16, on: day("2016-08-22") } };
  assert.deepEqual(exclusionsFor(aMember({ status: "lapsed" }), rules), ["not-in-good-standing"]);
  assert.deepEqual(exclusionsFor(aMember({ arrearsPence: 1 as Pence }), rules), ["in-arrears"]);
  assert.deepEqual(exclusionsFor(aMember({ dateOfBirth: day("2000-08-23") }), rules), ["under-age"]);
  assert.deepEqual(exclusionsFor(aMember({ dateOfBirth: day("2000-08-22") }), rules), []);
  assert.deepEqual(
    exclusionsFor(
      aMember({
        joinDate: day("2016-07-01"),
        status: "suspended",
        arrearsPence: 500 as Pence,
        dateOfBirth: day("2005-01-01"),
      }),
      rules,
    ),
    ["joined-after-freeze", "not-in-good-standing", "in-arrears", "under-age"],
  );
});

test("a missing date of birth is included by default, and excluded with a reason when the rules say so", () => {
  const rules: RollRules = { minimumAge: { years: 16, on: day("2016-08-22") } };
  assert.deepEqual(exclusionsFor(aMember({ dateOfBirth: null }), rules), []);
  assert.deepEqual(
    exclusionsFor(aMember({ dateOfBirth: null }), { ...rules, whenDateOfBirthMissing: "exclude" }),
    ["age-unknown"],
  );
});

test("a section counts each member left out once, under their first reason", () => {
  const roll = [
    aMember({ memberNumber: "3" }),
    aMember({ memberNumber: "1", joinDate: day("2016-03-01"), status: "lapsed" }),
    aMember({ memberNumber: "2", status: "lapsed" }),
    aMember({ memberNumber: "10" }),
  ];
  const out = judgeRollSection(MEMBER, roll, labourRules);
  assert.deepEqual(out.eligible, ["10", "3"]);
  assert.deepEqual(out.excludedByReason, {
    "joined-after-freeze": 1,
    "not-in-good-standing": 1,
    "in-arrears": 0,
    "under-age": 0,
    "age-unknown": 0,
  });
  assert.deepEqual(out.excluded.get("1" as never), ["joined-after-freeze", "not-in-good-standing"]);
});

const arbMember = fc.record({
  n: fc.integer({ min: 0, max: 10_000 }),
  join: fc.date({ min: new Date("2000-01-01"), max: new Date("2016-12-31"), noInvalidDate: true }),
  status: fc.constantFrom(...memberStatuses),
  arrears: fc.constantFrom(0, 0, 0, 100, 2500),
});
const arbRoll = fc.uniqueArray(arbMember, { selector: (m) => m.n, maxLength: 200 }).map((list) =>
  list.map((m) =>
    aMember({
      memberNumber: `M${m.n}`,
      joinDate: day(m.join.toISOString().slice(0, 10)),
      status: m.status,
      arrearsPence: m.arrears as Pence,
    }),
  ),
);

test("eligibility does not depend on the order of the roll's rows", () => {
  fc.assert(
    fc.property(
      arbRoll.chain((roll) =>
        fc.tuple(
          fc.constant(roll),
          fc.shuffledSubarray(roll, { minLength: roll.length, maxLength: roll.length }),
        ),
      ),
      ([roll, shuffled]) => {
        const a = judgeRollSection(MEMBER, roll, labourRules);
        const b = judgeRollSection(MEMBER, shuffled, labourRules);
        assert.deepEqual(a.eligible, b.eligible);
        assert.deepEqual(a.excludedByReason, b.excludedByReason);
        assert.deepEqual(new Map([...a.excluded].sort()), new Map([...b.excluded].sort()));
      },
    ),
    { numRuns: 200 },
  );
});

test("every member is either eligible or left out with a reason, never both and never neither", () => {
  fc.assert(
    fc.property(arbRoll, (roll) => {
      const out = judgeRollSection(MEMBER, roll, labourRules);
      assert.equal(out.eligible.length + out.excluded.size, roll.length);
      for (const m of out.eligible) assert.ok(!out.excluded.has(m));
      for (const reasons of out.excluded.values()) assert.ok(reasons.length > 0);
      const counted = Object.values(out.excludedByReason).reduce((a, b) => a + b, 0);
      assert.equal(counted, out.excluded.size);
    }),
    { numRuns: 200 },
  );
});
