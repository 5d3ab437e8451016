/**
 * `warren`: STV by Warren's method.
 *
 * Source: C. H. E. Warren, "Counting in STV elections", Voting matters 1 (1994), which keeps Meek's
 * iteration (Hill, Wichmann & Woodall 1987, Algorithm 123, Computer Journal 30(3)) but changes how a
 * keep value shares a ballot: a candidate keeps kf of the whole ballot's value, min(kf, w) of the
 * weight w still left, rather than the fraction kf of what reaches it. Parametrised as in Droop's
 * "Warren Parametric" rule (J. Lundell): omega, and fixed, guarded or rational arithmetic.
 * Everything else (quota, keep-value update, exclusions, sure-loser batches) is as in `meek`.
 */
import type { RuleSet } from "../../rule-set.ts";
import { countIterative } from "../iterative-sheet.ts";

/** Warren's method, with Droop's parameters. */
export const warren: RuleSet = {
  id: "warren",
  aliases: ["warren-stv"],
  summary: "STV by Warren's method: like Meek, but each candidate keeps a fixed part of the whole ballot.",
  source:
    "Warren, Voting matters 1 (1994); Hill, Wichmann & Woodall 1987 (Algorithm 123); Droop's Warren Parametric rule",
  count: (contest, ballots, options) =>
    countIterative(
      {
        id: "warren",
        version: "1",
        variant: {
          keep: "warren",
          omegaInclusive: true,
          clampSurplus: false,
          redistributeAfterDefeat: true,
          batchDefeat: true,
        },
      },
      contest,
      ballots,
      options,
    ),
};
