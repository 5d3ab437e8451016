// Small builders for vetting tests (not a test file itself).
import { panelId, vettingCaseId } from "./ids.ts";
import type { Panel } from "./panel.ts";
import type { VettingCase } from "./vetting-case.ts";

/** A panel of three with a quorum of two. */
export function aPanel(id: string, members: readonly string[] = ["m1", "m2", "m3"], quorum = 2): Panel {
  return {
    id: panelId(id),
    name: `Panel ${id}`,
    members: members.map((m) => ({ id: m, name: `Member ${m}` })),
    quorum,
  };
}

/** A case against voter v1 on panel p1. */
export function aCase(panel = "p1"): VettingCase {
  return {
    id: vettingCaseId("case-1"),
    voterId: "v1",
    sectionId: "registered",
    panelId: panelId(panel),
    raisedBy: "staff-1",
    raisedAt: new Date("2016-08-01T10:00:00Z"),
    summary: "Social media posts",
    evidence: ["Post of 2016-07-20 urging a vote for another party"],
  };
}
