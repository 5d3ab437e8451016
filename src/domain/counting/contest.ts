/**
 * What a count takes in: the contest and its ballots, already grouped by identical ranking.
 * Candidates are numbered by their 0-based position in `candidates`.
 */
export interface Contest {
  /** The contest's title, as the ballot file or election gives it. */
  readonly title: string;
  /** Candidate names in ballot-file order; index = candidate number - 1 in BLT. */
  readonly candidates: readonly string[];
  /** Number of seats to fill. */
  readonly seats: number;
  /** Indices of withdrawn candidates: never continuing, their preferences are skipped. */
  readonly withdrawn: readonly number[];
  /**
   * Tie-break order given with the ballots (Droop's `[tie ...]` line), earliest-favoured first;
   * empty when the file gives none and ties go to lot.
   */
  readonly tieOrder: readonly number[];
}

/**
 * A group of identical ballots. `ranking[i]` holds the candidates at preference i + 1; usually one,
 * several where the format allows equal rankings (`b=c` in Droop's BLT).
 */
export interface BallotGroup {
  readonly count: number;
  readonly ranking: readonly (readonly number[])[];
}

/** Options a rule set reads; the corpus's `rulesOptions` object passes through as `rulesOptions`. */
export interface CountOptions {
  /** Seed for drawing lots; the sheet prints it so the count can be repeated to the digit. */
  readonly seed: string;
  /** Rule parameters (arithmetic, precision, omega, ...), as the corpus case or election states them. */
  readonly rulesOptions?: Readonly<Record<string, unknown>>;
}
