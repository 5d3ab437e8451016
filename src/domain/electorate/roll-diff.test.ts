import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Pence } from "../common/money.ts";
import { diffRolls } from "./roll-diff.ts";
import { aMember, day } from "./test-builders.ts";

test("a newer roll shows who was added, who was removed, and which fields changed for whom", () => {
  const current = [
    aMember({ memberNumber: "1" }),
    aMember({ memberNumber: "2" }),
    aMember({ memberNumber: "3" }),
  ];
  const newer = [
    aMember({ memberNumber: "3", email: "new@example.org", arrearsPence: 250 as Pence }),
    aMember({ memberNumber: "1" }),
    aMember({ memberNumber: "4", joinDate: day("2016-02-01") }),
  ];
  const d = diffRolls(current, newer);
  assert.deepEqual(d.added, ["4"]);
  assert.deepEqual(d.removed, ["2"]);
  assert.equal(d.unchanged, 1);
  assert.deepEqual(d.changed, [
    {
      memberNumber: "3",
      fields: [
        { field: "email", before: "ann@example.org", after: "new@example.org" },
        { field: "arrearsPence", before: "0", after: "250" },
      ],
    },
  ]);
});

test("a roll compared with itself, in any order, has no differences", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1e6 }), { maxLength: 100 }), (ns) => {
      const roll = ns.map((n) => aMember({ memberNumber: String(n) }));
      const d = diffRolls(roll, [...roll].reverse());
      assert.deepEqual([d.added, d.removed, d.changed, d.unchanged], [[], [], [], roll.length]);
    }),
  );
});
