import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { AppealId, PanelId } from "./ids.ts";
import { checkSitting, type Panel } from "./panel.ts";
import type { Sitting } from "./decide-case.ts";

/** Any decision a person may appeal: an application rejected, or a voter excluded. */
export interface AppealableDecision {
  readonly kind: "application-rejected" | "voter-excluded";
  /** The decision's own id (an application decision id or a vetting case id). */
  readonly id: string;
  readonly decidedAt: Date;
  readonly appealDeadline: Date;
  /** The panel that decided, when a panel did (application rejections are decided by the rules, not a panel). */
  readonly panelId?: PanelId;
  /** Members who sat on the decision: none of them may hear the appeal. */
  readonly decidedByMembers: readonly string[];
}

/** An appeal as lodged. */
export interface Appeal {
  readonly id: AppealId;
  readonly against: AppealableDecision;
  readonly lodgedBy: string;
  readonly lodgedAt: Date;
  readonly grounds: string;
}

/** The outcome of hearing an appeal: a new decision that cites the one appealed. */
export interface AppealOutcome {
  readonly appealId: AppealId;
  readonly cites: string;
  readonly outcome: "upheld" | "dismissed";
  readonly reason: string;
  readonly panelId: PanelId;
  readonly decidedBy: string;
  readonly present: readonly string[];
  readonly decidedAt: Date;
}

/** Lodges an appeal: before the deadline, with grounds, and only one appeal per decision. */
export function lodgeAppeal(
  id: AppealId,
  against: AppealableDecision,
  alreadyAppealed: boolean,
  lodgedBy: string,
  grounds: string,
  now: Date,
): Result<Appeal, Problem[]> {
  if (alreadyAppealed) return err([problem("appeal.already-lodged", { facts: { decision: against.id } })]);
  if (now.getTime() >= against.appealDeadline.getTime())
    return err([
      problem("appeal.out-of-time", { facts: { deadline: against.appealDeadline.toISOString() } }),
    ]);
  if (grounds.trim() === "") return err([problem("input.required", { field: "grounds" })]);
  return ok({ id, against, lodgedBy, lodgedAt: now, grounds: grounds.trim() });
}

/**
 * Hears an appeal. Natural justice: a different panel from the one that decided, none of whose members
 * sat on the decision, quorate, and giving its reason.
 */
export function hearAppeal(
  appeal: Appeal,
  alreadyHeard: boolean,
  panel: Panel,
  sitting: Sitting,
  outcome: "upheld" | "dismissed",
  reason: string,
  now: Date,
): Result<AppealOutcome, Problem[]> {
  if (alreadyHeard) return err([problem("appeal.already-heard", { facts: { appeal: appeal.id } })]);
  if (appeal.against.panelId !== undefined && appeal.against.panelId === panel.id)
    return err([problem("appeal.same-panel", { field: "panel", value: panel.name })]);
  const problems = checkSitting(panel, sitting.decidedBy, sitting.present);
  const conflicted = [...new Set([...sitting.present, sitting.decidedBy])].filter((m) =>
    appeal.against.decidedByMembers.includes(m),
  );
  for (const m of conflicted)
    problems.push(problem("appeal.panel-member-conflict", { field: "present", value: m }));
  if (reason.trim() === "") problems.push(problem("appeal.reason-required", { field: "reason" }));
  if (problems.length > 0) return err(problems);
  return ok({
    appealId: appeal.id,
    cites: appeal.against.id,
    outcome,
    reason: reason.trim(),
    panelId: panel.id,
    decidedBy: sitting.decidedBy,
    present: [...new Set([...sitting.present, sitting.decidedBy])].sort(),
    decidedAt: now,
  });
}
