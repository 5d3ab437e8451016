import { ageOn, compareDates } from "../common/calendar-date.ts";
import type { MemberNumber, SectionId } from "../common/ids.ts";
import type { RollRules } from "./election.ts";
import type { EligibilityFacts } from "./roll-entry.ts";

/**
 * Why a member on the roll is left out of a roll section. Every one left out gets at least one;
 * the first listed is the one reported in counts (the order below: freeze date first, as in 2016).
 */
export const exclusionReasons = [
  "joined-after-freeze",
  "not-in-good-standing",
  "in-arrears",
  "under-age",
  "age-unknown",
] as const;

/** One stated reason for leaving a member out. */
export type ExclusionReason = (typeof exclusionReasons)[number];

/** Every reason this member fails the rules, in `exclusionReasons` order; empty when eligible. */
export function exclusionsFor(member: EligibilityFacts, rules: RollRules): ExclusionReason[] {
  const out: ExclusionReason[] = [];
  if (rules.joinedOnOrBefore !== undefined && compareDates(member.joinDate, rules.joinedOnOrBefore) > 0) {
    out.push("joined-after-freeze");
  }
  const allowed = rules.statuses ?? ["good-standing"];
  if (!allowed.includes(member.status)) out.push("not-in-good-standing");
  if (rules.maxArrearsPence !== undefined && member.arrearsPence > rules.maxArrearsPence)
    out.push("in-arrears");
  if (rules.minimumAge !== undefined) {
    if (member.dateOfBirth === null) {
      if (rules.whenDateOfBirthMissing === "exclude") out.push("age-unknown");
    } else if (ageOn(member.dateOfBirth, rules.minimumAge.on) < rules.minimumAge.years) {
      out.push("under-age");
    }
  }
  return out;
}

/** A roll section worked out from the roll: who is in, who is out and why. */
export interface SectionOutcome {
  readonly section: SectionId;
  /** Eligible member numbers, sorted (code-point order), so the outcome never depends on row order. */
  readonly eligible: readonly MemberNumber[];
  /** Everyone left out, with all their reasons. */
  readonly excluded: ReadonlyMap<MemberNumber, readonly ExclusionReason[]>;
  /** How many were left out for each reason, counting each member once under their first reason. */
  readonly excludedByReason: Readonly<Record<ExclusionReason, number>>;
}

/** Applies a roll section's rules to every member of the roll. */
export function judgeRollSection(
  section: SectionId,
  roll: Iterable<EligibilityFacts>,
  rules: RollRules,
): SectionOutcome {
  const eligible: MemberNumber[] = [];
  const excluded = new Map<MemberNumber, readonly ExclusionReason[]>();
  const excludedByReason = emptyReasonCounts();
  for (const member of roll) {
    const reasons = exclusionsFor(member, rules);
    const first = reasons[0];
    if (first === undefined) eligible.push(member.memberNumber);
    else {
      excluded.set(member.memberNumber, reasons);
      excludedByReason[first] += 1;
    }
  }
  eligible.sort(byCodePoint);
  return { section, eligible, excluded, excludedByReason };
}

/** A fresh count of zero for every reason. */
export function emptyReasonCounts(): Record<ExclusionReason, number> {
  return Object.fromEntries(exclusionReasons.map((r) => [r, 0])) as Record<ExclusionReason, number>;
}

/** Plain code-point order (not locale order), so every machine sorts the same way. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
