import assert from "node:assert/strict";
import { test } from "node:test";
import { readSetup } from "./read-setup.ts";

const good = {
  opensAt: "2016-07-18T09:00:00+01:00",
  closesAt: "2016-07-20T17:00:00+01:00",
  seats: 1,
  incumbentOnBallotByRight: true,
  threshold: { kind: "share", body: "plp", percent: "20" },
  bodies: [
    {
      id: "plp",
      name: "MPs and MEPs",
      kind: "individuals",
      sizeAtOpening: 254,
      nominators: [{ id: "mp-1", name: "A Member", authorised: ["acct-mp-1"] }],
    },
    {
      id: "aff",
      name: "Affiliates",
      kind: "affiliates",
      onePerNominator: true,
      nominators: [{ id: "unite", name: "Unite", union: true, authorised: ["acct-unite-gs"] }],
    },
  ],
  candidates: [
    { id: "corbyn", name: "Jeremy Corbyn", incumbent: true, account: "acct-corbyn" },
    { id: "smith", name: "Owen Smith", description: "Pontypridd", account: "acct-smith" },
  ],
};

test("a good set-up reads into bodies, candidates and rules, with defaults filled in", () => {
  const r = readSetup(good);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  const { bodies, candidates, rules } = r.value;
  assert.equal(rules.closesAt.toISOString(), "2016-07-20T16:00:00.000Z");
  assert.deepEqual(rules.ballotOrder, { kind: "surname" });
  assert.equal(rules.consentRequired, true);
  assert.equal(bodies[0]?.sizeAtOpening, 254);
  assert.equal(bodies[1]?.sizeAtOpening, 1, "defaults to the nominators listed");
  assert.equal(bodies[1]?.nominators[0]?.union, true);
  assert.equal(candidates[1]?.surname, "Smith");
  assert.equal(candidates[1]?.description, "Pontypridd");
  assert.deepEqual(rules.threshold, { kind: "share", body: "plp", percent: "20", rounding: "up" });
});

test("every fault is named with its field, and nothing is read", () => {
  const bad = {
    ...good,
    closesAt: "20/07/2016 17:00",
    seats: "one",
    threshold: { kind: "share", body: "plp", percent: "20", rounding: "sideways" },
    bodies: [{ ...good.bodies[0], kind: "club", nominators: [{ id: "mp-1" }] }],
    candidates: [{ id: "x", name: "", account: "a" }],
  };
  const r = readSetup(bad);
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => [p.code, p.field]),
    [
      ["input.invalid", "bodies[0].kind"],
      ["input.required", "bodies[0].nominators[0].name"],
      ["input.required", "candidates[0].name"],
      ["input.invalid", "closesAt"],
      ["input.invalid", "threshold.rounding"],
      ["input.invalid", "seats"],
    ],
  );
});

test("rule faults found after reading are named too (a threshold on an unknown body)", () => {
  const r = readSetup({ ...good, threshold: { kind: "count", body: "clp", atLeast: 5 } });
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => [p.code, p.field, p.value]),
    [["nomination.rule.unknown-body", "threshold.body", "clp"]],
  );
});

test("a listed ballot order is read as a listed order", () => {
  const r = readSetup({ ...good, ballotOrder: ["smith", "corbyn"] });
  assert.ok(r.ok);
  assert.deepEqual(r.value.rules.ballotOrder, { kind: "listed", order: ["smith", "corbyn"] });
});

test("a body's own period is read from its opensAt and closesAt", () => {
  const clp = {
    id: "clp",
    name: "Constituency Labour Parties",
    kind: "branches",
    opensAt: "2016-07-18T09:00:00+01:00",
    closesAt: "2016-08-15T12:00:00+01:00",
    nominators: [{ id: "clp-1", name: "Islington North CLP", authorised: ["acct-sec"] }],
  };
  const r = readSetup({ ...good, bodies: [...good.bodies, clp] });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  assert.equal(r.value.bodies[2]?.window?.closesAt.toISOString(), "2016-08-15T11:00:00.000Z");
  assert.equal(r.value.bodies[0]?.window, undefined);
  const half = readSetup({ ...good, bodies: [...good.bodies, { ...clp, opensAt: undefined }] });
  assert.ok(!half.ok);
  assert.deepEqual(
    half.error.map((p) => [p.code, p.field]),
    [["input.required", "bodies[2].opensAt"]],
  );
});

test("a share may be given in basis points: 2000 is 20%, and more than 10000 is refused", () => {
  const r = readSetup({ ...good, threshold: { kind: "share", body: "plp", basisPoints: 2000 } });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  assert.deepEqual(r.value.rules.threshold, { kind: "share", body: "plp", percent: "20", rounding: "up" });
  const bad = readSetup({ ...good, threshold: { kind: "share", body: "plp", basisPoints: 12000 } });
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.error.map((p) => [p.code, p.field]),
    [["input.invalid", "threshold.basisPoints"]],
  );
});
