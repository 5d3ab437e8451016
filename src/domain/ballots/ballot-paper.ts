/**
 * The ballot paper as the voter sees it: the certified candidates, in ballot order, by id.
 * The nominations room certifies the list; this room only needs the ids and names in order.
 */
export interface BallotPaper {
  /** Candidate ids in the order printed on the paper. */
  readonly candidates: readonly { readonly id: string; readonly name: string }[];
}

/**
 * How a ranked ballot with a fault is treated, named so the election's rules say which applies.
 * - `strict`: any repeated or skipped rank spoils the ballot (online, the voter is asked to correct it first).
 * - `truncate-at-first-fault`: the ballot counts up to the last preference before the first skipped or
 *   repeated rank (ERS practice); it is spoilt only when no single first preference can be read.
 */
export type RankingPolicy = "strict" | "truncate-at-first-fault";

/** The election's rules this room reads. */
export interface BallotRules {
  readonly rankingPolicy: RankingPolicy;
  /** Whether an online voter may deliberately spoil their ballot (most union rules: no). */
  readonly allowOnlineSpoil: boolean;
}

/** Why a counted paper is spoilt (the categories returning officers report). */
export const spoiltReasons = [
  "unmarked",
  "uncertain",
  "identifying-mark",
  "more-than-one-first-preference",
  "no-first-preference",
  "deliberate",
] as const;

/** A spoilt ballot's reason category. */
export type SpoiltReason = (typeof spoiltReasons)[number];

/** What goes into the ballot box: a ranking of candidate ids, or a spoilt paper with its reason. */
export type SealedBallot =
  | { readonly kind: "ranked"; readonly ranking: readonly string[] }
  | { readonly kind: "spoilt"; readonly reason: SpoiltReason };
