/**
 * `meek`: STV by Meek's method.
 *
 * Source: I. D. Hill, B. A. Wichmann and D. R. Woodall, "Algorithm 123 — Single Transferable Vote by
 * Meek's method", The Computer Journal 30(3), 1987, pp. 277–281; parametrised as in Droop's
 * "Meek Parametric" rule (J. Lundell): tolerance omega, and fixed, guarded or rational arithmetic.
 *
 * Each candidate has a keep value kf (1 while hopeful, 0 once excluded). A ballot of weight w gives
 * a candidate w·kf and passes w·(1 − kf) to its next preference, both products truncated in fixed
 * arithmetic. The quota is votes / (seats + 1) over the votes held by candidates, so it falls as
 * ballots exhaust. Each elected candidate's keep value is updated to kf × quota / votes (rounded up)
 * until the total surplus is within omega; then the lowest hopeful candidate is excluded, or at once
 * every sure loser. Options: see iterative-options.ts (default: guarded, 18 + 9 places, omega 10^-9).
 */
import type { RuleSet } from "../../rule-set.ts";
import { countIterative } from "../iterative-sheet.ts";

/** Meek's method (Algorithm 123), with Droop's parameters. */
export const meek: RuleSet = {
  id: "meek",
  aliases: ["meek-stv"],
  summary: "STV by Meek's method: keep values iterated to within omega, quota recomputed as ballots exhaust.",
  source:
    "Hill, Wichmann & Woodall 1987, Algorithm 123 (Computer Journal 30(3)); Droop's Meek Parametric rule",
  count: (contest, ballots, options) =>
    countIterative(
      {
        id: "meek",
        version: "1",
        variant: {
          keep: "meek",
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
