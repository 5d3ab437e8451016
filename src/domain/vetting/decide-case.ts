import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { PanelId, VettingCaseId } from "./ids.ts";
import { checkSitting, type Panel } from "./panel.ts";
import { isExclusionReason, isNoActionReason } from "./reasons.ts";
import type { VettingCase } from "./vetting-case.ts";

/** What the panel chose. */
export interface CaseChoice {
  readonly outcome: "exclude" | "no-action";
  /** One or more stated reasons from the list for that outcome. */
  readonly reasons: readonly string[];
  /** The panel's own words, sent to the voter with the reasons. */
  readonly statement: string;
}

/** Who sat: the member recording the decision and the members present. */
export interface Sitting {
  readonly decidedBy: string;
  readonly present: readonly string[];
}

/** A panel's decision on a case: what to store, and what the voter is told. */
export interface VettingDecision {
  readonly caseId: VettingCaseId;
  readonly voterId: string;
  readonly sectionId: string;
  readonly panelId: PanelId;
  readonly outcome: "exclude" | "no-action";
  readonly reasons: readonly string[];
  readonly statement: string;
  readonly decidedBy: string;
  readonly present: readonly string[];
  readonly decidedAt: Date;
  /** An excluded voter may appeal until this instant; absent when nothing was decided against them. */
  readonly appealDeadline?: Date;
}

/** The rules the election sets for vetting. */
export interface VettingRules {
  /** Days an excluded voter (or a rejected applicant) has to appeal. */
  readonly appealWindowDays: number;
}

/**
 * Decides a case: only a quorate sitting of the case's own panel, choosing stated reasons that fit the
 * outcome, with a statement in its own words. An exclusion opens an appeal window.
 */
export function decideCase(
  vettingCase: VettingCase,
  alreadyDecided: boolean,
  panel: Panel,
  sitting: Sitting,
  choice: CaseChoice,
  rules: VettingRules,
  now: Date,
): Result<VettingDecision, Problem[]> {
  if (alreadyDecided)
    return err([problem("vetting.case-already-decided", { facts: { case: vettingCase.id } })]);
  if (panel.id !== vettingCase.panelId)
    return err([
      problem("vetting.not-panel-member", {
        field: "panel",
        value: panel.name,
        facts: { panel: panel.name },
      }),
    ]);
  const problems = checkSitting(panel, sitting.decidedBy, sitting.present);
  const fits = choice.outcome === "exclude" ? isExclusionReason : isNoActionReason;
  if (choice.reasons.length === 0) problems.push(problem("vetting.reason-required", { field: "reasons" }));
  for (const r of choice.reasons)
    if (!fits(r))
      problems.push(
        problem("vetting.unknown-reason", { field: "reasons", value: r, facts: { outcome: choice.outcome } }),
      );
  if (choice.statement.trim() === "") problems.push(problem("input.required", { field: "statement" }));
  if (problems.length > 0) return err(problems);
  const present = [...new Set([...sitting.present, sitting.decidedBy])].sort();
  return ok({
    caseId: vettingCase.id,
    voterId: vettingCase.voterId,
    sectionId: vettingCase.sectionId,
    panelId: panel.id,
    outcome: choice.outcome,
    reasons: [...new Set(choice.reasons)],
    statement: choice.statement.trim(),
    decidedBy: sitting.decidedBy,
    present,
    decidedAt: now,
    ...(choice.outcome === "exclude" ? { appealDeadline: addDays(now, rules.appealWindowDays) } : {}),
  });
}

/** Adds whole days to an instant (24-hour days: deadlines are stated to the voter as an instant). */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}
