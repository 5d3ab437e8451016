import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { NominationsRecordEvent } from "./events.ts";
import type { CandidateId } from "./ids.ts";
import type { NominationRules } from "./rules.ts";
import type { NominationsState } from "./state.ts";

/** What a consent records; `alreadyConsented` means a repeat, which changes nothing. */
export interface ConsentGiven {
  readonly candidate: CandidateId;
  readonly alreadyConsented: boolean;
  readonly events: readonly NominationsRecordEvent[];
}

/**
 * Records a candidate's consent to nomination. Only the candidate may consent, and only before
 * nominations close; consenting twice is harmless.
 */
export function consentToNomination(
  state: NominationsState,
  request: { readonly candidate: CandidateId; readonly by: string; readonly aliases?: readonly string[] },
  rules: NominationRules,
  now: Date,
): Result<ConsentGiven, Problem[]> {
  const candidate = state.candidates.find((c) => c.id === request.candidate);
  if (!candidate)
    return err([problem("nomination.unknown-candidate", { field: "candidate", value: request.candidate })]);
  if (![request.by, ...(request.aliases ?? [])].includes(candidate.account))
    return err([
      problem("nomination.not-the-candidate", { field: "candidate", facts: { candidate: candidate.name } }),
    ]);
  if (state.closedAt !== null)
    return err([problem("nomination.closed", { facts: { closedAt: state.closedAt.toISOString() } })]);
  // Consent may come before nominations open, but not after they close.
  if (now.getTime() >= rules.closesAt.getTime())
    return err([problem("nomination.window-closed", { facts: { closesAt: rules.closesAt.toISOString() } })]);
  if (state.consents.includes(candidate.id))
    return ok({ candidate: candidate.id, alreadyConsented: true, events: [] });
  return ok({
    candidate: candidate.id,
    alreadyConsented: false,
    events: [{ type: "nomination-consented", candidate: candidate.id, at: now.toISOString() }],
  });
}
