import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { findNominator, mayNominateFor } from "./bodies.ts";
import type { NominationsRecordEvent } from "./events.ts";
import type { CandidateId, NominationId, NominatorId } from "./ids.ts";
import type { NominationRules } from "./rules.ts";
import { isLive, type Nomination, type NominationsState } from "./state.ts";
import { windowProblem } from "./window.ts";

/** A request to nominate: which nominator nominates whom, made by which account. */
export interface NominationRequest {
  /** The id to give the new nomination (chosen by the caller). */
  readonly id: NominationId;
  readonly nominator: NominatorId;
  readonly candidate: CandidateId;
  /** The account acting: the nominator or an authorised officer of its body. */
  readonly by: string;
  /** Other ids the same account is known by in the body's lists (`email:<address>`). */
  readonly aliases?: readonly string[];
  /**
   * True when election staff enter a nomination received on a signed paper form: the signature on the
   * form is the nominator's authority, so `by` need not be on the body's list (the service checks that
   * `by` holds an officer's role, and the audit log says it was entered from paper).
   */
  readonly paper?: boolean;
}

/** What making a nomination stores and records. */
export interface NominationMade {
  readonly nomination: Nomination;
  readonly events: readonly NominationsRecordEvent[];
}

/**
 * Decides a nomination: the nominator and candidate exist, the account may act for the nominator, the
 * window is open, and (where the body's rules say so) the nominator has no other live nomination.
 */
export function makeNomination(
  state: NominationsState,
  request: NominationRequest,
  rules: NominationRules,
  now: Date,
): Result<NominationMade, Problem[]> {
  const found = findNominator(state.bodies, request.nominator);
  const candidate = state.candidates.find((c) => c.id === request.candidate);
  const unknown: Problem[] = [];
  if (!found)
    unknown.push(problem("nomination.unknown-nominator", { field: "nominator", value: request.nominator }));
  if (!candidate)
    unknown.push(problem("nomination.unknown-candidate", { field: "candidate", value: request.candidate }));
  if (!found || !candidate) return err(unknown);
  const { body, nominator } = found;
  // An account that may not act for this nominator learns nothing more about its nominations.
  if (request.paper !== true && !mayNominateFor(body, nominator, [request.by, ...(request.aliases ?? [])]))
    return err([
      problem("nomination.not-authorised", {
        field: "nominator",
        facts: { nominator: nominator.name, body: body.name },
      }),
    ]);

  const problems: Problem[] = [];
  const late = windowProblem(state, rules, now, body);
  if (late) problems.push(late);
  const mine = state.nominations.filter((n) => isLive(n) && n.nominator === nominator.id);
  const same = mine.find((n) => n.candidate === candidate.id);
  if (same) {
    problems.push(
      problem("nomination.duplicate", {
        field: "candidate",
        facts: { nominator: nominator.name, candidate: candidate.name },
      }),
    );
  } else if (body.onePerNominator && mine.length > 0) {
    const first = mine[0]!;
    const firstName = state.candidates.find((c) => c.id === first.candidate)?.name ?? first.candidate;
    problems.push(
      problem("nomination.already-nominated", {
        field: "nominator",
        facts: { nominator: nominator.name, candidate: firstName, nomination: first.id },
      }),
    );
  }
  if (state.nominations.some((n) => n.id === request.id))
    throw new Error(`nomination id ${request.id} reused`);
  if (problems.length > 0) return err(problems);

  const nomination: Nomination = {
    id: request.id,
    candidate: candidate.id,
    body: body.id,
    nominator: nominator.id,
    madeAt: now,
    madeBy: request.by,
    withdrawnAt: null,
    withdrawnBy: null,
  };
  return ok({
    nomination,
    events: [
      {
        type: "nomination-made",
        nomination: nomination.id,
        candidate: nomination.candidate,
        body: nomination.body,
        nominator: nomination.nominator,
        at: now.toISOString(),
      },
    ],
  });
}
