import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { apportion, type Scenario, type SectionKind } from "../declaration/index.ts";

/**
 * The rejection mix for registered-supporter applications, as weights. 2016 published the reasons but
 * not the split; these weights (per 50,500) are this project's choice and docs/demo.md says so.
 */
export const rejectionWeights = {
  duplicate: 15_000,
  unpaid: 12_000,
  notFound: 8_000,
  notResident: 6_000,
  alreadyEligible: 5_500,
  under18: 4_000,
} as const;

/** A rejection reason the generator plants, by its weight's name. */
export type PlantedRejection = keyof typeof rejectionWeights;

/** The problem code each planted reason must be found as. */
export const foundAs: Readonly<Record<PlantedRejection, string>> = {
  duplicate: "application.duplicate",
  unpaid: "application.unpaid-by-deadline",
  notFound: "application.register-not-found",
  notResident: "application.register-not-resident",
  alreadyEligible: "application.already-eligible",
  under18: "application.register-under-18",
};

/** One section's figures for the generator. */
export interface SectionFigures {
  readonly id: string;
  readonly kind: SectionKind;
  /** Eligible voters at the end (the scenario's figure). */
  readonly eligible: number;
  /** Voters vetting excludes for good (after appeals). */
  readonly excluded: number;
  /** Excluded voters whose appeal is upheld (restored) or dismissed. */
  readonly upheld: number;
  readonly dismissed: number;
  /** Voters admitted before vetting: frozen members or accepted supporters (eligible + excluded). */
  readonly admitted: number;
  /** Applications to this section (supporter sections), and the planted rejections by reason. */
  readonly applications: number;
  readonly rejections: Readonly<Record<PlantedRejection, number>>;
}

/** What the generator plans for the whole election. */
export interface RehearsalFigures {
  readonly sections: readonly SectionFigures[];
  readonly roll: Scenario["extras"]["roll"];
}

const none: Record<PlantedRejection, number> = {
  duplicate: 0,
  unpaid: 0,
  notFound: 0,
  notResident: 0,
  alreadyEligible: 0,
  under18: 0,
};

/**
 * Works out the generator's figures: vetting exclusions shared out over the sections in proportion to
 * their eligible voters (largest remainder); appeals upheld and dismissed, each about 5% of the
 * exclusions; per supporter section, the accepted applicants (eligible + excluded) and, where the
 * scenario publishes the applications, the rejections (applications − accepted) split by the weights.
 */
export function rehearsalFigures(s: Scenario): Result<RehearsalFigures, Problem[]> {
  const excluded = apportion(
    s.extras.excluded,
    s.sections.map((x) => x.eligible),
  );
  let registeredSeen = false;
  const sections: SectionFigures[] = [];
  for (const [i, x] of s.sections.entries()) {
    const ex = excluded[i]!;
    const upheld = Math.round(ex / 20);
    const dismissed = Math.round(ex / 20);
    const admitted = x.eligible + ex;
    let applications = x.kind === "members" ? 0 : admitted;
    let rejections = none;
    if (x.kind === "registered" && !registeredSeen && s.extras.registeredApplications !== undefined) {
      registeredSeen = true;
      applications = s.extras.registeredApplications;
      const rejected = applications - admitted;
      if (rejected < 0)
        return err([
          problem("declaration.archive.unreadable", {
            value: `scenario: ${applications} registered-supporter applications cannot give ${admitted} accepted`,
          }),
        ]);
      const keys = Object.keys(rejectionWeights) as PlantedRejection[];
      const split = apportion(rejected, Object.values(rejectionWeights));
      rejections = Object.fromEntries(keys.map((k, j) => [k, split[j]!])) as Record<PlantedRejection, number>;
    }
    sections.push({
      id: x.id,
      kind: x.kind,
      eligible: x.eligible,
      excluded: ex,
      upheld,
      dismissed,
      admitted,
      applications,
      rejections,
    });
  }
  return ok({ sections, roll: s.extras.roll });
}
