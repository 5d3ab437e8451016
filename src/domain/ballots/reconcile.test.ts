import assert from "node:assert/strict";
import { test } from "node:test";
import type { SectionTally } from "./reconcile.ts";
import { reconcileClose } from "./reconcile.ts";

const section = (s: Partial<SectionTally> & { section: string }): SectionTally => ({
  credentialsUsed: 0,
  valid: 0,
  spoilt: 0,
  heldPending: 0,
  heldAdmitted: 0,
  heldDiscarded: 0,
  staged: 0,
  ...s,
});

test("sections that balance give totals, spoilt and held reported", () => {
  const r = reconcileClose([
    section({
      section: "member",
      credentialsUsed: 1000,
      valid: 990,
      spoilt: 7,
      heldPending: 1,
      heldDiscarded: 2,
      heldAdmitted: 3,
    }),
    section({ section: "affiliated", credentialsUsed: 10, valid: 10 }),
  ]);
  assert.equal(r.ok, true);
  assert.deepEqual(r.ok && r.value.totals, {
    credentialsUsed: 1010,
    valid: 1000,
    spoilt: 7,
    heldPending: 1,
    heldAdmitted: 3,
    heldDiscarded: 2,
    staged: 0,
  });
});

test("every mismatched section is named, and ballots left in staging stop the count", () => {
  const r = reconcileClose([
    section({ section: "member", credentialsUsed: 10, valid: 9 }),
    section({ section: "registered", credentialsUsed: 5, valid: 4, staged: 1 }),
  ]);
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.error.map((p) => `${p.code}:${p.field}`), [
    "poll.reconcile-mismatch:member",
    "poll.staging-not-empty:registered",
    "poll.reconcile-mismatch:registered",
  ]);
});
