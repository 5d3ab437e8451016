import { test } from "node:test";
import assert from "node:assert/strict";
import { electorateForCredentials, type AdmittedVoter } from "./electorate-for-credentials.ts";

const priority = ["member", "affiliated", "registered"];
const member = (n: string, over: Partial<AdmittedVoter> = {}): AdmittedVoter => ({
  voterId: n,
  section: "member",
  name: `Member ${n}`,
  email: `${n.toLowerCase()}@example.org`,
  postcode: "LS6 2AB",
  ...over,
});
const supporter = (id: string, section: string, over: Partial<AdmittedVoter> = {}): AdmittedVoter => ({
  voterId: id,
  section,
  name: `Supporter ${id}`,
  email: `${id}@example.org`,
  postcode: "M1 1AE",
  ...over,
});
const none = new Set<string>();
const noCases = new Map<string, string>();

test("frozen members and accepted supporters all get a credential, in their own sections", () => {
  const r = electorateForCredentials(
    priority,
    [member("L1"), member("L2"), supporter("a1", "affiliated"), supporter("r1", "registered")],
    none,
    noCases,
  );
  assert.deepEqual(
    r.voters.map((v) => [v.voterId, v.section, v.email, v.heldCase]),
    [
      ["L1", "member", "l1@example.org", null],
      ["L2", "member", "l2@example.org", null],
      ["a1", "affiliated", "a1@example.org", null],
      ["r1", "registered", "r1@example.org", null],
    ],
  );
  assert.deepEqual([r.excluded, r.placedEarlier], [[], []]);
});

test("a person admitted by several sections votes once, in the first: member, then affiliated, then registered", () => {
  const r = electorateForCredentials(
    priority,
    [
      // Same email as member L1, in another case: a member who also signed up as a supporter.
      supporter("r1", "registered", { email: "L1@Example.org " }),
      member("L1"),
      // Same name and postcode as affiliated a1, different email: one person applying twice.
      supporter("a1", "affiliated", { name: "Jo Bloggs", email: "jo@union.example" }),
      supporter("r2", "registered", { name: "jo  bloggs", email: "jo@home.example", postcode: "m11ae" }),
    ],
    none,
    noCases,
  );
  assert.deepEqual(
    r.voters.map((v) => [v.voterId, v.section]),
    [
      ["L1", "member"],
      ["a1", "affiliated"],
    ],
  );
  assert.deepEqual(
    [...r.placedEarlier].sort((a, b) => a.voterId.localeCompare(b.voterId)),
    [
      { voterId: "r1", section: "registered", votesIn: "member" },
      { voterId: "r2", section: "registered", votesIn: "affiliated" },
    ],
  );
});

test("an excluded voter gets no credential, not even through another section", () => {
  const r = electorateForCredentials(
    priority,
    [member("L1"), member("L2"), supporter("r1", "registered", { email: "l2@example.org" })],
    new Set(["L2"]),
    noCases,
  );
  assert.deepEqual(
    r.voters.map((v) => v.voterId),
    ["L1"],
  );
  assert.deepEqual([...r.excluded].sort(), ["L2", "r1"]);
});

test("a voter under challenge gets a credential marked with the case, so their ballot is held", () => {
  const r = electorateForCredentials(
    priority,
    [member("L1"), supporter("r1", "registered")],
    none,
    new Map([["r1", "case-7"]]),
  );
  assert.deepEqual(
    r.voters.map((v) => [v.voterId, v.heldCase]),
    [
      ["L1", null],
      ["r1", "case-7"],
    ],
  );
});

test("only the sections asked for are issued", () => {
  const r = electorateForCredentials(
    ["member"],
    [member("L1"), supporter("r1", "registered")],
    none,
    noCases,
  );
  assert.deepEqual(
    r.voters.map((v) => v.voterId),
    ["L1"],
  );
});
