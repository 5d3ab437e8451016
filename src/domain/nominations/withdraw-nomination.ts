import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { findNominator, mayNominateFor } from "./bodies.ts";
import type { NominationsRecordEvent } from "./events.ts";
import type { NominationId } from "./ids.ts";
import type { NominationRules } from "./rules.ts";
import type { Nomination, NominationsState } from "./state.ts";
import { windowProblem } from "./window.ts";

/** What withdrawing stores and records: the nomination with its withdrawal filled in. */
export interface NominationWithdrawn {
  readonly nomination: Nomination;
  readonly events: readonly NominationsRecordEvent[];
}

/**
 * Withdraws a live nomination while the window is open. Only those who may nominate for the nominator
 * may withdraw; the nomination stays on file marked withdrawn, and the nominator may then nominate again.
 */
export function withdrawNomination(
  state: NominationsState,
  request: {
    readonly nomination: NominationId;
    readonly by: string;
    /** Other ids the same account is known by in the body's lists (`email:<address>`). */
    readonly aliases?: readonly string[];
    readonly paper?: boolean;
  },
  rules: NominationRules,
  now: Date,
): Result<NominationWithdrawn, Problem[]> {
  const nomination = state.nominations.find((n) => n.id === request.nomination);
  if (!nomination)
    return err([problem("nomination.not-found", { field: "nomination", value: request.nomination })]);
  const found = findNominator(state.bodies, nomination.nominator);
  if (!found) throw new Error(`nomination ${nomination.id} names unknown nominator ${nomination.nominator}`);
  // `paper`: staff acting on a signed withdrawal form, as for paper nominations.
  if (
    request.paper !== true &&
    !mayNominateFor(found.body, found.nominator, [request.by, ...(request.aliases ?? [])])
  )
    return err([
      problem("nomination.not-authorised", {
        field: "nomination",
        facts: { nominator: found.nominator.name, body: found.body.name },
      }),
    ]);
  if (nomination.withdrawnAt !== null)
    return err([
      problem("nomination.already-withdrawn", {
        field: "nomination",
        value: nomination.id,
        facts: { withdrawnAt: nomination.withdrawnAt.toISOString() },
      }),
    ]);
  const late = windowProblem(state, rules, now, found.body);
  if (late) return err([late]);
  return ok({
    nomination: { ...nomination, withdrawnAt: now, withdrawnBy: request.by },
    events: [{ type: "nomination-withdrawn", nomination: nomination.id, at: now.toISOString() }],
  });
}
