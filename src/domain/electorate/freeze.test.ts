import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Pence } from "../common/money.ts";
import { freezeBlockers, frozenRollHash, rollWritable, type HashFactory } from "./freeze.ts";
import { rollFields, type RollEntry } from "./roll-entry.ts";
import { aMember, day, MEMBER } from "./test-builders.ts";

// The identity "hash" returns the canonical text itself: equal hashes then mean equal canonical forms exactly.
const identity: HashFactory = () => {
  let text = "";
  return { update: (t) => void (text += t), digest: () => text };
};

test("the canonical form is a format line then one JSON line per member, sorted by member number", () => {
  const { hash, count } = frozenRollHash(
    MEMBER,
    [aMember({ memberNumber: "B2", name: 'Zed "Z" Zee' }), aMember({ memberNumber: "A1", email: null })],
    identity,
  );
  assert.equal(count, 2);
  const lines = hash.split("\n");
  assert.equal(lines[0], "selectorate/frozen-roll/v1 member");
  assert.match(
    lines[1]!,
    /^\["A1","Ann Abbott",null,\["1 Long Lane","London"\],"SW1A 1AA","1961-03-12","1998-05-04","good-standing",0,"london"\]$/,
  );
  assert.match(lines[2]!, /^\["B2","Zed \\"Z\\" Zee",/);
  assert.equal(lines[3], "");
});

const arbRoll = fc
  .uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 60 })
  .map((ns) =>
    ns.map((n) =>
      aMember({ memberNumber: `L${n}`, name: `Member ${n}`, arrearsPence: ((n % 3) * 100) as Pence }),
    ),
  );

test("the freeze hash does not depend on row order", () => {
  fc.assert(
    fc.property(
      arbRoll.chain((r) =>
        fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length })),
      ),
      ([roll, shuffled]) => {
        assert.equal(
          frozenRollHash(MEMBER, roll, identity).hash,
          frozenRollHash(MEMBER, shuffled, identity).hash,
        );
      },
    ),
  );
});

test("the freeze hash changes when any field of any listed member changes, or a member is added or dropped", () => {
  const change = (e: RollEntry, field: (typeof rollFields)[number]): RollEntry => {
    switch (field) {
      case "addressLines":
        return { ...e, addressLines: [...e.addressLines, "Flat 2"] };
      case "arrearsPence":
        return { ...e, arrearsPence: (e.arrearsPence + 1) as Pence };
      case "dateOfBirth":
      case "joinDate":
        return { ...e, [field]: day("1901-01-01") };
      case "status":
        return { ...e, status: e.status === "lapsed" ? "good-standing" : "lapsed" };
      default:
        return { ...e, [field]: `${String(e[field])}x` };
    }
  };
  fc.assert(
    fc.property(arbRoll, fc.nat(), fc.constantFrom(...rollFields), (roll, pick, field) => {
      const i = pick % roll.length;
      const before = frozenRollHash(MEMBER, roll, identity).hash;
      const edited = roll.map((e, j) => (j === i ? change(e, field) : e));
      assert.notEqual(frozenRollHash(MEMBER, edited, identity).hash, before);
      assert.notEqual(frozenRollHash(MEMBER, roll.slice(0, -1), identity).hash, before);
      assert.notEqual(
        frozenRollHash(MEMBER, [...roll, aMember({ memberNumber: "NEW" })], identity).hash,
        before,
      );
    }),
  );
});

test("the officer sees every blocker before the freeze, and a frozen roll refuses change", () => {
  assert.deepEqual(freezeBlockers({ frozen: false, rollSection: MEMBER, rollRows: 10, eligible: 3 }), []);
  assert.deepEqual(
    freezeBlockers({ frozen: true, rollSection: undefined, rollRows: 0, eligible: 0 }).map((p) => p.code),
    ["freeze.already-frozen", "freeze.no-roll-section", "freeze.no-roll"],
  );
  assert.deepEqual(
    freezeBlockers({ frozen: false, rollSection: MEMBER, rollRows: 5, eligible: 0 }).map((p) => p.code),
    ["freeze.no-eligible-members"],
  );
  assert.deepEqual(rollWritable(true), { ok: false, error: { code: "roll.frozen" } });
  assert.ok(rollWritable(false).ok);
});
