import assert from "node:assert/strict";
import { test } from "node:test";
import { answerConfirmation, confirmFromList } from "./affiliated.ts";

test("a union's list confirms the applicants on it, matching numbers loosely; it never denies", () => {
  const confirmed = confirmFromList(
    "UNISON",
    ["u-00123", "U 00456"],
    [
      { id: "a", membership: { union: "Unison", membershipNumber: "U00123" } },
      { id: "b", membership: { union: "Unison", membershipNumber: "U00999" } },
      { id: "c", membership: { union: "Unite", membershipNumber: "U00456" } },
    ],
  );
  assert.deepEqual(confirmed, ["a"]);
});

test("an officer answers only for their own union and only before the deadline", () => {
  const deadline = new Date("2016-08-08T11:00:00Z");
  const before = new Date("2016-08-01T00:00:00Z");
  const m = { union: "GMB", membershipNumber: "1" };
  assert.deepEqual(answerConfirmation("gmb", m, "denied", deadline, before), { ok: true, value: "denied" });
  const other = answerConfirmation("Unite", m, "confirmed", deadline, before);
  assert.ok(!other.ok && other.error.code === "application.union-mismatch");
  const late = answerConfirmation("GMB", m, "confirmed", deadline, deadline);
  assert.ok(!late.ok && late.error.code === "application.union-deadline-passed");
});
