import { problem, type Problem } from "../common/problem.ts";
import type { PanelId } from "./ids.ts";

/** A named member of a panel; `id` is their staff account. */
export interface PanelMember {
  readonly id: string;
  readonly name: string;
}

/** A vetting or appeals panel: named members and the quorum needed to decide. */
export interface Panel {
  readonly id: PanelId;
  readonly name: string;
  readonly members: readonly PanelMember[];
  readonly quorum: number;
}

/** Checks a panel is well formed: a name, named members without repeats, and a quorum between 1 and the size. */
export function checkPanel(panel: Panel): Problem[] {
  const problems: Problem[] = [];
  if (panel.name.trim() === "") problems.push(problem("vetting.panel-invalid", { field: "name" }));
  const ids = new Set(panel.members.map((m) => m.id));
  if (
    panel.members.length === 0 ||
    ids.size !== panel.members.length ||
    panel.members.some((m) => m.name.trim() === "")
  )
    problems.push(problem("vetting.panel-invalid", { field: "members" }));
  if (!Number.isInteger(panel.quorum) || panel.quorum < 1 || panel.quorum > panel.members.length)
    problems.push(problem("vetting.panel-invalid", { field: "quorum", value: String(panel.quorum) }));
  return problems;
}

/**
 * Checks a sitting of the panel: the person recording the decision is a member, everyone present is a
 * member, and enough are present for the quorum.
 */
export function checkSitting(panel: Panel, decidedBy: string, present: readonly string[]): Problem[] {
  const members = new Set(panel.members.map((m) => m.id));
  const problems: Problem[] = [];
  if (!members.has(decidedBy))
    problems.push(
      problem("vetting.not-panel-member", {
        field: "decidedBy",
        value: decidedBy,
        facts: { panel: panel.name },
      }),
    );
  for (const id of present)
    if (!members.has(id))
      problems.push(
        problem("vetting.not-panel-member", { field: "present", value: id, facts: { panel: panel.name } }),
      );
  // Only members count towards the quorum; the person recording the decision counts once.
  const sitting = new Set([...present, decidedBy].filter((id) => members.has(id)));
  if (sitting.size < panel.quorum)
    problems.push(
      problem("vetting.quorum-not-met", {
        field: "present",
        facts: { present: sitting.size, quorum: panel.quorum, panel: panel.name },
      }),
    );
  return problems;
}
