import type { Problem } from "../common/problem.ts";
import type { Result } from "../common/result.ts";
import type { BallotGroup, Contest, CountOptions } from "./contest.ts";
import type { CountSheet } from "./count-sheet.ts";

/** A counting method that plugs into `count()`. Each lives in its own file and cites its source. */
export interface RuleSet {
  /** The id the corpus and the CLI use, e.g. `scottish-stv`. */
  readonly id: string;
  /** Other ids accepted for it, e.g. `irv` for `av`. */
  readonly aliases: readonly string[];
  /** One line for `--help` and docs. */
  readonly summary: string;
  /** The rule text it follows (statute, published rules). */
  readonly source: string;
  /** Counts a contest. Problems are expected failures (e.g. fewer candidates than seats). */
  count(
    contest: Contest,
    ballots: readonly BallotGroup[],
    options: CountOptions,
  ): Result<CountSheet, Problem[]>;
}
