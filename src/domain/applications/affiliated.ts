import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { nameKey } from "./identity.ts";

/** An affiliated supporter's union details. */
export interface UnionMembership {
  readonly union: string;
  readonly membershipNumber: string;
}

/** The union's answer about one applicant. */
export type UnionConfirmation = "awaiting" | "confirmed" | "denied";

/** Folds a union membership to a key: union name and number without case, spacing or punctuation. */
export function membershipKey(m: UnionMembership): string {
  return `${nameKey(m.union)}|${m.membershipNumber.toUpperCase().replace(/[^A-Z0-9]/g, "")}`;
}

/**
 * Matches a union's uploaded list of members against the applications naming that union: an application
 * is confirmed when its membership number is on the list. Those not on the list stay awaiting (the union
 * may confirm them one by one until the deadline); the list never denies.
 */
export function confirmFromList(
  union: string,
  listedNumbers: Iterable<string>,
  applications: Iterable<{ readonly id: string; readonly membership: UnionMembership }>,
): string[] {
  const listed = new Set<string>();
  for (const n of listedNumbers) listed.add(membershipKey({ union, membershipNumber: n }));
  const confirmed: string[] = [];
  for (const a of applications) if (listed.has(membershipKey(a.membership))) confirmed.push(a.id);
  return confirmed;
}

/** A union officer's confirm-or-deny answer counts only for their own union and only before the deadline. */
export function answerConfirmation(
  officerUnion: string,
  membership: UnionMembership,
  answer: "confirmed" | "denied",
  deadline: Date,
  now: Date,
): Result<UnionConfirmation, Problem> {
  if (nameKey(officerUnion) !== nameKey(membership.union))
    return err(problem("application.union-mismatch", { field: "union", value: membership.union }));
  if (now.getTime() >= deadline.getTime())
    return err(problem("application.union-deadline-passed", { facts: { deadline: deadline.toISOString() } }));
  return ok(answer);
}
