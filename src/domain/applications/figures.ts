import type { ApplicationsProblemCode } from "../common/problem-codes/applications.ts";

/** One application's current standing (after any appeal), for the published figures. */
export interface ApplicationStanding {
  readonly sectionId: string;
  readonly outcome: "accepted" | "pending" | "rejected";
  readonly reason?: ApplicationsProblemCode;
}

/** One vetting decision in force: an exclusion not overturned on appeal. */
export interface ExclusionStanding {
  readonly sectionId: string;
  readonly reasons: readonly string[];
}

/** One appeal, against an application decision or an exclusion. */
export interface AppealStanding {
  readonly sectionId: string;
  readonly state: "lodged" | "upheld" | "dismissed";
}

/** The figures for one section, or for all together. */
export interface SectionFigures {
  applications: number;
  accepted: number;
  pending: number;
  rejected: number;
  rejectionsByReason: Record<string, number>;
  excluded: number;
  /** An exclusion with two stated reasons counts once under each. */
  exclusionsByReason: Record<string, number>;
  appealsLodged: number;
  appealsUpheld: number;
  appealsDismissed: number;
}

/** Published figures: per section and in total. */
export interface Figures {
  readonly sections: Record<string, SectionFigures>;
  readonly total: SectionFigures;
}

/** Counts applications, rejections and exclusions by reason, and appeals, per section and in total. */
export function figures(
  applications: Iterable<ApplicationStanding>,
  exclusions: Iterable<ExclusionStanding>,
  appeals: Iterable<AppealStanding>,
): Figures {
  const sections: Record<string, SectionFigures> = {};
  const total = empty();
  const both = (sectionId: string) => [total, (sections[sectionId] ??= empty())];
  for (const a of applications)
    for (const f of both(a.sectionId)) {
      f.applications += 1;
      f[a.outcome] += 1;
      if (a.outcome === "rejected" && a.reason)
        f.rejectionsByReason[a.reason] = (f.rejectionsByReason[a.reason] ?? 0) + 1;
    }
  for (const x of exclusions)
    for (const f of both(x.sectionId)) {
      f.excluded += 1;
      for (const r of x.reasons) f.exclusionsByReason[r] = (f.exclusionsByReason[r] ?? 0) + 1;
    }
  for (const ap of appeals)
    for (const f of both(ap.sectionId)) {
      // Every appeal was lodged; upheld and dismissed count the ones heard.
      f.appealsLodged += 1;
      if (ap.state === "upheld") f.appealsUpheld += 1;
      if (ap.state === "dismissed") f.appealsDismissed += 1;
    }
  return { sections, total };
}

function empty(): SectionFigures {
  return {
    applications: 0,
    accepted: 0,
    pending: 0,
    rejected: 0,
    rejectionsByReason: {},
    excluded: 0,
    exclusionsByReason: {},
    appealsLodged: 0,
    appealsUpheld: 0,
    appealsDismissed: 0,
  };
}
