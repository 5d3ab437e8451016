import type { CandidateId } from "./ids.ts";
import type { Threshold } from "./thresholds.ts";

/** The order of names on the ballot paper. */
export type BallotOrder =
  | { readonly kind: "surname" }
  /** An order the rules set out, by candidate id (e.g. drawn by lot beforehand). */
  | { readonly kind: "listed"; readonly order: readonly CandidateId[] };

/** The nomination rules of one election, as data. */
export interface NominationRules {
  /** Nominations are accepted from `opensAt` (inclusive) until `closesAt` (exclusive). */
  readonly opensAt: Date;
  /** A nomination timed exactly at this instant is late: "nominations close at 17:00" means before 17:00. */
  readonly closesAt: Date;
  /** What a candidate needs to reach the ballot; `null` means one valid nomination is enough. */
  readonly threshold: Threshold | null;
  /** An incumbent is on the ballot by right, without nominations (Labour's rule 2016). */
  readonly incumbentOnBallotByRight: boolean;
  /** Whether a candidate must consent to reach the ballot (the usual rule). */
  readonly consentRequired: boolean;
  /** Seats to fill; with no more qualifiers than seats, they are elected unopposed. */
  readonly seats: number;
  /** Defaults to alphabetical by surname. */
  readonly ballotOrder: BallotOrder;
}

/** A candidate seeking nomination, with the name and description as they gave them for the ballot paper. */
export interface Candidate {
  readonly id: CandidateId;
  /** The name as it is to appear on the ballot paper. */
  readonly name: string;
  /** The surname used to order the ballot paper. */
  readonly surname: string;
  /** The description the candidate gave (may be empty). */
  readonly description: string;
  /** Whether the candidate holds the post now. */
  readonly incumbent: boolean;
  /** Account id of the candidate, who alone may consent. */
  readonly account: string;
}
