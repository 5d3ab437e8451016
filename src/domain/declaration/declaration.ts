/**
 * The declaration as read out and published: per section, per region and in total, the valid votes
 * per candidate at each stage with percentages, spoilt ballots, eligible voters and turnout.
 * Every number is a whole vote count or an exactly rounded percentage string.
 */
export interface Declaration {
  readonly title: string;
  readonly candidates: readonly string[];
  /** `equal`: every vote counts alike (2016); `college`: sections weighted as an electoral college. */
  readonly weighting: "equal" | "college";
  readonly rules: string;
  readonly rulesVersion: string;
  /** The winners' names, in order of election. */
  readonly elected: readonly string[];
  /** Per stage: who was excluded or elected, and a sentence for the reader. */
  readonly stages: readonly StageOutline[];
  readonly total: Tally;
  readonly sections: readonly SectionDeclaration[];
  /** The weighted shares per stage (college only). */
  readonly weightedShares?: readonly (readonly string[])[];
  /** The ballots a region needs in a section before it is shown on its own. */
  readonly privacyThreshold: number;
  /** Plain sentences saying what was merged or withheld, and why. */
  readonly notes: readonly string[];
}

/** What happened at one stage, by candidate name. */
export interface StageOutline {
  readonly stage: number;
  readonly excluded: readonly string[];
  readonly elected: readonly string[];
}

/** Figures for a body of voters (the total, a section, a region). */
export interface Tally {
  /** Eligible voters, where known (regions may not know theirs). */
  readonly eligible: number | null;
  /** Valid ballots (at least one preference). */
  readonly valid: number;
  readonly spoilt: number;
  /** (valid + spoilt) / eligible, one decimal; null when eligible is unknown. */
  readonly turnoutPercent: string | null;
  /** Per stage: votes per candidate, percentages of the continuing votes, and ballots exhausted. */
  readonly stages: readonly TallyStage[];
}

/** One stage of a tally. */
export interface TallyStage {
  readonly votes: readonly number[];
  /** Each candidate's share of the votes still in the count at this stage, one decimal, half up. */
  readonly percent: readonly string[];
  readonly exhausted: number;
}

/** A section's declaration, with its regional breakdown after the privacy check. */
export interface SectionDeclaration {
  readonly id: string;
  readonly label: string;
  /** The section's weight in a college (relative), or null when all votes count alike. */
  readonly weight: number | null;
  readonly tally: Tally;
  /** Regions shown on their own, largest first, then "Other regions" if any were merged. */
  readonly regions: readonly { readonly region: string; readonly tally: Tally }[];
  /** Regions merged into "Other regions". */
  readonly mergedRegions: readonly string[];
  /** True when the regional breakdown is withheld to keep ballots secret. */
  readonly regionsWithheld: boolean;
}
