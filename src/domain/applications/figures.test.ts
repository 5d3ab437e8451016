import assert from "node:assert/strict";
import { test } from "node:test";
import { figures } from "./figures.ts";

test("figures count per section and in total, rejections and exclusions by reason, and appeals", () => {
  const f = figures(
    [
      { sectionId: "registered", outcome: "accepted" },
      { sectionId: "registered", outcome: "rejected", reason: "application.duplicate" },
      { sectionId: "registered", outcome: "rejected", reason: "application.duplicate" },
      { sectionId: "affiliated", outcome: "rejected", reason: "application.union-denied" },
      { sectionId: "affiliated", outcome: "pending" },
    ],
    [{ sectionId: "member", reasons: ["abusive-conduct", "member-of-another-party"] }],
    [
      { sectionId: "member", state: "dismissed" },
      { sectionId: "registered", state: "upheld" },
      { sectionId: "registered", state: "lodged" },
    ],
  );
  assert.equal(f.total.applications, 5);
  assert.deepEqual(f.sections["registered"]?.rejectionsByReason, { "application.duplicate": 2 });
  assert.equal(f.sections["affiliated"]?.pending, 1);
  assert.equal(f.total.excluded, 1);
  assert.deepEqual(f.total.exclusionsByReason, { "abusive-conduct": 1, "member-of-another-party": 1 });
  assert.deepEqual([f.total.appealsLodged, f.total.appealsUpheld, f.total.appealsDismissed], [3, 1, 1]);
  assert.equal(f.sections["member"]?.applications, 0);
});
