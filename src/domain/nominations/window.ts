import { problem, type Problem } from "../common/problem.ts";
import type { NominatingBody } from "./bodies.ts";
import type { BodyId } from "./ids.ts";
import type { NominationRules } from "./rules.ts";
import type { NominationsState } from "./state.ts";
import type { Threshold } from "./thresholds.ts";

/** The ids of the bodies a threshold names (whose nominations decide who reaches the ballot). */
export function countedBodies(threshold: Threshold | null, bodies: readonly NominatingBody[]): Set<BodyId> {
  if (threshold === null) return new Set(bodies.map((b) => b.id));
  if (threshold.kind === "all" || threshold.kind === "any")
    return new Set(threshold.of.flatMap((t) => [...countedBodies(t, bodies)]));
  return new Set([threshold.body]);
}

/**
 * Why nothing may be nominated or withdrawn for this body at `now`, or undefined if its period is open.
 * Periods are half-open, [opensAt, closesAt): an instant exactly at the close is late. The returning
 * officer's close ends nominations for every body except a supporting body with its own period.
 */
export function windowProblem(
  state: NominationsState,
  rules: NominationRules,
  now: Date,
  body?: NominatingBody,
): Problem | undefined {
  const own = body?.window;
  if (state.closedAt !== null && own === undefined)
    return problem("nomination.closed", { facts: { closedAt: state.closedAt.toISOString() } });
  const opensAt = own?.opensAt ?? rules.opensAt;
  const closesAt = own?.closesAt ?? rules.closesAt;
  if (now.getTime() < opensAt.getTime())
    return problem("nomination.window-not-open", { facts: { opensAt: opensAt.toISOString() } });
  if (now.getTime() >= closesAt.getTime())
    return problem("nomination.window-closed", { facts: { closesAt: closesAt.toISOString() } });
  return undefined;
}
