/**
 * The count sheet: the full story of a count, stage by stage. One object feeds the JSON
 * (`selectorate-expected-result/1` shape), the text table and the CSV.
 * Numbers are decimal strings at the rule set's precision, so nothing is lost to floating point.
 */
export interface CountSheet {
  /** Rule set id, e.g. `scottish-stv`. */
  readonly rules: string;
  /** Version of our implementation of that rule set, bumped whenever its output could change. */
  readonly rulesVersion: string;
  readonly title: string;
  readonly seats: number;
  readonly candidates: readonly string[];
  /** Decimal places every vote figure on this sheet carries. */
  readonly decimals: number;
  /** Total weight of ballots read, including any with no valid preference. */
  readonly ballotCount: number;
  /** Valid poll: ballots with at least one preference for a candidate in the count. */
  readonly validPoll: number;
  /** Quota as a decimal string; null where the method has none (AV, FPTP, block). */
  readonly quota: string | null;
  /** Winners in order of election (candidate indices). */
  readonly elected: readonly number[];
  readonly stages: readonly Stage[];
  /** The seed lots were drawn with, if any lot was drawn (always printed when given). */
  readonly seed: string;
}

/** What happened at a stage. */
export type StageAction = "first-preferences" | "surplus" | "exclusion" | "election";

/** One step of the count. `votes` gives every candidate's total after the step. */
export interface Stage {
  readonly stage: number;
  readonly action: StageAction;
  /** Whose papers moved: null at stage 1, an array when several move in one step. */
  readonly subject: number | readonly number[] | null;
  /** Every candidate's total after this stage, as decimal strings, by candidate index. */
  readonly votes: readonly string[];
  /** Votes gained (positive) or lost (negative) at this stage, by candidate index. */
  readonly transfers: readonly string[];
  /** Cumulative non-transferable (exhausted) votes after this stage. */
  readonly nonTransferable: string;
  /** Votes lost to rounding so far (fractions dropped by truncation), cumulative; "0" when none. */
  readonly lostToRounding: string;
  /** Quota in force at this stage (changes in Meek and Warren); null where none. */
  readonly quota: string | null;
  /** Candidates elected at this stage, in order. */
  readonly elected: readonly number[];
  /** Candidates excluded at this stage. */
  readonly excluded: readonly number[];
  /** Every tie met at this stage and how it was broken. */
  readonly ties: readonly TieBreak[];
  /** One plain sentence for a person: "Surplus of Jo Bloggs (123.45) transferred." */
  readonly note: string;
}

/** A tie and how the rule set broke it. */
export interface TieBreak {
  /** What the tie was for: which surplus to transfer first, whom to exclude, or whom to elect. */
  readonly purpose: "surplus-order" | "exclusion" | "election";
  /** The tied candidates. */
  readonly between: readonly number[];
  /** How it was broken. */
  readonly method: "earlier-stage" | "file-order" | "lot";
  /** The candidate the break chose (to transfer, exclude or elect). */
  readonly chosen: number;
}
