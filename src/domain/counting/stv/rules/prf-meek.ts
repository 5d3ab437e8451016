/**
 * `prf-meek`: the Proportional Representation Foundation's Reference Meek Rule
 * (prfound.org/resources/reference/reference-meek-rule/), with its own fixed parameters:
 * fixed-point arithmetic to 9 decimal places, omega = 10^-6, no batch exclusions.
 *
 * In short, as the rule states it:
 * A. Hopeful candidates get keep value 1, withdrawn ones 0.
 * B.1 The count is complete when the seats are full or elected plus hopeful ≤ seats.
 * B.2 Iterate: (a) each ballot starts at weight 1; each candidate in turn receives w × kf, to 9 places
 *     rounded up, and w falls by the same amount, until w is 0 or the ranking ends; (b) quota = total
 *     votes / (seats + 1), truncated to 9 places, plus 10^-9; (c) elect every hopeful with votes ≥
 *     quota; (d) total surplus s = Σ (votes − quota) over the elected, not below 0; (e) after an
 *     election start a new round; else if s < omega, or s has not fallen since the last iteration,
 *     go to B.3; (f) kf ← kf × quota (rounded up) ÷ votes (rounded up), and iterate again.
 * B.3 Exclude the hopeful with fewest votes; candidates within s of that lowest count as tied, and
 *     the defined tie-break chooses. Its keep value becomes 0.
 * C. Elect the remaining hopefuls if seats remain, else exclude them.
 * The iteration itself is Meek's: Hill, Wichmann & Woodall 1987, Algorithm 123, Computer Journal 30(3).
 */
import type { RuleSet } from "../../rule-set.ts";
import { countIterative } from "../iterative-sheet.ts";

/** The PRF reference Meek rule. */
export const prfMeek: RuleSet = {
  id: "prf-meek",
  aliases: ["meek-prf"],
  summary: "The PR Foundation's reference Meek rule: 9-place fixed-point arithmetic, omega 10^-6.",
  source: "Proportional Representation Foundation, Reference Meek Rule (prfound.org)",
  count: (contest, ballots, options) =>
    countIterative(
      {
        id: "prf-meek",
        version: "1",
        variant: {
          keep: "prf",
          omegaInclusive: false,
          clampSurplus: true,
          redistributeAfterDefeat: false,
          batchDefeat: false,
        },
        forced: { arithmetic: "fixed", precision: 9, omega: 6, displayDecimals: 9 },
      },
      contest,
      ballots,
      options,
    ),
};
