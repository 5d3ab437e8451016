import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { PanelId, VettingCaseId } from "./ids.ts";

/** A case raised by staff against a voter, with the evidence the panel will weigh. */
export interface VettingCase {
  readonly id: VettingCaseId;
  readonly voterId: string;
  readonly sectionId: string;
  readonly panelId: PanelId;
  readonly raisedBy: string;
  readonly raisedAt: Date;
  readonly summary: string;
  /** Each item of evidence as the staff member described it (a link, a quotation, a document name). */
  readonly evidence: readonly string[];
}

/** What staff submit to raise a case. */
export interface RaiseCaseInput {
  readonly id: VettingCaseId;
  readonly voterId: string;
  readonly sectionId: string;
  readonly panelId: PanelId;
  readonly raisedBy: string;
  readonly summary: string;
  readonly evidence: readonly string[];
}

/** Raises a case; a case needs a summary and at least one item of evidence, because a panel decides on evidence. */
export function raiseCase(input: RaiseCaseInput, now: Date): Result<VettingCase, Problem[]> {
  const problems: Problem[] = [];
  if (input.voterId.trim() === "") problems.push(problem("input.required", { field: "voterId" }));
  if (input.summary.trim() === "") problems.push(problem("input.required", { field: "summary" }));
  const evidence = input.evidence.map((e) => e.trim()).filter((e) => e !== "");
  if (evidence.length === 0) problems.push(problem("vetting.evidence-required", { field: "evidence" }));
  if (problems.length > 0) return err(problems);
  return ok({ ...input, summary: input.summary.trim(), evidence, raisedAt: now });
}
