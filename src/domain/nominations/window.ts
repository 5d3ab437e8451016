import { problem, type Problem } from "../common/problem.ts";
import type { NominationRules } from "./rules.ts";
import type { NominationsState } from "./state.ts";

/**
 * Why nothing may be nominated or withdrawn at `now`, or undefined if the window is open. The window is
 * half-open, [opensAt, closesAt): an instant exactly at the close is late.
 */
export function windowProblem(
  state: NominationsState,
  rules: NominationRules,
  now: Date,
): Problem | undefined {
  if (state.closedAt !== null)
    return problem("nomination.closed", { facts: { closedAt: state.closedAt.toISOString() } });
  if (now.getTime() < rules.opensAt.getTime())
    return problem("nomination.window-not-open", { facts: { opensAt: rules.opensAt.toISOString() } });
  if (now.getTime() >= rules.closesAt.getTime())
    return problem("nomination.window-closed", { facts: { closesAt: rules.closesAt.toISOString() } });
  return undefined;
}
