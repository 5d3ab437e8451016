/**
 * The alternative vote (`av`, also `irv`): one seat. Source: the usual statement of AV/IRV, as in
 * the issue and the corpus README: count first preferences; a candidate with more than half of the
 * votes still in the count (the continuing votes) is elected; otherwise the candidate with fewest
 * votes is excluded and each of their ballots passes to its next preference for a continuing
 * candidate, or is exhausted. With two candidates left this is a simple majority. Ties for
 * exclusion go to the candidate with fewer votes at the most recent earlier stage at which the
 * tied candidates differed, then by lot (the Scottish rule 51 practice, which UK party rules follow).
 * Whole votes only: no fractions ever arise.
 */
import { err, ok, type Result } from "../common/result.ts";
import type { Problem } from "../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "./contest.ts";
import type { CountSheet } from "./count-sheet.ts";
import type { RuleSet } from "./rule-set.ts";
import { checkContest } from "./checks.ts";
import { fixedArithmetic } from "./arithmetic.ts";
import { GregoryCount } from "./stv/engine.ts";

const id = "av";

function countAv(
  contest: Contest,
  ballots: readonly BallotGroup[],
  options: CountOptions,
): Result<CountSheet, Problem[]> {
  const problems = checkContest(contest, ballots, id, { exactly: 1 });
  if (problems.length > 0) return err(problems);
  const ar = fixedArithmetic(0);
  const e = new GregoryCount(contest, ballots, options, {
    rules: id,
    rulesVersion: "1",
    arithmetic: ar,
    earlierStages: "most-recent",
  });

  // A majority of the continuing votes: more than half of the votes held by candidates still standing.
  const electMajority = (): boolean => {
    const hopeful = e.hopeful();
    if (hopeful.length === 1) {
      e.elect(hopeful[0]!, false);
      return true;
    }
    let total = 0n;
    for (const c of hopeful) total += e.votes[c]!;
    for (const c of hopeful) {
      if (e.votes[c]! * 2n > total) {
        e.elect(c, false);
        return true;
      }
    }
    return false;
  };

  e.firstPreferences();
  let done = electMajority();
  e.recordStage("first-preferences", null, "First preferences counted.");
  while (!done) {
    const c = e.tie(e.extremes(e.hopeful(), "lowest"), "lowest", "exclusion");
    e.exclude(c);
    e.transferPapers([c]);
    done = electMajority();
    e.recordStage("exclusion", c, `${e.name(c)} excluded; ballots passed to their next preferences.`);
  }
  return ok(e.sheet());
}

/** The alternative vote (instant-runoff voting) for a single seat. */
export const av: RuleSet = {
  id,
  aliases: ["irv"],
  summary:
    "Alternative vote for one seat: exclude the lowest until someone has a majority of continuing votes.",
  source: "Alternative vote / instant-runoff voting as commonly defined (majority of continuing votes)",
  count: countAv,
};
