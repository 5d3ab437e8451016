import type { MemberNumber, SectionId } from "../common/ids.ts";
import { byCodePoint, type ExclusionReason, type SectionOutcome } from "./eligibility.ts";

/** Someone who gains a vote in a section, and why they were out before (empty when they were not on the old roll). */
export interface Gain {
  readonly memberNumber: MemberNumber;
  readonly wasExcludedFor: readonly ExclusionReason[];
}

/** Someone who loses a vote in a section, and why they are out now (empty when they are no longer on the roll). */
export interface Loss {
  readonly memberNumber: MemberNumber;
  readonly nowExcludedFor: readonly ExclusionReason[];
}

/** What a rule change does to one section. */
export interface SectionChange {
  readonly section: SectionId;
  readonly before: number;
  readonly after: number;
  readonly gains: readonly Gain[];
  readonly losses: readonly Loss[];
}

/** Compares a section before and after a rule change: who gains a vote, who loses one, and why. */
export function diffSection(before: SectionOutcome, after: SectionOutcome): SectionChange {
  if (before.section !== after.section)
    throw new Error(`comparing section ${before.section} with ${after.section}`);
  const was = new Set(before.eligible);
  const now = new Set(after.eligible);
  const gains: Gain[] = [];
  const losses: Loss[] = [];
  for (const m of after.eligible)
    if (!was.has(m)) gains.push({ memberNumber: m, wasExcludedFor: before.excluded.get(m) ?? [] });
  for (const m of before.eligible)
    if (!now.has(m)) losses.push({ memberNumber: m, nowExcludedFor: after.excluded.get(m) ?? [] });
  gains.sort((a, b) => byCodePoint(a.memberNumber, b.memberNumber));
  losses.sort((a, b) => byCodePoint(a.memberNumber, b.memberNumber));
  return {
    section: after.section,
    before: before.eligible.length,
    after: after.eligible.length,
    gains,
    losses,
  };
}

/** Counts a change's gains and losses by reason, for the summary the officer reads before applying it. */
export function summariseChange(change: SectionChange): {
  gainedBecause: Record<string, number>;
  lostBecause: Record<string, number>;
} {
  const tally = (lists: readonly (readonly ExclusionReason[])[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const reasons of lists) {
      const key = reasons[0] ?? "not-on-roll";
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  };
  return {
    gainedBecause: tally(change.gains.map((g) => g.wasExcludedFor)),
    lostBecause: tally(change.losses.map((l) => l.nowExcludedFor)),
  };
}
